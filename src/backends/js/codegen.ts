import type { DecisionGraph, DecisionNode, DueRule, Expr, OutcomeNode } from '../../graph/graph.js';
import { comment, Emitter } from './emitter.js';
import { ExpressionEmitter, type FactAccess } from './expressions.js';

/**
 * Generates JavaScript that evaluates one case of a checked decision graph: one function per
 * decision, per outcome and per derived value, each decision calling the next, every expression
 * inlined (expressions.ts). Nothing of the graph is interpreted at run time.
 *
 * The generated code calls back into `X` (hooks of compile-evaluator.ts) only to build results.
 * Explain mode adds the bookkeeping the full result needs: the facts each condition read, the
 * path, and the trace of every condition tried and every derived value computed.
 */

export type { FactAccess } from './expressions.js';

/** What the generator produced: the function body and the data it refers to. */
export interface GeneratedCode {
  /**
   * Body of `new Function('rt', 'X', 'K', body)`. It returns `{ entry, newState, rules }`: the
   * entry function `(facts, state)`, the state factory (null when an evaluation needs no state)
   * and, in fast mode, `rules(facts, state)`: false when the case may break a rule on the facts
   * (the caller then asks the interpreter which, for its diagnostics), true when it breaks none.
   */
  readonly body: string;
  /** Values with no literal form (durations, types), referenced as `K[i]`. */
  readonly constants: readonly unknown[];
  /** Arithmetic expressions by site number (`Stop.site` of a division by zero or a result out of range). */
  readonly sites: readonly Expr[];
  /** Decisions by index (`Stop.site` of a gap; the `d` argument of explain hooks). */
  readonly decisions: readonly DecisionNode[];
  /** Outcomes by index (the `o` argument of `X.reach`). */
  readonly outcomes: readonly OutcomeNode[];
}

/** Generates the evaluator of `graph` for one way of reading facts, with or without explain bookkeeping. */
export function generate(graph: DecisionGraph, access: FactAccess, explain: boolean): GeneratedCode {
  return new Generator(graph, access, explain).run();
}

/** `now`, the moment a due time counts from by default. */
const NOW: Expr = { kind: 'fact', id: 'now', type: { kind: 'datetime' }, span: { file: '<built-in>', start: 0, end: 0 } };

/** A decision that tests one fact against members in every condition: the fact, and the members per branch. */
interface Dispatch {
  readonly fact: string;
  readonly cases: readonly { readonly branch: number; readonly members: readonly string[] }[];
}

class Generator {
  private readonly out = new Emitter();
  private readonly exprs: ExpressionEmitter;
  private readonly decisions: readonly DecisionNode[];
  private readonly decisionIndex: Map<string, number>;
  private readonly outcomeIndex: Map<string, number>;
  private readonly letIndex = new Map<string, number>();

  constructor(
    private readonly graph: DecisionGraph,
    access: FactAccess,
    private readonly explain: boolean,
  ) {
    this.exprs = new ExpressionEmitter(graph, access, explain, this.out, (id) => this.letFunction(id));
    this.decisions = Object.values(graph.decisions);
    this.decisionIndex = new Map(Object.keys(graph.decisions).map((id, i) => [id, i]));
    this.outcomeIndex = new Map(Object.keys(graph.outcomes).map((id, i) => [id, i]));
  }

  run(): GeneratedCode {
    const start = this.decisionIndex.get(this.graph.policy.start);
    if (start === undefined) throw new Error(`internal error: decision \`${this.graph.policy.start}\` is not in the graph`);
    this.decisions.forEach((d, i) => this.decision(d, i));
    Object.values(this.graph.outcomes).forEach((o, i) => this.outcome(o, i));
    const rules = this.explain ? 'null' : this.rules();
    // One state object per evaluation holds the memo slots of derived values (and, when
    // explaining, the facts read, the path and the trace); a class keeps its shape fixed.
    const slots = [...this.letIndex.keys()].map((_, i) => `this.l${i} = NOT_YET;`);
    const fields = this.explain ? ['this.f = null; this.r = []; this.path = []; this.td = []; this.lets = [];', ...slots] : slots;
    const body = [
      '"use strict";',
      'const U = rt.Unknown, Stop = rt.Stop, NOT_YET = rt.NOT_YET, hasOwn = Object.hasOwn;',
      ...this.out.hoisted,
      ...this.out.functions,
      `function S() { ${fields.join(' ')} }`,
      `return { entry: d${start}, newState: ${fields.length === 0 ? 'null' : '() => new S()'}, rules: ${rules} };`,
    ].join('\n');
    return {
      body,
      constants: this.out.constants,
      sites: this.exprs.sites,
      decisions: this.decisions,
      outcomes: Object.values(this.graph.outcomes),
    };
  }

