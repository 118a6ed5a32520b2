import type { DecisionGraph, Expr, OutcomeNode, OutcomeValue } from '../../graph/graph.js';
import { pathConditions } from '../path-conditions.js';
import { QueryRunner } from './query.js';
import type { UnknownCause } from './search.js';
import { witnessOf } from './witness.js';
import { compare, Rat, ZERO } from '../../values/rational.js';

/**
 * Amounts an outcome computes that can be below zero (`graph/negative-value`): for each money or
 * number value of an outcome some case reaches, the solver looks for a case on a path to the
 * outcome for which the value is negative. Values that are plainly never negative (sums and
 * products of amounts that are not, `max(…, 0 CNY)`) are not asked about.
 */

/** What the search found for one value: a whole case (every fact), or why it could not decide. */
export interface NegativeFinding {
  readonly outcome: OutcomeNode;
  readonly value: OutcomeValue;
  /** A case that may make the value negative (every fact): the check stage evaluates it before reporting it. */
  readonly model: Readonly<Record<string, string>> | undefined;
  /** Set when the solver could not decide and the reason is the value's own arithmetic (`price * 1.1 - cost`). */
  readonly cause?: UnknownCause;
}

/** The values of reachable outcomes that some case can make negative, or whose sign the solver cannot decide. */
export function negativeValues(graph: DecisionGraph): NegativeFinding[] {
  const candidates = Object.values(graph.outcomes).flatMap((o) =>
    o.values.filter((v) => (v.type.kind === 'money' || v.type.kind === 'number') && !neverNegative(v.expr, graph)).map((v) => [o, v] as const));
  if (candidates.length === 0) return [];
  const pc = pathConditions(graph);
  const queries = new QueryRunner(graph);
  const out: NegativeFinding[] = [];
  for (const [outcome, value] of candidates) {
    const reach = pc.reachOutcome(outcome.id);
    if (reach === undefined) continue;
    const zero: Expr = { kind: 'literal', value: value.type.kind === 'money' ? 0 : ZERO, type: value.type, span: value.span };
    const below = pc.translator.condition({ kind: 'compare', op: '<', left: value.expr, right: zero, type: { kind: 'bool' }, span: value.span });
    const r = queries.solveAll([...reach, below], true);
    if (r.status === 'unsat') continue;
    const model = r.model && witnessOf(graph, r.model, Object.keys(graph.facts));
    // An opaque condition on the way is the decisions' own note (graph/inexact-analysis): only the value's is said here.
    const own = r.cause && (r.cause.kind !== 'opaque' || r.cause.atom.expr.span === value.span);
    out.push({ outcome, value, model, ...(own ? { cause: r.cause } : {}) });
  }
  return out;
}

/**
 * True when the value is never below zero whatever the facts: unsigned money, facts bounded at 0
 * or above, constants and literals that are not negative, and sums, products, quotients, `min` of
 * such, and `max` with one such argument. False means "may be": the solver decides.
 */
export function neverNegative(e: Expr, graph: DecisionGraph, seen: ReadonlySet<string> = new Set()): boolean {
  switch (e.kind) {
    case 'literal':
      return notBelowZero(e.value);
    case 'const': {
      const c = graph.constants[e.id];
      return c !== undefined && notBelowZero(c.value);
    }
    case 'fact': {
      const f = graph.facts[e.id];
      if (f === undefined) return false;
      if (f.bounds?.min && compare(f.bounds.min, ZERO) >= 0) return true;
      return f.type.kind === 'money' && !f.type.signed;
    }
    case 'let': {
      const l = graph.lets[e.id];
      return l !== undefined && !seen.has(e.id) && neverNegative(l.expr, graph, new Set([...seen, e.id]));
    }
    case 'arith':
      return e.op !== '-' && neverNegative(e.left, graph, seen) && neverNegative(e.right, graph, seen);
    case 'minmax':
      return e.fn === 'min' ? e.args.every((a) => neverNegative(a, graph, seen)) : e.args.some((a) => neverNegative(a, graph, seen));
    default:
      return false;
  }
}

function notBelowZero(v: unknown): boolean {
  if (v instanceof Rat) return compare(v, ZERO) >= 0;
  return typeof v === 'number' && v >= 0;
}
