/**
 * The CLI's edges: the standard streams and the colour decision. Files are read and written by
 * the workflows (src/workflows/files.ts); the helpers are re-exported here for the commands.
 */
export { describeFsError, MAX_TEXT_BYTES, readLimited, readText, stripBom, writeFileAtomic, type ReadResult } from '../workflows/files.js';

/** A standard stream as the CLI uses it: text in, and whether to colour what goes there. */
export interface Writer {
  write(text: string): void;
  readonly color: boolean;
}

/** The environment variables the colour decision reads. */
export type ColorEnv = Readonly<Record<string, string | undefined>>;

/**
 * Whether to colour a stream: `FORCE_COLOR` decides when set (`0` or `false` turn colour off,
 * anything else on, as in Node's own `tty` module); otherwise a non-empty `NO_COLOR`
 * (no-color.org) or `TERM=dumb` turns it off; otherwise colour only a terminal.
 */
export function useColor(stream: { readonly isTTY?: boolean }, env: ColorEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function writer(stream: NodeJS.WriteStream): Writer {
  return { write: (text) => void stream.write(text), color: useColor(stream, process.env) };
}

/** Standard output: results meant for pipes (JSON, rendered text). */
export const stdout: Writer = writer(process.stdout);

/** Standard error: diagnostics and messages meant for people. */
export const stderr: Writer = writer(process.stderr);

/** Prints a CLI-level problem that is not a diagnostic: `sopwright: error: cannot read …`. */
export function printError(w: Writer, message: string): void {
  const label = w.color ? '\x1b[1m\x1b[31merror\x1b[0m' : 'error';
  w.write(`sopwright: ${label}: ${message}\n`);
}
