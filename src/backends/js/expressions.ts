import type { DecisionGraph, Expr, ValueType } from '../../graph/graph.js';
import { MAX_FEN } from '../../values/range.js';
import type { Emitter } from './emitter.js';

/**
 * Expressions as straight-line JavaScript, specialised to their types. Each expression becomes
 * statements that leave its result in a temporary: the plain value when known, an `U` (Unknown,
 * carrying the facts that would decide it) when not; an error is a thrown `Stop`. Operands that
 * can never be unknown (literals, constants) skip the unknown tests. The meaning is that of the
 * interpreter (src/eval/evaluate.ts), operation by operation.
 */

/** How generated code reads a fact: `facts.get(id)` on a Map, or a property of a plain record. */
export type FactAccess = 'map' | 'record';

/** A compiled expression: JS code naming its value (a temporary or a literal) and whether it can be unknown. */
export interface Compiled {
  readonly code: string;
  readonly unknown: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const JS_OP: Record<string, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class ExpressionEmitter {
  /** Arithmetic expressions by site number (`Stop.site` of a division by zero or a result out of range). */
  readonly sites: Expr[] = [];
  private readonly factUnknowns = new Map<string, string>();

  constructor(
    private readonly graph: DecisionGraph,
    private readonly access: FactAccess,
    private readonly explain: boolean,
    private readonly out: Emitter,
    /** The name of the function computing a derived value, generated on first use. */
    private readonly letFunction: (id: string) => string,
  ) {}

  expr(e: Expr): Compiled {
    switch (e.kind) {
      case 'literal':
        return { code: this.out.literal(e.value), unknown: false };
      case 'const': {
        const c = this.graph.constants[e.id];
        if (c === undefined) throw new Error(`internal error: constant \`${e.id}\` is not in the graph`);
        return { code: this.out.literal(c.value), unknown: false };
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
        const code = e.type.kind === 'money' ? `(${o.code} === 0 ? 0 : -${o.code})` : `rt.negate(${o.code})`;
        return this.assign(this.guard([o], code), o.unknown);
      }
      case 'in': {
        const o = this.expr(e.subject);
        const test = e.members.length === 0 ? 'false' : e.members.map((m) => `${o.code} === ${JSON.stringify(m)}`).join(' || ');
        return this.assign(this.guard([o], e.negated ? `!(${test})` : `(${test})`), o.unknown);
      }
      case 'compare': {
        if (e.left.type.kind === 'duration' && e.right.type.kind === 'duration') {
          // Lengths of time compare as seconds, without building a duration for `now - ordered_at`.
          const [l, r] = [this.seconds(e.left), this.seconds(e.right)];
          return this.assign(this.guard([l, r], `(${l.code} - ${r.code}) ${JS_OP[e.op]} 0`), l.unknown || r.unknown);
        }
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return this.assign(this.guard([l, r], comparison(e.op, e.left.type, l.code, r.code)), l.unknown || r.unknown);
      }
      case 'arith':
        return this.arith(e);
      case 'minmax':
        return this.minmax(e);
      case 'and':
      case 'or':
        return this.junction(e.kind, e.operands);
      case 'date-of':
      case 'time-of': {
        const o = this.expr(e.operand);
        const fn = e.kind === 'date-of' ? 'rt.dateOf' : 'rt.timeOf';
        return this.assign(this.guard([o], `${fn}(${o.code}, ${JSON.stringify(e.zone)})`), o.unknown);
      }
      case 'shift': {
        const [b, by] = [this.expr(e.base), this.expr(e.by)];
        const code = `rt.shiftTime(${b.code}, ${by.code}, ${e.sign}, ${e.type.kind === 'date'}, ${JSON.stringify(e.zone)})`;
        return this.assign(this.guard([b, by], code), b.unknown || by.unknown);
      }
      case 'elapsed': {
        const [l, r] = [this.expr(e.left), this.expr(e.right)];
        return this.assign(this.guard([l, r], `rt.elapsed(${l.code}, ${r.code}, ${e.left.type.kind === 'date'})`), l.unknown || r.unknown);
      }
      case 'between': {
        const [t, from, to] = [this.expr(e.subject), this.expr(e.from), this.expr(e.to)];
        const maybe = [t, from, to].filter((o) => o.unknown);
        const code = `rt.inWindow(${t.code}, ${from.code}, ${to.code})`;
        if (maybe.length === 0) return this.assign(code, false);
        const test = maybe.map((o) => `${o.code} instanceof U`).join(' || ');
        return this.assign(`(${test}) ? rt.unknownOf([${t.code}, ${from.code}, ${to.code}]) : ${code}`, true);
      }
    }
  }

  /** A fixed duration as its whole seconds (what compareDurations compares). */
  private seconds(e: Expr): Compiled {
    if (e.kind === 'elapsed') {
      const [l, r] = [this.expr(e.left), this.expr(e.right)];
      const code = e.left.type.kind === 'date' ? `(${l.code} - ${r.code}) * 86400` : `(${l.code} - ${r.code})`;
      return this.assign(this.guard([l, r], code), l.unknown || r.unknown);
    }
    const c = this.expr(e);
    return c.unknown ? this.assign(this.guard([c], `rt.secondsOf(${c.code})`), true) : this.assign(`rt.secondsOf(${c.code})`, false);
  }

  /** How a fact is read. Absent and null both mean "not known yet", as in the interpreter. */
  read(id: string): string {
    const q = JSON.stringify(id);
    if (this.access === 'map') return `f.get(${q})`;
    // Names Object.prototype has (`constructor`, `toString`…) must be the record's own.
    if (Object.hasOwn(Object.prototype, id)) return `(hasOwn(f, ${q}) ? f[${q}] : undefined)`;
    return IDENTIFIER.test(id) ? `f.${id}` : `f[${q}]`;
  }

  /** The unknown of a missing fact: one shared constant per fact. */
  factUnknown(id: string): string {
    let u = this.factUnknowns.get(id);
    if (u === undefined) {
      u = `u${this.factUnknowns.size}`;
      this.factUnknowns.set(id, u);
      this.out.hoist(`const ${u} = new U(Object.freeze([${JSON.stringify(id)}]));`);
    }
    return u;
  }

  private fact(id: string): Compiled {
    const t = this.out.temp();
    const u = this.factUnknown(id);
    this.out.line(`let ${t} = ${this.read(id)};`);
    this.out.line(`if (${t} == null) ${t} = ${u};${this.explain ? ` else s.r.push(${JSON.stringify(id)});` : ''}`);
    return { code: t, unknown: true };
  }

  /** Kleene `and`/`or`: left to right, stopping at the first operand that settles it. */
  private junction(kind: 'and' | 'or', operands: readonly Expr[]): Compiled {
    const settles = kind === 'or' ? 'true' : 'false';
    const t = this.out.temp();
    const label = `J${t}`;
    this.out.line(`let ${t};`);
    this.out.line(`${label}: {`);
    this.out.line('let p;');
    let unknown = false;
    for (const operand of operands) {
      const o = this.expr(operand);
      if (o.unknown) {
        unknown = true;
        this.out.line(`if (${o.code} instanceof U) p = p === undefined ? ${o.code} : rt.mergeUnknown(p, ${o.code});`);
        this.out.line(`else if (${o.code} === ${settles}) { ${t} = ${settles}; break ${label}; }`);
      } else {
        this.out.line(`if (${o.code} === ${settles}) { ${t} = ${settles}; break ${label}; }`);
      }
    }
    this.out.line(`${t} = p === undefined ? ${settles === 'true' ? 'false' : 'true'} : p;`);
    this.out.line('}');
    return { code: t, unknown };
  }

  /**
   * Money ± money is inlined (whole fen, exact in a double within the range) with its range test;
   * everything else calls the interpreter's exact arithmetic (numbers are rationals; money × and ÷
   * a number round to the fen), which throws this site's range Stop.
   */
  private arith(e: Extract<Expr, { kind: 'arith' }>): Compiled {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    const lk = e.left.type.kind;
    const rk = e.right.type.kind;
    const site = this.sites.push(e) - 1;
    if (e.op === '/') {
      // A divisor known to be zero is an error even when the dividend is unknown.
      this.out.hoist(`const z${site} = new Stop('division', ${site});`);
      const zero = rk === 'money' ? `${r.code} === 0` : `rt.isZero(${r.code})`;
      this.out.line(`if (${r.unknown ? `!(${r.code} instanceof U) && ` : ''}${zero}) throw z${site};`);
    }
    this.out.hoist(`const x${site} = new Stop('range', ${site});`);
    const unknown = l.unknown || r.unknown;
    if (lk === 'money' && rk === 'money' && (e.op === '+' || e.op === '-')) {
      const t = this.assign(this.guard([l, r], `(${l.code} ${e.op} ${r.code})`), unknown);
      const outside = `(${t.code} > ${MAX_FEN} || ${t.code} < -${MAX_FEN})`;
      this.out.line(`if (${unknown ? `typeof ${t.code} === 'number' && ` : ''}${outside}) throw x${site};`);
      return t;
    }
    const type = (t: ValueType) => this.out.constant(t);
    const code = `rt.arithSlow(${JSON.stringify(e.op)}, ${l.code}, ${type(e.left.type)}, ${r.code}, ${type(e.right.type)}, ${type(e.type)}, x${site})`;
    return this.assign(this.guard([l, r], code), unknown);
  }

  /** min/max: every argument evaluated; the first of equal values is kept, as `reduce` does in the interpreter. */
  private minmax(e: Extract<Expr, { kind: 'minmax' }>): Compiled {
    const args = e.args.map((a) => this.expr(a));
    const sign = e.fn === 'min' ? -1 : 1;
    const numeric = e.type.kind === 'money';
    const t = this.out.temp();
    this.out.line(`let ${t};`);
    const unknowns = args.filter((a) => a.unknown);
    if (unknowns.length > 0) {
      const test = unknowns.map((a) => `${a.code} instanceof U`).join(' || ');
      this.out.line(`if (${test}) ${t} = rt.unknownOf([${args.map((a) => a.code).join(', ')}]);`);
      this.out.line('else {');
    } else this.out.line('{');
    this.out.line(`${t} = ${args[0].code};`);
    for (const a of args.slice(1)) {
      const diff = numeric ? `(${a.code} - ${t})` : `rt.compareValues(${a.code}, ${t})`;
      this.out.line(`if (${diff} * ${sign} > 0) ${t} = ${a.code};`);
    }
    this.out.line('}');
    return { code: t, unknown: unknowns.length > 0 };
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
    const t = this.out.temp();
    this.out.line(`let ${t} = ${code};`);
    return { code: t, unknown };
  }
}

/** `left op right` for operands of `type`, exactly as values.ts `compare` orders them. */
function comparison(op: string, type: ValueType, l: string, r: string): string {
  const js = JS_OP[op];
  switch (type.kind) {
    case 'money':
    case 'bool':
    case 'date':
    case 'datetime':
    case 'time':
      return `(${l} - ${r}) ${js} 0`;
    case 'text':
    case 'enum':
      return `${l} ${js} ${r}`;
    default:
      return `rt.compareValues(${l}, ${r}) ${js} 0`;
  }
}
