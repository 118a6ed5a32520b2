import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * Runs a CommonJS bundle with V8's code cache, so a run does not parse and compile the code the
 * previous run of the same command already compiled (Node 20 has no `module.enableCompileCache`).
 * The cache is the bytecode V8 serialises after a run (`script.createCachedData()`), one file per
 * command (each command compiles different functions). It is used only when:
 * - its header names this Node, V8, architecture and this very build of the bundle (size,
 *   modification time and inode of the file: every build rewrites it), and the data's length and
 *   CRC-32 match the header (V8 itself checks neither a payload's integrity nor its length);
 * - V8 accepts it (same V8 flags, same source length).
 * Otherwise the bundle is compiled from source as without a cache, and a fresh cache is written
 * when the process exits (whole or not at all: a temporary file renamed over the old one). A cache
 * that cannot be read or written is never an error: the program runs the same, only slower.
 */

/** The first bytes of a cache file; the number changes whenever the layout below does. */
const MAGIC = 'sopwright-code-cache 1\n';

/** Where a bundle's cache lives and whether a run may use or write it. */
export interface CodeCacheOptions {
  /** The CommonJS bundle to run. */
  readonly bundle: string;
  /** The cache file to read and (re)write; undefined runs the bundle without a cache. */
  readonly cacheFile: string | undefined;
}

/** What became of the cache in a run: not asked for, used, or missing, stale (or damaged), rejected by V8 (then rewritten on `save`). */
export type CacheState = 'off' | 'used' | 'missing' | 'stale' | 'rejected';

/** A run of a bundle: what became of the cache, the bundle's exports, and how to save a fresh cache. */
export interface BundleRun {
  readonly cache: CacheState;
  readonly exports: unknown;
  /** Writes the cache from what the run compiled so far, unless the run used a valid one; never throws. */
  save(): void;
}

/**
 * Runs `bundle` as a CommonJS module in this context (its `require` resolves from the bundle's
 * directory, its dynamic `import()` through Node's own loader). Call `save()` when the run is over
 * (the launcher does it on process exit), so the cache holds every function the command compiled.
 */
export function runWithCodeCache(options: CodeCacheOptions): BundleRun {
  const { bundle } = options;
  // zlib.crc32 is Node 20.15's: on an older Node the bundle runs without a cache.
  const cacheFile = typeof zlib.crc32 === 'function' ? options.cacheFile : undefined;
  const source = readSource(bundle);
  const key = cacheKey(bundle);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, key);
  // The same wrapper as Node's CommonJS loader, so the bundle sees the usual module variables.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData: cached?.data,
    // The build turns the bundle's `import()` of its externals (pg, playwright-core…) into
    // `require`; any other would go to Node's own loader (with an experimental warning on Node 20).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const state: CacheState = cacheFile === undefined ? 'off' : cached === undefined ? 'missing' : cached.data === undefined ? 'stale' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  let saved = state === 'used' || state === 'off';
  return {
    cache: state,
    exports: module.exports,
    save() {
      if (saved || cacheFile === undefined) return;
      saved = true;
      writeCache(cacheFile, key, script);
    },
  };
}

/**
 * The bundle's text. The build makes it ASCII (ascii-bundle.ts), which Latin-1 decodes 3–5× faster
 * than Node 20's UTF-8 decoder; any other bundle is still read as UTF-8.
 */
function readSource(bundle: string): string {
  const bytes = fs.readFileSync(bundle);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** What a cache is valid for: this Node and V8 on this architecture, and this build of the bundle. */
export function cacheKey(bundle: string): string {
  const stat = fs.statSync(bundle, { bigint: true });
  return [process.version, process.versions.v8, process.arch, stat.size, stat.mtimeNs, stat.ino].join(' ');
}

/**
 * A cache file's data when its header matches `key` and the data is whole; `{ data: undefined }`
 * when the file exists but is stale or damaged; undefined when there is none. (The same format
 * serves the zone answers, zone-cache.ts.)
 */
export function readCache(file: string, key: string): { data: Buffer | undefined } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  return { data: cacheData(bytes, key) };
}

/** The data inside a cache file's bytes, or undefined unless the header and the checksum match. */
function cacheData(bytes: Buffer, key: string): Buffer | undefined {
  const prefix = `${MAGIC}${key}\n`;
  const end = bytes.indexOf(10, prefix.length) + 1;
  if (end === 0 || bytes.toString('latin1', 0, prefix.length) !== prefix) return undefined;
  const data = bytes.subarray(end);
  return bytes.toString('latin1', prefix.length, end) === `${data.length} ${crc32(data)}\n` ? data : undefined;
}

/** A cache file's bytes: the magic line, the key line, the data's length and CRC-32, then the data. */
export function encodeCache(key: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC}${key}\n${data.length} ${crc32(data)}\n`, 'latin1'), data]);
}

function writeCache(file: string, key: string, script: vm.Script): void {
  writeCacheFile(file, key, () => script.createCachedData());
}

/** Writes a cache file whole (a temporary file renamed over the old one) or not at all; never throws. */
export function writeCacheFile(file: string, key: string, makeData: () => Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = makeData();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, encodeCache(key, data));
    fs.renameSync(temp, file);
  } catch {
    // A read-only installation or a full disk: the next run compiles from source, as this one did.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Not even a temporary file could be made there.
    }
  }
}

function crc32(data: Uint8Array): number {
  return zlib.crc32(data);
}
