import { localize, type DecisionGraph, type DecisionNode, type Target } from '../graph/graph.js';
import { describeConditionParts } from './describe.js';
import { branchMark } from './format.js';
import { uiStrings } from './i18n.js';
import { wrapText } from './text-layout.js';

/**
 * Flowcharts as Graphviz DOT and as Mermaid: one per decision for the handbook, or the whole graph
 * for `sopwright graph`. Pure text builders; laying DOT out as SVG is svg.ts's job.
 */

/** The font family written into DOT, so Chinese lays out with a CJK font wherever the DOT is drawn. */
export const flowchartFont = 'Noto Sans CJK SC';

/** How a flowchart names the nodes it draws: the printed label, and a link for the handbook. */
export interface NodeNamer {
  (target: Target): { readonly label: string; readonly href: string | null };
}

/** One node and the edges out of it, before they are written as DOT or Mermaid. */
interface Chart {
  readonly nodes: readonly { key: string; target: Target; focus: boolean }[];
  readonly edges: readonly { from: string; to: string; lines: readonly string[] }[];
}

const key = (t: Target): string => `${t.kind === 'decision' ? 'd' : 'o'}_${t.id}`;

/** The lines on a branch's edge: its mark and its condition in words, a line per `and`/`or` part. */
export function branchLines(graph: DecisionGraph, decision: DecisionNode, index: number, locale: string): string[] {
  const branch = decision.branches[index];
  const parts = branch.condition === null
    ? [uiStrings(locale).otherwise]
    : describeConditionParts(branch.condition, { graph, locale });
  const lines = parts.flatMap((p) => wrapText(p, locale.toLowerCase().startsWith('zh') ? 12 : 16));
  lines[0] = `${branchMark(index + 1)} ${lines[0]}`;
  return lines;
}

/** A further branch on a shared edge: its first line starts with "或" / "or", so the label reads as one choice. */
function orLines(lines: readonly string[], locale: string): string[] {
  return lines.map((l, i) => (i === 0 ? `${uiStrings(locale).or} ${l}` : l));
}

/** The nodes and edges of some decisions; `focus` is the decision a chart is about. */
function chartOf(graph: DecisionGraph, decisions: readonly DecisionNode[], locale: string, focus: string | null): Chart {
  const nodes = new Map<string, { key: string; target: Target; focus: boolean }>();
  const edges: { from: string; to: string; lines: readonly string[] }[] = [];
  const add = (t: Target): void => {
    if (!nodes.has(key(t))) nodes.set(key(t), { key: key(t), target: t, focus: t.kind === 'decision' && t.id === focus });
  };
  for (const d of decisions) {
    const from: Target = { kind: 'decision', id: d.id };
    add(from);
    // Branches to the same place share one edge that carries all their labels: two edges
    // between the same nodes would have to cross the edges between them.
    const byTarget = new Map<string, { from: string; to: string; lines: string[] }>();
    d.branches.forEach((b, i) => {
      add(b.target);
      const edge = byTarget.get(key(b.target));
      if (edge) edge.lines.push(...orLines(branchLines(graph, d, i, locale), locale));
      else byTarget.set(key(b.target), { from: key(from), to: key(b.target), lines: branchLines(graph, d, i, locale) });
    });
    edges.push(...byTarget.values());
  }
  return { nodes: [...nodes.values()], edges };
}

/** A DOT string literal: quotes and backslashes escaped, `&` as an entity (Graphviz reads entities in labels). */
function dotString(lines: readonly string[]): string {
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');
  return `"${lines.map(esc).join('\\n')}"`;
}

/** A node label in lines; a leading section number ("2.3 ") gets a line of its own when the title wraps. */
function nodeLines(label: string, maxEm: number): string[] {
  const lines = wrapText(label, maxEm);
  const m = /^(\d+(?:\.\d+)*) (.*)$/.exec(label);
  return lines.length > 1 && m ? [m[1], ...wrapText(m[2], maxEm)] : lines;
}

function dotNode(node: Chart['nodes'][number], namer: NodeNamer): string {
  const { label, href } = namer(node.target);
  const attrs: string[] = [];
  if (node.target.kind === 'decision') {
    attrs.push('shape=diamond', 'style=filled', `fillcolor="${node.focus ? '#fbe3a6' : '#fdf3d9'}"`);
    attrs.push(`label=${dotString(nodeLines(label, 7))}`);
  } else {
    attrs.push('shape=box', 'style="rounded,filled"', 'fillcolor="#e3f1e6"');
    attrs.push(`label=${dotString(nodeLines(label, 11))}`);
  }
  if (href !== null) attrs.push(`href=${dotString([href])}`, `tooltip=${dotString([label])}`);
  return `  ${dotString([node.key])} [${attrs.join(', ')}];`;
}

