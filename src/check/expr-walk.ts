import type { DecisionGraph, Expr } from '../graph/graph.js';

/** Calls `visit` on an expression and every expression inside it, parents first. */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'compare':
    case 'arith':
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      break;
    case 'neg':
    case 'not':
      walkExpr(expr.operand, visit);
      break;
    case 'minmax':
      expr.args.forEach((a) => walkExpr(a, visit));
      break;
    case 'and':
    case 'or':
      expr.operands.forEach((o) => walkExpr(o, visit));
      break;
    case 'in':
      walkExpr(expr.subject, visit);
      break;
    default:
      break;
  }
}

/** Every expression the graph evaluates: branch conditions and outcome values (not `let` bodies). */
export function* rootExprs(graph: DecisionGraph): Iterable<Expr> {
  for (const d of Object.values(graph.decisions)) for (const b of d.branches) if (b.condition) yield b.condition;
  for (const o of Object.values(graph.outcomes)) for (const v of o.values) yield v.expr;
}
