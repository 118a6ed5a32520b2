import type { DecisionGraph, Duration, Expr, Value, ValueType } from '../../graph/graph.js';
import { AtomTable, FALSE, type Formula, type NumericDomain, TRUE, and, not, or } from './formula.js';
import { addVals, constant, constantOf, isWholeFen, type NumVal, pieces, scaleVal, Undecided, variable } from './linear.js';
import { compareNumbers, compareSimple } from './compare.js';
import { printExpr } from './print-expr.js';
import { div, isZero, mul, Rat, rat, ratFromNumber, roundHalfAway } from '../../values/rational.js';
import { secondsOf } from '../../values/duration.js';
import { childExprs } from '../../graph/children.js';

/**
 * Translates resolved conditions into solver formulas: constants are substituted, `let`s inlined,
 * constant arithmetic folded, `min`/`max` expanded. A comparison outside the decided fragment
 * becomes one opaque atom that remembers why.
 */

/** A bool's domain: the witness picks the first allowed value, so an unconstrained bool is `false`. */
export const BOOL_DOMAIN: readonly string[] = ['false', 'true'];

/** A translated value. */
type Val =
  | NumVal
  | { readonly kind: 'bool'; readonly f: Formula }
  /** An enum or text value: a fact's, or a constant (`fact` null). */
  | { readonly kind: 'sym'; readonly fact: string | null; readonly value: string; readonly type: ValueType };

/** Kinds whose values are whole numbers: fen, day numbers, seconds since the epoch. */
const INTEGER_KINDS: ReadonlySet<string> = new Set(['money', 'date', 'datetime']);

/** Translates the conditions of one graph; results are memoised per expression and per `let`. */
export class Translator {
  readonly atoms = new AtomTable();
  private readonly conditions = new Map<Expr, Formula>();
  private readonly lets = new Map<string, Val>();
  private readonly letsInProgress = new Set<string>();
  private readonly enumDomains = new Map<string, readonly string[]>();
  private readonly memberIndexes = new Map<string, ReadonlyMap<string, number>>();
  private readonly names = new Map<string, Val>();

  constructor(readonly graph: DecisionGraph) {}

  /** The formula for a bool expression (a branch condition). */
  condition(expr: Expr): Formula {
    let f = this.conditions.get(expr);
    if (!f) {
      f = this.bool(expr);
      this.conditions.set(expr, f);
    }
    return f;
  }

  /** Money facts are whole fen, dates whole days, moments whole seconds; number facts are rationals. */
  domainOf(fact: string): NumericDomain {
    return INTEGER_KINDS.has(this.graph.facts[fact]?.type.kind ?? '') ? 'int' : 'rat';
  }

  /** `domainOf` as a function value, made once (the translation runs for every branch). */
  private readonly domainOfFact = (fact: string): NumericDomain => this.domainOf(fact);

  /** The member ids of an enum, in declaration order. */
  enumDomain(enumId: string): readonly string[] {
    let d = this.enumDomains.get(enumId);
    if (!d) {
      d = this.graph.enums[enumId]?.members.map((m) => m.id) ?? [];
      this.enumDomains.set(enumId, d);
    }
    return d;
  }

  /** Member → its position in the enum's domain; a map, as sets of many members made lookups quadratic. */
  private memberIndex(enumId: string): ReadonlyMap<string, number> {
    let index = this.memberIndexes.get(enumId);
    if (!index) {
      index = new Map(this.enumDomain(enumId).map((m, i) => [m, i]));
      this.memberIndexes.set(enumId, index);
    }
    return index;
  }

  private bool(e: Expr): Formula {
    switch (e.kind) {
      case 'and': return and(e.operands.map((o) => this.condition(o)));
      case 'or': return or(e.operands.map((o) => this.condition(o)));
      case 'not': return not(this.condition(e.operand));
      default: return this.decided(e);
    }
  }

  /** Translates a comparison or a yes/no value; one outside the fragment becomes an opaque atom. */
  private decided(e: Expr): Formula {
    try {
      if (e.kind === 'in') return this.membership(e);
      if (e.kind === 'compare') return this.comparison(e);
      const v = this.value(e);
      if (v.kind !== 'bool') throw new Undecided('is not a yes/no value');
      return v.f;
    } catch (err) {
      if (!(err instanceof Undecided)) throw err;
      return this.atoms.opaque(e, printExpr(e), err.reason, [...this.factsIn(e, new Set(), new Set())]);
    }
  }

