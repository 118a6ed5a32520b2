import type { CompareOp, DecisionGraph, Duration, Expr, Value, ValueType } from '../../graph/graph.js';
import { AtomTable, FALSE, type Formula, type NumericDomain, SMALL_DOMAIN, TRUE, and, not, or } from './formula.js';
import { addVals, constant, constantOf, isWholeFen, type NumVal, pieces, scaleVal, Undecided, variable } from './linear.js';
import { compareNumbers, compareSimple } from './compare.js';
import { printExpr } from './print-expr.js';
import { add, div, isZero, mul, Rat, rat, ratFromNumber, roundHalfAway } from '../../values/rational.js';
import { secondsOf } from '../../values/duration.js';
import { childExprs } from '../../graph/children.js';
import { compareMoments, atOrAfter, daysAndSeconds, readsSplitMoment } from './time-compare.js';
import { clockVar, dayVar, factOfVar, type FixedEra, fixedEra, localClockVar, localDayVar, monthsBand, offsetChanges } from './time-domain.js';
import { monthsOf } from '../../values/duration.js';

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
  | { readonly kind: 'sym'; readonly fact: string | null; readonly value: string; readonly type: ValueType }
  /**
   * A date or moment moved by calendar months or years: not linear, but always between `lo` and
   * `hi` (the fewest and the most days those months can hold). A comparison is decided when the
   * answer is the same at both ends, and hangs on an opaque condition in between.
   */
  | { readonly kind: 'band'; readonly lo: NumVal; readonly hi: NumVal };

/** Kinds whose values are whole numbers: fen, day numbers, seconds since the epoch, seconds since midnight. */
const INTEGER_KINDS: ReadonlySet<string> = new Set(['money', 'date', 'datetime', 'time']);

const DAY_SECONDS = 86_400n;

/** 2026-01-01T00:00 in the zone: where witnesses prefer their moments. */
const RECENT = Date.UTC(2026, 0, 1) / 1000;

/** The operator with its sides swapped. */
const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** Translates the conditions of one graph; results are memoised per expression and per `let`. */
export class Translator {
  readonly atoms = new AtomTable();
  private readonly conditions = new Map<Expr, Formula>();
  private readonly lets = new Map<string, Val>();
  private readonly letsInProgress = new Set<string>();
  private readonly enumDomains = new Map<string, readonly string[]>();
  private readonly memberIndexes = new Map<string, ReadonlyMap<string, number>>();
  /** Values of facts, constants and number literals, built once (values are immutable). */
  private readonly factValues = new Map<string, Val>();
  private readonly constValues = new Map<string, Val>();
  private readonly literals = new Map<string, Map<number | string, Val>>();

  /** Moment facts split into local date and clock time (time-domain.ts), and the era that is exact for. */
  readonly split: ReadonlySet<string>;
  private readonly era: FixedEra | null;
  /** Every `.date` and `.time` the graph's conditions read (diagnostics about a moment's link point at one). */
  private readonly parts: readonly Expr[];