  private decision(node: DecisionNode, index: number): void {
    const outer = this.out.open();
    const dispatch = this.explain ? undefined : dispatchOn(node, this.graph);
    if (dispatch !== undefined) this.switchBranches(index, dispatch);
    else this.branches(node, index);
    this.otherwise(node, index);
    this.out.close(`function d${index}(f, s) { // decision ${comment(node.id)}`, outer);
  }

  /**
   * The conditions in order: the first true one is taken. An unknown one stops a `first`
   * decision (undecided); a `unique` one goes on, and when none is true the unknowns' needs
   * are merged in branch order.
   */
  private branches(node: DecisionNode, index: number): void {
    const x = this.explain;
    const stop = x ? `X.finish(s, ${index}, tb, -1); ` : '';
    if (x) this.out.line('const rd = new Set(), tb = [];');
    this.out.line('let c, p;');
    node.branches.forEach((branch, b) => {
      if (branch.condition === null) return;
      this.out.line(`// ${comment(branch.id)}`);
      if (x) {
        this.out.line('s.r = [];');
        this.out.line('try {');
        this.out.line(`c = ${this.exprs.expr(branch.condition).code};`);
        this.out.line(`} catch (e) { X.tried(s, rd, tb, ${index}, ${b}, e); ${stop}throw e; }`);
        this.out.line(`X.tried(s, rd, tb, ${index}, ${b}, c);`);
      } else {
        this.out.line(`c = ${this.exprs.expr(branch.condition).code};`);
      }
      this.out.line(`if (c === true) { ${this.take(index, b)} }`);
      if (node.hitPolicy === 'first') this.out.line(`if (c instanceof U) { ${stop}return X.undecided(s, c); }`);
      else this.out.line('if (c instanceof U) p = p === undefined ? c : rt.mergeUnknown(p, c);');
    });
    if (node.hitPolicy !== 'first') this.out.line(`if (p !== undefined) { ${stop}return X.undecided(s, p); }`);
  }

  /**
   * A decision whose conditions all test one fact against members (`problem == wrong_item`,
   * `k in {a, b}`) as a `switch`. Same meaning: when the fact is known the first matching branch
   * is taken; when it is missing every condition is unknown and needs just that fact.
   */
  private switchBranches(index: number, dispatch: Dispatch): void {
    const v = this.out.temp();
    this.out.line(`const ${v} = ${this.exprs.read(dispatch.fact)};`);
    this.out.line(`if (${v} == null) return X.undecided(s, ${this.exprs.factUnknown(dispatch.fact)});`);
    this.out.line(`switch (${v}) {`);
    for (const { branch, members } of dispatch.cases) {
      this.out.line(`${members.map((m) => `case ${JSON.stringify(m)}:`).join(' ')} ${this.take(index, branch)}`);
    }
    this.out.line('}');
  }

  /** After every condition was false: `otherwise`, or a gap. */
  private otherwise(node: DecisionNode, index: number): void {
    const otherwise = node.branches.findIndex((b) => b.condition === null);
    if (otherwise >= 0) return this.out.line(this.take(index, otherwise));
    this.out.hoist(`const g${index} = new Stop('gap', ${index});`);
    this.out.line(`${this.explain ? `X.finish(s, ${index}, tb, -1); ` : ''}throw g${index};`);
  }

