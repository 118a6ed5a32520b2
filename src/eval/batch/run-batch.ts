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
    const chunks = decoded(input, (n) => (bytes += n));
    const header = options.format === 'csv' ? await readCsv(graph, chunks, options, submit, () => seq++, () => stoppedAt !== undefined) : undefined;
    if (header !== undefined && header.length > 0) return { tally, headerProblems: header };
    if (options.format === 'jsonl') await readJsonLines(chunks, submit, () => seq++, () => stoppedAt !== undefined);
    while (inFlight.length > 0 && stoppedAt === undefined) await writeNext();
  } finally {
    // A run stopped early may leave jobs in flight: their results are dropped.
    await Promise.allSettled(inFlight);
    await runner.close();
  }
  return { tally, headerProblems: [], ...(stoppedAt !== undefined ? { stoppedAt } : {}) };
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

/** Cuts JSON Lines text into jobs of whole lines. */
async function readJsonLines(
  chunks: AsyncIterable<string>, submit: (job: Job) => Promise<void>, nextSeq: () => number, stopped: () => boolean,
): Promise<void> {
  let carry = '';
  let line = 1;
  // Inside a line already reported too long: its text is dropped up to its newline.
  let skipping = false;
  for await (const chunk of chunks) {
    let text = chunk;
    if (skipping) {
      const end = text.indexOf('\n');
      if (end < 0) continue;
      skipping = false;
      line++;
      text = text.slice(end + 1);
    }
    text = carry + text;
    const cut = text.lastIndexOf('\n');
    const block = cut < 0 ? '' : text.slice(0, cut + 1);
    carry = cut < 0 ? text : text.slice(cut + 1);
    if (block.length > 0) {
      await submit({ seq: nextSeq(), kind: 'jsonl', firstLine: line, text: block });
      line += countNewlines(block);
    }
    if (carry.length > MAX_LINE_CHARS) {
      await submit({ seq: nextSeq(), kind: 'too-long', line });
      carry = '';
      skipping = true;
    }
    if (stopped()) return;
  }
  if (carry.length > 0) await submit({ seq: nextSeq(), kind: 'jsonl', firstLine: line, text: carry });
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

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
