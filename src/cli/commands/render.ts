import { Option } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatReport } from '../../diagnostics/format-text.js';
import type { TemplateSet } from '../../render/handlebars-env.js';
import { handbookLocales } from '../../render/i18n.js';
import { findBrowser, printPdf } from '../../render/pdf.js';
import { loadTemplates } from '../../render/template-loader.js';
import { sourceFile, type SourceFile } from '../../source/source-file.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, printError, writeFileAtomic } from '../io.js';
import { loadPolicy } from '../policy.js';
import type { CliContext, CommandModule } from '../program.js';

/** `sopwright render FILE --format html|md|pdf --locale zh-CN|en -o OUT`: the staff handbook. */
export const renderCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('render')
      .description('render a policy as a staff handbook (HTML, Markdown or PDF)')
      .argument('<file>', 'the policy\'s entry .sop file')
      .addOption(new Option('--format <format>', 'handbook format').choices(['html', 'md', 'pdf']).default('html'))
      .addOption(new Option('--locale <locale>', 'handbook language').choices([...handbookLocales]).default('zh-CN'))
      .requiredOption('-o, --output <path>', 'the file to write, or `-` for standard output (html and md)')
      .option('--templates <dir>', 'a directory whose files replace the built-in templates of the same name')
      .option('--browser <path>', 'the Chromium or Chrome that prints PDF (default: $SOPWRIGHT_BROWSER, else /usr/bin/chromium…)')
      .action(async (file: string, options: RenderOptions, command) => {
        if (options.format === 'pdf' && options.output === '-') command.error('error: a PDF cannot be written to standard output; give a file with `-o`');
        ctx.setExitCode(await runRender(file, options, ctx));
      });
  },
};

interface RenderOptions {
  readonly format: 'html' | 'md' | 'pdf';
  readonly locale: string;
  readonly output: string;
  readonly templates?: string;
  readonly browser?: string;
}

function printDiagnostics(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, ctx: CliContext): void {
  ctx.stderr.write(formatReport(list, sources, { color: ctx.stderr.color }));
}

/** Template files as sources, so template diagnostics print with a snippet. */
function templateSources(templates: TemplateSet): Map<string, SourceFile> {
  return new Map(Object.values(templates).map((t) => [t.path, sourceFile(t.path, t.text)]));
}

async function runRender(file: string, options: RenderOptions, ctx: CliContext): Promise<ExitCode> {
  // The browser is found first, so a missing one fails fast, before any work.
  let browserPath: string | undefined;
  if (options.format === 'pdf') {
    const found = findBrowser(options.browser, process.env);
    if ('diagnostic' in found) {
      printDiagnostics([found.diagnostic], new Map(), ctx);
      return ExitCode.usage;
    }
    browserPath = found.path;
  }
  const loaded = loadPolicy(file, ctx, { warnings: true });
  if ('exit' in loaded) return loaded.exit;
  const { templates, problems } = loadTemplates(options.templates);
  for (const p of problems) printError(ctx.stderr, p);
  if (problems.length > 0) return ExitCode.usage;

  // Loaded here, not at start-up: Handlebars and the handbook view model serve this command only.
  const { renderHandbook, renderPageFurniture } = await import('../../render/render.js');
  const format = options.format === 'pdf' ? 'html' : options.format;
  const rendered = await renderHandbook(loaded.graph, { format, locale: options.locale, templates });
  if (rendered.text === undefined) {
    printDiagnostics(rendered.diagnostics, templateSources(templates), ctx);
    return ExitCode.invalid;
  }
  let data: string | Uint8Array = rendered.text;
  if (options.format === 'pdf') {
    const margins = renderPageFurniture(loaded.graph, { locale: options.locale, templates });
    if (margins.furniture === undefined) {
      printDiagnostics(margins.diagnostics, templateSources(templates), ctx);
      return ExitCode.invalid;
    }
    try {
      data = await printPdf(rendered.text, { browserPath: browserPath!, furniture: margins.furniture });
    } catch (error) {
      printError(ctx.stderr, `cannot print the PDF with \`${browserPath}\`: ${(error as Error).message.split('\n')[0]}`);
      return ExitCode.usage;
    }
  }
  return writeOutput(options.output, data, ctx);
}

/** Writes the result whole (or to stdout for `-`); returns the exit code. */
export function writeOutput(output: string, data: string | Uint8Array, ctx: CliContext): ExitCode {
  if (output === '-') {
    ctx.stdout.write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    return ExitCode.ok;
  }
  try {
    writeFileAtomic(output, data);
  } catch (error) {
    printError(ctx.stderr, `cannot write \`${output}\`: ${describeFsError(error)}`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
