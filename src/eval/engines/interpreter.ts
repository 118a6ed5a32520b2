import { localize, type Branch, type DecisionGraph, type DecisionNode, type Expr, type OutcomeNode, type TextLimit, type TextValue, type Value } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CaseInput } from '../input/case-reader.js';
import { messages } from '../messages.js';
import type { EvalResult, FactReading, OutcomeResult, PathStep, Trace, TraceBranch, TraceDecision } from '../trace.js';
import { arith, compare, compareValues, isZero, negate } from '../values.js';
import { computeDue, type DueResult, type Ev } from '../due.js';
import { fillOutcomeTexts } from '../outcome-texts.js';
import { childExprs } from '../../graph/children.js';
import { dateOf, elapsed, inWindow, shiftTime, timeOf } from '../../values/time-ops.js';
import type { Duration } from '../../values/duration.js';

/**
 * The reference evaluator: walks the decision graph from `policy.start` for one case. This is the
 * definition of what a case means; a compiled evaluator must agree with it on `status`, `outcome`,
 * `values`, `needs`, `path` and the diagnostic codes. The semantics, precisely:
 *
 * - Conditions use three-valued (Kleene) logic. A missing fact is *unknown*, never false or zero.
 *   `and`/`or` evaluate their operands left to right and stop at the first false (`and`) or true
 *   (`or`) operand, so `a and b` is false when `b` is false even if `a` is unknown. Any other
 *   operator is unknown when an operand is; its `needs` are the operands' needs in order.
 * - An unknown result carries `needs`: the missing facts that could decide it, in order of first
 *   appearance (operands left to right, a `let` where it is used), without duplicates.
 * - `first` decisions take the first branch whose condition is true; an unknown condition stops
 *   evaluation (undecided, `needs` from that condition). `unique` decisions take the branch that is
 *   true (the checker guarantees at most one; the first wins otherwise); when none is true and some
 *   are unknown, `needs` are those of every unknown branch, in branch order. `otherwise` is taken
 *   when every condition is false.
 * - Division by zero is an error (`eval/division-by-zero`) as soon as the divisor is known to be
 *   zero; an error inside `and`/`or` stops it at once (operands after it are not evaluated).
 * - Arithmetic is exact (money in fen, numbers as rationals); a result outside the range of
 *   src/values/range.ts is an error (`eval/out-of-range`), never a rounded value.
 * - `let` values are computed when first read and memoised for the evaluation.
 * - Outcome values are all computed; one that is unknown is null and adds its needs after the
 *   path's; one that divides by zero is null and adds a diagnostic.
 */
export function evaluate(graph: DecisionGraph, facts: CaseInput | Readonly<Record<string, Value>>, options: EvaluateOptions = {}): EvalResult {
  return new Evaluation(graph, facts, options).run();
}

/** The due moment of an outcome reached for these facts: the compiled evaluator's too, so both agree. */
export function outcomeDue(graph: DecisionGraph, facts: CaseInput | Readonly<Record<string, Value>>, outcome: OutcomeNode): DueResult {
  if (outcome.deadline === null) return NO_DUE;
  const evaluation = new Evaluation(graph, facts, {});
  return computeDue(outcome.deadline, (e) => evaluation.value(e));
}

/**
 * An outcome's texts for these facts and this path: the lines that apply to the case (`via …`,
 * `when …`), `{name}` filled (src/eval/outcome-texts.ts). The compiled evaluator's too, so both
 * agree. `values` are the outcome's computed values. A limit whose condition is unknown for the
 * case does not hold: texts never make staff ask (the checker warns where that can happen).
 */
export function outcomeTexts(
  graph: DecisionGraph, facts: CaseInput | Readonly<Record<string, Value>>, outcome: OutcomeNode,
  values: Readonly<Record<string, Value | null>>, path: readonly PathStep[],
): Pick<OutcomeResult, 'steps' | 'say' | 'notes'> {
  if (outcome.textValues === undefined && outcome.limits === undefined) return { steps: outcome.steps, say: outcome.say, notes: outcome.notes };
  const evaluation = new Evaluation(graph, facts, {});
  const read = (t: TextValue): Value | null => {
    if (t.kind === 'value') return values[t.name] ?? null;
    const ev = evaluation.value(t.expr);
    return ev.k === 'value' ? ev.v : null;
  };
  const applies = (limit: TextLimit): boolean => {
    if (limit.via.length > 0 && !path.some((step) => limit.via.includes(step.decision) || limit.via.includes(step.branch))) return false;
    if (limit.condition === null) return true;
    const ev = evaluation.value(limit.condition);
    return ev.k === 'value' && ev.v === true;
  };
  return fillOutcomeTexts(graph, outcome, read, applies);
}

const NO_DUE: DueResult = Object.freeze({ due: null, deadlineCase: null, needs: Object.freeze([]), error: null });

