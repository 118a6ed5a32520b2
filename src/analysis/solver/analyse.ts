import { pathConditions, type PathConditions } from '../path-conditions.js';
import type { Branch, DecisionGraph, DecisionNode, OutcomeNode } from '../../graph/graph.js';
import { boxesDisjoint, boxOf } from './box.js';
import { type Formula, factsOf, not } from './formula.js';
import { type QueryResult, QueryRunner, QueryScope } from './query.js';
import type { UnknownCause } from './search.js';
import type { Model } from './theory.js';
import { holds, witnessOf } from './witness.js';

/**
 * The decision analysis: for every decision reachable from `start`, which cases fall through
 * (gaps), which `unique` branches overlap, and which branches no case reaching the decision can
 * take. Each branch is judged only over the cases that reach its decision (its path condition).
 * Findings are data; the checks in src/check/checks/ turn them into diagnostics.
 */

/** A fact id → value as the user types it, for `sopwright eval FILE key=value…`. */
export type Witness = Readonly<Record<string, string>>;

/**
 * What the analysis found. A witness is missing only when the whole path was too large to solve
 * at once for a model (the finding itself, decided part by part, stands).
 */
export type Finding =
  | { readonly kind: 'gap'; readonly decision: DecisionNode; readonly witness: Witness | undefined; readonly model?: Witness }
  /** `branch` overlaps each of `earlier`; the witness matches `branch` and `earlier[0]`. */
  | { readonly kind: 'overlap'; readonly decision: DecisionNode; readonly branch: Branch; readonly earlier: readonly Branch[]; readonly witness: Witness | undefined; readonly model?: Witness }
  /** Every case `branch` matches is taken first by one of `covering`. */
  | { readonly kind: 'shadowed'; readonly decision: DecisionNode; readonly branch: Branch; readonly covering: readonly Branch[] }
  /** The condition cannot hold: in `itself`, or for any case that reaches the decision (`path`). */
  | { readonly kind: 'impossible'; readonly decision: DecisionNode; readonly branch: Branch; readonly contradicts: 'itself' | 'path' }
  | { readonly kind: 'unreachable-otherwise'; readonly decision: DecisionNode; readonly branch: Branch }
  /** Some result in this decision (or whether a case reaches it) hangs on something the analysis does not decide. */
  | { readonly kind: 'inexact'; readonly decision: DecisionNode; readonly cause: UnknownCause };

export interface DecisionAnalysis {
  readonly findings: readonly Finding[];
  /**
   * The deadlines with cases, each judged as a first-match decision of its own (id
   * `<outcome>.deadline`, one branch per case) over the cases that reach its outcome; findings
   * name these nodes, and this map gives the outcome of each.
   */
  readonly deadlines: ReadonlyMap<DecisionNode, OutcomeNode>;
  /** Ids of the branches some case can take (or may take, where the analysis is inexact). */
  readonly reachableBranches: ReadonlySet<string>;
}

/**
 * Analyses every decision of an acyclic graph. The caller runs it once and hands the result to
 * every check that needs it (gaps, overlaps, shadowing, reachability): nothing is cached here.
 */
export function analyseGraph(graph: DecisionGraph): DecisionAnalysis {
  return new Analyser(graph).run();
}

class Analyser {
  private readonly pc: PathConditions;
  private readonly queries: QueryRunner;
  private readonly findings: Finding[] = [];
  private readonly reachable = new Set<string>();
  /** The result of path ∧ region for each branch analysed: the reachability of its target. */
  private readonly taken = new Map<string, QueryResult>();

  constructor(private readonly graph: DecisionGraph) {
    this.pc = pathConditions(graph);
    this.queries = new QueryRunner(graph);
  }

  private readonly deadlines = new Map<DecisionNode, OutcomeNode>();

  run(): DecisionAnalysis {
    for (const d of this.pc.order) this.decision(d, this.pc.reach(d.id) ?? [], this.reachOf(d));
    // Deadline cases after every decision: the paths into an outcome are then all judged.
    for (const o of Object.values(this.graph.outcomes)) {
      if (!o.deadline?.cases.some((c) => c.condition !== null)) continue;
      const path = this.pc.reachOutcome(o.id);
      if (path === undefined) continue;
      const node = deadlineDecision(o);
      this.deadlines.set(node, o);
      this.decision(node, path, this.reachOf(node, o.id));
    }
    return { findings: this.findings, reachableBranches: this.reachable, deadlines: this.deadlines };
  }

