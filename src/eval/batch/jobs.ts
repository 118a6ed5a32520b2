import type { CsvRecord } from './csv.js';
import { MAX_LINE_CHARS } from './limits.js';
import type { LineProblem, LineProcessor, Tally } from './process.js';

/**
 * A job: a run of consecutive input lines, processed as one unit (in this thread or in a worker).
 * Its result carries the output text, the tally and the problems of its lines, so the runner can
 * write and report jobs strictly in input order whoever processed them.
 */
export type Job =
  /** JSON Lines: complete lines as UTF-8 bytes, each ending in `\n` (one is added after the input's last line). */
  | { readonly seq: number; readonly kind: 'jsonl'; readonly firstLine: number; readonly bytes: Uint8Array }
  /** CSV rows under the header, already split into fields. */
  | { readonly seq: number; readonly kind: 'csv'; readonly header: readonly string[]; readonly records: readonly CsvRecord[] }
  /** A JSON Lines line longer than MAX_LINE_CHARS, which the reader did not keep. */
  | { readonly seq: number; readonly kind: 'too-long'; readonly line: number };

/** What a job gives back. */
export interface JobResult {
  readonly seq: number;
  /** The result lines, each ending in `\n` (UTF-8 bytes when they come from a worker). */
  readonly output: string | Uint8Array;
  readonly tally: Tally;
  readonly problems: readonly LineProblem[];
  /** With fail-fast, the line of the first bad line (the job stops after it). */
  readonly stoppedAt?: number;
}

/** Runs a job's lines through `processor`; with `failFast`, stops after the first invalid or failed line. */
export function processJob(processor: LineProcessor, job: Job, failFast: boolean): JobResult {
  processor.takeTally();
  let output = '';
  const problems: LineProblem[] = [];
  let stoppedAt: number | undefined;
  const take = (r: { json: string; status: string; problems: readonly LineProblem[] }, line: number): boolean => {
    output += `${r.json}\n`;
    if (r.problems.length > 0) problems.push(...r.problems);
    if (failFast && (r.status === 'invalid' || r.status === 'error')) {
      stoppedAt = line;
      return false;
    }
    return true;
  };
  if (job.kind === 'jsonl') {
    // Structured clone (from the main thread to a worker) gives a plain Uint8Array: view it as a Buffer.
    const b = Buffer.isBuffer(job.bytes) ? job.bytes : Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    let line = job.firstLine;
    for (let from = 0, end = b.indexOf(NEWLINE); end >= 0; from = end + 1, end = b.indexOf(NEWLINE, from), line++) {
      const to = end > from && b[end - 1] === CR ? end - 1 : end;
      // Blank lines separate nothing in JSON Lines: skipped, but counted for line numbers.
      if (isBlank(b, from, to)) continue;
      if (!take(processor.jsonBytes(b, from, to, line), line)) break;
    }
  } else if (job.kind === 'too-long') {
    take(processor.tooLongLine(job.line), job.line);
  } else {
    processor.setHeader(job.header);
    for (const record of job.records) {
      const r = !('error' in record) ? processor.csvRow(record.fields, record.line)
        : record.error === 'too-long' ? processor.tooLongLine(record.line) : processor.unreadableLine(record.line, csvError(record.error));
      if (!take(r, record.line)) break;
    }
  }
  return { seq: job.seq, output, tally: processor.takeTally(), problems, ...(stoppedAt !== undefined ? { stoppedAt } : {}) };
}

const NEWLINE = 10;
const CR = 13;

function isBlank(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function csvError(error: 'text-after-quote' | 'unclosed-quote'): string {
  return error === 'text-after-quote' ? 'text after the closing quote of a CSV field' : 'a quoted CSV field is never closed';
}
