import type { DecisionGraph } from '../graph.js';
import { type Formula, conjuncts, factsOf } from './formula.js';
import { solve, type SolveOptions, type SolveResult, type UnknownCause } from './search.js';
import type { ModelValue } from './theory.js';

/**
 * Runs "path ∧ local" queries for the decision analysis. The conjuncts are split into groups
 * that share no fact; each group is solved alone (a query is satisfiable when every group is),
 * which keeps searches small. Groups made only of path conjuncts are known from the decision's
 * reachability result and are not solved again.
 */
export class QueryRunner {
  readonly options: SolveOptions;

  constructor(graph: DecisionGraph) {
    this.options = {
      isUnsignedMoney: (fact) => {
        const t = graph.facts[fact]?.type;
        return t?.kind === 'money' && !t.signed;
      },
    };
  }

  /**
   * Decides path ∧ local. `reach` is the result for the path alone (omit it to compute that
   * result); its model supplies the values of facts only the path constrains.
   */
  run(path: readonly Formula[], local: readonly Formula[], reach?: SolveResult): SolveResult {
    const groups = groupByFacts(path, local.flatMap(conjuncts));
    if (groups === 'false') return { status: 'unsat' };
    const model = new Map<string, ModelValue>(reach?.model ?? []);
    let cause: UnknownCause | undefined;
    for (const g of groups) {
      if (!g.local && reach) {
        if (reach.status === 'unknown') cause ??= reach.cause;
        continue;
      }
      const r = solve(g.parts, this.options);
      if (r.status === 'unsat') return r;
      if (r.status === 'unknown') cause ??= r.cause;
      for (const [k, v] of r.model ?? []) model.set(k, v);
    }
    return cause ? { status: 'unknown', model, cause } : { status: 'sat', model };
  }
}

interface Group {
  readonly parts: Formula[];
  local: boolean;
}

/** Splits the conjuncts into fact-disjoint groups, local groups first; 'false' when one is false. */
function groupByFacts(path: readonly Formula[], local: readonly Formula[]): Group[] | 'false' {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const all = [...path, ...local];
  for (const f of all) {
    if (f.kind === 'false') return 'false';
    const facts = factsOf(f);
    for (const fact of facts) if (!parent.has(fact)) parent.set(fact, fact);
    for (let i = 1; i < facts.length; i++) {
      const a = find(facts[0]);
      const b = find(facts[i]);
      if (a !== b) parent.set(a, b);
    }
  }
  const groups = new Map<string, Group>();
  all.forEach((f, i) => {
    if (f.kind === 'true') return;
    const facts = factsOf(f);
    const key = facts.length > 0 ? find(facts[0]) : `#${i}`;
    let g = groups.get(key);
    if (!g) {
      g = { parts: [], local: false };
      groups.set(key, g);
    }
    g.parts.push(f);
    if (i >= path.length) g.local = true;
  });
  return [...groups.values()].sort((a, b) => Number(b.local) - Number(a.local));
}