  private membership(e: Extract<Expr, { kind: 'in' }>): Formula {
    const s = this.value(e.subject);
    if (s.kind !== 'sym' || s.type.kind !== 'enum') throw new Undecided('tests membership of a value that is not an enum');
    const domain = this.enumDomain(s.type.enum);
    let mask = memberMask(domain, this.memberIndex(s.type.enum), e.members);
    const full = (1n << BigInt(domain.length)) - 1n;
    if (e.negated) mask = full ^ mask;
    if (s.fact === null) return (mask >> BigInt(this.memberIndex(s.type.enum).get(s.value as string) ?? -1)) & 1n ? TRUE : FALSE;
    return this.atoms.member(s.fact, domain, mask);
  }

  private comparison(e: Extract<Expr, { kind: 'compare' }>): Formula {
    const l = this.value(e.left);
    const r = this.value(e.right);
    if ((l.kind === 'num' || l.kind === 'pw') && (r.kind === 'num' || r.kind === 'pw')) {
      return compareSimple(l, r, e.op, this.atoms, this.domainOfFact) ?? compareNumbers(addVals(l, r, -1), e.op, this.atoms, this.domainOfFact);
    }
    if (l.kind === 'bool' && r.kind === 'bool') {
      const same = or([and([l.f, r.f]), and([not(l.f), not(r.f)])]);
      if (e.op === '==') return same;
      if (e.op === '!=') return not(same);
      throw new Undecided('orders yes/no values');
    }
    if (l.kind === 'sym' && r.kind === 'sym') return this.symbols(l, r, e.op);
    throw new Undecided('compares values of different kinds');
  }

  private symbols(l: Extract<Val, { kind: 'sym' }>, r: Extract<Val, { kind: 'sym' }>, op: string): Formula {
    if (op !== '==' && op !== '!=') throw new Undecided(`orders ${l.type.kind} values`);
    const eq = op === '==';
    if (l.fact === null && r.fact === null) return (l.value === r.value) === eq ? TRUE : FALSE;
    if (l.fact !== null && r.fact !== null) {
      if (l.type.kind !== 'enum' || r.type.kind !== 'enum') throw new Undecided('compares two text facts');
      const domain = this.enumDomain(l.type.enum);
      const same = or(domain.map((_, i) => and([this.atoms.member(l.fact!, domain, 1n << BigInt(i)), this.atoms.member(r.fact!, domain, 1n << BigInt(i))])));
      return eq ? same : not(same);
    }
    const [fact, value] = l.fact !== null ? [l.fact, r.value] : [r.fact!, l.value];
    if (l.type.kind === 'text') return this.atoms.text(fact, value, eq);
    const domain = this.enumDomain((l.type as { enum: string }).enum);
    const i = domain.indexOf(value);
    const f = i < 0 ? FALSE : this.atoms.member(fact, domain, 1n << BigInt(i));
    return eq ? f : not(f);
  }

  private value(e: Expr): Val {
    switch (e.kind) {
      case 'fact': return this.named(`f:${e.id}`) ?? this.remember(`f:${e.id}`, this.factValue(e.id, e.type));
      case 'const': {
        const known = this.named(`c:${e.id}`);
        if (known) return known;
        const c = this.graph.constants[e.id];
        if (!c) throw new Error(`internal error: unknown constant \`${e.id}\`, please report`);
        return this.remember(`c:${e.id}`, literalValue(c.value, c.type));
      }
      case 'let': return this.letValue(e.id);
      case 'literal': {
        if (typeof e.value !== 'number' && !(e.value instanceof Rat)) return literalValue(e.value, e.type);
        const key = `${e.type.kind}:${e.value instanceof Rat ? `${e.value.n}/${e.value.d}` : e.value}`;
        return this.named(key) ?? this.remember(key, literalValue(e.value, e.type));
      }
      case 'compare': case 'in': case 'not': case 'and': case 'or': return { kind: 'bool', f: this.condition(e) };
      case 'neg': return scaleVal(this.numeric(e.operand), rat(-1n));
      case 'minmax': return pieces(e.fn, e.args.map((a) => this.numeric(a)));
      case 'arith': return this.arith(e);
      case 'elapsed': {
        // Durations are seconds; two dates are apart by whole days.
        const diff = addVals(this.numeric(e.left), this.numeric(e.right), -1);
        return e.left.type.kind === 'date' ? scaleVal(diff, rat(86_400n)) : diff;
      }
      case 'shift': {
        if (e.by.type.kind === 'period') throw new Undecided('adds calendar months or years, whose length varies');
        const by = this.numeric(e.by);
        const step = e.type.kind === 'date' ? scaleVal(by, div(rat(1n), rat(86_400n))) : by;
        return addVals(this.numeric(e.base), step, e.sign);
      }
      case 'date-of': throw new Undecided('takes the calendar date of a moment');
      case 'time-of': throw new Undecided('takes the clock time of a moment');
      case 'between': throw new Undecided('tests a window of clock times');
    }
  }

