import { ZenEngine } from '@gorules/zen-engine';
import type { DecisionGraph, Expr } from '../../../src/graph/graph.js';
import type { FenCase } from '../cases.js';
import type { HandResult } from '../hand-written.js';

/**
 * The reference policy as a GoRules JDM decision graph, node for node: each decision is a
 * `switchNode` (hit policy `first`; a `unique` decision's branches never overlap, so `first`
 * means the same), each outcome an `expressionNode` that names the outcome and computes its
 * values with ZEN expressions (`min([order_profit, return_shipping])`), then an output node.
 * A decision reached from two parents is repeated under each, so every node has one parent.
 */

interface JdmNode {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly content?: unknown;
  readonly position: { x: number; y: number };
}

interface JdmEdge {
  readonly id: string;
  readonly type: 'edge';
  readonly sourceId: string;
  readonly targetId: string;
  readonly sourceHandle?: string;
}

/** A ZEN expression for one of the graph's expressions. */
function zenExpr(graph: DecisionGraph, e: Expr): string {
  switch (e.kind) {
    case 'fact':
      return e.id;
    case 'const':
      return zenValue(graph.constants[e.id].value);
    case 'literal':
      return zenValue(e.value);
    case 'and':
    case 'or':
      return `(${e.operands.map((o) => zenExpr(graph, o)).join(` ${e.kind} `)})`;
    case 'not':
      return `not (${zenExpr(graph, e.operand)})`;
    case 'compare':
      return `(${zenExpr(graph, e.left)} ${e.op} ${zenExpr(graph, e.right)})`;
    case 'in': {
      const test = `${zenExpr(graph, e.subject)} in [${e.members.map((m) => zenValue(m)).join(', ')}]`;
      return e.negated ? `not (${test})` : `(${test})`;
    }
    case 'minmax':
      return `${e.fn}([${e.args.map((a) => zenExpr(graph, a)).join(', ')}])`;
    case 'arith':
      return `(${zenExpr(graph, e.left)} ${e.op} ${zenExpr(graph, e.right)})`;
    default:
      throw new Error(`the JDM translation does not handle \`${e.kind}\``);
  }
}

function zenValue(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`the JDM translation does not handle the value ${JSON.stringify(v)}`);
}

/** The JDM document of `graph`. */
export function jdmGraph(graph: DecisionGraph): { nodes: JdmNode[]; edges: JdmEdge[] } {
  const nodes: JdmNode[] = [];
  const edges: JdmEdge[] = [];
  let n = 0;
  const node = (type: string, name: string, content?: unknown): string => {
    const id = `n${n++}`;
    nodes.push({ id, name, type, ...(content !== undefined ? { content } : {}), position: { x: n * 10, y: 0 } });
    return id;
  };
  const edge = (sourceId: string, targetId: string, sourceHandle?: string) =>
    edges.push({ id: `e${edges.length}`, type: 'edge', sourceId, targetId, ...(sourceHandle !== undefined ? { sourceHandle } : {}) });
  const outcome = (id: string): string => {
    const o = graph.outcomes[id];
    const expressions = [{ id: 'x0', key: 'outcome', value: zenValue(o.id) }, ...o.values.map((v, i) => ({ id: `x${i + 1}`, key: v.id, value: zenExpr(graph, v.expr) }))];
    const expr = node('expressionNode', o.id, { expressions });
    edge(expr, node('outputNode', `${o.id} result`));
    return expr;
  };
  const decision = (id: string): string => {
    const d = graph.decisions[id];
    const statements = d.branches.map((b, i) => ({ id: `s${i}`, condition: b.condition === null ? '' : zenExpr(graph, b.condition) }));
    const sw = node('switchNode', d.id, { hitPolicy: 'first', statements });
    d.branches.forEach((b, i) => edge(sw, b.target.kind === 'decision' ? decision(b.target.id) : outcome(b.target.id), `s${i}`));
    return sw;
  };
  edge(node('inputNode', 'Request'), decision(graph.policy.start));
  return { nodes, edges };
}

/** The decision loaded in ZEN, and how to decide one case with it (awaited). */
export function zenDecider(graph: DecisionGraph): { decide: (c: FenCase) => Promise<HandResult>; dispose: () => void } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(jdmGraph(graph));
  return {
    decide: async (c) => {
      const { result } = await decision.evaluate(c);
      const { outcome, ...values } = result as { outcome: string } & Record<string, number>;
      return { outcome, values };
    },
    dispose: () => engine.dispose(),
  };
}
