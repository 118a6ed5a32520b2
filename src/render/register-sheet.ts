import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createTemplateEnv, runTemplate, type TemplateSet } from './handlebars-env.js';
import type { PageFurniture } from './render.js';

/**
 * The printable daily after-sales register (每日售后登记表): one table of the day's cases in the
 * handbook's style, from `register-sheet.html.hbs`. The caller gives the rows already in words
 * (the register builds them); this module only lays them out.
 */

/** One row of the sheet. */
export interface RegisterSheetRow {
  readonly id: number;
  readonly cells: readonly string[];
  /** `open`, `in_progress`… (a CSS class) */
  readonly status: string;
  readonly overdue: boolean;
}

/** What the sheet template receives. */
export interface RegisterSheetModel {
  readonly locale: string;
  readonly title: string;
  readonly day: string;
  readonly headers: readonly string[];
  readonly rows: readonly RegisterSheetRow[];
  readonly summary: string;
  readonly empty: string;
  readonly ui: { readonly id: string; readonly pageBefore: string; readonly pageMiddle: string; readonly pageAfter: string };
}

const layout = 'register-sheet.html.hbs';
const furnitureTemplates = ['register-print-header.html.hbs', 'register-print-footer.html.hbs'] as const;

/** Renders the sheet as one self-contained HTML page, or the template diagnostics that stopped it. */
export function renderRegisterSheet(model: RegisterSheetModel, templates: TemplateSet): { text: string | undefined; diagnostics: readonly Diagnostic[] } {
  const env = createTemplateEnv(templates, 'html', [layout]);
  const render = env.templates.get(layout);
  if (env.diagnostics.length > 0 || render === undefined) return { text: undefined, diagnostics: env.diagnostics };
  return runTemplate(render, model);
}

/** The running header and page numbers of the printed sheet. */
export function renderRegisterFurniture(model: RegisterSheetModel, templates: TemplateSet): { furniture: PageFurniture | undefined; diagnostics: readonly Diagnostic[] } {
  const env = createTemplateEnv(templates, 'html', furnitureTemplates);
  if (env.diagnostics.length > 0) return { furniture: undefined, diagnostics: env.diagnostics };
  const [header, footer] = furnitureTemplates.map((n) => runTemplate(env.templates.get(n)!, model));
  const failed = [...header.diagnostics, ...footer.diagnostics];
  if (failed.length > 0 || header.text === undefined || footer.text === undefined) return { furniture: undefined, diagnostics: failed };
  return { furniture: { header: header.text, footer: footer.text }, diagnostics: [] };
}
