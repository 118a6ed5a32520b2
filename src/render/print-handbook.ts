import type { DecisionGraph } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { anchorPages } from './pdf-anchors.js';
import { withPrinter, type PrintOptions } from './pdf.js';
import { renderHandbook, type RenderOptions } from './render.js';

/**
 * The printed handbook in two passes: print once with a placeholder page number on every
 * contents and index entry (so they take the room real numbers need), read where each heading
 * landed (the PDF's named destinations), print again with the real numbers. Should the numbers
 * move the layout after all, a third pass settles it. Every pass prints in the same browser page.
 */

/** A placeholder as wide as any page number a handbook reaches. */
const placeholderPage = 888;

/** At most this many passes; the numbers are kept as the last one left them. */
const maxPasses = 3;

export async function printHandbook(
  graph: DecisionGraph,
  opts: Omit<RenderOptions, 'format' | 'pages'>,
  print: Omit<PrintOptions, 'furniture'>,
): Promise<{ pdf: Uint8Array | undefined; diagnostics: readonly Diagnostic[] }> {
  // The first pass is laid out before the browser starts, so a render error launches nothing.
  const first = await renderHandbook(graph, { ...opts, format: 'html', pages: () => placeholderPage });
  if (first.text === undefined) return { pdf: undefined, diagnostics: first.diagnostics };
  let html = first.text;
  return withPrinter(print, async (printPage) => {
    let landed: Map<string, number> | undefined;
    let pdf: Uint8Array | undefined;
    for (let pass = 0; pass < maxPasses; pass++) {
      // The first pass only tells where headings land (a draft); a pass that may be kept prints in full.
      pdf = await printPage(html, undefined, pass === 0 ? 'draft' : undefined);
      const now = anchorPages(pdf);
      if ((landed !== undefined && sameEntries(landed, now)) || pass === maxPasses - 1) break;
      landed = now;
      const rendered = await renderHandbook(graph, { ...opts, format: 'html', pages: (anchor) => now.get(anchor) });
      if (rendered.text === undefined) return { pdf: undefined, diagnostics: rendered.diagnostics };
      html = rendered.text;
    }
    return { pdf, diagnostics: [] };
  });
}

function sameEntries(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
