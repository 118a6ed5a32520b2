import * as path from 'node:path';
import { runWithCodeCache } from './code-cache.js';
import { commandNames } from './command-names.js';
import { ExitCode } from './exit-codes.js';

/**
 * The entry point bundled into dist/sopwright.cjs, which bin/sopwright.js loads. It runs the CLI
 * (src/cli/main.ts, bundled as the CommonJS file dist/cli.cjs) through V8's code cache
 * (code-cache.ts): a run starts from the bytecode the previous run of the same command compiled.
 * The caches live in dist/code-cache/, or in the directory SOPWRIGHT_CODE_CACHE names;
 * SOPWRIGHT_CODE_CACHE=off runs without one.
 */

const setting = process.env.SOPWRIGHT_CODE_CACHE;
const command = commandNames.find((name) => name === process.argv[2]) ?? 'other';
const cacheDir = setting === 'off' ? undefined : setting || path.join(__dirname, 'code-cache');
const run = runWithCodeCache({ bundle: path.join(__dirname, 'cli.cjs'), cacheFile: cacheDir && path.join(cacheDir, `${command}.v8`) });
// Only a run that did its whole job leaves a cache: one that stopped at a usage error or a crash
// compiled little, and a valid cache is never rewritten, so it would stay that thin.
const finished: readonly number[] = [ExitCode.ok, ExitCode.invalid, ExitCode.undecided];
process.once('exit', (code) => {
  if (finished.includes(code)) run.save();
});
