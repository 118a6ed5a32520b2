import * as fs from 'node:fs';
import type { Value } from '../../graph/graph.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatJson } from '../../diagnostics/format-json.js';
import { formatDiagnostics } from '../../diagnostics/format-text.js';
import { sourceFile, type SourceFile } from '../../source/source-file.js';
import type { CaseInput } from '../../eval/input/case-reader.js';
import { evaluate } from '../../eval/engines/interpreter.js';
import { formatResultText, toJsonResult } from '../../eval/format-result.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, printError, readText, type Writer } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';
import { loadPolicy } from '../policy.js';
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
      .option('--locale <locale>', 'language of the answer and messages: zh-CN or en (default: the policy\'s first locale)')
      .option('--json', 'print the result as JSON (documented shape)')
      .option('--trace', 'also show every condition tried')
      .addHelpText('after', '\nExit codes: 0 decided, 3 undecided (facts needed), 1 invalid case, 2 usage error or a policy with errors.');
    addBatchOptions(command).action(async (policy: string, facts: string[], options: EvalOptions & BatchCliOptions) => {
      ctx.setExitCode(options.cases !== undefined ? await runEvalBatch(policy, facts, options, ctx) : await runEval(policy, facts, options, ctx));
    });
  },
};

interface EvalOptions {
  readonly case?: string;
  readonly locale?: string;
  readonly json?: boolean;
  readonly trace?: boolean;
}

async function runEval(policy: string, args: readonly string[], options: EvalOptions, ctx: CliContext): Promise<ExitCode> {
  // Loaded here, not at start-up: the YAML reader and the schema validator (ajv) serve only commands that read cases.
  const [{ readCaseArgs }, { readCaseText }] = await Promise.all([import('../../eval/input/case-args.js'), import('../../eval/input/case-yaml.js')]);
  const loaded = loadPolicy(policy, ctx, { json: options.json });
  if ('exit' in loaded) return loaded.exit;
  const { graph, sources } = loaded;
  const locale = options.locale ?? graph.policy.locales[0] ?? 'zh-CN';

  const diagnostics: Diagnostic[] = [];
  const facts = new Map<string, Value>();
  if (options.case !== undefined) {
    const text = readCaseFile(options.case);
    if ('error' in text) {
      printError(ctx.stderr, text.error);
      return ExitCode.usage;
    }
    const file = sourceFile(options.case === '-' ? '<stdin>' : options.case, text.text);
    sources.set(file.path, file);
    const read = readCaseText(graph, file, { locale });
    diagnostics.push(...read.diagnostics);
    mergeInto(facts, read.value);
  }
  if (args.length > 0) {
    const read = readCaseArgs(graph, args, { locale });
    sources.set(read.source.path, read.source);
    diagnostics.push(...read.diagnostics);
    mergeInto(facts, read.value);
  }
  if (diagnostics.length > 0) {
    printDiagnostics(diagnostics, sources, ctx, options.json);
    return ExitCode.invalid;
  }
  const result = evaluate(graph, facts, { trace: options.trace, locale });
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(toJsonResult(graph, result, locale, sources), null, 2)}\n`);
  } else {
    ctx.stdout.write(formatResultText(graph, result, locale, { trace: options.trace }));
    if (result.diagnostics.length > 0) ctx.stderr.write(formatDiagnostics(result.diagnostics, sources, { color: ctx.stderr.color }));
  }
  return result.status === 'decided' ? ExitCode.ok : result.status === 'undecided' ? ExitCode.undecided : ExitCode.invalid;
}

/** Case diagnostics: pretty on stderr, or the JSON report on stdout. */
export function printDiagnostics(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, ctx: { stdout: Writer; stderr: Writer }, json?: boolean): void {
  if (json) ctx.stdout.write(formatJson(list, sources));
  else ctx.stderr.write(formatDiagnostics(list, sources, { color: ctx.stderr.color }));
}

function mergeInto(facts: Map<string, Value>, input: CaseInput | undefined): void {
  for (const [id, value] of input ?? []) facts.set(id, value);
}

/** The text of a case file, `-` being standard input; a byte-order mark is dropped. */
function readCaseFile(file: string): { text: string } | { error: string } {
  if (file !== '-') {
    const read = readText(file);
    return read.ok ? { text: read.text } : { error: read.message };
  }
  try {
    const text = fs.readFileSync(0, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { error: `cannot read standard input: ${describeFsError(error)}` };
  }
}
