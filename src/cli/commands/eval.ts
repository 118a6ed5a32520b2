import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, requestedLocale } from '../locale.js';
import * as fs from 'node:fs';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatJson } from '../../diagnostics/format-json.js';
import { formatDiagnostics } from '../../diagnostics/format-text.js';
import type { SourceFile } from '../../source/source-file.js';
import type { CaseSource } from '../../workflows/cases.js';
import type { ReadResult } from '../../workflows/files.js';
import { formatResultText, toJsonResult } from '../../workflows/reports.js';
import { ExitCode } from '../exit-codes.js';
import { isoMoment } from '../../values/zone.js';
import { describeFsError, MAX_TEXT_BYTES, printError, readLimited, stripBom, type Writer } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';
import { reportPolicy } from '../policy.js';
import { addBatchOptions, runEvalBatch, type BatchCliOptions } from './eval-batch.js';

/** `sopwright eval FILE [key=value…] [--case FILE|-]`: evaluates one case and answers the agent. */
export const evalCommand: CommandModule = {
  register(program, ctx) {
    const command = program
      .command('eval')
      .description('evaluate one case: the outcome and what to do, or which facts to find out first')
      .argument('<policy>', 'the policy\'s entry .sop file')
      .argument('[facts...]', 'facts as key=value (problem=wrong_item item_value=30); they override --case')
      .option('--case <file>', 'a case file in YAML or JSON; `-` reads standard input')
      .addOption(localeOption('language of the answer and messages'))
      .option('--json', 'print the result as JSON (documented shape)')
      .option('--trace', 'also show every condition tried')
      .option('--now <moment>', 'the moment of evaluation (fact `now`): ISO 8601 with its offset, or `clock` to read the system clock (printed)')
      .addHelpText('after', '\nExit codes: 0 decided, 3 undecided (facts needed), 1 invalid case, 2 usage error or a policy with errors.');
    addBatchOptions(command).action(async (policy: string, facts: string[], options: EvalOptions & BatchCliOptions) => {
      ctx.setExitCode(options.cases !== undefined ? await runEvalBatch(policy, facts, options, ctx) : await runEval(policy, facts, options, ctx));
    });
  },
};

interface EvalOptions {
  readonly case?: string;
  readonly locale?: MessageLocale;
  readonly json?: boolean;
  readonly trace?: boolean;
  readonly now?: string;
}

async function runEval(policy: string, facts: readonly string[], options: EvalOptions, ctx: CliContext): Promise<ExitCode> {
  // Loaded here, not at start-up: the YAML reader and the schema validator (ajv) serve only commands that read cases.
  const { evaluateCase } = await import('../../workflows/cases.js');
  const { policy: loaded, result, diagnostics, sources, problems, locale } = evaluateCase(policy, {
    case: caseSource(options.case),
    facts,
    locale: requestedLocale(options.locale),
    trace: options.trace,
    now: nowOption(options.now, ctx),
  });
  const opened = reportPolicy(loaded, ctx, { json: options.json, locale: options.locale });
  if ('exit' in opened) return opened.exit;
  for (const message of problems) printError(ctx.stderr, message);
  if (problems.length > 0) return ExitCode.usage;
  if (result === undefined) {
    printDiagnostics(diagnostics, sources, ctx, options.json, opened.locale);
    return ExitCode.invalid;
  }
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(toJsonResult(opened.graph, result, locale, sources), null, 2)}\n`);
  } else {
    ctx.stdout.write(formatResultText(opened.graph, result, locale, { trace: options.trace }));
    if (result.diagnostics.length > 0) ctx.stderr.write(formatDiagnostics(result.diagnostics, sources, { color: ctx.stderr.color, locale: opened.locale }));
  }
  return result.status === 'decided' ? ExitCode.ok : result.status === 'undecided' ? ExitCode.undecided : ExitCode.invalid;
}

/** Case diagnostics: pretty on stderr, or the JSON report on stdout. */
function printDiagnostics(
  list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, ctx: { stdout: Writer; stderr: Writer }, json: boolean | undefined, locale: MessageLocale,
): void {
  if (json) ctx.stdout.write(formatJson(list, sources, locale));
  else ctx.stderr.write(formatDiagnostics(list, sources, { color: ctx.stderr.color, locale }));
}

/** The `--case` file; `-` is standard input, read only when the policy has loaded. */
function caseSource(file: string | undefined): CaseSource | undefined {
  if (file === undefined) return undefined;
  return file === '-' ? { path: '<stdin>', read: readStdin } : { path: file };
}

/** Standard input as text; a byte-order mark is dropped. */
function readStdin(): ReadResult {
  try {
    const text = readLimited(0);
    if (text === undefined) return { ok: false, message: `cannot read standard input: larger than ${MAX_TEXT_BYTES / (1024 * 1024)} MB` };
    return { ok: true, text: stripBom(text) };
  } catch (error) {
    return { ok: false, message: `cannot read standard input: ${describeFsError(error)}` };
  }
}

/** `--now MOMENT`, or `--now clock`: the system clock, read once and printed so the answer can be replayed. */
function nowOption(now: string | undefined, ctx: CliContext): string | undefined {
  if (now !== 'clock') return now;
  const moment = isoMoment(Math.floor(Date.now() / 1000), 'UTC');
  ctx.stderr.write(`now=${moment}\n`);
  return moment;
}
