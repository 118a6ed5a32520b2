import type { DecisionGraph, Expr } from '../graph/graph.js';
import type { PathConditions } from './path-conditions.js';
import { conjuncts } from './solver/formula.js';
import { solve } from './solver/search.js';
import { integerRange } from './solver/time-domain.js';

/**
 * Whether some case that reaches `outcomeId` also satisfies `condition` (a line's `when` limit).
 * False only when the solver proves there is none; an outcome no case reaches answers false; an
 * answer the solver cannot give (`unknown`) counts as true, so a warning is never a guess.
 */
export function limitCanHold(graph: DecisionGraph, pc: PathConditions, outcomeId: string, condition: Expr): boolean {
  const reach = pc.reachOutcome(outcomeId);
  if (reach === undefined) return false;
  const parts = [...reach, ...conjuncts(pc.translator.condition(condition))];
  return solve(parts, { intRange: (v) => integerRange(graph, v) }, false).status !== 'unsat';
}
