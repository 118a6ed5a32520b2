import type { DecisionGraph } from '../graph/graph.js';
import { graphDot, graphMermaid, plainNamer } from './flowchart.js';
import { orderedDecisions } from './order.js';
import { dotToSvg } from './svg.js';

/**
 * `sopwright graph`: the whole decision graph as Graphviz DOT, Mermaid or SVG, every decision a
 * diamond, every outcome a rounded box, every branch an edge labelled with its condition in words.
 */

/** The formats the whole graph exports to. */
export const graphFormats = ['dot', 'mermaid', 'svg'] as const;
export type GraphFormat = (typeof graphFormats)[number];

/** The whole decision graph as text in a format. */
export async function exportGraph(graph: DecisionGraph, opts: { format: GraphFormat; locale: string }): Promise<string> {
  const decisions = orderedDecisions(graph);
  const namer = plainNamer(graph, opts.locale);
  if (opts.format === 'mermaid') return graphMermaid(graph, decisions, opts.locale, namer);
  const dot = graphDot(graph, decisions, opts.locale, namer);
  if (opts.format === 'dot') return dot;
  const { svg, errors } = await dotToSvg(dot);
  // The DOT is built from escaped strings: Graphviz rejecting it is a bug, not a user mistake.
  if (svg === undefined) throw new Error(`internal error: graphviz rejected the decision graph: ${errors.join('; ')}`);
  return svg.endsWith('\n') ? svg : `${svg}\n`;
}
