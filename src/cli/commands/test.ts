import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, requestedLocale } from '../locale.js';
import { InvalidArgumentError } from 'commander';
import { formatTestReport, testMessages, toJsonTestReport } from '../../workflows/reports.js';
import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';

/** `sopwright test [PATHS…]`: runs the `*.test.yaml` files beside policies. */
export const testCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('test')
      .description('run policy tests (*.test.yaml): each a case and the outcome, values or needs it must give')
      .argument('[paths...]', 'test files, or directories to search for *.test.yaml', ['.'])
      .option('--json', 'print the report as JSON')
      .option('--junit <file>', 'also write a JUnit XML report to this file')
      .option('--coverage', 'report branches and outcomes no test reaches')
      .option('--min-coverage <percent>', 'fail when branch or outcome coverage is below this (implies --coverage)', parsePercent)
      .addOption(localeOption('language of the report and messages'))
      .addHelpText('after', '\nExit codes: 0 all passed, 1 a test failed (or coverage is below --min-coverage), 2 usage error or a policy with errors.')
      .action(async (paths: string[], options: TestOptions) => ctx.setExitCode(await runTests(paths, options, ctx)));
  },
};

interface TestOptions {
  readonly json?: boolean;
  readonly junit?: string;
  readonly coverage?: boolean;
  readonly minCoverage?: number;
  readonly locale?: MessageLocale;
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100, such as 90');
  return n;
}

async function runTests(paths: readonly string[], options: TestOptions, ctx: CliContext): Promise<ExitCode> {
  // Loaded here, not at start-up: the test reader brings the YAML parser and the schema validator (ajv).
  const { runPolicyTests } = await import('../../workflows/policy-tests.js');
  const run = runPolicyTests(paths, { ...options, locale: requestedLocale(options.locale) });
  const t = testMessages(run.locale);
  for (const p of run.problems) printError(ctx.stderr, p);
  if (run.problems.length > 0) return ExitCode.usage;
  if (run.files.length === 0) {
    printError(ctx.stderr, t.noTests);
    return ExitCode.usage;
  }

  if (options.json) ctx.stdout.write(`${JSON.stringify(toJsonTestReport(run.reports, run.coverage, run.sources, run.locale), null, 2)}\n`);
  else ctx.stdout.write(formatTestReport(run.reports, run.coverage, run.sources, { locale: run.locale, color: ctx.stdout.color }));

  if (run.junitProblem !== undefined) {
    printError(ctx.stderr, run.junitProblem);
    return ExitCode.usage;
  }
  for (const s of run.belowMinimum) printError(ctx.stderr, t.belowMinimum(t[s.kind], s.percent.toFixed(1), s.minimum));
  if (run.policyErrors) return ExitCode.usage;
  return run.failed > 0 || run.belowMinimum.length > 0 ? ExitCode.invalid : ExitCode.ok;
}
