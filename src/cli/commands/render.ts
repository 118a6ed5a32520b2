import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, requestedLocale, resolveLocale } from '../locale.js';
import { Option } from 'commander';
import { formatReport } from '../../diagnostics/format-text.js';
import { renderHandbookFile } from '../../workflows/handbook.js';
import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import { reportPolicy } from '../policy.js';
import type { CliContext, CommandModule } from '../program.js';

/**
 * `sopwright render FILE --format html|md|pdf|quick --locale zh-CN|en -o OUT`: the staff handbook,
 * or the one-page quick sheet (`quick`: HTML, or a printed page when OUT ends in `.pdf`).
 */
export const renderCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('render')
      .description('render a policy as a staff handbook (HTML, Markdown or PDF)')
      .argument('<file>', 'the policy\'s entry .sop file')
      .addOption(new Option('--format <format>', 'handbook format').choices(['html', 'md', 'pdf', 'quick']).default('html'))
      .addOption(localeOption('language of the handbook and messages'))
      .requiredOption('-o, --output <path>', 'the file to write, or `-` for standard output (html and md)')
      .option('--templates <dir>', 'a directory whose files replace the built-in templates of the same name')
      .option('--with-author-notes', 'add an appendix of the policy\'s `##!` author notes, for the supervisor')
      .option('--browser <path>', 'the Chromium or Chrome that prints PDF (default: $SOPWRIGHT_BROWSER, else /usr/bin/chromium…)')
      .action(async (file: string, options: RenderOptions, command) => {
        if (options.format === 'pdf' && options.output === '-') command.error('error: a PDF cannot be written to standard output; give a file with `-o`');
        ctx.setExitCode(await runRender(file, options, ctx));
      });
  },
};

interface RenderOptions {
  readonly format: 'html' | 'md' | 'pdf' | 'quick';
  readonly locale?: MessageLocale;
  readonly output: string;
  readonly templates?: string;
  readonly browser?: string;
  readonly withAuthorNotes?: boolean;
}

async function runRender(file: string, options: RenderOptions, ctx: CliContext): Promise<ExitCode> {
  const format = options.format === 'quick' && options.output.toLowerCase().endsWith('.pdf') ? 'quick-pdf' : options.format;
  const made = await renderHandbookFile(file, {
    ...options,
    format,
    locale: requestedLocale(options.locale),
    env: process.env,
    output: options.output === '-' ? undefined : options.output,
    runningBrowser: format === 'pdf' || format === 'quick-pdf' ? await ctx.lentBrowser?.() : undefined,
  });
  let locale = resolveLocale(options.locale);
  if (made.policy !== undefined) {
    const opened = reportPolicy(made.policy, ctx, { warnings: true, locale: options.locale });
    if ('exit' in opened) return opened.exit;
    locale = opened.locale;
  }
  for (const p of made.problems) printError(ctx.stderr, p);
  if (made.diagnostics.length > 0) ctx.stderr.write(formatReport(made.diagnostics, made.sources, { color: ctx.stderr.color, locale }));
  if (made.failure !== undefined) return made.failure === 'template' ? ExitCode.invalid : ExitCode.usage;
  if (options.output === '-') writeStdout(made.data!, ctx);
  return ExitCode.ok;
}

/** Writes a result meant for a pipe (`-o -`) to standard output. */
function writeStdout(data: string | Uint8Array, ctx: CliContext): void {
  ctx.stdout.write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
}