/**
 * The rules on the facts (`require`) this case breaks: each one whose condition is false for it.
 * A rule whose facts are missing is not judged. Checked before any decision, by both evaluators.
 */
export function brokenRules(graph: DecisionGraph, facts: CaseInput | Readonly<Record<string, Value>>, locale?: string): Diagnostic[] {
  const rules = graph.requirements ?? [];
  if (rules.length === 0) return [];
  const evaluation = new Evaluation(graph, facts, {});
  const msg = messages(locale ?? graph.policy.locales[0]);
  const broken: Diagnostic[] = [];
  for (const rule of rules) {
    const ev = evaluation.value(rule.condition);
    if (ev.k === 'value' && ev.v === false) {
      const facts = [...new Set(factsOf(rule.condition, graph))];
      broken.push(diagnostic('case/broken-rule', rule.span, msg.brokenRule(localize(rule.label, locale ?? graph.policy.locales[0], graph.policy.locales), facts), {
        help: msg.brokenRuleHelp(facts),
      }));
    }
    if (ev.k === 'error') broken.push(ev.d);
  }
  return broken;
}

/** The facts an expression reads, in order (derived values followed). */
function factsOf(e: Expr, graph: DecisionGraph): string[] {
  if (e.kind === 'fact') return [e.id];
  if (e.kind === 'let') return graph.lets[e.id] ? factsOf(graph.lets[e.id].expr, graph) : [];
  return childExprs(e).flatMap((c) => factsOf(c, graph));
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Record every condition tried and every `let` computed (`EvalResult.trace`). */
  readonly trace?: boolean;
  /** Locale of diagnostic messages (zh-CN or en); defaults to the policy's first locale. */
  readonly locale?: string;
}


const TRUE: Ev = { k: 'value', v: true };
const FALSE: Ev = { k: 'value', v: false };

/** The result of one decision. */
type Decided =
  | { readonly k: 'taken'; readonly branch: Branch; readonly reads: ReadonlySet<string> }
  | { readonly k: 'unknown'; readonly needs: readonly string[] }
  | { readonly k: 'error'; readonly d: Diagnostic };

class Evaluation {
  private readonly lookup: (id: string) => Value | undefined;
  private readonly lets = new Map<string, { ev: Ev; reads: ReadonlySet<string> }>();
  /** Facts read by the condition being evaluated (insertion-ordered). */
  private reads = new Set<string>();
  private readonly traceDecisions: TraceDecision[] | undefined;

  constructor(
    private readonly graph: DecisionGraph,
    private readonly facts: CaseInput | Readonly<Record<string, Value>>,
    private readonly options: EvaluateOptions,
  ) {
    this.lookup =
      facts instanceof Map
        ? (id) => facts.get(id) ?? undefined
        : (id) => (Object.hasOwn(facts, id) ? ((facts as Record<string, Value | null>)[id] ?? undefined) : undefined);
    this.traceDecisions = options.trace ? [] : undefined;
  }

  /** An expression's value for this case (deadlines and rules on the facts). */
  value(e: Expr): Ev {
    this.reads = new Set();
    return this.expr(e);
  }

  run(): EvalResult {
    const broken = brokenRules(this.graph, this.facts, this.options.locale);
    if (broken.length > 0) return this.result('error', null, [], [], broken);
    const path: PathStep[] = [];
    let at = this.graph.policy.start;
    // The checker rejects cycles; the bound only turns a broken graph into a clear internal error.
    for (let steps = 0; steps <= Object.keys(this.graph.decisions).length; steps++) {
      const node = this.graph.decisions[at];
      if (node === undefined) throw new Error(`internal error: decision \`${at}\` is not in the graph`);
      const d = this.decide(node);
      if (d.k === 'unknown') return this.result('undecided', null, d.needs, path, []);
      if (d.k === 'error') return this.result('error', null, [], path, [d.d]);
      path.push({ decision: node.id, branch: d.branch.id, facts: this.readings(d.reads) });
      const target = d.branch.target;
      if (target.kind === 'outcome') return this.reach(target.id, path);
      at = target.id;
    }
    throw new Error('internal error: the decision graph has a cycle');
  }

  private decide(node: DecisionNode): Decided {
    const reads = new Set<string>();
    const tried: TraceBranch[] = [];
    const finish = (d: Decided): Decided => {
      this.traceDecisions?.push({ decision: node.id, branches: tried, taken: d.k === 'taken' ? d.branch.id : null });
      return d;
    };
    let pending: string[] | undefined;
    for (const branch of node.branches) {
      if (branch.condition === null) continue;
      const ev = this.condition(branch, reads, tried);
      if (ev.k === 'error') return finish(ev);
      if (ev.k === 'value' && ev.v === true) return finish({ k: 'taken', branch, reads });
      if (ev.k === 'unknown') {
        if (node.hitPolicy === 'first') return finish(ev);
        pending = mergeNeeds(pending, ev.needs);
      }
    }
    if (pending !== undefined) return finish({ k: 'unknown', needs: pending });
    const otherwise = node.branches.find((b) => b.condition === null);
    if (otherwise !== undefined) return finish({ k: 'taken', branch: otherwise, reads });
    const msg = messages(this.options.locale ?? this.graph.policy.locales[0]);
    return finish({ k: 'error', d: diagnostic('graph/gap', node.span, msg.noBranch(node.id)) });
  }

