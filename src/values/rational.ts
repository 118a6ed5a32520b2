/**
 * Exact rational numbers: the run-time value of every `number` (facts, literals, computed
 * values) and the analysis's constants. The checker and both evaluators compute with these, so
 * `ratio - 1.5 >= 0.2` means the same everywhere and `0.1 + 0.2 == 0.3` holds. The solver's
 * inner loop works on scaled integers instead.
 */
export class Rat {
  constructor(
    /** Numerator; the sign lives here. */
    readonly n: bigint,
    /** Denominator, always positive; the fraction is in lowest terms. */
    readonly d: bigint,
  ) {}

  /** JSON has no exact rationals: a graph or result written as JSON shows the exact text (`0.1`, `1/3`). */
  toJSON(): string {
    return exactText(this);
  }
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
  return g > 1n ? new Rat(n / g, d / g) : new Rat(n, d);
}

export const ZERO: Rat = rat(0n);
export const ONE: Rat = rat(1n);

/** The exact value of a JS number as written in decimal (`0.1` is 1/10, not the nearest double). */
export function ratFromNumber(x: number): Rat {
  if (!Number.isFinite(x)) throw new Error(`internal error: non-finite constant ${x}, please report`);
  if (Number.isSafeInteger(x)) return rat(BigInt(x));
  const r = ratFromDecimal(String(x));
  if (r === undefined) throw new Error(`internal error: cannot read the number ${x}, please report`);
  return r;
}

/** Decimal text: optional sign, digits with an optional fraction, an optional exponent. */
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Exponents beyond this are refused: 10^10000 already has more digits than any range allows. */
const MAX_EXPONENT = 10_000;

/**
 * The exact value of decimal text (`1.7`, `-0.25`, `1e3`, `499.999999999999999999`), digit for
 * digit; undefined when it is not decimal text or its exponent is absurd.
 */
export function ratFromDecimal(text: string): Rat | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;
  const digits = BigInt((m[2] || '0') + fraction) * (m[1] === '-' ? -1n : 1n);
  return exponent >= 0 ? rat(digits * 10n ** BigInt(exponent)) : rat(digits, 10n ** BigInt(-exponent));
}

/** The nearest JS number (exact whenever the value is a double, such as 1/4 or 3). */
export function toNumber(a: Rat): number {
  if (a.d === 1n) return Number(a.n);
  return Number(toDecimal(a, 20));
}

/** Whether a value is an exact rational (a `number` at run time). */
export function isRat(v: unknown): v is Rat {
  return v instanceof Rat;
}

export function add(a: Rat, b: Rat): Rat {
  return a.d === b.d ? rat(a.n + b.n, a.d) : rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rat, b: Rat): Rat {
  return add(a, neg(b));
}

export function neg(a: Rat): Rat {
  return new Rat(-a.n, a.d);
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

/** The absolute value. */
export function abs(a: Rat): Rat {
  return a.n < 0n ? neg(a) : a;
}

/** Whether the value is a finite decimal (its denominator has only the factors 2 and 5). */
export function isDecimal(a: Rat): boolean {
  let d = a.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** Exact text of any rational: its decimal when finite (`1.7`), else the fraction (`1/3`). */
export function exactText(a: Rat): string {
  return isDecimal(a) ? toDecimal(a) : `${a.n}/${a.d}`;
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
