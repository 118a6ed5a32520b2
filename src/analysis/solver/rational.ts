/**
 * Exact rational numbers for the analysis: constants are folded without floating-point error,
 * so `0.1 + 0.2 == 0.3` and `x > 1 / 3` are decided exactly. Used while translating conditions
 * and when writing witnesses, never in the solver's inner loop (which works on scaled integers).
 */
export interface Rat {
  /** Numerator; the sign lives here. */
  readonly n: bigint;
  /** Denominator, always positive; the fraction is in lowest terms. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of two positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The fraction n/d in lowest terms (d must not be zero). */
export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new Error('internal error: rational with zero denominator, please report');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rat = rat(0n);
export const ONE: Rat = rat(1n);

/** The exact value of a JS number as written in decimal (`0.1` is 1/10, not the nearest double). */
export function ratFromNumber(x: number): Rat {
  if (!Number.isFinite(x)) throw new Error(`internal error: non-finite constant ${x}, please report`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`internal error: cannot read the number ${x}, please report`);
  const digits = BigInt(m[2] + (m[3] ?? ''));
  const exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  const sign = m[1] === '-' ? -1n : 1n;
  return exponent >= 0 ? rat(sign * digits * 10n ** BigInt(exponent)) : rat(sign * digits, 10n ** BigInt(-exponent));
}

export function add(a: Rat, b: Rat): Rat {
  return a.d === b.d ? rat(a.n + b.n, a.d) : rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rat, b: Rat): Rat {
  return add(a, neg(b));
}

export function neg(a: Rat): Rat {
  return { n: -a.n, d: a.d };
}

export function mul(a: Rat, b: Rat): Rat {
  return rat(a.n * b.n, a.d * b.d);
}

/** a ÷ b; b must not be zero. */
export function div(a: Rat, b: Rat): Rat {
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a < b, a == b, a > b. */
export function compare(a: Rat, b: Rat): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Rat): boolean {
  return a.n === 0n;
}

export function isInteger(a: Rat): boolean {
  return a.d === 1n;
}

export function floor(a: Rat): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ceil(a: Rat): bigint {
  return -floor(neg(a));
}

/** Rounds half away from zero (四舍五入), as money arithmetic does. */
export function roundHalfAway(a: Rat): bigint {
  const abs = a.n < 0n ? neg(a) : a;
  const r = floor(add(abs, rat(1n, 2n)));
  return a.n < 0n ? -r : r;
}

/**
 * The value as a decimal string: exact when the denominator has only the factors 2 and 5,
 * otherwise rounded to `digits` places. Trailing zeros are dropped (`30.10` → `30.1`).
 */
export function toDecimal(a: Rat, digits = 6): string {
  let scale = 0;
  let d = a.d;
  while (d % 2n === 0n || d % 5n === 0n) {
    d = d % 2n === 0n ? d / 2n : d / 5n;
    scale++;
  }
  const places = d === 1n ? scale : digits;
  const factor = 10n ** BigInt(places);
  const scaled = roundHalfAway(mul(a, rat(factor)));
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places);
  const fraction = text.slice(text.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
