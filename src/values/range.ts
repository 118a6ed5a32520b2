import { compare, rat, type Rat } from './rational.js';

/**
 * The one range of every amount the language handles. A money amount lies within
 * ±9,999,999,999,999.99 yuan (±999,999,999,999,999 fen) and a number within
 * ±999,999,999,999,999: policy literals, case values, witnesses and every value computed while
 * evaluating, intermediate results included. Outside it a literal is `syntax/bad-number`, a case
 * value is refused (`case/schema`), a computation is `eval/out-of-range`, and the solver never
 * looks there. Within it money is exact in a double (sums of two amounts stay below 2^53 fen)
 * and numbers are exact rationals, so nothing is ever rounded except money × and ÷ a number,
 * which round half away from zero to the fen by definition.
 */

/** The largest amount of money, in fen: 9,999,999,999,999.99 yuan. */
export const MAX_FEN = 999_999_999_999_999;

/** The largest amount of money in yuan, as text for messages and the case schema. */
export const MAX_YUAN_TEXT = '9999999999999.99';

/** The largest magnitude of a number. */
export const MAX_NUMBER = 999_999_999_999_999;

const MAX_NUMBER_RAT = rat(BigInt(MAX_NUMBER));

/** Whether fen lie within the money range (false for NaN, ±Infinity and fractions too). */
export function fenInRange(fen: number): boolean {
  return Number.isInteger(fen) && fen <= MAX_FEN && fen >= -MAX_FEN;
}

/** Whether an exact number lies within the number range. */
export function numberInRange(x: Rat): boolean {
  // The magnitude test on the numerator spares most values the multiplication.
  const n = x.n < 0n ? -x.n : x.n;
  if (n <= MAX_NUMBER_RAT.n) return true;
  return compare(rat(n, x.d), MAX_NUMBER_RAT) <= 0;
}
