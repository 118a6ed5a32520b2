import { add, compare, isInteger, isZero, mul, neg, rat, type Rat, ZERO } from '../../values/rational.js';

/**
 * Numeric values as the translator sees them: a linear form over facts, or min/max of such forms
 * (kept symbolic so a comparison can be expanded into and/or). Anything else is not decided.
 */

/** Σ coefficient·fact + constant. */
export interface Lin {
  readonly terms: ReadonlyMap<string, Rat>;
  readonly c: Rat;
}

export type NumVal =
  /** `sole` is set when the value is exactly one fact (the common case, checked without looking inside). */
  | { readonly kind: 'num'; readonly lin: Lin; readonly sole?: string }
  | { readonly kind: 'pw'; readonly fn: 'min' | 'max'; readonly args: readonly NumVal[] };

/** Thrown (and caught at the enclosing comparison) when a value leaves the decided fragment. */
export class Undecided extends Error {
  /** Completes "it …", e.g. `multiplies two facts`. */
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** More min/max alternatives than this after distributing sums is not worth expanding. */
const MAX_PIECES = 64;

export function constant(c: Rat): NumVal {
  return { kind: 'num', lin: { terms: new Map(), c } };
}

export function variable(fact: string): NumVal {
  return { kind: 'num', lin: { terms: new Map([[fact, rat(1n)]]), c: ZERO }, sole: fact };
}

/** The constant value, or undefined when the value depends on a fact. */
export function constantOf(v: NumVal): Rat | undefined {
  return v.kind === 'num' && v.lin.terms.size === 0 ? v.lin.c : undefined;
}

/** a + sign·b, distributing over min/max: `min(a, b) + c` is `min(a + c, b + c)`. */
export function addVals(a: NumVal, b: NumVal, sign: 1 | -1): NumVal {
  if (a.kind === 'pw') return pieces(a.fn, a.args.map((x) => addVals(x, b, sign)));
  if (b.kind === 'pw') {
    const nb = sign === 1 ? b : scaleVal(b, rat(-1n));
    if (nb.kind === 'num') return addVals(a, nb, 1);
    return pieces(nb.fn, nb.args.map((x) => addVals(a, x, 1)));
  }
  const terms = new Map(a.lin.terms);
  for (const [fact, k] of b.lin.terms) {
    const sum = add(terms.get(fact) ?? ZERO, sign === 1 ? k : neg(k));
    if (isZero(sum)) terms.delete(fact);
    else terms.set(fact, sum);
  }
  return { kind: 'num', lin: { terms, c: add(a.lin.c, sign === 1 ? b.lin.c : neg(b.lin.c)) } };
}

/** k·v; a negative factor turns min into max. */
export function scaleVal(v: NumVal, k: Rat): NumVal {
  if (v.kind === 'pw') {
    const fn = k.n < 0n ? (v.fn === 'min' ? 'max' : 'min') : v.fn;
    return pieces(fn, v.args.map((x) => scaleVal(x, k)));
  }
  if (isZero(k)) return constant(ZERO);
  const terms = new Map<string, Rat>();
  for (const [fact, c] of v.lin.terms) terms.set(fact, mul(c, k));
  return { kind: 'num', lin: { terms, c: mul(v.lin.c, k) } };
}

/** min/max of values: nested calls of the same function flatten, constants fold. */
export function pieces(fn: 'min' | 'max', args: readonly NumVal[]): NumVal {
  const flat: NumVal[] = [];
  for (const a of args) {
    if (a.kind === 'pw' && a.fn === fn) flat.push(...a.args);
    else flat.push(a);
  }
  let best: Rat | undefined;
  const rest: NumVal[] = [];
  for (const a of flat) {
    const c = constantOf(a);
    if (c === undefined) rest.push(a);
    else if (best === undefined || (fn === 'min' ? compare(c, best) < 0 : compare(c, best) > 0)) best = c;
  }
  if (best !== undefined) rest.push(constant(best));
  if (rest.length === 1) return rest[0];
  if (rest.length > MAX_PIECES) throw new Undecided('has too many min/max combinations');
  return { kind: 'pw', fn, args: rest };
}

/** True when every coefficient and constant is a whole number of fen on money facts only. */
export function isWholeFen(v: NumVal, isMoneyFact: (fact: string) => boolean): boolean {
  if (v.kind === 'pw') return v.args.every((a) => isWholeFen(a, isMoneyFact));
  if (!isInteger(v.lin.c)) return false;
  for (const [fact, k] of v.lin.terms) if (!isInteger(k) || !isMoneyFact(fact)) return false;
  return true;
}
