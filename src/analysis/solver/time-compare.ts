import type { CompareOp } from '../../graph/graph.js';
import { type AtomTable, type Formula, and, not, or } from './formula.js';
import { type Lin, type NumVal, Undecided } from './linear.js';
import { ceil, div, floor, isZero, neg, rat, type Rat } from '../../values/rational.js';
import { clockVar, dayVar } from './time-domain.js';

/**
 * Comparisons of split moments (time-domain.ts): a moment is `86400·x#D + x#T − offset`, so
 * `x − y <= c` is not a difference constraint, but with `q = ⌊c / 86400⌋` and `r = c − 86400·q`
 * (0 <= r < 86400), and clock times between 0 and 86399, it holds exactly when
 *
 *   x#D − y#D <= q − 1,  or  x#D − y#D <= q and x#T − y#T <= r,  or  x#D − y#D <= q + 1 and x#T − y#T <= r − 86400,
 *
 * each alternative a conjunction of difference constraints: exact, no guess. One moment against a
 * constant is the same with y's terms left out.
 */

const DAY = 86_400n;

/** A linear form over split moments: each moment's coefficient, the other terms, the constant. */
interface Grouped {
  readonly moments: Map<string, Rat>;
  readonly rest: Map<string, Rat>;
  readonly c: Rat;
}

/** Finds the split moments in a linear form: a fact whose `#D` and `#T` terms stand in the ratio 86400 : 1. */
function group(lin: Lin, split: ReadonlySet<string>): Grouped {
  const moments = new Map<string, Rat>();
  const rest = new Map(lin.terms);
  for (const fact of split) {
    const kt = lin.terms.get(clockVar(fact));
    const kd = lin.terms.get(dayVar(fact));
    if (kt === undefined || kd === undefined) continue;
    const ratio = div(kd, kt);
    if (ratio.n !== DAY || ratio.d !== 1n) continue;
    moments.set(fact, kt);
    rest.delete(clockVar(fact));
    rest.delete(dayVar(fact));
  }
  return { moments, rest, c: lin.c };
}

/** Whether a linear form reads a split moment as a whole moment (not its date or clock time). */
export function readsSplitMoment(v: NumVal, split: ReadonlySet<string>): boolean {
  if (v.kind === 'pw') return v.args.some((a) => readsSplitMoment(a, split));
  return group(v.lin, split).moments.size > 0;
}

/** `d ⋈ 0` for a linear form that reads split moments; throws Undecided outside the decided shapes. */
export function compareMoments(d: NumVal, op: CompareOp, atoms: AtomTable, split: ReadonlySet<string>): Formula {
  if (op === '==') return and([compareMoments(d, '<=', atoms, split), compareMoments(d, '>=', atoms, split)]);
  if (op === '!=') return not(compareMoments(d, '==', atoms, split));
  if (d.kind === 'pw') {
    const below = op === '<' || op === '<=';
    const any = (d.fn === 'min') === below;
    const parts = d.args.map((a) => compareMoments(a, op, atoms, split));
    return any ? or(parts) : and(parts);
  }
  const g = group(d.lin, split);
  if (g.rest.size > 0) throw new Undecided('compares a moment with a value that is not a moment');
  if (op === '>=' || op === '>') return atMost(negate(g), op === '>', atoms);
  return atMost(g, op === '<', atoms);
}

function negate(g: Grouped): Grouped {
  const moments = new Map<string, Rat>();
  for (const [f, k] of g.moments) moments.set(f, neg(k));
  return { moments, rest: g.rest, c: neg(g.c) };
}

/** `Σ k·x + c <= 0` (`< 0` when strict) over one moment, or two with opposite coefficients. */
function atMost(g: Grouped, strict: boolean, atoms: AtomTable): Formula {
  const terms = [...g.moments];
  let u: string | null;
  let v: string | null;
  let k: Rat;
  if (terms.length === 1) {
    [[u, k]] = terms;
    v = null;
  } else if (terms.length === 2 && isZero(mulAdd(terms[0][1], terms[1][1]))) {
    [[u, k], [v]] = terms;
  } else {
    throw new Undecided(terms.length > 2 ? 'compares more than two moments' : 'adds two moments');
  }
  // k·(u − v) + c <= 0: divide by k, swapping the sides when k is negative.
  if (k.n < 0n) {
    [u, v] = [v, u];
    k = neg(k);
  }
  const bound = div(neg(g.c), k);
  // Moments are whole seconds: u − v <= b, or < b, is u − v <= c for a whole c.
  const c = strict ? ceil(bound) - 1n : floor(bound);
  return splitAtMost(u, v, c, atoms);
}

function mulAdd(a: Rat, b: Rat): Rat {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** Whether split moment `x` is at or after `start` (its era of fixed offset, read with that offset). */
export function atOrAfter(x: string, start: number, offset: number, atoms: AtomTable): Formula {
  return not(splitAtMost(x, null, BigInt(start + offset - 1), atoms));
}

/** `u − v <= c` of two split moments (either may be null, the moment 0) as date and clock-time constraints. */
function splitAtMost(u: string | null, v: string | null, c: bigint, atoms: AtomTable): Formula {
  return daysAndSeconds(u && dayVar(u), v && dayVar(v), u && clockVar(u), v && clockVar(v), c, atoms);
}

/** `(86400·du + tu) − (86400·dv + tv) <= c` with tu, tv between 0 and 86399 (null sides are 0). */
export function daysAndSeconds(du: string | null, dv: string | null, tu: string | null, tv: string | null, c: bigint, atoms: AtomTable): Formula {
  const q = c >= 0n ? c / DAY : -((-c + DAY - 1n) / DAY);
  const r = c - q * DAY;
  const days = (b: bigint) => atoms.diff(du, dv, 'int', rat(b), false);
  const clock = (b: bigint) => atoms.diff(tu, tv, 'int', rat(b), false);
  return or([days(q - 1n), and([days(q), clock(r)]), and([days(q + 1n), clock(r - DAY)])]);
}