/** The id of the label node on the `index`th edge of a chart (see toDot). */
export const labelKey = (index: number): string => `l_${index}`;

/**
 * A branch's label as a node of its own, on its edge: decision — label → target. Graphviz places
 * edge labels beside their edge, where one can sit nearer a neighbouring arrow than its own and
 * two can overlap; a node the edge passes through belongs to that edge, and nodes never overlap.
 */
function dotEdge(edge: Chart['edges'][number], index: number): string[] {
  const label = dotString([labelKey(index)]);
  return [
    `  ${label} [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#c9ced4", penwidth=0.8, fontsize=10, margin="0.06,0.03", label=${dotString(edge.lines)}];`,
    `  ${dotString([edge.from])} -> ${label} [arrowhead=none];`,
    `  ${label} -> ${dotString([edge.to])};`,
  ];
}

/** DOT text for a set of decisions: decisions as diamonds, outcomes as rounded boxes, branches as labelled edges in order. */
function toDot(name: string, chart: Chart, namer: NodeNamer): string {
  const lines = [
    `digraph ${dotString([name])} {`,
    `  graph [rankdir=LR, ordering=out, nodesep=0.18, ranksep=0.3, pad=0.1, bgcolor="transparent", fontname="${flowchartFont}"];`,
    `  node [fontname="${flowchartFont}", fontsize=11, color="#4a4a4a", penwidth=1.1, margin="0.12,0.06"];`,
    `  edge [fontname="${flowchartFont}", fontsize=10, color="#5a5a5a", fontcolor="#1f1f1f", arrowsize=0.7];`,
    ...chart.nodes.map((n) => dotNode(n, namer)),
    ...chart.edges.flatMap((e, i) => dotEdge(e, i)),
    '}',
    '',
  ];
  return lines.join('\n');
}

/** The flowchart of one decision as DOT: the decision, its branches in order, and where each leads. */
export function decisionDot(graph: DecisionGraph, decisionId: string, locale: string, namer: NodeNamer): string {
  const decision = graph.decisions[decisionId];
  return toDot(decisionId, chartOf(graph, [decision], locale, decisionId), namer);
}

/** The whole decision graph as DOT, decisions in the order given. */
export function graphDot(graph: DecisionGraph, decisions: readonly DecisionNode[], locale: string, namer: NodeNamer): string {
  return toDot(graph.policy.id, chartOf(graph, decisions, locale, graph.policy.start), namer);
}

/** A Mermaid string: entity codes for the characters Mermaid would read as syntax or markup. */
function mermaidString(lines: readonly string[]): string {
  const esc = (s: string): string =>
    s.replace(/[#"<>&`|\\]/g, (ch) => `#${ch.codePointAt(0)};`);
  return `"${lines.map(esc).join('<br/>')}"`;
}

function toMermaid(chart: Chart, namer: NodeNamer): string {
  const lines = ['flowchart LR'];
  for (const n of chart.nodes) {
    const label = mermaidString(nodeLines(namer(n.target).label, n.target.kind === 'decision' ? 7 : 11));
    lines.push(n.target.kind === 'decision' ? `  ${n.key}{${label}}` : `  ${n.key}(${label})`);
  }
  for (const e of chart.edges) lines.push(`  ${e.from} -->|${mermaidString(e.lines)}| ${e.to}`);
  return `${lines.join('\n')}\n`;
}

/** The flowchart of one decision as Mermaid (for Markdown handbooks). */
export function decisionMermaid(graph: DecisionGraph, decisionId: string, locale: string, namer: NodeNamer): string {
  return toMermaid(chartOf(graph, [graph.decisions[decisionId]], locale, decisionId), namer);
}

/** The whole decision graph as Mermaid. */
export function graphMermaid(graph: DecisionGraph, decisions: readonly DecisionNode[], locale: string, namer: NodeNamer): string {
  return toMermaid(chartOf(graph, decisions, locale, graph.policy.start), namer);
}

/** Names nodes by their labels alone (no numbers, no links), for exports outside the handbook. */
export function plainNamer(graph: DecisionGraph, locale: string): NodeNamer {
  return (t) => {
    const el = t.kind === 'decision' ? graph.decisions[t.id] : graph.outcomes[t.id];
    const label = el ? localize(el.label, locale, graph.policy.locales) : '';
    return { label: label === '' ? t.id : label, href: null };
  };
}