  /** Evaluates one branch condition, adding the facts it reads to `reads` and the attempt to `tried`. */
  private condition(branch: Branch, reads: Set<string>, tried: TraceBranch[]): Ev {
    this.reads = new Set();
    const ev = this.expr(branch.condition as Expr);
    for (const id of this.reads) reads.add(id);
    if (this.traceDecisions !== undefined) {
      tried.push({
        branch: branch.id,
        result: ev.k === 'value' ? ev.v === true : ev.k,
        facts: this.readings(this.reads),
        needs: ev.k === 'unknown' ? ev.needs : [],
      });
    }
    return ev;
  }

  private reach(id: string, path: PathStep[]): EvalResult {
    const node: OutcomeNode | undefined = this.graph.outcomes[id];
    if (node === undefined) throw new Error(`internal error: outcome \`${id}\` is not in the graph`);
    this.reads = new Set();
    const values: Record<string, Value | null> = {};
    let needs: string[] | undefined;
    const diagnostics: Diagnostic[] = [];
    for (const v of node.values) {
      const ev = this.expr(v.expr);
      values[v.id] = ev.k === 'value' ? ev.v : null;
      if (ev.k === 'unknown') needs = mergeNeeds(needs, ev.needs);
      if (ev.k === 'error') diagnostics.push(ev.d);
    }
    let due: number | null = null;
    let deadlineCase: string | null = null;
    if (node.deadline !== null) {
      const r = computeDue(node.deadline, (e) => this.expr(e));
      ({ due, deadlineCase } = r);
      if (r.needs.length > 0) needs = mergeNeeds(needs, r.needs);
      if (r.error !== null) diagnostics.push(r.error);
    }
    const outcome: OutcomeResult = {
      id: node.id,
      label: node.label,
      owner: node.owner,
      deadline: node.deadline,
      ...outcomeTexts(this.graph, this.facts, node, values, path),
      documents: node.documents,
      values,
      due,
      deadlineCase,
    };
    const status = diagnostics.length > 0 ? 'error' : needs !== undefined ? 'undecided' : 'decided';
    return this.result(status, outcome, needs ?? [], path, diagnostics);
  }

  private result(
    status: EvalResult['status'], outcome: OutcomeResult | null, needs: readonly string[], path: PathStep[], diagnostics: Diagnostic[],
  ): EvalResult {
    const result: EvalResult = { status, outcome, needs, path, diagnostics };
    return this.traceDecisions === undefined ? result : { ...result, trace: this.trace() };
  }

  private trace(): Trace {
    const lets = [...this.lets].map(([id, { ev }]) => ({ id, value: ev.k === 'value' ? ev.v : null }));
    return { decisions: this.traceDecisions ?? [], lets };
  }

  private readings(ids: ReadonlySet<string>): FactReading[] {
    return [...ids].map((id) => ({ id, value: this.lookup(id) as Value }));
  }

