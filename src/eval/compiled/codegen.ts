import type { DecisionGraph, DecisionNode, Expr, OutcomeNode, Value, ValueType } from '../../check/graph.js';

/**
 * Generates JavaScript that evaluates one case of a checked decision graph: one function per
 * decision, per outcome and per derived value, with every expression inlined as straight-line
 * code specialised to its types. Nothing is interpreted at run time.
 *
 * Conventions of the generated code (see runtime.ts): a known value is the plain run-time value,
 * an unknown one an `U` (Unknown) instance, and an error a thrown `Stop`. Operands that can never
 * be unknown (literals, constants) skip the unknown tests. Explain mode adds the bookkeeping the
 * full result needs: facts read per condition, the path, and the trace.
 */

/** How generated code reads a fact: `facts.get(id)` on a Map, or a property of a plain record. */
export type FactAccess = 'map' | 'record';

/** What the generator produced: the function body and the data it refers to. */
export interface GeneratedCode {
  /**
   * Body of `new Function('rt', 'X', 'K', body)`. It returns `{ entry, newState }`: the entry
   * function `(facts, state)` and the state factory (null when an evaluation needs no state).
   */
  readonly body: string;
  /** Values too large or not expressible as literals (durations, types), referenced as `K[i]`. */
  readonly constants: readonly unknown[];
  /** Division expressions by site number (`Stop.site` of a division by zero). */
  readonly divisions: readonly Expr[];
  /** Decisions by index (`Stop.site` of a gap; the `d` argument of explain hooks). */
  readonly decisions: readonly DecisionNode[];
  /** Outcomes by index (the `o` argument of `X.reach`). */
  readonly outcomes: readonly OutcomeNode[];
  /** Derived values by memo slot, for the state constructor. */
  readonly lets: readonly string[];
}

/** A compiled expression: JS code naming its value (a temporary or a literal) and whether it can be unknown. */
interface Compiled {
  readonly code: string;
  readonly unknown: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const JS_OP: Record<string, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** A decision that tests one fact against members in every condition: the fact, and the members per branch. */
interface Dispatch {
  readonly fact: string;
  readonly cases: readonly { readonly branch: number; readonly members: readonly string[] }[];
}

/** The dispatch of a decision whose every condition is `fact == member` or `fact in {…}` on one fact. */
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

/** A name as it may appear in a `//` comment of generated code. */
function comment(text: string): string {
  return text.replace(/[^\w.-]/g, '?');
}

/** Generates the evaluator of `graph` for one way of reading facts, with or without explain bookkeeping. */
export function generate(graph: DecisionGraph, access: FactAccess, explain: boolean): GeneratedCode {
  return new Generator(graph, access, explain).run();
}

class Generator {
  private readonly hoisted: string[] = [];
  private readonly functions: string[] = [];
  private readonly constants: unknown[] = [];
  private readonly divisions: Expr[] = [];
  private readonly decisionIndex: Map<string, number>;
  private readonly outcomeIndex: Map<string, number>;
  private readonly letIndex = new Map<string, number>();
  private readonly factUnknowns = new Map<string, string>();
  private lines: string[] = [];
  private temps = 0;

  constructor(
    private readonly graph: DecisionGraph,
    private readonly access: FactAccess,
    private readonly explain: boolean,
  ) {
    this.decisionIndex = new Map(Object.keys(graph.decisions).map((id, i) => [id, i]));
    this.outcomeIndex = new Map(Object.keys(graph.outcomes).map((id, i) => [id, i]));
  }

