import type { DecisionGraph, Expr, OutcomeNode, TextLimit } from '../graph/graph.js';
import { childExprs, dueExprs } from '../graph/children.js';

/** Calls `visit` on an expression and every expression inside it, parents first. */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  const children = childExprs(expr);
  for (let i = 0; i < children.length; i++) walkExpr(children[i], visit);
}

/**
 * Every expression the graph evaluates: branch conditions, outcome values, the values texts name,
 * deadline cases and their due rules, and the rules on the facts (not `let` bodies).
 */
export function rootExprs(graph: DecisionGraph): Expr[] {
  // A list, not a generator: a large policy has tens of thousands of conditions.
  const out: Expr[] = [];
  for (const d of Object.values(graph.decisions)) for (const b of d.branches) if (b.condition) out.push(b.condition);
  for (const o of Object.values(graph.outcomes)) {
    for (const v of o.values) out.push(v.expr);
    for (const t of o.textValues ?? []) if (t.kind === 'expr') out.push(t.expr);
    for (const l of limitsOf(o)) if (l.condition) out.push(l.condition);
    for (const c of o.deadline?.cases ?? []) {
      if (c.condition) out.push(c.condition);
      out.push(...dueExprs(c.due));
    }
  }
  for (const r of graph.requirements) out.push(r.condition);
  return out;
}

/** The limits of an outcome's lines (`via …`, `when …`), in no particular order. */
export function limitsOf(o: OutcomeNode): TextLimit[] {
  const l = o.limits;
  if (!l) return [];
  return [...l.steps, ...l.notes, ...l.says.map((s) => s.limit)].filter((x): x is TextLimit => x !== null);
}