  private expr(e: Expr): Ev {
    switch (e.kind) {
      case 'fact': {
        const v = this.lookup(e.id);
        if (v === undefined) return { k: 'unknown', needs: [e.id] };
        this.reads.add(e.id);
        return { k: 'value', v };
      }
      case 'const': {
        const c = this.graph.constants[e.id];
        if (c === undefined) throw new Error(`internal error: constant \`${e.id}\` is not in the graph`);
        return { k: 'value', v: c.value };
      }
      case 'literal':
        return { k: 'value', v: e.value };
      case 'let':
        return this.letValue(e.id);
      case 'and':
      case 'or':
        return this.junction(e.kind, e.operands);
      case 'not': {
        const r = this.expr(e.operand);
        return r.k === 'value' ? (r.v === true ? FALSE : TRUE) : r;
      }
      case 'compare':
        return this.binary(e.left, e.right, (a, b) => ({ k: 'value', v: compare(e.op, a, b) }));
      case 'arith':
        return this.binary(e.left, e.right, (a, b) => {
          const r = arith(e.op, a, e.left.type, b, e.right.type, e.type);
          return 'value' in r ? { k: 'value', v: r.value } : 'outOfRange' in r ? this.outOfRange(e) : this.divisionByZero(e);
        }, e.op === '/' ? e : undefined);
      case 'neg': {
        const r = this.expr(e.operand);
        return r.k === 'value' ? { k: 'value', v: negate(r.v) } : r;
      }
      case 'in': {
        const r = this.expr(e.subject);
        if (r.k !== 'value') return r;
        return e.members.includes(r.v as string) !== e.negated ? TRUE : FALSE;
      }
      case 'date-of':
      case 'time-of': {
        const r = this.expr(e.operand);
        if (r.k !== 'value') return r;
        return { k: 'value', v: e.kind === 'date-of' ? dateOf(r.v as number, e.zone) : timeOf(r.v as number, e.zone) };
      }
      case 'shift':
        return this.binary(e.base, e.by, (a, b) => ({ k: 'value', v: shiftTime(a as number, b as Duration, e.sign, e.type.kind === 'date', e.zone) }));
      case 'elapsed':
        return this.binary(e.left, e.right, (a, b) => ({ k: 'value', v: elapsed(a as number, b as number, e.left.type.kind === 'date') }));
      case 'between': {
        const r = this.all([e.subject, e.from, e.to]);
        if ('k' in r) return r;
        const [t, from, to] = r.values as number[];
        return inWindow(t, from, to) ? TRUE : FALSE;
      }
      case 'minmax': {
        const r = this.all(e.args);
        if ('k' in r) return r;
        const sign = e.fn === 'min' ? -1 : 1;
        return { k: 'value', v: r.values.reduce((a, b) => (compareValues(b, a) * sign > 0 ? b : a)) };
      }
    }
  }

  /** Kleene `and`/`or`, left to right, stopping at the first operand that settles it. */
  private junction(kind: 'and' | 'or', operands: readonly Expr[]): Ev {
    const settles = kind === 'or';
    let needs: string[] | undefined;
    for (const operand of operands) {
      const r = this.expr(operand);
      if (r.k === 'error') return r;
      if (r.k === 'unknown') needs = mergeNeeds(needs, r.needs);
      else if (r.v === settles) return r;
    }
    return needs !== undefined ? { k: 'unknown', needs } : settles ? FALSE : TRUE;
  }

  /**
   * Both operands, then `op`. Errors win, then unknowns; but a division whose divisor is known to
   * be zero is an error even when the dividend is unknown (no point asking for it).
   */
  private binary(left: Expr, right: Expr, op: (a: Value, b: Value) => Ev, division?: Expr): Ev {
    const l = this.expr(left);
    if (l.k === 'error') return l;
    const r = this.expr(right);
    if (r.k === 'error') return r;
    if (division !== undefined && r.k === 'value' && isZero(r.v)) return this.divisionByZero(division);
    if (l.k === 'unknown' || r.k === 'unknown') return { k: 'unknown', needs: mergeNeeds(needsOf(l), needsOf(r)) ?? [] };
    return op(l.v, r.v);
  }

  /** Every expression's value, or the first error, or the merged unknowns. */
  private all(exprs: readonly Expr[]): { readonly values: Value[] } | Ev {
    const values: Value[] = [];
    let needs: string[] | undefined;
    for (const x of exprs) {
      const r = this.expr(x);
      if (r.k === 'error') return r;
      if (r.k === 'unknown') needs = mergeNeeds(needs, r.needs);
      else values.push(r.v);
    }
    return needs !== undefined ? { k: 'unknown', needs } : { values };
  }

  private letValue(id: string): Ev {
    let memo = this.lets.get(id);
    if (memo === undefined) {
      const def = this.graph.lets[id];
      if (def === undefined) throw new Error(`internal error: derived value \`${id}\` is not in the graph`);
      const outer = this.reads;
      this.reads = new Set();
      const ev = this.expr(def.expr);
      memo = { ev, reads: this.reads };
      this.lets.set(id, memo);
      this.reads = outer;
    }
    // A memoised let still counts as reading its facts, for every condition that uses it.
    for (const f of memo.reads) this.reads.add(f);
    return memo.ev;
  }

  private outOfRange(e: Expr): Ev {
    const msg = messages(this.options.locale ?? this.graph.policy.locales[0]);
    return { k: 'error', d: diagnostic('eval/out-of-range', e.span, msg.outOfRange, { label: msg.outOfRangeLabel }) };
  }

  private divisionByZero(e: Expr): Ev {
    const msg = messages(this.options.locale ?? this.graph.policy.locales[0]);
    return { k: 'error', d: diagnostic('eval/division-by-zero', e.span, msg.divisionByZero, { label: msg.divisionByZeroLabel }) };
  }
}

function needsOf(ev: Ev): readonly string[] | undefined {
  return ev.k === 'unknown' ? ev.needs : undefined;
}

/** `a` then the facts of `b` not already in it; undefined only when both are. */
function mergeNeeds(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  const out = [...a];
  for (const id of b ?? []) if (!out.includes(id)) out.push(id);
  return out;
}