  run(): GeneratedCode {
    const start = this.decisionIndex.get(this.graph.policy.start);
    if (start === undefined) throw new Error(`internal error: decision \`${this.graph.policy.start}\` is not in the graph`);
    Object.values(this.graph.decisions).forEach((d, i) => this.decision(d, i));
    Object.values(this.graph.outcomes).forEach((o, i) => this.outcome(o, i));
    const prelude = [
      '"use strict";',
      'const U = rt.Unknown, Stop = rt.Stop, NOT_YET = rt.NOT_YET, hasOwn = Object.hasOwn;',
      ...this.hoisted,
    ];
    // One state object per evaluation holds the memo slots of derived values (and, when
    // explaining, the facts read, the path and the trace); a class keeps its shape fixed.
    const slots = [...this.letIndex.keys()].map((_, i) => `this.l${i} = NOT_YET;`);
    const fields = this.explain ? ['this.f = null; this.r = []; this.path = []; this.td = []; this.lets = [];', ...slots] : slots;
    const state = `function S() { ${fields.join(' ')} }`;
    const newState = fields.length === 0 ? 'null' : '() => new S()';
    const body = [...prelude, ...this.functions, state, `return { entry: d${start}, newState: ${newState} };`].join('\n');
    return {
      body,
      constants: this.constants,
      divisions: this.divisions,
      decisions: Object.values(this.graph.decisions),
      outcomes: Object.values(this.graph.outcomes),
      lets: [...this.letIndex.keys()],
    };
  }

  // ---------------------------------------------------------------- decisions and outcomes

  private decision(node: DecisionNode, index: number): void {
    this.begin();
    const x = this.explain;
    const dispatch = x ? undefined : dispatchOn(node, this.graph);
    if (dispatch !== undefined) return this.switchDecision(node, index, dispatch);
    if (x) this.line('const rd = new Set(), tb = [];');
    this.line('let c, p;');
    node.branches.forEach((branch, b) => {
      if (branch.condition === null) return;
      this.line(`// ${comment(branch.id)}`);
      if (x) {
        this.line('s.r = [];');
        this.line('try {');
        const cond = this.expr(branch.condition);
        this.line(`c = ${cond.code};`);
        this.line(`} catch (e) { X.tried(s, rd, tb, ${index}, ${b}, e); X.finish(s, ${index}, tb, -1); throw e; }`);
        this.line(`X.tried(s, rd, tb, ${index}, ${b}, c);`);
      } else {
        const cond = this.expr(branch.condition);
        this.line(`c = ${cond.code};`);
      }
      this.line(`if (c === true) { ${this.take(index, b)} }`);
      if (node.hitPolicy === 'first') {
        this.line(`if (c instanceof U) { ${x ? `X.finish(s, ${index}, tb, -1); ` : ''}return X.undecided(s, c); }`);
      } else {
        this.line('if (c instanceof U) p = p === undefined ? c : rt.mergeUnknown(p, c);');
      }
    });
    if (node.hitPolicy !== 'first') {
      this.line(`if (p !== undefined) { ${x ? `X.finish(s, ${index}, tb, -1); ` : ''}return X.undecided(s, p); }`);
    }
    this.finishDecision(node, index);
    this.end(`function d${index}(f, s) { // decision ${comment(node.id)}`);
  }

  /** After every condition was false: `otherwise`, or a gap. */
  private finishDecision(node: DecisionNode, index: number): void {
    const otherwise = node.branches.findIndex((b) => b.condition === null);
    if (otherwise >= 0) {
      this.line(this.take(index, otherwise));
    } else {
      this.hoist(`const g${index} = new Stop('gap', ${index});`);
      this.line(`${this.explain ? `X.finish(s, ${index}, tb, -1); ` : ''}throw g${index};`);
    }
  }

  /**
   * A decision whose conditions all test one fact against members (`problem == wrong_item`,
   * `k in {a, b}`) as a `switch`. Same meaning: when the fact is known the first matching branch
   * is taken; when it is missing every condition is unknown and needs just that fact.
   */
  private switchDecision(node: DecisionNode, index: number, dispatch: Dispatch): void {
    const v = this.temp();
    this.line(`const ${v} = ${this.read(dispatch.fact)};`);
    this.line(`if (${v} == null) return X.undecided(s, ${this.factUnknown(dispatch.fact)});`);
    this.line(`switch (${v}) {`);
    for (const { branch, members } of dispatch.cases) {
      this.line(`${members.map((m) => `case ${JSON.stringify(m)}:`).join(' ')} ${this.take(index, branch)}`);
    }
    this.line('}');
    this.finishDecision(node, index);
    this.end(`function d${index}(f, s) { // decision ${comment(node.id)}`);
  }