  constructor(readonly graph: DecisionGraph) {
    const zone = graph.policy.timezone;
    this.era = zone ? fixedEra(zone) : null;
    // Without an era of fixed offset nothing is split, so the walk over every condition is not needed.
    this.parts = this.era !== null ? datesAndTimesRead(graph) : [];
    this.split = this.era !== null && this.parts.length > 0
      ? new Set(Object.values(graph.facts).filter((f) => f.type.kind === 'datetime').map((f) => f.id))
      : new Set();
  }

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
    if (fact.includes('#')) return 'int';
    const def = this.graph.facts[fact];
    // A whole number fact is an integer variable like fen (`days=7.1` is no witness).
    return INTEGER_KINDS.has(def?.type.kind ?? '') || def?.bounds?.whole ? 'int' : 'rat';
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
    if (domain.length <= SMALL_DOMAIN) return this.smallMembership(s.fact, s.value, domain, this.memberIndex(s.type.enum), e);
    let mask = memberMask(domain, this.memberIndex(s.type.enum), e.members);
    const full = (1n << BigInt(domain.length)) - 1n;
    if (e.negated) mask = full ^ mask;
    if (s.fact === null) return (mask >> BigInt(this.memberIndex(s.type.enum).get(s.value as string) ?? -1)) & 1n ? TRUE : FALSE;
    return this.atoms.member(s.fact, domain, mask);
  }

  /** `membership` over an enum of at most 30 members: the mask is a JS number. */
  private smallMembership(fact: string | null, value: string, domain: readonly string[], index: ReadonlyMap<string, number>, e: Extract<Expr, { kind: 'in' }>): Formula {
    let mask = 0;
    for (const m of e.members) {
      const i = index.get(m);
      if (i !== undefined) mask |= 1 << i;
    }
    if (e.negated) mask = ((1 << domain.length) - 1) ^ mask;
    if (fact === null) {
      const i = index.get(value);
      return i !== undefined && ((mask >> i) & 1) === 1 ? TRUE : FALSE;
    }
    return this.atoms.memberSmall(fact, domain, mask);
  }

  private comparison(e: Extract<Expr, { kind: 'compare' }>): Formula {
    const l = this.value(e.left);
    const r = this.value(e.right);
    if (l.kind === 'band' || r.kind === 'band') return this.compareBand(l, r, e.op, e);
    if ((l.kind === 'num' || l.kind === 'pw') && (r.kind === 'num' || r.kind === 'pw')) return this.compareValues(l, r, e.op, e);
    if (l.kind === 'bool' && r.kind === 'bool') {
      const same = or([and([l.f, r.f]), and([not(l.f), not(r.f)])]);
      if (e.op === '==') return same;
      if (e.op === '!=') return not(same);
      throw new Undecided('orders yes/no values');
    }
    if (l.kind === 'sym' && r.kind === 'sym') return this.symbols(l, r, e.op);
    throw new Undecided('compares values of different kinds');
  }

  /** `l ⋈ r` of two numeric values; `e` is the condition they come from (for what is not decided). */
  private compareValues(l: NumVal, r: NumVal, op: CompareOp, e: Expr): Formula {
    if (this.split.size === 0) {
      return compareSimple(l, r, op, this.atoms, this.domainOfFact) ?? compareNumbers(addVals(l, r, -1), op, this.atoms, this.domainOfFact);
    }
    const d = addVals(l, r, -1);
    if (readsSplitMoment(d, this.split)) return compareMoments(d, op, this.atoms, this.split);
    return compareNumbers(d, op, this.atoms, this.domainOfFact);
  }

  /**
   * Split moments from 2026 on: tried first when solving for a witness, so that examples show
   * present-day moments rather than the first day of the zone's era (the last resort).
   */
  recentMoments(): Formula[] {
    const era = this.era;
    if (era === null) return [];
    return [...this.split].map((x) => atOrAfter(x, RECENT - era.offset, era.offset, this.atoms));
  }

  /**
   * What every case satisfies, for each split moment: in the zone's era of fixed offset its local
   * date and clock time are the moment's days and seconds read with the era's offset; before the
   * era they differ by the offset's change then, a few minutes or hours, which the analysis does
   * not pin down (an opaque condition, so an answer that hangs on it is reported inexact).
   */
  axioms(): Formula[] {
    const era = this.era;
    if (era === null || this.split.size === 0) return [];
    const [lo, hi] = offsetChanges(this.graph.policy.timezone!, era);
    const eq = (a: string, b: string) => and([this.atoms.diff(a, b, 'int', rat(0n), false), this.atoms.diff(b, a, 'int', rat(0n), false)]);
    return [...this.split].map((x) => {
      const same = and([eq(localDayVar(x), dayVar(x)), eq(localClockVar(x), clockVar(x))]);
      if (era.start === -Infinity) return same;
      const inside = atOrAfter(x, era.start, era.offset, this.atoms);
      const fact = this.graph.facts[x];
      // Point at where the policy reads the moment's date or clock time (`now` has no declaration).
      const read = this.parts.find((p) => p.kind === 'fact' && p.id === x) ?? (fact.span.file === '<built-in>' ? this.parts[0] : undefined);
      const ref: Expr = { kind: 'fact', id: x, type: fact.type, span: read?.span ?? fact.span };
      const local = (c: number) => daysAndSeconds(localDayVar(x), dayVar(x), localClockVar(x), clockVar(x), BigInt(c), this.atoms);
      const shifted = and([local(hi), not(local(lo - 1)), this.atoms.opaque(ref, x, BEFORE_ERA, [x])]);
      return or([and([inside, same]), and([not(inside), shifted])]);
    });
  }

  /**
   * `l ⋈ r` where a side is a band (a date moved by calendar months): decided where the answer is
   * the same for every length the months can have, otherwise an opaque condition.
   */
  private compareBand(l: Val, r: Val, op: CompareOp, e: Expr): Formula {
    if (l.kind === 'band' && r.kind === 'band') throw new Undecided('compares two dates moved by calendar months or years');
    if (e.kind !== 'compare') throw new Undecided('adds calendar months or years, whose length varies');
    // The band on the right: `P + 2 years >= X` is `X <= P + 2 years`.
    if (l.kind === 'band') return this.compareBand(r, l, FLIPPED[op], { ...e, left: e.right, right: e.left, op: FLIPPED[op] });
    if (r.kind !== 'band' || (l.kind !== 'num' && l.kind !== 'pw')) throw new Undecided('compares values of different kinds');
    const cmp = (a: NumVal, b: NumVal, o: CompareOp) => this.compareValues(a, b, o, e);
    // Two opaque conditions per pair of sides, `x <= f` and `x < f`, shared by every operator, so
    // that `x <= f` and `x > f` stay each other's negation.
    const open = (o: '<=' | '<') => {
      const text = `${printExpr(e.left)} ${o} ${printExpr(e.right)}`;
      return this.atoms.opaque(e, text, 'adds calendar months or years, whose length varies', [...this.factsIn(e, new Set(), new Set())]);
    };
    // x below f: sure when x is below f's least value, possible when below its greatest.
    const below = (o: '<=' | '<') => or([cmp(l, r.lo, o), and([cmp(l, r.hi, o), open(o)])]);
    switch (op) {
      case '<=': case '<': return below(op);
      case '>': return not(below('<='));
      case '>=': return not(below('<'));
      case '==': return and([below('<='), not(below('<'))]);
      case '!=': return not(and([below('<='), not(below('<'))]));
    }
  }

  private symbols(l: Extract<Val, { kind: 'sym' }>, r: Extract<Val, { kind: 'sym' }>, op: string): Formula {
    if (op !== '==' && op !== '!=') throw new Undecided(`orders ${l.type.kind} values`);
    const eq = op === '==';
    if (l.fact === null && r.fact === null) return (l.value === r.value) === eq ? TRUE : FALSE;
    if (l.fact !== null && r.fact !== null) {
      if (l.type.kind !== 'enum' || r.type.kind !== 'enum') throw new Undecided('compares two text facts');
      const domain = this.enumDomain(l.type.enum);
      const same = or(domain.map((_, i) => and([this.atoms.memberAt(l.fact!, domain, i), this.atoms.memberAt(r.fact!, domain, i)])));
      return eq ? same : not(same);
    }
    const [fact, value] = l.fact !== null ? [l.fact, r.value] : [r.fact!, l.value];
    if (l.type.kind === 'text') return this.atoms.text(fact, value, eq);
    const domain = this.enumDomain((l.type as { enum: string }).enum);
    const i = domain.indexOf(value);
    const f = i < 0 ? FALSE : this.atoms.memberAt(fact, domain, i);
    return eq ? f : not(f);
  }

  private value(e: Expr): Val {
    switch (e.kind) {
      case 'fact': {
        let v = this.factValues.get(e.id);
        if (v === undefined) this.factValues.set(e.id, (v = this.factValue(e.id, e.type)));
        return v;
      }
      case 'const': {
        let v = this.constValues.get(e.id);
        if (v !== undefined) return v;
        const c = this.graph.constants[e.id];
        if (!c) throw new Error(`internal error: unknown constant \`${e.id}\`, please report`);
        this.constValues.set(e.id, (v = literalValue(c.value, c.type)));
        return v;
      }
      case 'let': return this.letValue(e.id);
      case 'literal': return this.literal(e.value, e.type);
      case 'compare': case 'in': case 'not': case 'and': case 'or': return { kind: 'bool', f: this.condition(e) };
      case 'neg': return scaleVal(this.numeric(e.operand), rat(-1n));
      case 'minmax': return pieces(e.fn, e.args.map((a) => this.numeric(a)));
      case 'arith': return this.arith(e);
      case 'between': return { kind: 'bool', f: this.window(e) };
      case 'elapsed': {
        // Durations are seconds; two dates are apart by whole days.
        const diff = addVals(this.numeric(e.left), this.numeric(e.right), -1);
        return e.left.type.kind === 'date' ? scaleVal(diff, rat(86_400n)) : diff;
      }
      case 'shift': return this.shift(e);
      case 'date-of': case 'time-of': return this.partOfMoment(e);
    }
  }

  /** A date or moment moved by a duration; by calendar months or years it becomes a band. */
  private shift(e: Extract<Expr, { kind: 'shift' }>): Val {
    const base = this.value(e.base);
    const isDate = e.type.kind === 'date';
    if (e.by.type.kind === 'period') {
      const by = e.by.kind === 'const' ? this.graph.constants[e.by.id]?.value : e.by.kind === 'literal' ? e.by.value : undefined;
      if (by === undefined || base.kind === 'band') throw new Undecided('adds calendar months or years, whose length varies');
      const [lo, hi] = monthsBand(e.sign * Math.trunc(monthsOf(by as Duration)));
      // A moment keeps its clock time, but the zone's offset may differ on the day it lands: a day more either way covers that.
      const unit = isDate ? 1n : DAY_SECONDS;
      const slack = isDate ? 0n : DAY_SECONDS;
      const b = this.numericOf(base);
      return { kind: 'band', lo: addVals(b, constant(rat(BigInt(lo) * unit - slack)), 1), hi: addVals(b, constant(rat(BigInt(hi) * unit + slack)), 1) };
    }
    const by = this.numeric(e.by);
    const step = isDate ? scaleVal(by, div(rat(1n), rat(DAY_SECONDS))) : by;
    if (base.kind === 'band') return { kind: 'band', lo: addVals(base.lo, step, e.sign), hi: addVals(base.hi, step, e.sign) };
    return addVals(this.numericOf(base), step, e.sign);
  }

  /**
   * The local date or clock time of a moment: the split moment's own variable. A moment moved by
   * whole days keeps its clock time; moved by part of a day, its date and clock time are not linear.
   */
  private partOfMoment(e: Extract<Expr, { kind: 'date-of' | 'time-of' }>): Val {
    const what = e.kind === 'date-of' ? 'takes the calendar date of a moment' : 'takes the clock time of a moment';
    if (this.split.size === 0) throw new Undecided(this.era === null ? `${what} in a zone whose offset still changes` : what);
    const m = this.numeric(e.operand);
    const fact = m.kind === 'num' ? [...m.lin.terms.keys()].map(factOfVar)[0] : undefined;
    if (m.kind !== 'num' || fact === undefined || m.lin.terms.size !== 2 || !readsSplitMoment(m, this.split)) throw new Undecided(what);
    // m = 86400·D + T − offset + shift.
    const shift = add(m.lin.c, rat(BigInt(this.era!.offset)));
    if (shift.d !== 1n || shift.n % DAY_SECONDS !== 0n) throw new Undecided(`${what} moved by part of a day`);
    if (e.kind === 'time-of') return variable(localClockVar(fact));
    return addVals(variable(localDayVar(fact)), constant(rat(shift.n / DAY_SECONDS)), 1);
  }

  /**
   * `t between a and b`: from `a` (included) to `b` (excluded), wrapping midnight when `b` is not
   * later than `a`. With constant ends the wrap is known; otherwise both readings, each under its
   * own order of the ends.
   */
  private window(e: Extract<Expr, { kind: 'between' }>): Formula {
    const t = this.numeric(e.subject);
    const a = this.numeric(e.from);
    const b = this.numeric(e.to);
    const cmp = (x: NumVal, op: CompareOp, y: NumVal) => this.compareValues(x, y, op, e);
    const inside = and([cmp(t, '>=', a), cmp(t, '<', b)]);
    const wrapped = or([cmp(t, '>=', a), cmp(t, '<', b)]);
    return or([and([cmp(a, '<', b), inside]), and([cmp(a, '>=', b), wrapped])]);
  }

  /**
   * A literal's value; numbers are built once per type and value (values are immutable), keyed
   * without building a string: this runs for every literal of every condition.
   */
  private literal(value: Value, type: ValueType): Val {
    const isRat = value instanceof Rat;
    if (typeof value !== 'number' && !isRat) return literalValue(value, type);
    let byValue = this.literals.get(type.kind);
    if (byValue === undefined) this.literals.set(type.kind, (byValue = new Map()));
    const key = isRat ? `${value.n}/${value.d}` : value;
    let v = byValue.get(key);
    if (v === undefined) byValue.set(key, (v = literalValue(value, type)));
    return v;
  }

  private numeric(e: Expr): NumVal {
    return this.numericOf(this.value(e));
  }

  private numericOf(v: Val): NumVal {
    if (v.kind === 'num' || v.kind === 'pw') return v;
    if (v.kind === 'band') throw new Undecided('adds calendar months or years, whose length varies');
    throw new Undecided('does arithmetic on a value that is not a number');
  }

  private factValue(id: string, type: ValueType): Val {
    switch (type.kind) {
      case 'bool': return { kind: 'bool', f: this.atoms.member(id, BOOL_DOMAIN, 2n) };
      case 'datetime':
        if (!this.split.has(id)) return variable(id);
        // 86400·D + T − offset: the moment from its local date and clock time.
        return { kind: 'num', lin: { terms: new Map([[dayVar(id), rat(DAY_SECONDS)], [clockVar(id), rat(1n)]]), c: rat(BigInt(-this.era!.offset)) } };
      case 'money': case 'number': case 'date': case 'time': return variable(id);
      case 'enum': case 'text': return { kind: 'sym', fact: id, value: '', type };
      case 'duration': case 'period': throw new Undecided('reads a duration fact');
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

/** What the link of a moment to its local date and clock time hangs on before the zone's era of fixed offset. */
const BEFORE_ERA = "links a moment to its date and clock time before the zone's last change of offset";

/** The `.date` and `.time` expressions of the graph's conditions, and the moments they read when those are facts. */
function datesAndTimesRead(graph: DecisionGraph): Expr[] {
  const roots: Expr[] = [];
  for (const d of Object.values(graph.decisions)) for (const b of d.branches) if (b.condition) roots.push(b.condition);
  for (const o of Object.values(graph.outcomes)) for (const c of o.deadline?.cases ?? []) if (c.condition) roots.push(c.condition);
  for (const l of Object.values(graph.lets)) roots.push(l.expr);
  const out: Expr[] = [];
  const stack = roots;
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'date-of' || x.kind === 'time-of') out.push(x.operand.kind === 'fact' ? { ...x.operand, span: x.span } : x);
    const children = childExprs(x);
    for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  return out;
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
