import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The CLI's edges: reading inputs, writing outputs, the standard streams and the colour decision.
 * The library never touches the file system or the terminal; commands do it through here.
 */

/** Text read from a file, or why it could not be read (already phrased for the user). */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads a UTF-8 text file. A user mistake (missing file, a directory…) is a result, never a throw. */
export function readText(file: string): ReadResult {
  try {
    const text = fs.readFileSync(file, 'utf8');
    // Editors do not count a byte-order mark as a column; drop it so positions match theirs.
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { ok: false, message: `cannot read \`${file}\`: ${describeFsError(error)}` };
  }
}

/** A short reason for a file-system failure: "no such file", "permission denied"… */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes a file whole or not at all: the data goes to a temporary file in the same directory
 * (so the rename cannot cross file systems), is flushed to disk, then renamed over the target.
 * On failure the temporary file is removed and the target is left as it was. Throws the
 * file-system error; callers turn it into a message with `describeFsError`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

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

/**
 * The files under a directory whose names match, depth first in name order (so output is stable);
 * hidden directories and node_modules are skipped.
 */
export function filesUnder(dir: string, matches: (name: string) => boolean): string[] {
  const out: string[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...filesUnder(full, matches));
    } else if (matches(entry.name)) {
      out.push(full);
    }
  }
  return out;
}
