import * as path from 'node:path';
import { cacheDirectory, mayLeaveCaches } from './caches.js';
import { runWithCodeCache } from './code-cache.js';
import { commandNames } from './command-names.js';

/**
 * The entry point bundled into dist/sopwright.cjs, which bin/sopwright.js loads. It runs the CLI
 * (src/cli/main.ts, bundled as the CommonJS file dist/cli.cjs) through V8's code cache
 * (code-cache.ts): a run starts from the bytecode the previous run of the same command compiled.
 */

const command = commandNames.find((name) => name === process.argv[2]) ?? 'other';
const cacheDir = cacheDirectory(process.env, __dirname);
const run = runWithCodeCache({ bundle: path.join(__dirname, 'cli.cjs'), cacheFile: cacheDir && path.join(cacheDir, `${command}.v8`) });
process.once('exit', (code) => {
  if (mayLeaveCaches(code)) run.save();
});