  /** The statements that take branch `b` of decision `d`: record it (explain) and go to its target. */
  private take(d: number, b: number): string {
    const node = Object.values(this.graph.decisions)[d];
    const target = node.branches[b].target;
    const record = this.explain ? `X.finish(s, ${d}, tb, ${b}); X.step(s, ${d}, ${b}, rd); ` : '';
    const index = target.kind === 'decision' ? this.decisionIndex.get(target.id) : this.outcomeIndex.get(target.id);
    if (index === undefined) throw new Error(`internal error: ${target.kind} \`${target.id}\` is not in the graph`);
    return `${record}return ${target.kind === 'decision' ? 'd' : 'o'}${index}(f, s);`;
  }

  private outcome(node: OutcomeNode, index: number): void {
    if (node.values.length === 0 && !this.explain) {
      // Nothing to compute: the result is the same object every time.
      this.hoist(`const r${index} = X.reach(undefined, ${index}, {}, undefined, undefined);`);
      this.functions.push(`function o${index}(f, s) { return r${index}; } // outcome ${comment(node.id)}`);
      return;
    }
    this.begin();
    if (this.explain) this.line('s.r = [];');
    this.line('let n, z;');
    const names: string[] = [];
    node.values.forEach((value, i) => {
      const v = `v${i}`;
      names.push(`${JSON.stringify(value.id)}: ${v}`);
      this.line(`let ${v};`);
      this.line('try {');
      const c = this.expr(value.expr);
      this.line(`${v} = ${c.code};`);
      this.line(`} catch (e) { if (!(e instanceof Stop)) throw e; ${v} = null; (z ??= []).push(e); }`);
      if (c.unknown) this.line(`if (${v} instanceof U) { n = n === undefined ? ${v} : rt.mergeUnknown(n, ${v}); ${v} = null; }`);
    });
    this.line(`return X.reach(s, ${index}, { ${names.join(', ')} }, n, z);`);
    this.end(`function o${index}(f, s) { // outcome ${comment(node.id)}`);
  }

  /** A derived value: computed once per evaluation into its memo slot `s.l<i>`; errors are memoised too. */
  private letFunction(id: string): string {
    const known = this.letIndex.get(id);
    if (known !== undefined) return `L${known}`;
    const def = this.graph.lets[id];
    if (def === undefined) throw new Error(`internal error: derived value \`${id}\` is not in the graph`);
    const index = this.letIndex.size;
    this.letIndex.set(id, index);
    const saved = this.lines;
    this.begin();
    const slot = `s.l${index}`;
    if (this.explain) {
      // Reads while computing the value are its own; every use of it counts them as read again.
      this.line(`let m = ${slot};`);
      this.line('if (m === NOT_YET) {');
      this.line('const outer = s.r; s.r = []; let v;');
      this.line('try {');
      const c = this.expr(def.expr);
      this.line(`v = ${c.code};`);
      this.line('} catch (e) { if (!(e instanceof Stop)) throw e; v = e; }');
      this.line(`${slot} = m = { v, reads: s.r }; s.r = outer; X.let(s, ${JSON.stringify(id)}, v);`);
      this.line('}');
      this.line('for (const id of m.reads) s.r.push(id);');
      this.line('if (m.v instanceof Stop) throw m.v;');
      this.line('return m.v;');
    } else {
      this.line(`let v = ${slot};`);
      this.line('if (v === NOT_YET) {');
      this.line('try {');
      const c = this.expr(def.expr);
      this.line(`v = ${c.code};`);
      this.line(`} catch (e) { if (e instanceof Stop) ${slot} = e; throw e; }`);
      this.line(`${slot} = v;`);
      this.line('} else if (v instanceof Stop) throw v;');
      this.line('return v;');
    }
    this.end(`function L${index}(f, s) { // let ${comment(id)}`);
    this.lines = saved;
    return `L${index}`;
  }

  // ---------------------------------------------------------------- expressions

