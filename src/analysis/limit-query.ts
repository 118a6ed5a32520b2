import type { DecisionGraph, Expr } from '../graph/graph.js';
import type { PathConditions } from './path-conditions.js';
import { QueryRunner } from './solver/query.js';

/**
 * Whether some case that reaches `outcomeId` also satisfies `condition` (a line's `when` limit).
 * False only when the solver proves there is none; an outcome no case reaches answers false; an
 * answer the solver cannot give (`unknown`) counts as true, so a warning is never a guess. The
 * query runs as every other query of the checks does (QueryRunner), so facts keep their declared
 * bounds (`number 0..1`) here too.
 */
export function limitCanHold(graph: DecisionGraph, pc: PathConditions, outcomeId: string, condition: Expr): boolean {
  const reach = pc.reachOutcome(outcomeId);
  if (reach === undefined) return false;
  return new QueryRunner(graph).solveAll([...reach, pc.translator.condition(condition)]).status !== 'unsat';
}
