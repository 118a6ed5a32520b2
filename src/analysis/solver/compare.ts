import type { CompareOp } from '../../graph/graph.js';
import { type AtomTable, type Formula, type NumericDomain, and, not, or } from './formula.js';
import { constantOf, type Lin, type NumVal, Undecided } from './linear.js';
import { add, compare, div, isZero, neg, type Rat, ZERO } from '../../values/rational.js';

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

/**
 * The common shapes `x ⋈ c`, `c ⋈ x` and `x ⋈ y` straight to atoms, without building a linear
 * form; undefined for anything else (which `compareNumbers` handles).
 */
export function compareSimple(l: NumVal, r: NumVal, op: CompareOp, atoms: AtomTable, domainOf: (fact: string) => NumericDomain): Formula | undefined {
  const x = soleFact(l);
  const y = soleFact(r);
  const lc = constantOf(l);
  const rc = constantOf(r);
  if (x !== undefined && rc !== undefined) return differenceIs(x, null, rc, op, atoms, domainOf(x));
  if (lc !== undefined && y !== undefined) return differenceIs(null, y, neg(lc), op, atoms, domainOf(y));
  if (x !== undefined && y !== undefined && domainOf(x) === domainOf(y)) return differenceIs(x, y, ZERO, op, atoms, domainOf(x));
  return undefined;
}

/** `u - v ⋈ c`. */
function differenceIs(u: string | null, v: string | null, c: Rat, op: CompareOp, atoms: AtomTable, domain: NumericDomain): Formula {
  switch (op) {
    case '<=': return atoms.diff(u, v, domain, c, false);
    case '<': return atoms.diff(u, v, domain, c, true);
    case '>=': return atoms.diff(v, u, domain, neg(c), false);
    case '>': return atoms.diff(v, u, domain, neg(c), true);
    case '==': return and([atoms.diff(u, v, domain, c, false), atoms.diff(v, u, domain, neg(c), false)]);
    case '!=': return not(differenceIs(u, v, c, '==', atoms, domain));
  }
}

/** The fact when the value is exactly one fact (coefficient 1, no constant). */
function soleFact(v: NumVal): string | undefined {
  if (v.kind !== 'num') return undefined;
  if (v.sole !== undefined) return v.sole;
  if (v.lin.terms.size !== 1 || !isZero(v.lin.c)) return undefined;
  const [[fact, k]] = v.lin.terms;
  return k.n === 1n && k.d === 1n ? fact : undefined;
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
  if (domainOf(x) !== domainOf(y)) throw new Undecided('compares money with a number');
  if (!isZero(add(kx, ky))) {
    throw new Undecided(sameSign(kx, ky) ? 'adds two facts' : 'compares a multiple of one fact with another');
  }
  // k·(x - y) + c <= 0  ⟺  x - y <= -c/k (k > 0)  or  y - x <= c/k (k < 0).
  const bound = div(neg(lin.c), kx);
  return kx.n > 0n ? atoms.diff(x, y, domainOf(x), bound, strict) : atoms.diff(y, x, domainOf(x), neg(bound), strict);
}

function sameSign(a: Rat, b: Rat): boolean {
  return compare(a, ZERO) === compare(b, ZERO);
}