  private expr(e: Expr): Compiled {
    switch (e.kind) {
      case 'literal':
        return { code: this.literal(e.value), unknown: false };
      case 'const': {
        const c = this.graph.constants[e.id];
        if (c === undefined) throw new Error(`internal error: constant \`${e.id}\` is not in the graph`);
        return { code: this.literal(c.value), unknown: false };
      }
      case 'fact':
        return this.fact(e.id);
      case 'let':
        return this.assign(`${this.letFunction(e.id)}(f, s)`, true);
      case 'not': {
        const o = this.expr(e.operand);
        return this.assign(this.guard([o], `${o.code} !== true`), o.unknown);
      }
      case 'neg': {
        const o = this.expr(e.operand);
        const numeric = e.type.kind === 'number' || e.type.kind === 'money';
        const code = numeric ? `(${o.code} === 0 ? 0 : -${o.code})` : `rt.negate(${o.code})`;
        return this.assign(this.guard([o], code), o.unknown);
      }
      case 'in': {
        const o = this.expr(e.subject);
        const test = e.members.length === 0 ? 'false' : e.members.map((m) => `${o.code} === ${JSON.stringify(m)}`).join(' || ');
        return this.assign(this.guard([o], e.negated ? `!(${test})` : `(${test})`), o.unknown);
      }
      case 'compare': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return this.assign(this.guard([l, r], this.comparison(e.op, e.left.type, l.code, r.code)), l.unknown || r.unknown);
      }
      case 'arith':
        return this.arith(e);
      case 'minmax':
        return this.minmax(e);
      case 'and':
      case 'or':
        return this.junction(e.kind, e.operands);
    }
  }

  /** The unknown of a missing fact: one shared constant per fact. */
  private factUnknown(id: string): string {
    let u = this.factUnknowns.get(id);
    if (u === undefined) {
      u = `u${this.factUnknowns.size}`;
      this.factUnknowns.set(id, u);
      this.hoist(`const ${u} = new U(Object.freeze([${JSON.stringify(id)}]));`);
    }
    return u;
  }

  private fact(id: string): Compiled {
    const t = this.temp();
    const u = this.factUnknown(id);
    this.line(`let ${t} = ${this.read(id)};`);
    this.line(`if (${t} == null) ${t} = ${u};${this.explain ? ` else s.r.push(${JSON.stringify(id)});` : ''}`);
    return { code: t, unknown: true };
  }

  /** How a fact is read. Absent and null both mean "not known yet", as in the interpreter. */
  private read(id: string): string {
    const q = JSON.stringify(id);
    if (this.access === 'map') return `f.get(${q})`;
    // Names Object.prototype has (`constructor`, `toString`…) must be the record's own.
    if (Object.hasOwn(Object.prototype, id)) return `(hasOwn(f, ${q}) ? f[${q}] : undefined)`;
    return IDENTIFIER.test(id) ? `f.${id}` : `f[${q}]`;
  }

  /** Kleene `and`/`or`: left to right, stopping at the first operand that settles it. */
  private junction(kind: 'and' | 'or', operands: readonly Expr[]): Compiled {
    const settles = kind === 'or' ? 'true' : 'false';
    const t = this.temp();
    const label = `J${t}`;
    this.line(`let ${t};`);
    this.line(`${label}: {`);
    this.line('let p;');
    let unknown = false;
    for (const operand of operands) {
      const o = this.expr(operand);
      if (o.unknown) {
        unknown = true;
        this.line(`if (${o.code} instanceof U) p = p === undefined ? ${o.code} : rt.mergeUnknown(p, ${o.code});`);
        this.line(`else if (${o.code} === ${settles}) { ${t} = ${settles}; break ${label}; }`);
      } else {
        this.line(`if (${o.code} === ${settles}) { ${t} = ${settles}; break ${label}; }`);
      }
    }
    this.line(`${t} = p === undefined ? ${settles === 'true' ? 'false' : 'true'} : p;`);
    this.line('}');
    return { code: t, unknown };
  }

