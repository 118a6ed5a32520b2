import type { DecisionGraph } from '../graph.js';
import { type Formula, conjuncts, factsOf, keyOf } from './formula.js';
import { solve, type SolveOptions, type SolveResult, type SolveStatus, type UnknownCause } from './search.js';
import type { Model, ModelValue } from './theory.js';

/**
 * "path ∧ local" queries for the decision analysis. A decision's path conjuncts are split once
 * into groups that share no fact (a `PathIndex`). A query then solves only the local conjuncts
 * together with the path groups they touch; the untouched groups are satisfiable exactly when
 * the path is, which the decision's reachability result already says. So a query costs what its
 * own conditions cost, not what the whole path costs.
 */

export interface QueryResult {
  readonly status: SolveStatus;
  readonly cause?: UnknownCause;
  /** A model, when one was asked for and the query is `sat`. */
  readonly model?: Model;
}

/**
 * The path conjuncts of one decision that its own conditions can interact with (those sharing a
 * fact with them, transitively), grouped by shared facts. The other path conjuncts never join a
 * query: whether they hold is the decision's reachability, known already.
 */
export class PathIndex {
  /** Fact → group number. */
  readonly groupOf = new Map<string, number>();
  readonly groups: Formula[][] = [];

  /** @param focus the facts the decision's conditions read */
  constructor(path: readonly Formula[], focus: Iterable<string>) {
    const relevant = new Set(focus);
    const taken: Formula[] = [];
    let rest = path.filter((f) => factsOf(f).length > 0);
    for (let changed = true; changed; ) {
      changed = false;
      const next: Formula[] = [];
      for (const f of rest) {
        if (factsOf(f).some((fact) => relevant.has(fact))) {
          taken.push(f);
          for (const fact of factsOf(f)) relevant.add(fact);
          changed = true;
        } else next.push(f);
      }
      rest = next;
    }
    const sets = new UnionFind();
    const ids = taken.map((f) => factsOf(f).map((fact) => sets.id(fact)));
    ids.forEach((xs) => xs.forEach((x) => sets.union(xs[0], x)));
    const groupOfRoot = new Map<number, number>();
    taken.forEach((f, i) => {
      const root = sets.find(ids[i][0]);
      let g = groupOfRoot.get(root);
      if (g === undefined) {
        g = this.groups.length;
        groupOfRoot.set(root, g);
        this.groups.push([]);
      }
      this.groups[g].push(f);
      for (const fact of factsOf(f)) this.groupOf.set(fact, g);
    });
  }
}

export class QueryRunner {
  readonly options: SolveOptions;
  /** Results by the key of the solved conjunction: decisions often repeat the same conditions. */
  private readonly memo = new Map<string, SolveResult>();

  constructor(graph: DecisionGraph) {
    this.options = {
      isUnsignedMoney: (fact) => {
        const t = graph.facts[fact]?.type;
        return t?.kind === 'money' && !t.signed;
      },
    };
  }

  /** Decides the conjunction of `parts` from scratch, each fact-disjoint group on its own. */
  solveAll(parts: readonly Formula[], wantModel = false): QueryResult {
    return this.run(new PathIndex([], []), parts, undefined, wantModel);
  }

  /**
   * Decides path ∧ local, where `reach` is the result for the path alone. Without `reach` the
   * index must be empty (every conjunct is local).
   */
  run(index: PathIndex, local: readonly Formula[], reach: QueryResult | undefined, wantModel = false): QueryResult {
    const parts: Formula[] = [];
    for (const f of local) {
      if (f.kind === 'false') return UNSAT;
      if (f.kind === 'and') parts.push(...f.parts);
      else if (f.kind !== 'true') parts.push(f);
    }
    const groups = parts.length === 1 && !touchesPath(index, parts[0]) ? [parts] : groupParts(index, parts);
    let cause = reach?.status === 'unknown' ? reach.cause : undefined;
    const model = wantModel ? new Map<string, ModelValue>() : undefined;
    for (const list of groups) {
      const r = this.solveGroup(list, wantModel);
      if (r.status === 'unsat') return UNSAT;
      if (r.status === 'unknown') cause ??= r.cause;
      if (model && r.model) for (const [k, v] of r.model) model.set(k, v);
    }
    return cause ? { status: 'unknown', cause, model } : { status: 'sat', model };
  }

  private solveGroup(parts: readonly Formula[], wantModel: boolean): SolveResult {
    if (wantModel) return solve(parts, this.options, true);
    const key = parts.map(keyOf).join(';');
    let r = this.memo.get(key);
    if (!r) {
      r = solve(parts, this.options, false);
      this.memo.set(key, r);
    }
    return r;
  }
}

const UNSAT: QueryResult = { status: 'unsat' };

function touchesPath(index: PathIndex, f: Formula): boolean {
  if (index.groups.length === 0) return false;
  for (const fact of factsOf(f)) if (index.groupOf.has(fact)) return true;
  return false;
}

/**
 * Splits the local conjuncts into groups that share no fact, each with the path groups it
 * touches. Ids 0…G-1 stand for the path groups; a fact the path does not mention gets its own.
 */
function groupParts(index: PathIndex, parts: readonly Formula[]): Formula[][] {
  const sets = new UnionFind(index.groups.length);
  const first: number[] = [];
  for (const f of parts) {
    let head = -1;
    for (const fact of factsOf(f)) {
      const id = index.groupOf.get(fact) ?? sets.id(fact);
      if (head < 0) head = id;
      sets.union(head, id);
    }
    first.push(head);
  }
  const groups = new Map<number, Formula[]>();
  parts.forEach((f, i) => {
    const root = first[i] >= 0 ? sets.find(first[i]) : -1 - i;
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(f);
  });
  // Each path group joins the local group that touches it.
  for (let g = 0; g < index.groups.length; g++) {
    if (sets.touched(g)) groups.get(sets.find(g))!.push(...index.groups[g]);
  }
  return [...groups.values()];
}

/** Union-find over small integer ids; named facts get fresh ids on first sight. */
class UnionFind {
  private readonly parent: number[] = [];
  private readonly names = new Map<string, number>();
  private readonly used: boolean[] = [];

  constructor(reserved = 0) {
    for (let i = 0; i < reserved; i++) this.parent.push(i);
  }

  id(name: string): number {
    let i = this.names.get(name);
    if (i === undefined) {
      i = this.parent.length;
      this.parent.push(i);
      this.names.set(name, i);
    }
    return i;
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  /** Joins two sets and marks both ids as used by some item. */
  union(a: number, b: number): void {
    this.used[a] = this.used[b] = true;
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }

  touched(x: number): boolean {
    return this.used[x] === true;
  }
}
