import * as fs from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultWorkerCount, runBatch, workerPool, type BatchFormat, type BatchProgress, type BatchSummary, type LineProblem } from '../eval/batch/index.js';
import { describeFsError, tempPathBeside } from './files.js';
import { openPolicy, type FileOptions, type LoadedPolicy, type PolicyRef } from './policy.js';

/**
 * Batch evaluation between files: opens the cases (a JSON Lines or CSV file, or a stream the
 * front end gives for `-`), streams them through the batch runner, and writes the result lines to
 * a file whole or not at all (or to the front end's stream). Inputs over 8 MB are spread over
 * worker threads when the machine has CPUs to spare. This module brings the batch machinery: front ends load it for batches only.
 */

/** Options of `runBatchFiles`. */
export interface BatchFileOptions extends FileOptions {
  /** The cases: a `.jsonl` or `.csv` file, or `-` for `stdin`. */
  readonly cases: string;
  /** The file for the result lines; `-` or none writes them to `stdout`. */
  readonly output?: string;
  /** The streams `-` stands for (a front end's standard input and output). */
  readonly stdin?: Readable;
  readonly stdout?: Writable;
  /** The input format; default: by extension (`.csv`), else JSON Lines. */
  readonly format?: BatchFormat;
  /** Worker threads; default: for inputs over 8 MB, one per idle CPU (at most 4) when two or more are idle, else none (worker-count.ts). */
  readonly jobs?: number;
  readonly failFast?: boolean;
  readonly locale?: string;
  /** Every key of a single evaluation's JSON (with the trace) on each line. */
  readonly trace?: boolean;
  /** Called with the problems of bad lines, in input order, while the run goes on. */
  readonly onProblems?: (problems: readonly LineProblem[]) => void;
  /** Called as the run goes on; `total` is the input's size in bytes when it is a regular file. */
  readonly onProgress?: (progress: BatchProgress, total: number | undefined) => void;
}

/** A batch run: the summary, or what stopped it (`problems`; `policy` when the policy did not load). */
export interface BatchRun {
  readonly policy: LoadedPolicy;
  /** The name the input is shown under in messages (`<stdin>` for `-`). */
  readonly source: string;
  readonly summary: BatchSummary | undefined;
  readonly problems: readonly string[];
}

/** The name a cases input is shown under in messages: `<stdin>` for `-`. */
export function casesName(cases: string): string {
  return cases === '-' ? '<stdin>' : cases;
}

/** Evaluates every case of a file against a policy, writing one JSON result line per case, in order. */
export async function runBatchFiles(policy: PolicyRef, opts: BatchFileOptions): Promise<BatchRun> {
  const loaded = openPolicy(policy, opts);
  const source = casesName(opts.cases);
  const stopped = (problem?: string): BatchRun => ({ policy: loaded, source, summary: undefined, problems: problem === undefined ? [] : [problem] });
  if (loaded.graph === undefined) return stopped();
  const input = openInput(opts.cases, opts.stdin);
  if ('error' in input) return stopped(input.error);
  const output = openOutput(opts.output, opts.stdout);
  if ('error' in output) {
    input.stream.destroy();
    return stopped(output.error);
  }
  const graph = loaded.graph;
  const full = opts.trace ?? false;
  const failFast = opts.failFast ?? false;
  const workers = workerCount(opts.jobs, input.size);
  try {
    const summary = await runBatch(graph, input.stream, output.stream, {
      format: opts.format ?? (/\.csv$/i.test(opts.cases) ? 'csv' : 'jsonl'),
      locale: opts.locale,
      full,
      failFast,
      onProblems: opts.onProblems,
      onProgress: (p) => opts.onProgress?.(p, input.size),
      ...(workers.size > 1 ? { runner: workerPool(workers.script, { graph, locale: opts.locale, full, failFast }, workers.size) } : {}),
    });
    await output.finish();
    return { policy: loaded, source, summary, problems: [] };
  } catch (error) {
    await output.abort();
    // A file-system error (the disk is full, the input is a directory…) is the user's; anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    // A run stopped by the output's error leaves the input destroyed (aborted) too: only the input's own error is a read error.
    const what = input.stream.errored === error ? `read \`${source}\`` : `write ${opts.output === undefined ? 'the results' : `\`${opts.output}\``}`;
    return stopped(`cannot ${what}: ${describeFsError(error)}`);
  }
}

/** The case input: a file read in large chunks, or the given stream for `-`; `size` when it is a regular file. */
function openInput(file: string, stdin: Readable | undefined): { stream: Readable; size: number | undefined } | { error: string } {
  if (file === '-') return stdin === undefined ? { error: 'no standard input to read the cases from' } : { stream: stdin, size: undefined };
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { stream: fs.createReadStream('', { fd, highWaterMark: 64 * 1024 }), size: stat.isFile() ? stat.size : undefined };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    return { error: `cannot read \`${file}\`: ${describeFsError(error)}` };
  }
}

/** Where results go, and how to end it: renamed into place on success, removed on failure. */
interface BatchOutput {
  readonly stream: Writable;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The given stream, or a file written whole or not at all: results stream into a temporary file
 * beside it that replaces it once the run has finished. A device or pipe (`-o /dev/null`) is
 * written directly.
 */
function openOutput(file: string | undefined, stdout: Writable | undefined): BatchOutput | { error: string } {
  if (file === undefined || file === '-') {
    return stdout === undefined ? { error: 'no standard output to write the results to' } : { stream: stdout, finish: async () => {}, abort: async () => {} };
  }
  const special = (() => {
    try {
      return !fs.statSync(file).isFile();
    } catch {
      return false;
    }
  })();
  const temp = special ? file : tempPathBeside(file);
  let fd: number;
  try {
    fd = fs.openSync(temp, special ? 'w' : 'wx');
  } catch (error) {
    return { error: `cannot write \`${file}\`: ${describeFsError(error)}` };
  }
  const stream = fs.createWriteStream('', { fd, highWaterMark: 64 * 1024 });
  // Errors are kept (and raised by finish) rather than left to crash the process as unhandled.
  stream.on('error', () => {});
  const closed = () => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
  return {
    stream,
    async finish() {
      stream.end();
      await closed();
      if (stream.errored) throw stream.errored;
      if (!special) fs.renameSync(temp, file);
    },
    async abort() {
      stream.destroy();
      await closed().catch(() => {});
      if (!special) fs.rmSync(temp, { force: true });
    },
  };
}

/** How many workers to run, and the bundled worker script; one means "in this thread". */
function workerCount(jobs: number | undefined, size: number | undefined): { size: number; script: URL } {
  const wanted = jobs ?? defaultWorkerCount({ bytes: size, cpus: availableParallelism(), load: loadavg()[0] });
  const script = workerScript();
  return { size: script === undefined ? 1 : wanted, script: script ?? new URL('about:blank') };
}

/** dist/batch-worker.js, found from this module (in dist/ or dist/chunks/); undefined when running from source. */
function workerScript(): URL | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, 'batch-worker.js');
    if (fs.existsSync(file)) return pathToFileURL(file);
  }
  return undefined;
}
