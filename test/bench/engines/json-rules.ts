import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { CompareOp, DecisionGraph, Expr } from '../../../src/graph/graph.js';
import type { FenCase } from '../cases.js';
import type { HandResult } from '../hand-written.js';
import { constantValue, graphPaths } from './paths.js';

/**
 * The reference policy for json-rules-engine: one rule per path of the decision graph (all of
 * its conditions under `all`, an earlier branch's condition under `not`), its event named after
 * the outcome. Exactly one rule fires per case. json-rules-engine has no expressions, so the
 * refund cap of `partial_refund` is computed from the facts when its event fires.
 */

type Condition = TopLevelCondition | { fact: string; operator: string; value: unknown };

const OPERATORS: Record<CompareOp, string> = {
  '==': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive',
};
const FLIPPED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function condition(graph: DecisionGraph, e: Expr): Condition {
  switch (e.kind) {
    case 'fact':
      return { fact: e.id, operator: 'equal', value: true };
    case 'and':
      return { all: e.operands.map((o) => condition(graph, o)) } as TopLevelCondition;
    case 'or':
      return { any: e.operands.map((o) => condition(graph, o)) } as TopLevelCondition;
    case 'not':
      return { not: condition(graph, e.operand) } as TopLevelCondition;
    case 'in':
      if (e.subject.kind !== 'fact') break;
      return { fact: e.subject.id, operator: e.negated ? 'notIn' : 'in', value: e.members };
    case 'compare': {
      const [left, right, op] = e.left.kind === 'fact' ? [e.left, e.right, e.op] : [e.right, e.left, FLIPPED[e.op]];
      if (left.kind !== 'fact') break;
      const value = right.kind === 'fact' ? { fact: right.id } : constantValue(graph, right);
      return { fact: left.id, operator: OPERATORS[op], value };
    }
    default:
      break;
  }
  throw new Error(`the json-rules-engine translation does not handle \`${e.kind}\` here`);
}

/** The rules of `graph`, one per path. */
export function jsonRules(graph: DecisionGraph): RuleProperties[] {
  return graphPaths(graph).map((path, i) => ({
    name: `path-${i}`,
    conditions: {
      all: path.conditions.map((c) => (c.negated ? { not: condition(graph, c.expr) } : condition(graph, c.expr))) as TopLevelCondition[],
    },
    event: { type: path.outcome },
  }));
}

/** An engine holding the policy, and how to decide one case with it. */
export function jsonRulesDecider(graph: DecisionGraph): (c: FenCase) => Promise<HandResult> {
  const engine = new Engine(jsonRules(graph));
  return async (c) => {
    const { events } = await engine.run(c);
    if (events.length !== 1) throw new Error(`json-rules-engine fired ${events.length} rules`);
    const outcome = events[0].type;
    const values = outcome === 'partial_refund' ? { refund_cap: Math.min(c.order_profit as number, c.return_shipping as number) } : {};
    return { outcome, values };
  };
}
