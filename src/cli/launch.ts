import * as path from 'node:path';
import { runWithCodeCache } from './code-cache.js';
import { commandNames } from './command-names.js';

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
process.once('exit', () => run.save());