  /** The statements that take branch `b` of decision `d`: record it (explain) and go to its target. */
  private take(d: number, b: number): string {
    const target = this.decisions[d].branches[b].target;
    const record = this.explain ? `X.finish(s, ${d}, tb, ${b}); X.step(s, ${d}, ${b}, rd); ` : '';
    const index = target.kind === 'decision' ? this.decisionIndex.get(target.id) : this.outcomeIndex.get(target.id);
    if (index === undefined) throw new Error(`internal error: ${target.kind} \`${target.id}\` is not in the graph`);
    return `${record}return ${target.kind === 'decision' ? 'd' : 'o'}${index}(f, s);`;
  }

  /** An outcome: every value computed; one unknown is null and adds its needs, one in error is null and adds its Stop. */
  private outcome(node: OutcomeNode, index: number): void {
    if (node.values.length === 0 && node.deadline === null && !this.explain) {
      // Nothing to compute (no values, no due moment): the result is the same object every time.
      this.out.hoist(`const r${index} = X.reach(undefined, ${index}, {}, undefined, undefined);`);
      this.out.functions.push(`function o${index}(f, s) { return r${index}; } // outcome ${comment(node.id)}`);
      return;
    }
    const outer = this.out.open();
    if (this.explain) this.out.line('s.r = [];');
    this.out.line('let n, z;');
    const names: string[] = [];
    node.values.forEach((value, i) => {
      const v = `v${i}`;
      names.push(`${JSON.stringify(value.id)}: ${v}`);
      this.out.line(`let ${v};`);
      this.out.line('try {');
      const c = this.exprs.expr(value.expr);
      this.out.line(`${v} = ${c.code};`);
      this.out.line(`} catch (e) { if (!(e instanceof Stop)) throw e; ${v} = null; (z ??= []).push(e); }`);
      if (c.unknown) this.out.line(`if (${v} instanceof U) { n = n === undefined ? ${v} : rt.mergeUnknown(n, ${v}); ${v} = null; }`);
    });
    const due = node.deadline !== null && !this.explain ? `, ${this.dueFunction(node, index)}(f, s)` : '';
    this.out.line(`return X.reach(s, ${index}, { ${names.join(', ')} }, n, z${due});`);
    this.out.close(`function o${index}(f, s) { // outcome ${comment(node.id)}`, outer);
  }

  /**
   * Fast mode: the due moment of an outcome's deadline, computed like src/eval/due.ts does: the
   * first case whose condition is true, its moment counted from `now` or its own moment; null
   * when that moment or the amount is unknown. `undefined` hands the deadline to the interpreter
   * (a condition unknown, whose needs it reports, or an error, which it words).
   */
  private dueFunction(node: OutcomeNode, index: number): string {
    const outer = this.out.open();
    const line = (text: string) => this.out.line(text);
    line('try {');
    line('let c;');
    for (const c of node.deadline!.cases) {
      if (c.condition !== null) {
        line(`c = ${this.exprs.expr(c.condition).code};`);
        line('if (c instanceof U) return undefined;');
        line('if (c === true) {');
      } else line('{');
      line(`return ${this.dueOf(c.due)};`);
      line('}');
    }
    line('return null;');
    line('} catch (e) { if (e instanceof Stop) return undefined; throw e; }');
    this.out.close(`function du${index}(f, s) { // deadline of ${comment(node.id)}`, outer);
    return `du${index}`;
  }

  /** The code of one due rule: the moment, or null when a value it counts from is unknown. */
  private dueOf(rule: DueRule): string {
    const v = (e: Expr) => this.exprs.expr(e).code;
    const zone = JSON.stringify(rule.zone);
    if (rule.kind === 'moment') {
      const m = v(rule.moment);
      return `(${m} instanceof U ? null : ${m})`;
    }
    const from = v(rule.from ?? NOW);
    const known = (x: string) => `${x} instanceof U ? null : `;
    switch (rule.kind) {
      case 'end-of-day': return `(${known(from)}rt.endOfDay(${from}, ${zone}))`;
      case 'at': {
        const clock = v(rule.clock);
        return `(${known(from)}${known(clock)}rt.nextClock(${from}, ${clock}, ${zone}))`;
      }
      case 'after': {
        const amount = v(rule.amount);
        return `(${known(from)}${known(amount)}rt.shiftTime(${from}, ${amount}, 1, false, ${zone}))`;
      }
    }
  }

