import { openRegister, RegisterError, type OpenRegisterOptions, type Register } from '../register/index.js';
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

/** `SOPWRIGHT_LOCK_TIMEOUT_MS`: how long to wait for another desk's lock (default 5000 ms). */
export function lockTimeoutFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const text = env.SOPWRIGHT_LOCK_TIMEOUT_MS;
  return text !== undefined && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

/**
 * Opens the register at `location` and runs `fn` with it, closing it after; a register failure
 * is printed and becomes the exit code.
 */
export async function withRegister(location: string, opts: OpenRegisterOptions, stderr: Writer, fn: (register: Register) => Promise<ExitCode>): Promise<ExitCode> {
  let register: Register;
  try {
    register = await openRegister(location, { lockTimeoutMs: lockTimeoutFromEnv(process.env), ...opts });
  } catch (error) {
    return reportRegisterError(error, stderr);
  }
  try {
    return await fn(register);
  } catch (error) {
    return reportRegisterError(error, stderr);
  } finally {
    await register.close().catch(() => undefined);
  }
}
