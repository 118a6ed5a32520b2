import type { DecisionGraph } from '../../graph/graph.js';
import { type Formula, factsOf } from './formula.js';
import { solve, type SolveOptions, type SolveStatus, type Universe, type UnknownCause, universeOf } from './search.js';
import type { Model, ModelValue } from './theory.js';
import { declaredRange, factOfVar, integerRange } from './time-domain.js';

/**
 * "path ∧ local" queries for the decision analysis. Once per decision, its conditions and the
 * path conjuncts they interact with are split into components that share no fact (a
 * `QueryScope`). A query then solves each component its local conjuncts fall in, together with
 * that component's path conjuncts; every other path conjunct holds exactly when the path does,
 * which the decision's reachability result already says. So a query costs what its own
 * conditions cost, not what the whole path costs, and independent parts are searched apart.
 */

export interface QueryResult {
  readonly status: SolveStatus;
  readonly cause?: UnknownCause;
  /** A model, when one was asked for and the query is `sat`. */
  readonly model?: Model;
}

/** The fact-disjoint components of a decision's conditions and the path conjuncts they touch. */
export class QueryScope {
  private readonly componentOf = new Map<string, number>();
  /** The path conjuncts of each component. */
  readonly pathParts: Formula[][] = [];
  /** The atoms every query of this scope can assert, so they share one theory set-up. */
  readonly universe: Universe;

  /**
   * @param path the decision's path conjuncts
   * @param conditions every formula a local conjunct of a query may come from (each conjunct's
   *   facts must lie within one of them)
   */
  constructor(path: readonly Formula[], conditions: readonly Formula[]) {
    for (const c of conditions) this.join(factsOf(c));
    // Path conjuncts join when they share a fact with what is joined already, until none does.
    let rest = path;
    const taken: Formula[] = [];
    for (let changed = this.parent.size > 0; changed; ) {
      changed = false;
      const next: Formula[] = [];
      for (const f of rest) {
        if (this.touches(factsOf(f))) {
          this.join(factsOf(f));
          taken.push(f);
          changed = true;
        } else next.push(f);
      }
      rest = next;
    }
    const ids = new Map<string, number>();
    for (const fact of this.parent.keys()) {
      const root = this.find(fact);
      let id = ids.get(root);
      if (id === undefined) {
        ids.set(root, (id = this.pathParts.length));
        this.pathParts.push([]);
      }
      this.componentOf.set(fact, id);
    }
    for (const f of taken) this.pathParts[this.componentOf.get(factsOf(f)[0])!].push(f);
    this.universe = universeOf([...conditions, ...taken]);
  }

  /** Union-find over facts, used while building. */
  private readonly parent = new Map<string, string>();

  private find(x: string): string {
    let r = x;
    for (let p = this.parent.get(r)!; p !== r; p = this.parent.get(r)!) r = p;
    return r;
  }

  private join(facts: readonly string[]): void {
    for (const f of facts) if (!this.parent.has(f)) this.parent.set(f, f);
    for (let i = 1; i < facts.length; i++) {
      const a = this.find(facts[0]);
      const b = this.find(facts[i]);
      if (a !== b) this.parent.set(b, a);
    }
  }

  private touches(facts: readonly string[]): boolean {
    for (const f of facts) if (this.parent.has(f)) return true;
    return false;
  }

  /** The component of a fact; undefined for a fact the scope does not know. */
  componentOfFact(fact: string): number | undefined {
    return this.componentOf.get(fact);
  }

  /** The component of a local conjunct; -1 when it reads no fact. */
  component(f: Formula): number {
    const facts = factsOf(f);
    if (facts.length === 0) return -1;
    const c = this.componentOf.get(facts[0]);
    for (const x of facts) {
      if (c === undefined || this.componentOf.get(x) !== c) {
        throw new Error('internal error: a query conjunct spans components of its decision, please report');
      }
    }
    return c!;
  }
}

const UNSAT: QueryResult = { status: 'unsat' };

export class QueryRunner {
  readonly options: SolveOptions;

  constructor(graph: DecisionGraph) {
    this.options = { intRange: (v) => integerRange(graph, v), ratRange: (v) => declaredRange(graph, v) };
  }

  /** Decides the conjunction of `parts` from scratch, each fact-disjoint group on its own. */
  solveAll(parts: readonly Formula[], wantModel = false): QueryResult {
    return this.run(new QueryScope([], parts), parts, undefined, wantModel);
  }

  /** Decides path ∧ local, where `reach` is the result for the path alone (none: the path is empty). */
  run(scope: QueryScope, local: readonly Formula[], reach: QueryResult | undefined, wantModel = false): QueryResult {
    // Local conjuncts by component; one reading no fact is a group of its own (negative keys).
    // Parallel lists rather than a Map: a query has a group or two, and there are tens of thousands of queries.
    const keys: number[] = [];
    const groups: Formula[][] = [];
    for (const f of local) {
      if (f.kind === 'false') return UNSAT;
      if (f.kind === 'and') for (const p of f.parts) addTo(keys, groups, scope, p);
      else addTo(keys, groups, scope, f);
    }
    let cause = reach?.status === 'unknown' ? reach.cause : undefined;
    const model = wantModel ? new Map<string, ModelValue>() : undefined;
    for (let i = 0; i < keys.length; i++) {
      const c = keys[i];
      const list = groups[i];
      if (c >= 0) for (const f of scope.pathParts[c]) list.push(f);
      const r = solve(list, this.options, wantModel, scope.universe);
      if (r.status === 'unsat') return UNSAT;
      if (r.status === 'unknown') cause ??= r.cause;
      // The shared set-up gives values to every fact of the scope: keep this component's own.
      if (model && r.model) for (const [k, v] of r.model) if (scope.componentOfFact(factOfVar(k)) === c) model.set(k, v);
    }
    return cause ? { status: 'unknown', cause, model } : { status: 'sat', model };
  }
}

function addTo(keys: number[], groups: Formula[][], scope: QueryScope, f: Formula): void {
  if (f.kind === 'true') return;
  const c = scope.component(f);
  const i = c >= 0 ? keys.indexOf(c) : -1;
  if (i >= 0) groups[i].push(f);
  else {
    keys.push(c >= 0 ? c : -1 - keys.length);
    groups.push([f]);
  }
}
