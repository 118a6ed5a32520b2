import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { DecisionGraph } from '../../graph/graph.js';
import { CsvParser, type CsvRecord } from './csv.js';
import { processJob, type Job, type JobResult } from './jobs.js';
import { MAX_LINE_CHARS } from './limits.js';
import { addTally, LineProcessor, newTally, type LineOptions, type LineProblem, type Tally } from './process.js';

/**
 * The streaming batch runner: reads case lines (JSON Lines or CSV) chunk by chunk, cuts them into
 * jobs, has each job processed (in this thread, or by a worker pool), and writes the result lines
 * strictly in input order. Memory stays flat whatever the input size: at most a few jobs are in
 * flight, the input is only read as fast as results are written, and output waits for `drain`.
 */

export type BatchFormat = 'jsonl' | 'csv';

/** Something that processes jobs; `capacity` is how many may be in flight at once. */
export interface JobRunner {
  readonly capacity: number;
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/** How far a run has got. */
export interface BatchProgress {
  readonly lines: number;
  /** Input bytes read so far. */
  readonly bytes: number;
}

/** Options of `runBatch`. */
export interface BatchOptions extends LineOptions {
  readonly format: BatchFormat;
  /** Stop after the first invalid line (or the first that cannot be evaluated). */
  readonly failFast?: boolean;
  /** Called with the problems of bad lines, in input order, while the run goes on. */
  readonly onProblems?: (problems: readonly LineProblem[]) => void;
  /** Called after each job is written. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Where jobs are processed; default: in this thread, one at a time. */
  readonly runner?: JobRunner;
}

/** The outcome of a run. */
export interface BatchSummary {
  readonly tally: Tally;
  /** With fail-fast: the line the run stopped at. */
  readonly stoppedAt?: number;
  /** Problems that stopped the run before any case was read (a missing or bad CSV header). */
  readonly headerProblems: readonly LineProblem[];
}

/** Runs every case of `input` against `graph`, writing one result line per case line to `output`. */
export async function runBatch(
  graph: DecisionGraph, input: AsyncIterable<Buffer | string>, output: Writable, options: BatchOptions,
): Promise<BatchSummary> {
  const runner = options.runner ?? inThreadRunner(graph, options);
  const tally = newTally();
  const inFlight: Promise<JobResult>[] = [];
  let bytes = 0;
  let seq = 0;
  let stoppedAt: number | undefined;

  const writeNext = async (): Promise<void> => {
    const result = await (inFlight.shift() as Promise<JobResult>);
    if (stoppedAt !== undefined) return;
    if (result.output.length > 0 && !output.write(result.output)) {
      // A stream that failed never drains: its error is the run's.
      if (output.errored) throw output.errored;
      await once(output, 'drain');
    }
    addTally(tally, result.tally);
    if (result.problems.length > 0) options.onProblems?.(result.problems);
    options.onProgress?.({ lines: tally.lines, bytes });
    stoppedAt = result.stoppedAt;
  };
  const submit = async (job: Job): Promise<void> => {
    inFlight.push(runner.run(job));
    while (inFlight.length >= runner.capacity && stoppedAt === undefined) await writeNext();
  };

  try {
    const count = (n: number) => (bytes += n);
    const header = options.format === 'csv' ? await readCsv(graph, decoded(input, count), options, submit, () => seq++, () => stoppedAt !== undefined) : undefined;
    if (header !== undefined && header.length > 0) return { tally, headerProblems: header };
    if (options.format === 'jsonl') await readJsonLines(counted(input, count), submit, () => seq++, () => stoppedAt !== undefined);
    while (inFlight.length > 0 && stoppedAt === undefined) await writeNext();
  } finally {
    // A run stopped early may leave jobs in flight: their results are dropped.
    await Promise.allSettled(inFlight);
    await runner.close();
  }
  return { tally, headerProblems: [], ...(stoppedAt !== undefined ? { stoppedAt } : {}) };
}

/** The input as it comes, counting bytes. */
async function* counted(input: AsyncIterable<Buffer | string>, count: (bytes: number) => void): AsyncGenerator<Buffer | string> {
  for await (const chunk of input) {
    count(chunk.length);
    yield chunk;
  }
}

/** The input as text, counting bytes; a byte-order mark at the start is dropped. */
async function* decoded(input: AsyncIterable<Buffer | string>, count: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of input) {
    count(chunk.length);
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/**
 * Cuts JSON Lines input into jobs of whole lines, as bytes: lines are found with a native search
 * for the newline byte and never decoded here (the line reader reads bytes; only a line it hands
 * to the full path is decoded). Each job is a buffer of its own ending in `\n`, so it can be
 * transferred to a worker, and a match at a line's end always meets its newline. A byte-order
 * mark at the start is dropped, as the text decoder drops it.
 */
async function readJsonLines(
  input: AsyncIterable<Buffer | string>, submit: (job: Job) => Promise<void>, nextSeq: () => number, stopped: () => boolean,
): Promise<void> {
  let carry: Buffer = EMPTY;
  let line = 1;
  // Until the first job: a byte-order mark at the start of the input is still to be dropped.
  let atStart = true;
  // Inside a line already reported too long: its bytes are dropped up to its newline.
  let skipping = false;
  for await (const piece of input) {
    let chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (skipping) {
      const end = chunk.indexOf(NEWLINE);
      if (end < 0) continue;
      skipping = false;
      line++;
      chunk = chunk.subarray(end + 1);
    }
    const cut = chunk.lastIndexOf(NEWLINE);
    if (cut >= 0) {
      const block = withoutMark(jobBytes(carry, chunk, cut + 1), atStart);
      atStart = false;
      carry = EMPTY;
      // Counted before it is submitted: a worker pool takes the block's memory with it.
      const first = line;
      line += countNewlines(block);
      await submit({ seq: nextSeq(), kind: 'jsonl', firstLine: first, bytes: block });
      chunk = chunk.subarray(cut + 1);
    }
    carry = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
    if (carry.length > MAX_LINE_CHARS && charLength(withoutMark(carry, atStart)) > MAX_LINE_CHARS) {
      await submit({ seq: nextSeq(), kind: 'too-long', line });
      atStart = false;
      carry = EMPTY;
      skipping = true;
    }
    if (stopped()) return;
  }
  if (carry.length > 0) await submit({ seq: nextSeq(), kind: 'jsonl', firstLine: line, bytes: withoutMark(jobBytes(carry, EMPTY, 0, true), atStart) });
}

const NEWLINE = 10;
const EMPTY = Buffer.alloc(0);

/** `carry` then `chunk[0…end)` in a buffer of its own (transferable), with a newline added when `close`. */
function jobBytes(carry: Buffer, chunk: Buffer, end: number, close = false): Buffer {
  const out = Buffer.allocUnsafeSlow(carry.length + end + (close ? 1 : 0));
  carry.copy(out, 0);
  chunk.copy(out, carry.length, 0, end);
  if (close) out[out.length - 1] = NEWLINE;
  return out;
}

/** `bytes` without a UTF-8 byte-order mark at its start when `atStart` (a copy of its own then). */
function withoutMark(bytes: Buffer, atStart: boolean): Buffer {
  if (!atStart || bytes.length < 3 || bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) return bytes;
  const out = Buffer.allocUnsafeSlow(bytes.length - 3);
  bytes.copy(out, 0, 3);
  return out;
}

/** The length in UTF-16 units of the text of `bytes`, an incomplete last character left out (as a streaming decoder holds it back). */
function charLength(bytes: Buffer): number {
  return new StringDecoder('utf8').write(bytes).length;
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Reads the CSV header (returning its problems, if any), then cuts the rows into jobs. */
async function readCsv(
  graph: DecisionGraph, chunks: AsyncIterable<string>, options: BatchOptions, submit: (job: Job) => Promise<void>,
  nextSeq: () => number, stopped: () => boolean,
): Promise<LineProblem[]> {
  const parser = new CsvParser();
  let header: readonly string[] | undefined;
  const checker = new LineProcessor(graph, options);
  const flush = async (records: CsvRecord[]): Promise<LineProblem[]> => {
    if (header === undefined) {
      const first = records.shift();
      if (first === undefined) return [];
      if ('error' in first) return [checker.unreadableLine(first.line, 'the CSV header cannot be read').problems[0]];
      const problems = checker.checkHeader(first.fields, first.line);
      if (problems.length > 0) return problems;
      header = first.fields;
    }
    if (records.length > 0) await submit({ seq: nextSeq(), kind: 'csv', header, records });
    return [];
  };
  for await (const chunk of chunks) {
    const problems = await flush(parser.push(chunk));
    if (problems.length > 0) return problems;
    if (stopped()) return [];
  }
  const problems = await flush(parser.end());
  if (problems.length > 0) return problems;
  return header === undefined ? [checker.missingHeader()] : [];
}

/** Processes jobs in this thread, one at a time. */
function inThreadRunner(graph: DecisionGraph, options: BatchOptions): JobRunner {
  const processor = new LineProcessor(graph, options);
  const failFast = options.failFast ?? false;
  return {
    capacity: 1,
    run: (job) => Promise.resolve(processJob(processor, job, failFast)),
    close: async () => {},
  };
}
