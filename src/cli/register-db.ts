import { lockTimeoutFrom, openRegisterAt, RegisterError, type OpenRegisterOptions, type Register } from '../workflows/register.js';
import { ExitCode } from './exit-codes.js';
import { printError, type Writer } from './io.js';

/** Opening the register for a command, and turning register failures into messages and exit codes. */

/** The exit code for a register failure (README, "Exit codes"). */
export function registerExitCode(error: RegisterError): ExitCode {
  switch (error.kind) {
    case 'newer-schema':
      return ExitCode.newerSchema;
    case 'not-found':
    case 'invalid-input':
    case 'invalid-transition':
      return ExitCode.invalid;
    default:
      return ExitCode.database;
  }
}

/** Prints a register failure (message, then help) and returns its exit code; anything else is rethrown. */
export function reportRegisterError(error: unknown, stderr: Writer): ExitCode {
  if (!(error instanceof RegisterError)) throw error;
  printError(stderr, error.message);
  if (error.help !== undefined) stderr.write(`  = help: ${error.help}\n`);
  return registerExitCode(error);
}

/**
 * Opens the register at `location` and runs `fn` with it, closing it after; a register failure
 * is printed and becomes the exit code. `SOPWRIGHT_LOCK_TIMEOUT_MS` sets how long to wait for a lock.
 */
export async function withRegister(location: string, opts: OpenRegisterOptions, stderr: Writer, fn: (register: Register) => Promise<ExitCode>): Promise<ExitCode> {
  const opened = await openRegisterAt(location, { lockTimeoutMs: lockTimeoutFrom(process.env), ...opts });
  if ('error' in opened) return reportRegisterError(opened.error, stderr);
  try {
    return await fn(opened.register);
  } catch (error) {
    return reportRegisterError(error, stderr);
  } finally {
    await opened.register.close().catch(() => undefined);
  }
}
