import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * The file system as the workflows see it. Every read or write a workflow does goes through a
 * `FileHost`, so a front end can serve files from elsewhere (a language server's unsaved
 * buffers, an HTTP request's body) and tests can use a map. `nodeFiles` is the real disk.
 * Failures are results phrased for the user (`cannot read \`x.sop\`: no such file`), never throws.
 */

/** Text read from a file, or why it could not be read (already phrased for the user). */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** What a path names: a file, a directory, or a problem phrased for the user. */
export type PathKind = { readonly kind: 'file' | 'directory' } | { readonly problem: string };

/** The files under a directory, or why it could not be listed. */
export type FileList = { readonly files: readonly string[] } | { readonly problem: string };

/** The file operations workflows use. */
export interface FileHost {
  /** Reads a UTF-8 text file; a byte-order mark is dropped. */
  readText(file: string): ReadResult;
  /** Whether a path is a file or a directory. */
  kindOf(file: string): PathKind;
  /** The files under a directory whose names match, depth first in name order. */
  filesUnder(dir: string, matches: (name: string) => boolean): FileList;
  /** Writes a file whole or not at all; returns the problem when it could not. */
  writeFile(file: string, data: string | Uint8Array): { readonly problem: string } | undefined;
}

/**
 * The largest text file read whole (a policy source, a case, a test file, a template): 32 MB.
 * Larger files, and anything that is not a regular file (a device such as /dev/zero, a FIFO, a
 * socket), are refused with a message instead of exhausting memory or waiting forever.
 */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

/** Reads a UTF-8 text file. A user mistake (missing file, a directory, a device, too large…) is a result, never a throw. */
export function readText(file: string, limit = MAX_TEXT_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    // Non-blocking, so opening a FIFO without a writer returns at once (and is then refused).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: `cannot read \`${file}\`: is a directory` };
    if (!stat.isFile()) return { ok: false, message: `cannot read \`${file}\`: not a regular file (a device, pipe or socket)` };
    const read = readLimited(fd, limit);
    if (read === undefined) return { ok: false, message: `cannot read \`${file}\`: larger than ${limit / (1024 * 1024)} MB` };
    // Editors do not count a byte-order mark as a column; drop it so positions match theirs.
    return { ok: true, text: stripBom(read) };
  } catch (error) {
    return { ok: false, message: `cannot read \`${file}\`: ${describeFsError(error)}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads an open file (or stdin) to its end as UTF-8; undefined once it passes `limit` bytes. */
export function readLimited(fd: number, limit = MAX_TEXT_BYTES): string | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking stdin with nothing yet: wait briefly, then read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Drops a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
 * A fresh temporary name beside `file`: in the same directory, so the final rename cannot cross
 * file systems; random, so concurrent writers (threads, processes) never share one.
 */
export function tempPathBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomHex()}.tmp`);
}

/** node:crypto, loaded on the first write: commands that only read (`check`) need not pay ~4 ms to load it. */
let crypto: typeof import('node:crypto') | undefined;

function randomHex(): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.randomBytes(8).toString('hex');
}

/**
 * Writes a file whole or not at all: the data goes to a temporary file in the same directory,
 * is flushed to disk, then renamed over the target. On failure the temporary file is removed and
 * the target is left as it was. Throws the file-system error; callers turn it into a message
 * with `describeFsError`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = tempPathBeside(file);
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

/**
 * The files under a directory whose names match, depth first in name order (so output is stable);
 * hidden directories and node_modules are skipped. Throws the file-system error.
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

/** The real file system. */
export const nodeFiles: FileHost = {
  readText,
  kindOf(file) {
    try {
      return { kind: fs.statSync(file).isDirectory() ? 'directory' : 'file' };
    } catch (error) {
      return { problem: `cannot read \`${file}\`: ${describeFsError(error)}` };
    }
  },
  filesUnder(dir, matches) {
    try {
      return { files: filesUnder(dir, matches) };
    } catch (error) {
      return { problem: `cannot read \`${dir}\`: ${describeFsError(error)}` };
    }
  },
  writeFile(file, data) {
    try {
      writeFileAtomic(file, data);
      return undefined;
    } catch (error) {
      return { problem: `cannot write \`${file}\`: ${describeFsError(error)}` };
    }
  },
};

/** Compares paths segment by segment, so a directory's files sort together as on disk. */
function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/**
 * Files held in memory, keyed by `/`-separated path: a directory is any prefix of a path. For
 * front ends whose files are not on disk (an editor's buffers, a request's body) and for tests.
 * Writes go into the same map.
 */
export function memoryFiles(files: Record<string, string>): FileHost {
  const dirOf = (p: string) => `${p.replace(/\/+$/, '')}/`;
  return {
    readText(file) {
      if (Object.hasOwn(files, file)) return { ok: true, text: stripBom(files[file]) };
      const why = Object.keys(files).some((k) => k.startsWith(dirOf(file))) ? 'is a directory' : 'no such file';
      return { ok: false, message: `cannot read \`${file}\`: ${why}` };
    },
    kindOf(file) {
      if (Object.hasOwn(files, file)) return { kind: 'file' };
      if (Object.keys(files).some((k) => k.startsWith(dirOf(file)))) return { kind: 'directory' };
      return { problem: `cannot read \`${file}\`: no such file` };
    },
    filesUnder(dir, matches) {
      const prefix = dir === '.' ? '' : dirOf(dir);
      const found = Object.keys(files).filter((k) => {
        if (!k.startsWith(prefix)) return false;
        const parts = k.slice(prefix.length).split('/');
        // Hidden directories and node_modules are skipped, as on disk.
        return matches(parts[parts.length - 1]) && parts.slice(0, -1).every((p) => !p.startsWith('.') && p !== 'node_modules');
      });
      return { files: found.sort(comparePaths) };
    },
    writeFile(file, data) {
      files[file] = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
      return undefined;
    },
  };
}
