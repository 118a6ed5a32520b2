import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BatchProgress, BatchSummary, LineProblem, Tally } from '../../eval/batch/index.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, printError, type Writer } from '../io.js';
import type { CliContext } from '../program.js';

/**
 * `sopwright eval FILE --cases CASES [-o OUT] [--fail-fast]`: evaluates every case of a JSON Lines
 * or CSV file (or standard input) and writes one JSON result line per case, in order. Bad lines
 * are reported on stderr with their line number while the run goes on, a summary ends the run,
 * and a progress bar shows on stderr when it is a terminal. The batch machinery (src/eval/batch)
 * is loaded only when `--cases` is given, so other commands never pay for it.
 */

/** The options `eval` gains for batches (and the ones of `eval` a batch reads). */
export interface BatchCliOptions {
  readonly cases?: string;
  readonly output?: string;
  readonly failFast?: boolean;
  readonly casesFormat?: 'jsonl' | 'csv';
  readonly jobs?: number;
  readonly locale?: string;
  readonly trace?: boolean;
  readonly case?: string;
}

/** Inputs at least this large are worth starting worker threads for (about 20,000 lines). */
const PARALLEL_BYTES = 8 * 1024 * 1024;

/** Adds the batch options to the `eval` command. */
export function addBatchOptions(command: Command): Command {
  return command
    .option('--cases <file>', 'evaluate many cases: a JSON Lines or CSV file (by extension), `-` for standard input; one JSON result line per case')
    .option('-o, --output <file>', 'with --cases: write the result lines to this file (default: standard output)')
    .option('--fail-fast', 'with --cases: stop at the first invalid line')
    .addOption(new Option('--cases-format <format>', 'with --cases: the input format (default: by extension; jsonl for `-`)').choices(['jsonl', 'csv']))
    .option('--jobs <n>', 'with --cases: worker threads (default: one per CPU for inputs over 8 MB, else none)', parseJobs)
    .addHelpText(
      'after',
      '\nWith --cases: each output line has `line`, `status` (decided, undecided, error or invalid), `outcome`, `values`, `needs`\n' +
        '(and `diagnostics`; with --trace, every key of `eval --json`). Exit codes: 0 every line was a valid case,\n' +
        '1 some line was invalid or could not be evaluated, 2 usage error or a policy with errors.',
    );
}

function parseJobs(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new InvalidArgumentError('expected a whole number from 1, such as 2');
  return Number(value);
}

/** Runs `eval --cases`; resolves to the exit code. */
export async function runEvalBatch(policy: string, facts: readonly string[], options: BatchCliOptions, ctx: CliContext): Promise<ExitCode> {
  const cases = options.cases as string;
  if (facts.length > 0 || options.case !== undefined) {
    printError(ctx.stderr, '`--cases` cannot be combined with `--case` or key=value facts');
    return ExitCode.usage;
  }
  const [{ loadPolicy }, batch] = await Promise.all([import('../policy.js'), import('../../eval/batch/index.js')]);
  const loaded = loadPolicy(policy, ctx);
  if ('exit' in loaded) return loaded.exit;
  const input = openInput(cases);
  if ('error' in input) return usage(ctx, input.error);
  const output = openOutput(options.output);
  if ('error' in output) {
    input.stream.destroy();
    return usage(ctx, output.error);
  }
  const source = cases === '-' ? '<stdin>' : cases;
  const progress = new ProgressBar(ctx.stderr, input.size);
  const report = (problems: readonly LineProblem[]) => {
    progress.clear();
    ctx.stderr.write(formatProblems(source, problems, ctx.stderr.color));
  };
  const failFast = options.failFast ?? false;
  const workers = workerCount(options.jobs, input.size);
  let summary: BatchSummary;
  try {
    summary = await batch.runBatch(loaded.graph, input.stream, output.stream, {
      format: options.casesFormat ?? (/\.csv$/i.test(cases) ? 'csv' : 'jsonl'),
      locale: options.locale,
      full: options.trace ?? false,
      failFast,
      onProblems: report,
      onProgress: (p) => progress.update(p),
      ...(workers.size > 1 ? { runner: batch.workerPool(workers.script, { graph: loaded.graph, locale: options.locale, full: options.trace ?? false, failFast }, workers.size) } : {}),
    });
    await output.finish();
  } catch (error) {
    progress.clear();
    await output.abort();
    // A file-system error (the disk is full, the input is a directory…) is the user's; anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    const what = input.stream.errored ? `read \`${source}\`` : `write ${options.output === undefined ? 'the results' : `\`${options.output}\``}`;
    return usage(ctx, `cannot ${what}: ${describeFsError(error)}`);
  }
  progress.clear();
  if (summary.headerProblems.length > 0) {
    report(summary.headerProblems);
    return ExitCode.invalid;
  }
  ctx.stderr.write(formatSummary(summary.tally, summary.stoppedAt));
  return summary.tally.invalid + summary.tally.error > 0 ? ExitCode.invalid : ExitCode.ok;
}

