import type { Branch, DecisionGraph, DecisionNode } from '../graph/graph.js';
import { type Formula, TRUE, and, conjuncts, not, or } from './solver/formula.js';
import { Translator } from './solver/translate.js';

/**
 * Path conditions: for each decision, the condition under which a case reaches it. P(start) is
 * true; P(D) is the disjunction, over every branch B that targets D, of P(B's decision) ∧ region(B).
 * A branch's region is "no earlier condition holds, and mine does": the evaluator takes the first
 * true branch, in a `unique` decision too (where the checker reports any overlap), so the paths
 * are the ones cases really take. Conditions are kept as lists of conjuncts that share their
 * parent's list, so a deep tree costs no more than its branches.
 */
export interface PathConditions {
  readonly translator: Translator;
  /** Decisions reachable from `start`, parents before children. */
  readonly order: readonly DecisionNode[];
  /** The conjuncts of P(D); undefined for a decision no path from `start` reaches. */
  reach(decisionId: string): readonly Formula[] | undefined;
  /** A branch's own condition (true for `otherwise`). */
  condition(branch: Branch): Formula;
  /** The cases of its decision that take the branch, as conjuncts (not counting the path). */
  region(decision: DecisionNode, branch: Branch): readonly Formula[];
  /** The branches (of decisions reachable from `start`) that lead to a decision or an outcome. */
  incoming(targetId: string): readonly Branch[];
  /** The conjuncts of the condition under which a case reaches an outcome; undefined when none does. */
  reachOutcome(outcomeId: string): readonly Formula[] | undefined;
}

/** The path conditions of every decision. Needs an acyclic graph. */
export function pathConditions(graph: DecisionGraph): PathConditions {
  const translator = new Translator(graph);
  const regions = new Map<Branch, readonly Formula[]>();
  const condition = (b: Branch): Formula => (b.condition ? translator.condition(b.condition) : TRUE);
  const region = (d: DecisionNode, b: Branch): readonly Formula[] => {
    if (!regions.has(b)) {
      // All of d's regions at once: each is the negations so far plus its own condition.
      let excluded: readonly Formula[] = [];
      for (const x of d.branches) {
        regions.set(x, excluded.concat(conjuncts(condition(x))));
        if (x.condition !== null) excluded = excluded.concat(conjuncts(not(condition(x))));
      }
    }
    return regions.get(b)!;
  };
  const order = topologicalOrder(graph);
  const axioms = translator.axioms();
  const incoming = new Map<string, Branch[]>();
  // The ways into each decision and outcome: the path of the branch's decision and the branch's
  // region, concatenated only when the target's condition is asked for (most branches lead to an
  // outcome, whose condition few checks need).
  const ways = new Map<string, Way[]>();
  const reach = new Map<string, readonly Formula[]>();
  // Outcomes and decisions share one namespace, so one map holds the ways into both.
  for (const d of order) {
    // Every path starts from what every case satisfies (the link of split moments to their dates and clock times).
    const p = d.id === graph.policy.start ? axioms : joinWays(ways.get(d.id) ?? []);
    reach.set(d.id, p);
    for (const b of d.branches) {
      const into = b.target.id;
      let list = ways.get(into);
      if (list === undefined) {
        ways.set(into, (list = []));
        incoming.set(into, []);
      }
      list.push({ path: p, region: region(d, b) });
      incoming.get(into)!.push(b);
    }
  }
  const outcomeReach = new Map<string, readonly Formula[]>();
  const reachOutcome = (id: string): readonly Formula[] | undefined => {
    const into = ways.get(id);
    if (into === undefined || graph.outcomes[id] === undefined) return undefined;
    if (!outcomeReach.has(id)) outcomeReach.set(id, joinWays(into));
    return outcomeReach.get(id);
  };
  return { translator, order, reach: (id) => reach.get(id), condition, region, incoming: (id) => incoming.get(id) ?? [], reachOutcome };
}

/** One way into a node: the path condition of a branch's decision and the branch's region. */
interface Way {
  readonly path: readonly Formula[];
  readonly region: readonly Formula[];
}

/** P(D) from the ways into D. */
function joinWays(ways: readonly Way[]): readonly Formula[] {
  if (ways.length === 1) return ways[0].path.concat(ways[0].region);
  return joinPaths(ways.map((w) => w.path.concat(w.region)));
}

/**
 * P(D) from the paths into D: the conjuncts every path shares stay conjuncts, the rest become
 * one disjunction. Shared conjuncts are the same objects, so identity is enough.
 */
function joinPaths(paths: readonly (readonly Formula[])[]): readonly Formula[] {
  if (paths.length === 1) return paths[0];
  const shared = paths.slice(1).reduce((acc, p) => {
    const set = new Set(p);
    return acc.filter((f) => set.has(f));
  }, [...paths[0]]);
  const sharedSet = new Set(shared);
  const alternatives = paths.map((p) => and(p.filter((f) => !sharedSet.has(f))));
  return conjuncts(and([...shared, or(alternatives)]));
}

/** Decisions reachable from `start`, each after every decision that leads to it (iterative DFS: deep policies must not overflow the stack). */
function topologicalOrder(graph: DecisionGraph): DecisionNode[] {
  const seen = new Set<string>();
  const post: DecisionNode[] = [];
  const stack: { node: DecisionNode; next: number }[] = [];
  const enter = (id: string) => {
    const node = graph.decisions[id];
    if (!node || seen.has(id)) return;
    seen.add(id);
    stack.push({ node, next: 0 });
  };
  enter(graph.policy.start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const b = top.node.branches[top.next++];
    if (b === undefined) post.push(stack.pop()!.node);
    else if (b.target.kind === 'decision') enter(b.target.id);
  }
  return post.reverse();
}
