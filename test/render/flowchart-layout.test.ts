import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { branchLines, decisionDot, labelKey, plainNamer } from '../../src/render/flowchart.js';
import { dotToSvg } from '../../src/render/svg.js';

/**
 * Every decision chart of the three reference policies, laid out by Graphviz and read back from
 * the SVG: each branch label sits on its own edge (the edge from the decision ends at the label's
 * box, the edge to the target starts there, and no other edge touches the box), no two labels
 * overlap each other or any node, and every branch is on the chart once, a shared target's
 * branches joined with 或 / or.
 */

const root = join(import.meta.dirname, '..', '..');
const policies = ['rules/after-sales.sop', 'rules/presale.sop', 'rules/warranty.sop'];

function graphOf(file: string): DecisionGraph {
  const result = compile(join(root, file), { readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) });
  if (!result.graph) throw new Error(`${file} does not compile`);
  return result.graph;
}

interface Box { x0: number; y0: number; x1: number; y1: number }
type Point = readonly [number, number];

const unescape = (s: string): string =>
  s.replace(/&#45;/g, '-').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The numbers of a `points` or path `d` attribute as points. */
function pointsOf(attr: string): Point[] {
  const n = [...attr.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const out: Point[] = [];
  for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i]!, n[i + 1]!]);
  return out;
}

/** A Graphviz edge path (M p C c1 c2 p …) sampled along its cubic Béziers. */
function sampled(d: string): Point[] {
  const p = pointsOf(d);
  const out: Point[] = [p[0]!];
  for (let i = 1; i + 2 < p.length; i += 3) {
    const [a, b, c, e] = [p[i - 1]!, p[i]!, p[i + 1]!, p[i + 2]!];
    for (let k = 1; k <= 16; k++) {
      const t = k / 16;
      const u = 1 - t;
      const at = (j: 0 | 1) => u * u * u * a[j] + 3 * u * u * t * b[j] + 3 * u * t * t * c[j] + t * t * t * e[j];
      out.push([at(0), at(1)]);
    }
  }
  return out;
}

const boxOf = (pts: readonly Point[]): Box => ({
  x0: Math.min(...pts.map((q) => q[0])), y0: Math.min(...pts.map((q) => q[1])),
  x1: Math.max(...pts.map((q) => q[0])), y1: Math.max(...pts.map((q) => q[1])),
});
const distance = (b: Box, [x, y]: Point): number => Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));
const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

interface Chart {
  readonly nodes: Map<string, { box: Box; lines: string[] }>;
  readonly edges: { from: string; to: string; path: Point[] }[];
}

/** Nodes (title → box and text lines) and edges (title → sampled path) of a Graphviz SVG. */
function readSvg(svg: string): Chart {
  const nodes = new Map<string, { box: Box; lines: string[] }>();
  const edges: Chart['edges'] = [];
  for (const g of svg.matchAll(/<g id="[^"]*" class="(node|edge)">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g)) {
    const [, kind, title, body] = g as unknown as [string, string, string, string];
    if (kind === 'node') {
      const shape = /<(?:polygon[^>]*points|path[^>]*\sd)="([^"]*)"/.exec(body)!;
      const lines = [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
      nodes.set(unescape(title), { box: boxOf(pointsOf(shape[1]!)), lines });
    } else {
      const [from, to] = unescape(title).split('->') as [string, string];
      edges.push({ from, to, path: sampled(/<path[^>]*\sd="([^"]*)"/.exec(body)![1]!) });
    }
  }
  return { nodes, edges };
}

const cases = policies.flatMap((file) => {
  const graph = graphOf(file);
  return (['zh-CN', 'en'] as const).flatMap((locale) => Object.keys(graph.decisions).map((id) => [file, locale, id, graph] as const));
});

describe('flowchart labels on the reference policies', () => {
  it('covers every decision of the three policies', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBe(3);
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map(([file, locale, id, graph]) => [`${file} ${locale} ${id}`, locale, id, graph] as const))('%s', async (_name, locale, id, graph) => {
    const dot = decisionDot(graph, id, locale, plainNamer(graph, locale));
    const { svg, errors } = await dotToSvg(dot);
    expect(errors).toEqual([]);
    const chart = readSvg(svg!);
    const decision = graph.decisions[id]!;
    const key = (t: { kind: string; id: string }): string => `${t.kind === 'decision' ? 'd' : 'o'}_${t.id}`;
    const targets = [...new Set(decision.branches.map((b) => key(b.target)))];
    const labels = targets.map((_, i) => labelKey(i));
    expect(labels.every((l) => chart.nodes.has(l))).toBe(true);

    targets.forEach((target, i) => {
      const label = chart.nodes.get(labels[i]!)!;
      const into = chart.edges.filter((e) => e.to === labels[i]);
      const out = chart.edges.filter((e) => e.from === labels[i]);
      // The label is a stop on its own edge: decision → label → target, touching the label's box.
      expect(into.map((e) => e.from)).toEqual([`d_${id}`]);
      expect(out.map((e) => e.to)).toEqual([target]);
      expect(distance(label.box, into[0]!.path.at(-1)!)).toBeLessThan(3);
      // The out-edge's arrowhead is drawn apart; the path starts at the label's box.
      expect(distance(label.box, out[0]!.path[0]!)).toBeLessThan(3);
      // No other edge comes near the label: it cannot be read as another edge's.
      for (const e of chart.edges.filter((x) => x.from !== labels[i] && x.to !== labels[i])) {
        expect(Math.min(...e.path.map((p) => distance(label.box, p))), `${e.from}->${e.to} near ${labels[i]}`).toBeGreaterThan(2);
      }
      // Its text is the branches to that target, in order, the later ones joined with 或 / or.
      const expected = decision.branches
        .map((b, n) => ({ b, n }))
        .filter(({ b }) => key(b.target) === target)
        .flatMap(({ n }, k) => branchLines(graph, decision, n, locale).map((l, j) => (k > 0 && j === 0 ? `${locale === 'en' ? 'or' : '或'} ${l}` : l)));
      expect(label.lines).toEqual(expected);
    });

    // No two labels overlap, nor a label and a node.
    const boxes = [...chart.nodes.entries()];
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        expect(overlap(boxes[a]![1].box, boxes[b]![1].box), `${boxes[a]![0]} and ${boxes[b]![0]}`).toBe(false);
      }
    }
  });
});
