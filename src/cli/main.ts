import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, mayLeaveCaches } from './caches.js';
import { ExitCode } from './exit-codes.js';
import { stderr } from './io.js';
import { runCli } from './program.js';
import { useZoneCache } from './zone-cache.js';

/**
 * The program bundled into dist/cli.cjs (which the launcher, launch.ts, runs). It runs the program and turns anything thrown
 * into exit code 70: user mistakes are diagnostics or usage errors, so an exception is a bug.
 */

const REPORT_URL = 'https://github.com/sopwright/sopwright/issues';

/** The one-line message for a bug; the stack only with SOPWRIGHT_DEBUG=1. */
function internalErrorMessage(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^internal error:\s*/, '');
  const debug = process.env.SOPWRIGHT_DEBUG === '1';
  const stack = debug && error instanceof Error && error.stack !== undefined ? `${error.stack}\n` : '';
  return `sopwright: internal error: ${message} — please report this at ${REPORT_URL}\n${stack}`;
}

function crash(error: unknown): void {
  stderr.write(internalErrorMessage(error));
  process.exit(ExitCode.internal);
}

// Reading side closed (`sopwright check --json … | head`): stop quietly, as other CLIs do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  else crash(error);
});
process.on('uncaughtException', crash);

// The time-zone answers of earlier runs (zone-cache.ts), beside the code cache the launcher uses.
const cacheDir = cacheDirectory(process.env, dirname(fileURLToPath(import.meta.url)));
const zones = cacheDir === undefined ? undefined : useZoneCache(cacheDir);
process.once('exit', (code) => {
  if (zones !== undefined && mayLeaveCaches(code)) zones.save();
});

process.on('unhandledRejection', crash);

runCli(process.argv.slice(2)).then(
  // Set rather than call process.exit, so output still buffered for a pipe is flushed first.
  (code) => void (process.exitCode = code),
  crash,
);