function usage(ctx: CliContext, message: string): ExitCode {
  printError(ctx.stderr, message);
  return ExitCode.usage;
}

/** The case input: a file read in large chunks, or standard input; `size` when it is a regular file. */
function openInput(file: string): { stream: Readable; size: number | undefined } | { error: string } {
  if (file === '-') return { stream: process.stdin, size: undefined };
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { stream: fs.createReadStream('', { fd, highWaterMark: 256 * 1024 }), size: stat.isFile() ? stat.size : undefined };
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
 * Standard output, or a file written whole or not at all: results stream into a temporary file
 * beside it that replaces it once the run has finished. A device or pipe (`-o /dev/null`) is
 * written directly.
 */
function openOutput(file: string | undefined): BatchOutput | { error: string } {
  if (file === undefined || file === '-') return { stream: process.stdout, finish: async () => {}, abort: async () => {} };
  const special = (() => {
    try {
      return !fs.statSync(file).isFile();
    } catch {
      return false;
    }
  })();
  const temp = special ? file : path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, special ? 'w' : 'wx');
  } catch (error) {
    return { error: `cannot write \`${file}\`: ${describeFsError(error)}` };
  }
  const stream = fs.createWriteStream('', { fd, highWaterMark: 256 * 1024 });
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
  const wanted = jobs ?? (size !== undefined && size >= PARALLEL_BYTES ? Math.min(availableParallelism(), 4) : 1);
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

/** Bad lines as `cases.jsonl:12: error[case/schema]: …`, with the help line when there is one. */
function formatProblems(source: string, problems: readonly LineProblem[], color: boolean): string {
  const label = color ? '\x1b[1m\x1b[31merror\x1b[0m' : 'error';
  return problems.map((p) => `${source}:${p.line}: ${label}[${p.code}]: ${p.message}\n${p.help !== undefined ? `  = help: ${p.help}\n` : ''}`).join('');
}

/** The closing summary: lines per status, then decided lines per outcome, most frequent first. */
function formatSummary(t: Tally, stoppedAt: number | undefined): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [`sopwright: ${n(t.lines)} cases: ${n(t.decided)} decided, ${n(t.undecided)} undecided, ${n(t.invalid)} invalid, ${n(t.error)} failed`];
  const outcomes = Object.entries(t.outcomes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(0, ...outcomes.map(([id]) => id.length));
  for (const [id, count] of outcomes) lines.push(`  ${id.padEnd(width)}  ${n(count).padStart(12)}`);
  if (stoppedAt !== undefined) lines.push(`stopped after line ${n(stoppedAt)} (--fail-fast)`);
  return `${lines.join('\n')}\n`;
}

/** A one-line progress bar on stderr, drawn only when stderr is a terminal, at most ten times a second. */
class ProgressBar {
  private readonly enabled: boolean;
  private drawn = false;
  private last = 0;
  private readonly start = Date.now();

  constructor(private readonly stderr: Writer, private readonly total: number | undefined) {
    this.enabled = process.stderr.isTTY === true;
  }

  update(p: BatchProgress): void {
    const now = Date.now();
    if (!this.enabled || now - this.last < 100) return;
    this.last = now;
    const rate = Math.round(p.lines / Math.max(0.001, (now - this.start) / 1000)).toLocaleString('en-US');
    const count = `${p.lines.toLocaleString('en-US')} cases, ${rate}/s`;
    if (this.total === undefined || this.total === 0) this.stderr.write(`\r${count}\x1b[K`);
    else {
      const share = Math.min(1, p.bytes / this.total);
      const filled = Math.round(share * 30);
      this.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${count}\x1b[K`);
    }
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}
