import type { RegisterEntry } from '../../register/entry.js';
import { sheetRow } from '../../register/export.js';
import { registerWords, sheetColumns } from '../../register/words.js';
import { uiStrings } from '../../render/i18n.js';
import { findBrowser, printPdf } from '../../render/pdf.js';
import type { RegisterSheetModel } from '../../render/register-sheet.js';
import { loadTemplates } from '../../render/template-loader.js';
import { formatDiagnostics } from '../../diagnostics/format-text.js';
import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import type { CliContext } from '../program.js';
import { writeOutput } from './render.js';

/** `register export --format html|pdf`: the printable daily register in the handbook's style. */

interface SheetOptions {
  readonly format: 'html' | 'pdf' | 'csv' | 'jsonl';
  readonly locale: string;
  readonly output: string;
  readonly day: string;
  readonly now: Date;
  readonly browser?: string;
}

/** The sheet's view model: the day's rows in the locale's words. */
export function sheetModel(entries: readonly RegisterEntry[], opts: { locale: string; day: string; now: Date }): RegisterSheetModel {
  const words = registerWords(opts.locale);
  const ui = uiStrings(opts.locale);
  return {
    locale: opts.locale,
    title: words.title,
    day: opts.day,
    headers: sheetColumns.map((c) => words.columns[c]),
    rows: entries.map((e) => {
      const row = sheetRow(e, opts);
      return { id: e.id, cells: sheetColumns.map((c) => row.cells[c]), status: e.status, overdue: row.overdue };
    }),
    summary: words.total(entries.length),
    empty: words.empty,
    ui: { id: words.columns.id, pageBefore: ui.pageBefore, pageMiddle: ui.pageMiddle, pageAfter: ui.pageAfter },
  };
}

/** Renders the day's sheet as HTML, or prints it to PDF, and writes it. */
export async function exportSheet(entries: readonly RegisterEntry[], opts: SheetOptions, ctx: CliContext): Promise<ExitCode> {
  let browserPath: string | undefined;
  if (opts.format === 'pdf') {
    const found = findBrowser(opts.browser, process.env);
    if ('diagnostic' in found) {
      ctx.stderr.write(formatDiagnostics([found.diagnostic], new Map(), { color: ctx.stderr.color }));
      return ExitCode.usage;
    }
    browserPath = found.path;
  }
  const { templates, problems } = loadTemplates();
  for (const p of problems) printError(ctx.stderr, p);
  if (problems.length > 0) return ExitCode.usage;
  // Loaded here: Handlebars serves only the commands that render.
  const { renderRegisterSheet, renderRegisterFurniture } = await import('../../render/register-sheet.js');
  const model = sheetModel(entries, opts);
  const html = renderRegisterSheet(model, templates);
  if (html.text === undefined) throw new Error(`internal error: the register sheet template failed: ${html.diagnostics.map((d) => d.message).join('; ')}`);
  if (opts.format === 'html') return writeOutput(opts.output, html.text, ctx);
  const furniture = renderRegisterFurniture(model, templates);
  if (furniture.furniture === undefined) throw new Error(`internal error: the register page templates failed: ${furniture.diagnostics.map((d) => d.message).join('; ')}`);
  let pdf: Uint8Array;
  try {
    pdf = await printPdf(html.text, { browserPath: browserPath!, furniture: furniture.furniture, landscape: true, margin: { top: '16mm', right: '12mm', bottom: '16mm', left: '12mm' } });
  } catch (error) {
    printError(ctx.stderr, `cannot print the PDF with \`${browserPath}\`: ${(error as Error).message.split('\n')[0]}`);
    return ExitCode.usage;
  }
  return writeOutput(opts.output, pdf, ctx);
}
