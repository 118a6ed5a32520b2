import { conjuncts, type Formula } from './formula.js';
import { compare, neg, type Rat } from '../../values/rational.js';

/**
 * A quick over-approximation of a condition by its top-level conjuncts: the members an enum or
 * bool fact may take, and the bounds of a money or number fact. Two conditions whose boxes do
 * not meet cannot both hold, so the overlap check of a large `unique` decision (whose branches
 * usually split one fact into ranges or member sets) skips most pairs without solving them.
 */
export type Box = ReadonlyMap<string, Side>;

interface Bound {
  readonly value: Rat;
  readonly strict: boolean;
}

interface Side {
  mask?: bigint;
  lo?: Bound;
  hi?: Bound;
}

/** The box of a condition. */
export function boxOf(f: Formula): Box {
  const out = new Map<string, Side>();
  const side = (fact: string) => out.get(fact) ?? out.set(fact, {}).get(fact)!;
  for (const c of conjuncts(f)) {
    if (c.kind !== 'lit') continue;
    const a = c.atom;
    if (a.kind === 'member') {
      const s = side(a.fact);
      s.mask = (s.mask ?? a.mask) & a.mask;
    } else if (a.kind === 'diff' && a.v === null && a.u !== null) {
      // u <= c: an upper bound.
      const s = side(a.u);
      s.hi = tighter(s.hi, { value: a.bound, strict: a.strict }, -1);
    } else if (a.kind === 'diff' && a.u === null && a.v !== null) {
      // -v <= c: v >= -c, a lower bound.
      const s = side(a.v);
      s.lo = tighter(s.lo, { value: neg(a.bound), strict: a.strict }, 1);
    }
  }
  return out;
}

/** True when no case can lie in both boxes. */
export function boxesDisjoint(a: Box, b: Box): boolean {
  for (const [fact, x] of a) {
    const y = b.get(fact);
    if (!y) continue;
    if (x.mask !== undefined && y.mask !== undefined && (x.mask & y.mask) === 0n) return true;
    if (empty(x.lo, y.hi) || empty(y.lo, x.hi)) return true;
  }
  return false;
}

/** The tighter of two bounds: `dir` 1 keeps the larger (lower bounds), -1 the smaller (upper). */
function tighter(old: Bound | undefined, next: Bound, dir: 1 | -1): Bound {
  if (!old) return next;
  const c = compare(next.value, old.value) * dir;
  return c > 0 || (c === 0 && next.strict) ? next : old;
}

/** Whether `lo <= x <= hi` (with strictness) has no solution. */
function empty(lo: Bound | undefined, hi: Bound | undefined): boolean {
  if (!lo || !hi) return false;
  const c = compare(lo.value, hi.value);
  return c > 0 || (c === 0 && (lo.strict || hi.strict));
}
