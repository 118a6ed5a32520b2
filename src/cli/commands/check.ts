import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, resolveLocale } from '../locale.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatJson } from '../../diagnostics/format-json.js';
import { DEFAULT_MAX_ERRORS, formatReport } from '../../diagnostics/format-text.js';
import { checkPolicies } from '../../workflows/check.js';
import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';

/** `sopwright check FILE...`: compiles each policy and prints its diagnostics; silent when clean. */
export const checkCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('check')
      .description('check policies for errors; prints nothing when they are clean')
      .argument('<paths...>', '.sop entry files, or directories to search for files with a `policy` header')
      .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
      .option('--json', 'the same as --format json')
      .option('--strict', 'exit 1 on warnings too')
      .addOption(localeOption('language of the messages'))
      .option('--max-errors <n>', 'show at most n diagnostics in pretty output, 0 for all', parseCount, DEFAULT_MAX_ERRORS)
      .action((paths: string[], options: CheckOptions, command: Command) => {
        if (options.json && command.getOptionValueSource('format') === 'cli' && options.format !== 'json') {
          command.error('error: `--json` contradicts `--format pretty`');
        }
        ctx.setExitCode(runCheck(paths, options, ctx));
      });
  },
};

interface CheckOptions {
  readonly format: 'pretty' | 'json';
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly maxErrors: number;
  readonly locale?: MessageLocale;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 20');
  return Number(value);
}

/** Checks every entry the paths name and prints the report; returns the exit code. */
function runCheck(paths: readonly string[], options: CheckOptions, ctx: CliContext): ExitCode {
  const { diagnostics, sources, problems, locales } = checkPolicies(paths);
  for (const message of problems) printError(ctx.stderr, message);
  // One language for the whole report: asked for, else the environment's, else the first policy's.
  const locale = resolveLocale(options.locale, locales);
  if (options.json || options.format === 'json') ctx.stdout.write(formatJson(diagnostics, sources, locale));
  else ctx.stderr.write(formatReport(diagnostics, sources, { color: ctx.stderr.color, maxErrors: options.maxErrors, locale }));

  if (problems.length > 0) return ExitCode.usage;
  if (diagnostics.some((d) => d.severity === 'error')) return ExitCode.invalid;
  if (options.strict && diagnostics.some((d) => d.severity === 'warning')) return ExitCode.invalid;
  return ExitCode.ok;
}
