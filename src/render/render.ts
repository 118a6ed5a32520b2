import type { DecisionGraph } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createTemplateEnv, runTemplate, type TemplateSet } from './handlebars-env.js';
import { authorNotesOf } from './author-notes.js';
import { dotToSvg, inlineSvg } from './svg.js';
import { buildHandbookModel, type HandbookModel } from './view-model.js';

/**
 * The handbook: graph + locale + templates → text. Pure apart from laying flowcharts out
 * (in-process WebAssembly): no file system, no clock, so the same policy gives the same bytes.
 */

/** The formats renderHandbook writes; PDF is printed from the HTML (pdf.ts). */
export type HandbookFormat = 'html' | 'md';

export interface RenderOptions {
  readonly format: HandbookFormat;
  /** `zh-CN` (the default) or `en`. */
  readonly locale: string;
  /**
   * Every template file, keyed by path relative to the templates directory. The loader
   * (template-loader.ts) reads `templates/` and lays a `--templates DIR` over it file by file.
   */
  readonly templates: TemplateSet;
  /**
   * Where each anchor landed in a print (printed page numbers, from the first pass of a PDF):
   * the contents and the index show them. Without it they show none.
   */
  readonly pages?: (anchor: string) => number | undefined;
  /** Add the appendix of the policy's `##!` author notes (`render --with-author-notes`). */
  readonly withAuthorNotes?: boolean;
}

/** A rendered text, or the diagnostics that stopped it. */
export interface RenderResult {
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The layout template of a format. */
export const layoutOf = (format: HandbookFormat): string => `handbook.${format}.hbs`;

/** The model with every decision's flowchart laid out as inline SVG. */
async function withFlowcharts(model: HandbookModel): Promise<HandbookModel> {
  const decisions = [];
  for (const d of model.decisions) {
    const { svg, errors } = await dotToSvg(d.dot);
    // The DOT is ours, built from escaped strings: Graphviz rejecting it is a bug, not a user mistake.
    if (svg === undefined) throw new Error(`internal error: graphviz rejected the flowchart of \`${d.id}\`: ${errors.join('; ')}`);
    decisions.push({ ...d, flowchart: inlineSvg(svg, `flowchart-${d.id}`) });
  }
  return { ...model, decisions };
}

/** Renders the staff handbook of a policy as HTML or Markdown. */
export async function renderHandbook(graph: DecisionGraph, opts: RenderOptions): Promise<RenderResult> {
  const layout = layoutOf(opts.format);
  const { templates, diagnostics } = createTemplateEnv(opts.templates, opts.format, [layout]);
  const render = templates.get(layout);
  if (diagnostics.length > 0 || render === undefined) return { text: undefined, diagnostics };
  let model = buildHandbookModel(graph, opts.locale);
  if (opts.format === 'html') model = await withFlowcharts(model);
  if (opts.pages !== undefined) model = withPages(model, opts.pages);
  if (opts.withAuthorNotes === true) model = { ...model, authorNotes: authorNotesOf(graph, model) };
  const result = runTemplate(render, model);
  if (result.text === undefined) return { text: undefined, diagnostics: result.diagnostics };
  return { text: normalise(result.text), diagnostics: [] };
}

/** The running header and footer of a PDF printed with Chromium's header and footer templates (the register sheet). */
export interface PageFurniture {
  readonly header: string;
  readonly footer: string;
}

/** The model with the printed page of each contents and index entry. */
function withPages(model: HandbookModel, pages: (anchor: string) => number | undefined): HandbookModel {
  const toc = (entries: HandbookModel['toc']): HandbookModel['toc'] =>
    entries.map((e) => ({ ...e, page: pages(e.anchor) ?? null, children: toc(e.children) }));
  const index = model.index.map((g) => ({ ...g, outcomes: g.outcomes.map((o) => ({ ...o, page: pages(o.anchor) ?? null })) }));
  return { ...model, toc: toc(model.toc), index };
}

/**
 * Tidies template output so goldens stay readable: `\n` line ends, no trailing spaces, at most one
 * blank line in a row (Handlebars block tags leave blank lines), and one final newline.
 * Inline SVG is not affected: Graphviz writes no blank lines or trailing spaces.
 */
function normalise(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
