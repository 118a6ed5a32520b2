import type { MessageLocale } from '../../diagnostics/locale.js';
import { formatMessage, msg } from '../../diagnostics/message.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BatchProgress, LineProblem, Tally } from '../../workflows/reports.js';
import { formatCount } from '../../values/format.js';
import { ExitCode } from '../exit-codes.js';
import { printError, type Writer } from '../io.js';
import { reportPolicy } from '../policy.js';
import type { CliContext } from '../program.js';

/**
 * `sopwright eval FILE --cases CASES [-o OUT] [--fail-fast]`: evaluates every case of a JSON Lines
 * or CSV file (or standard input) and writes one JSON result line per case, in order. Bad lines
 * are reported on stderr with their line number while the run goes on, a summary ends the run,
 * and a progress bar shows on stderr when it is a terminal. The batch workflow (and with it the
 * batch machinery) is loaded only when `--cases` is given, so other commands never pay for it.
 */

/** The options `eval` gains for batches (and the ones of `eval` a batch reads). */
export interface BatchCliOptions {
  readonly cases?: string;
  readonly output?: string;
  readonly failFast?: boolean;
  readonly casesFormat?: 'jsonl' | 'csv';
  readonly jobs?: number;
  readonly locale?: MessageLocale;
  readonly trace?: boolean;
  readonly case?: string;
}

/** Adds the batch options to the `eval` command. */
export function addBatchOptions(command: Command): Command {
  return command
    .option('--cases <file>', 'evaluate many cases: a JSON Lines or CSV file (by extension), `-` for standard input; one JSON result line per case')
    .option('-o, --output <file>', 'with --cases: write the result lines to this file (default: standard output)')
    .option('--fail-fast', 'with --cases: stop at the first invalid line')
    .addOption(new Option('--cases-format <format>', 'with --cases: the input format (default: by extension; jsonl for `-`)').choices(['jsonl', 'csv']))
    .option('--jobs <n>', 'with --cases: worker threads (default: for inputs over 8 MB, one per idle CPU when two or more are idle, else none)', parseJobs)
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
  if (facts.length > 0 || options.case !== undefined) {
    printError(ctx.stderr, '`--cases` cannot be combined with `--case` or key=value facts');
    return ExitCode.usage;
  }
  const [{ casesName, runBatchFiles }, { loadPolicy }] = await Promise.all([import('../../workflows/batch.js'), import('../../workflows/policy.js')]);
  // The policy first: its locales decide the language of the line problems reported during the run.
  const loaded = loadPolicy(policy);
  const opened = reportPolicy(loaded, ctx, { locale: options.locale });
  if ('exit' in opened) return opened.exit;
  const locale = opened.locale;
  const cases = options.cases as string;
  const progress = new ProgressBar(ctx.stderr);
  const source = casesName(cases);
  const report = (problems: readonly LineProblem[]) => {
    progress.clear();
    ctx.stderr.write(formatProblems(source, problems, ctx.stderr.color, locale));
  };
  const run = await runBatchFiles(loaded, {
    cases,
    output: options.output,
    // Touched only for `-`: creating process.stdin is not free, and a file run never needs it.
    ...(cases === '-' ? { stdin: process.stdin } : {}),
    stdout: ctx.stdoutStream ?? process.stdout,
    format: options.casesFormat,
    jobs: options.jobs,
    failFast: options.failFast,
    locale,
    trace: options.trace,
    onProblems: report,
    onProgress: (p, total) => progress.update(p, total),
  });
  progress.clear();
  for (const message of run.problems) printError(ctx.stderr, message);
  if (run.summary === undefined) return ExitCode.usage;
  if (run.summary.headerProblems.length > 0) {
    report(run.summary.headerProblems);
    return ExitCode.invalid;
  }
  ctx.stderr.write(formatSummary(run.summary.tally, run.summary.stoppedAt, locale));
  return run.summary.tally.invalid + run.summary.tally.error > 0 ? ExitCode.invalid : ExitCode.ok;
}

/** Bad lines as `cases.jsonl:12: error[case/schema]: …`, with the help line when there is one. */
function formatProblems(source: string, problems: readonly LineProblem[], color: boolean, locale: MessageLocale): string {
  const label = color ? '\x1b[1m\x1b[31merror\x1b[0m' : 'error';
  const help = formatMessage(msg('format.help'), locale);
  return problems.map((p) => `${source}:${p.line}: ${label}[${p.code}]: ${p.message}\n${p.help !== undefined ? `  = ${help}: ${p.help}\n` : ''}`).join('');
}

/** The closing summary: lines per status, then decided lines per outcome, most frequent first. */
function formatSummary(t: Tally, stoppedAt: number | undefined, locale: MessageLocale): string {
  const n = formatCount;
  const lines = [formatMessage(msg('batch.summary', { lines: n(t.lines), decided: n(t.decided), undecided: n(t.undecided), invalid: n(t.invalid), failed: n(t.error) }), locale)];
  const outcomes = Object.entries(t.outcomes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(0, ...outcomes.map(([id]) => id.length));
  for (const [id, count] of outcomes) lines.push(`  ${id.padEnd(width)}  ${n(count).padStart(12)}`);
  if (stoppedAt !== undefined) lines.push(formatMessage(msg('batch.stopped', { line: n(stoppedAt) }), locale));
  return `${lines.join('\n')}\n`;
}

/** A one-line progress bar on stderr, drawn only when stderr is a terminal, at most ten times a second. */
class ProgressBar {
  private readonly enabled: boolean;
  private drawn = false;
  private last = 0;
  private readonly start = Date.now();

  constructor(private readonly stderr: Writer) {
    this.enabled = process.stderr.isTTY === true;
  }

  /** Redraws the bar; `total` is the input's size in bytes when known. */
  update(p: BatchProgress, total: number | undefined): void {
    const now = Date.now();
    if (!this.enabled || now - this.last < 100) return;
    this.last = now;
    const rate = formatCount(p.lines / Math.max(0.001, (now - this.start) / 1000));
    const count = `${formatCount(p.lines)} cases, ${rate}/s`;
    if (total === undefined || total === 0) this.stderr.write(`\r${count}\x1b[K`);
    else {
      const share = Math.min(1, p.bytes / total);
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
