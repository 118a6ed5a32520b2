import type { DecisionGraph } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createTemplateEnv, runTemplate, type TemplateSet } from './handlebars-env.js';
import type { DecisionModel, HandbookModel } from './handbook-model.js';
import { pageCount } from './pdf-anchors.js';
import { withPrinter, type PrintOptions } from './pdf.js';
import type { RenderResult } from './render.js';
import { buildHandbookModel } from './view-model.js';

/**
 * The one-page quick sheet for the desk (`render --format quick`): the triage (the start
 * decision's rules) and every outcome with its owner and deadline, on one A4 page. Its text is the
 * handbook's (the same view model), so the two never disagree.
 */

/** The quick sheet's layout template. */
export const quickLayout = 'quick.html.hbs';

/** What the quick sheet's template gets. */
export interface QuickSheetModel {
  readonly locale: string;
  readonly ui: HandbookModel['ui'];
  readonly policy: HandbookModel['policy'];
  readonly triage: DecisionModel | null;
  readonly outcomes: readonly { number: string; title: string; owner: string; deadline: string | null }[];
}

export function buildQuickSheetModel(graph: DecisionGraph, locale: string): QuickSheetModel {
  const model = buildHandbookModel(graph, locale);
  return {
    locale,
    ui: model.ui,
    policy: model.policy,
    triage: model.decisions.find((d) => d.isStart) ?? null,
    outcomes: model.outcomes.map((o) => ({ number: o.number, title: o.title, owner: o.owner, deadline: o.deadline })),
  };
}

/** The quick sheet as HTML. */
export function renderQuickSheet(graph: DecisionGraph, opts: { readonly locale: string; readonly templates: TemplateSet }): RenderResult {
  const { templates, diagnostics } = createTemplateEnv(opts.templates, 'html', [quickLayout]);
  const render = templates.get(quickLayout);
  if (diagnostics.length > 0 || render === undefined) return { text: undefined, diagnostics };
  const result = runTemplate(render, buildQuickSheetModel(graph, opts.locale));
  return result.text === undefined ? { text: undefined, diagnostics: result.diagnostics } : { text: `${result.text.trim()}\n`, diagnostics: [] };
}

/** Print scales tried in turn until the sheet fits one page (a policy with very many outcomes). */
const scales = [1, 0.9, 0.8, 0.7, 0.6] as const;

/** The quick sheet printed on one A4 page: drawn smaller, step by step, only if it does not fit. */
export async function printQuickSheet(
  graph: DecisionGraph,
  opts: { readonly locale: string; readonly templates: TemplateSet },
  print: Omit<PrintOptions, 'furniture' | 'scale'>,
): Promise<{ pdf: Uint8Array | undefined; diagnostics: readonly Diagnostic[] }> {
  const rendered = renderQuickSheet(graph, opts);
  if (rendered.text === undefined) return { pdf: undefined, diagnostics: rendered.diagnostics };
  const text = rendered.text;
  // Every scale prints in the same browser page: one launch, however many tries.
  const pdf = await withPrinter(print, async (printPage) => {
    let printed: Uint8Array | undefined;
    for (const scale of scales) {
      printed = await printPage(text, scale);
      if (pageCount(printed) <= 1) break;
    }
    return printed;
  });
  return { pdf, diagnostics: [] };
}