  private arith(e: Extract<Expr, { kind: 'arith' }>): Compiled {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    const lk = e.left.type.kind;
    const rk = e.right.type.kind;
    if (e.op === '/') {
      // A divisor known to be zero is an error even when the dividend is unknown.
      const site = this.divisions.push(e) - 1;
      this.hoist(`const z${site} = new Stop('division', ${site});`);
      const zero = rk === 'duration' ? `${r.code}.amount === 0` : `${r.code} === 0`;
      this.line(`if (${r.unknown ? `!(${r.code} instanceof U) && ` : ''}${zero}) throw z${site};`);
    }
    let code: string;
    if (lk === 'duration' || rk === 'duration') {
      code = `rt.arithSlow(${JSON.stringify(e.op)}, ${l.code}, ${this.constant(e.left.type)}, ${r.code}, ${this.constant(e.right.type)}, ${this.constant(e.type)})`;
    } else if (e.op === '*' && lk === 'money' && rk === 'number') code = `rt.multiplyMoney(${l.code}, ${r.code})`;
    else if (e.op === '*' && lk === 'number' && rk === 'money') code = `rt.multiplyMoney(${r.code}, ${l.code})`;
    else if (e.op === '/' && lk === 'money' && rk === 'number') code = `rt.divideMoney(${l.code}, ${r.code})`;
    else if (e.op === '/' && e.type.kind !== 'number') {
      code = `rt.arithSlow("/", ${l.code}, ${this.constant(e.left.type)}, ${r.code}, ${this.constant(e.right.type)}, ${this.constant(e.type)})`;
    } else code = `(${l.code} ${e.op} ${r.code})`;
    return this.assign(this.guard([l, r], code), l.unknown || r.unknown);
  }

  private minmax(e: Extract<Expr, { kind: 'minmax' }>): Compiled {
    const args = e.args.map((a) => this.expr(a));
    const sign = e.fn === 'min' ? -1 : 1;
    const numeric = e.type.kind === 'number' || e.type.kind === 'money';
    const t = this.temp();
    this.line(`let ${t};`);
    const unknowns = args.filter((a) => a.unknown);
    if (unknowns.length > 0) {
      this.line(`if (${unknowns.map((a) => `${a.code} instanceof U`).join(' || ')}) ${t} = rt.unknownOf([${args.map((a) => a.code).join(', ')}]);`);
      this.line('else {');
    } else this.line('{');
    this.line(`${t} = ${args[0].code};`);
    for (const a of args.slice(1)) {
      const diff = numeric ? `(${a.code} - ${t})` : `rt.compareValues(${a.code}, ${t})`;
      this.line(`if (${diff} * ${sign} > 0) ${t} = ${a.code};`);
    }
    this.line('}');
    return { code: t, unknown: unknowns.length > 0 };
  }

  /** `left op right` for operands of `type`, exactly as values.ts `compare` orders them. */
  private comparison(op: string, type: ValueType, l: string, r: string): string {
    const js = JS_OP[op];
    switch (type.kind) {
      case 'number':
      case 'money':
      case 'bool':
        return `(${l} - ${r}) ${js} 0`;
      case 'text':
      case 'enum':
        return `${l} ${js} ${r}`;
      default:
        return `rt.compareValues(${l}, ${r}) ${js} 0`;
    }
  }

  /** `code` when no operand is unknown, else the operands' merged unknowns. */
  private guard(operands: readonly Compiled[], code: string): string {
    const maybe = operands.filter((o) => o.unknown);
    if (maybe.length === 0) return code;
    const test = maybe.map((o) => `${o.code} instanceof U`).join(' || ');
    const merged = maybe.length === 1 ? maybe[0].code : `rt.unknownOfTwo(${operands.map((o) => o.code).join(', ')})`;
    return `(${test}) ? ${merged} : ${code}`;
  }

  private assign(code: string, unknown: boolean): Compiled {
    const t = this.temp();
    this.line(`let ${t} = ${code};`);
    return { code: t, unknown };
  }

  private literal(value: Value): string {
    switch (typeof value) {
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'string':
        return JSON.stringify(value);
      case 'boolean':
        return String(value);
      default:
        return this.constant(value);
    }
  }

  private constant(value: unknown): string {
    const i = this.constants.push(value) - 1;
    this.hoist(`const k${i} = K[${i}];`);
    return `k${i}`;
  }

  // ---------------------------------------------------------------- emission

  private temp(): string {
    return `t${this.temps++}`;
  }

  private hoist(line: string): void {
    this.hoisted.push(line);
  }

  private line(line: string): void {
    this.lines.push(line);
  }

  private begin(): void {
    this.lines = [];
  }

  private end(header: string): void {
    this.functions.push([header, ...this.lines.map((l) => `  ${l}`), '}'].join('\n'));
  }
}