  /**
   * Whether any case reaches d: some branch leading here can be taken. Those branches were
   * judged already (decisions come in topological order), so nothing is solved again.
   */
  private reachOf(d: DecisionNode, target = d.id): QueryResult {
    if (target === this.graph.policy.start) return { status: 'sat' };
    let result: QueryResult = { status: 'unsat' };
    for (const b of this.pc.incoming(target)) {
      const r = this.taken.get(b.id);
      if (r?.status === 'sat') return r;
      if (r?.status === 'unknown' && result.status === 'unsat') result = r;
    }
    return result;
  }

  private decision(d: DecisionNode, path: readonly Formula[], reach: QueryResult): void {
    // No case reaches d: the branches leading here are reported where they are.
    if (reach.status === 'unsat') return;
    const scope = new QueryScope(path, d.branches.map((b) => this.pc.condition(b)));
    const ctx: Ctx = { d, path, scope, reach, inexact: reach.status === 'unknown' };
    if (reach.status === 'unknown') this.findings.push({ kind: 'inexact', decision: d, cause: reach.cause! });
    const conditional = d.branches.filter((b) => b.condition !== null);
    const live = conditional.filter((b) => this.branch(ctx, b));
    if (d.hitPolicy === 'unique') this.overlaps(ctx, live);
    const otherwise = d.branches.find((b) => b.condition === null);
    const fallThrough = conditional.map((b) => not(this.pc.condition(b)));
    const rest = this.ask(ctx, fallThrough);
    if (otherwise) {
      this.taken.set(otherwise.id, rest);
      if (rest.status === 'unsat') this.findings.push({ kind: 'unreachable-otherwise', decision: d, branch: otherwise });
      else this.reachable.add(otherwise.id);
    } else if (rest.status === 'sat') {
      this.findings.push({ kind: 'gap', decision: d, ...this.witness(ctx, fallThrough) });
    }
  }

  /**
   * Judges one branch; true when its condition can hold for some case reaching the decision
   * (so a `unique` decision must check it for overlaps).
   */
  private branch(ctx: Ctx, b: Branch): boolean {
    const r = this.ask(ctx, this.pc.region(ctx.d, b));
    this.taken.set(b.id, r);
    if (r.status !== 'unsat') {
      this.reachable.add(b.id);
      return true;
    }
    if (this.impossible(ctx, b)) return false;
    // In a `unique` decision an earlier branch that catches these cases overlaps this one.
    if (ctx.d.hitPolicy === 'first') this.findings.push({ kind: 'shadowed', decision: ctx.d, branch: b, covering: this.covering(ctx, b) });
    return true;
  }

  private overlaps(ctx: Ctx, live: readonly Branch[]): void {
    const boxes = live.map((b) => boxOf(this.pc.condition(b)));
    for (let j = 1; j < live.length; j++) {
      const earlier: Branch[] = [];
      let witness: { witness: Witness | undefined; model?: Witness } = { witness: undefined };
      for (let i = 0; i < j; i++) {
        if (boxesDisjoint(boxes[i], boxes[j])) continue;
        const parts = [this.pc.condition(live[i]), this.pc.condition(live[j])];
        if (this.ask(ctx, parts).status !== 'sat') continue;
        if (earlier.length === 0) witness = this.witness(ctx, parts);
        earlier.push(live[i]);
      }
      if (earlier.length > 0) this.findings.push({ kind: 'overlap', decision: ctx.d, branch: live[j], earlier, ...witness });
    }
  }

  /** Reports `b` as impossible when its condition cannot hold on the path; true when it did. */
  private impossible(ctx: Ctx, b: Branch): boolean {
    const c = this.pc.condition(b);
    if (this.ask(ctx, [c]).status !== 'unsat') return false;
    const itself = this.queries.solveAll([c]).status === 'unsat';
    this.findings.push({ kind: 'impossible', decision: ctx.d, branch: b, contradicts: itself ? 'itself' : 'path' });
    return true;
  }