  /** Values of facts, constants and number literals, built once (values are immutable). */
  private named(key: string): Val | undefined {
    return this.names.get(key);
  }

  private remember(key: string, v: Val): Val {
    this.names.set(key, v);
    return v;
  }

  private numeric(e: Expr): NumVal {
    const v = this.value(e);
    if (v.kind === 'num' || v.kind === 'pw') return v;
    throw new Undecided('does arithmetic on a value that is not a number');
  }

  private factValue(id: string, type: ValueType): Val {
    switch (type.kind) {
      case 'bool': return { kind: 'bool', f: this.atoms.member(id, BOOL_DOMAIN, 2n) };
      case 'money': case 'number': case 'date': case 'datetime': return variable(id);
      case 'enum': case 'text': return { kind: 'sym', fact: id, value: '', type };
      case 'duration': case 'period': throw new Undecided('reads a duration fact');
      case 'time': throw new Undecided('reads a clock-time fact');
    }
  }

  private letValue(id: string): Val {
    const known = this.lets.get(id);
    if (known) return known;
    const def = this.graph.lets[id];
    if (!def || this.letsInProgress.has(id)) throw new Undecided('reads a derived value that depends on itself');
    this.letsInProgress.add(id);
    try {
      const v = this.value(def.expr);
      this.lets.set(id, v);
      return v;
    } finally {
      this.letsInProgress.delete(id);
    }
  }

  private arith(e: Extract<Expr, { kind: 'arith' }>): Val {
    const l = this.numeric(e.left);
    const r = this.numeric(e.right);
    let result: NumVal;
    if (e.op === '+' || e.op === '-') result = addVals(l, r, e.op === '+' ? 1 : -1);
    else if (e.op === '*') {
      const k = constantOf(r) ?? constantOf(l);
      if (k === undefined) throw new Undecided('multiplies two facts');
      result = scaleVal(constantOf(r) !== undefined ? l : r, k);
    } else {
      const k = constantOf(r);
      if (k === undefined) throw new Undecided('divides by a fact');
      if (isZero(k)) throw new Undecided('divides by zero');
      result = scaleVal(l, div(rat(1n), k));
    }
    // Money arithmetic rounds to the fen; exact only when nothing needs rounding.
    if (e.type.kind === 'money' && (e.op === '*' || e.op === '/')) {
      const c = constantOf(result);
      if (c !== undefined) return constant(rat(roundHalfAway(c)));
      if (!isWholeFen(result, (f) => this.domainOfFact(f) === 'int')) {
        throw new Undecided(e.op === '*' ? 'multiplies money by a fraction, which rounds to the fen' : 'divides money, which rounds to the fen');
      }
    }
    return result;
  }

  /** The facts an expression reads, through `let`s. */
  private factsIn(e: Expr, out: Set<string>, lets: Set<string>): Set<string> {
    const visit = (x: Expr) => this.factsIn(x, out, lets);
    switch (e.kind) {
      case 'fact': out.add(e.id); break;
      case 'let': {
        const def = this.graph.lets[e.id];
        if (def && !lets.has(e.id)) {
          lets.add(e.id);
          visit(def.expr);
        }
        break;
      }
      default: childExprs(e).forEach(visit); break;
    }
    return out;
  }
}

function literalValue(value: Value, type: ValueType): Val {
  switch (type.kind) {
    case 'bool': return { kind: 'bool', f: value === true ? TRUE : FALSE };
    case 'money': case 'number': return constant(value instanceof Rat ? value : ratFromNumber(value as number));
    case 'date': case 'datetime': case 'time': return constant(ratFromNumber(value as number));
    // Durations only come from constants: compare them as seconds (whole, as evaluation does).
    case 'duration': return constant(rat(BigInt(secondsOf(value as Duration))));
    case 'period': throw new Undecided('uses a calendar duration (months or years)');
    case 'enum': case 'text': return { kind: 'sym', fact: null, value: String(value), type };
  }
}

/**
 * The bit mask of `members` in an enum's domain (bit i = the i-th member). Built as hex digits and
 * converted once: or-ing one BigInt bit at a time costs the mask's length per member.
 */
function memberMask(domain: readonly string[], index: ReadonlyMap<string, number>, members: readonly string[]): bigint {
  const nibbles = new Uint8Array(Math.ceil(domain.length / 4));
  for (const m of members) {
    const i = index.get(m);
    if (i !== undefined) nibbles[nibbles.length - 1 - (i >> 2)] |= 1 << (i & 3);
  }
  let hex = '';
  for (const n of nibbles) hex += n.toString(16);
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}
