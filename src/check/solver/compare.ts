import type { CompareOp } from '../graph.js';
import { type AtomTable, type Formula, type NumericDomain, and, not, or } from './formula.js';
import { type Lin, type NumVal, Undecided } from './linear.js';
import { add, compare, div, isZero, neg, type Rat, ZERO } from './rational.js';

/**
 * Turns `d ⋈ 0` into atoms. min/max expand into and/or (`min(a, b) <= 0` is `a <= 0 or b <= 0`);
 * a linear form must be `k·x + c` or `k·(x - y) + c` to become a difference constraint.
 */
export function compareNumbers(d: NumVal, op: CompareOp, atoms: AtomTable, domainOf: (fact: string) => NumericDomain): Formula {
  if (op === '==') return and([compareNumbers(d, '<=', atoms, domainOf), compareNumbers(d, '>=', atoms, domainOf)]);
  if (op === '!=') return not(compareNumbers(d, '==', atoms, domainOf));
  if (d.kind === 'pw') {
    const below = op === '<' || op === '<=';
    // min is below a bound when any argument is; above it when every argument is. max is the dual.
    const any = (d.fn === 'min') === below;
    const parts = d.args.map((a) => compareNumbers(a, op, atoms, domainOf));
    return any ? or(parts) : and(parts);
  }
  if (op === '>=' || op === '>') return atMost(negate(d.lin), op === '>', atoms, domainOf);
  return atMost(d.lin, op === '<', atoms, domainOf);
}

function negate(lin: Lin): Lin {
  const terms = new Map<string, Rat>();
  for (const [fact, k] of lin.terms) terms.set(fact, neg(k));
  return { terms, c: neg(lin.c) };
}

/** `lin <= 0` (or `< 0`) as a difference constraint `u - v <= bound`. */
function atMost(lin: Lin, strict: boolean, atoms: AtomTable, domainOf: (fact: string) => NumericDomain): Formula {
  const terms = [...lin.terms];
  if (terms.length === 0) return atoms.diff(null, null, 'rat', neg(lin.c), strict);
  if (terms.length === 1) {
    const [[x, k]] = terms;
    // k·x + c <= 0  ⟺  x <= -c/k (k > 0)  or  -x <= c/k (k < 0).
    const bound = div(neg(lin.c), k);
    return k.n > 0n ? atoms.diff(x, null, domainOf(x), bound, strict) : atoms.diff(null, x, domainOf(x), neg(bound), strict);
  }
  if (terms.length > 2) throw new Undecided('compares more than two facts');
  const [[x, kx], [y, ky]] = terms;
  if (!isZero(add(kx, ky))) {
    throw new Undecided(sameSign(kx, ky) ? 'adds two facts' : 'weighs two facts differently');
  }
  if (domainOf(x) !== domainOf(y)) throw new Undecided('compares money with a number');
  // k·(x - y) + c <= 0  ⟺  x - y <= -c/k (k > 0)  or  y - x <= c/k (k < 0).
  const bound = div(neg(lin.c), kx);
  return kx.n > 0n ? atoms.diff(x, y, domainOf(x), bound, strict) : atoms.diff(y, x, domainOf(x), neg(bound), strict);
}

function sameSign(a: Rat, b: Rat): boolean {
  return compare(a, ZERO) === compare(b, ZERO);
}