  /** Fast mode: whether the case breaks no rule on the facts (`require`): each is true or not known. */
  private rules(): string {
    const rules = this.graph.requirements ?? [];
    if (rules.length === 0) return 'null';
    const outer = this.out.open();
    this.out.line('try {');
    for (const r of rules) this.out.line(`if (${this.exprs.expr(r.condition).code} === false) return false;`);
    this.out.line('return true;');
    this.out.line('} catch (e) { if (e instanceof Stop) return false; throw e; }');
    this.out.close('function rules(f, s) { // the rules on the facts', outer);
    return 'rules';
  }

  /** A derived value: computed once per evaluation into its memo slot `s.l<i>`; errors are memoised too. */
  private letFunction(id: string): string {
    const known = this.letIndex.get(id);
    if (known !== undefined) return `L${known}`;
    const def = this.graph.lets[id];
    if (def === undefined) throw new Error(`internal error: derived value \`${id}\` is not in the graph`);
    const index = this.letIndex.size;
    this.letIndex.set(id, index);
    const outer = this.out.open();
    const slot = `s.l${index}`;
    const line = (text: string) => this.out.line(text);
    if (this.explain) {
      // Reads while computing the value are its own; every use of it counts them as read again.
      line(`let m = ${slot};`);
      line('if (m === NOT_YET) {');
      line('const outer = s.r; s.r = []; let v;');
      line('try {');
      line(`v = ${this.exprs.expr(def.expr).code};`);
      line('} catch (e) { if (!(e instanceof Stop)) throw e; v = e; }');
      line(`${slot} = m = { v, reads: s.r }; s.r = outer; X.let(s, ${JSON.stringify(id)}, v);`);
      line('}');
      line('for (const id of m.reads) s.r.push(id);');
      line('if (m.v instanceof Stop) throw m.v;');
      line('return m.v;');
    } else {
      line(`let v = ${slot};`);
      line('if (v === NOT_YET) {');
      line('try {');
      line(`v = ${this.exprs.expr(def.expr).code};`);
      line(`} catch (e) { if (e instanceof Stop) ${slot} = e; throw e; }`);
      line(`${slot} = v;`);
      line('} else if (v instanceof Stop) throw v;');
      line('return v;');
    }
    this.out.close(`function L${index}(f, s) { // let ${comment(id)}`, outer);
    return `L${index}`;
  }
}

/** The dispatch of a decision whose every condition is `fact == member` or `fact in {…}` on one text or enum fact. */
function dispatchOn(node: DecisionNode, graph: DecisionGraph): Dispatch | undefined {
  let fact: string | undefined;
  const cases: { branch: number; members: string[] }[] = [];
  const textOf = (x: Expr): string | undefined => {
    const v = x.kind === 'literal' ? x.value : x.kind === 'const' ? graph.constants[x.id]?.value : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  for (const [b, branch] of node.branches.entries()) {
    const c = branch.condition;
    if (c === null) continue;
    let subject: Expr;
    let members: string[];
    if (c.kind === 'in' && !c.negated) {
      subject = c.subject;
      members = [...c.members];
    } else if (c.kind === 'compare' && c.op === '==') {
      const [s, m] = textOf(c.right) !== undefined ? [c.left, textOf(c.right)] : [c.right, textOf(c.left)];
      if (m === undefined) return undefined;
      subject = s;
      members = [m];
    } else return undefined;
    if (subject.kind !== 'fact' || (fact !== undefined && subject.id !== fact)) return undefined;
    if (subject.type.kind !== 'enum' && subject.type.kind !== 'text') return undefined;
    fact = subject.id;
    if (members.length > 0) cases.push({ branch: b, members });
  }
  return fact === undefined ? undefined : { fact, cases };
}
