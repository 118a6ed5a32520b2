import type { DecisionGraph, Expr } from '../../../src/graph/graph.js';

/**
 * The decision graph as plain paths, for engines that have no graph of their own: every way
 * from the start decision to an outcome, with the conditions that must hold on the way. With
 * every fact known (as in the benchmark's cases) two-valued logic is enough: a `first` branch
 * holds when its condition does and every earlier one does not; `otherwise` when none does.
 */

/** A condition on a path: an expression of the graph, or its negation. */
export interface PathCondition {
  readonly expr: Expr;
  readonly negated: boolean;
}

/** One path: the outcome it ends in and the conditions (all of them must hold). */
export interface GraphPath {
  readonly outcome: string;
  readonly conditions: readonly PathCondition[];
}

/** Every path of the graph from `policy.start`, in branch order. */
export function graphPaths(graph: DecisionGraph): GraphPath[] {
  const paths: GraphPath[] = [];
  const walk = (decisionId: string, so: readonly PathCondition[]): void => {
    const d = graph.decisions[decisionId];
    const earlier: PathCondition[] = [];
    for (const b of d.branches) {
      const own: PathCondition[] = b.condition === null ? [] : [{ expr: b.condition, negated: false }];
      // `unique` branches never overlap, so they need not exclude the earlier ones.
      const conditions = [...so, ...(d.hitPolicy === 'first' || b.condition === null ? earlier : []), ...own];
      if (b.target.kind === 'outcome') paths.push({ outcome: b.target.id, conditions });
      else walk(b.target.id, conditions);
      if (b.condition !== null) earlier.push({ expr: b.condition, negated: true });
    }
  };
  walk(graph.policy.start, []);
  return paths;
}

/** The value of a literal or a constant. */
export function constantValue(graph: DecisionGraph, e: Expr): unknown {
  if (e.kind === 'literal') return e.value;
  if (e.kind === 'const') return graph.constants[e.id].value;
  return undefined;
}