  /**
   * An irreducible set of earlier branches that together catch every case `b` matches: start
   * from the earlier branches that share a case with `b`, then drop, latest first, each one the
   * rest still cover without.
   */
  private covering(ctx: Ctx, b: Branch): Branch[] {
    const c = this.pc.condition(b);
    const earlier = ctx.d.branches.filter((x) => x.condition !== null && x.index < b.index);
    let set = earlier.filter((x) => this.ask(ctx, [c, this.pc.condition(x)]).status !== 'unsat');
    for (const x of [...set].reverse()) {
      const without = set.filter((y) => y !== x);
      if (this.ask(ctx, [c, ...without.map((y) => not(this.pc.condition(y)))]).status === 'unsat') set = without;
    }
    return set;
  }

  /** Decides path ∧ local for ctx's decision, noting once per decision when the answer is inexact. */
  private ask(ctx: Ctx, local: readonly Formula[]): QueryResult {
    const r = this.queries.run(ctx.scope, local, ctx.reach);
    if (r.status === 'unknown' && !ctx.inexact) {
      ctx.inexact = true;
      this.findings.push({ kind: 'inexact', decision: ctx.d, cause: r.cause! });
    }
    return r;
  }

  /**
   * A witness for path ∧ local (known satisfiable): solved again as a whole, this time for a
   * model. `model` is every fact's value (defaults where the model leaves one free): the whole
   * case the check stage evaluates to verify the witness and keep exactly the facts read.
   */
  private witness(ctx: Ctx, local: readonly Formula[]): { witness: Witness | undefined; model?: Witness } {
    const parts = [...ctx.path, ...local];
    // Present-day moments when the case allows them, any moment otherwise.
    const recent = this.pc.translator.recentMoments();
    const preferred = recent.length > 0 ? this.queries.solveAll([...parts, ...recent], true) : undefined;
    const r = preferred?.status === 'sat' ? preferred : this.queries.solveAll(parts, true);
    if (r.status !== 'sat' || !r.model) return { witness: undefined };
    // The facts a case reads on its way here, then the decision's own: what staff would be asked.
    const facts = this.factsRead(ctx.d, r.model) ?? new Set(ctx.path.flatMap((f) => factsOf(f)));
    for (const f of local) for (const fact of factsOf(f)) facts.add(fact);
    return { witness: witnessOf(this.graph, r.model, facts), model: witnessOf(this.graph, r.model, Object.keys(this.graph.facts)) };
  }

  /**
   * The facts a case with this model reads from `start` to `target`, in reading order (every
   * condition tried, up to the branch taken). Undefined when the walk cannot tell: an opaque
   * condition, or a model that does not lead to `target`. A path condition is an `or` over every
   * way in, so its facts alone would include those of ways this case does not take.
   */
  private factsRead(target: DecisionNode, model: Model): Set<string> | undefined {
    const facts = new Set<string>();
    const limit = Object.keys(this.graph.decisions).length;
    let d: DecisionNode | undefined = this.graph.decisions[this.graph.policy.start];
    for (let steps = 0; d && d.id !== target.id; steps++) {
      if (steps > limit) return undefined;
      const taken: Branch | undefined = d.branches.find((b) => {
        const c = this.pc.condition(b);
        for (const fact of factsOf(c)) facts.add(fact);
        return holds(c, model) !== false;
      });
      if (!taken || holds(this.pc.condition(taken), model) === undefined) return undefined;
      // A deadline's node is reached when its outcome is.
      if (taken.target.kind === 'outcome') return this.deadlines.get(target)?.id === taken.target.id ? facts : undefined;
      d = this.graph.decisions[taken.target.id];
    }
    return d ? facts : undefined;
  }
}

/**
 * A deadline's cases as a first-match decision: a gap is a case reaching the outcome for which no
 * deadline case holds (its due moment would be unknown), a shadowed case is one never taken.
 */
function deadlineDecision(o: OutcomeNode): DecisionNode {
  const cases = o.deadline!.cases;
  const branches: Branch[] = cases.map((c, index) => ({ id: c.id, index, condition: c.condition, target: { kind: 'outcome', id: o.id }, span: c.span }));
  return { id: `${o.id}.deadline`, label: o.label, doc: null, span: o.span, hitPolicy: 'first', branches };
}

interface Ctx {
  readonly d: DecisionNode;
  readonly path: readonly Formula[];
  readonly scope: QueryScope;
  readonly reach: QueryResult;
  /** Whether an inexact finding was already recorded for this decision. */
  inexact: boolean;
}
