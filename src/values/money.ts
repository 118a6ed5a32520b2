/**
 * Exact money. Amounts are integer fen (分); user-facing amounts are decimal yuan with at most two
 * decimals. Results that fall between fen round half away from zero (四舍五入), done in integers so
 * no binary fraction ever touches an amount.
 */

import { fenInRange } from './range.js';
import { type Rat, ratFromNumber } from './rational.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Why a decimal text is not an amount of money. */
export type MoneyError = 'not-a-number' | 'too-many-decimals' | 'too-large';

/** Parses decimal yuan text ("12", "12.5", "-0.29") into fen; beyond the money range (range.ts) is `too-large`. */
export function parseMoney(text: string): { fen: number } | { error: MoneyError } {
  const m = DECIMAL.exec(text.trim());
  if (!m) return { error: 'not-a-number' };
  const [, sign, whole, frac = ''] = m;
  if (frac.length > 2) return { error: 'too-many-decimals' };
  // Leading zeros aside, more than 13 digits of yuan is beyond the range whatever they are.
  if (whole.replace(/^0+(?=\d)/, '').length > 13) return { error: 'too-large' };
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!fenInRange(fen)) return { error: 'too-large' };
  return { fen: sign && fen !== 0 ? -fen : fen };
}

/** The shortest decimal text of a finite JS number, without exponent ("1e-7" → "0.0000001"). */
export function decimalText(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp); // where the decimal point falls within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Formats fen as decimal yuan with two decimals: 1250 → "12.50", -5 → "-0.05". */
export function formatMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** numerator / denominator rounded half away from zero, in exact integer arithmetic. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** fen × an exact factor, rounded half away from zero to the fen (may lie outside the range: the caller checks). */
export function multiplyMoney(fen: number, by: Rat | number): number {
  const factor = typeof by === 'number' ? ratFromNumber(by) : by;
  return Number(roundedQuotient(BigInt(fen) * factor.n, factor.d));
}

/** fen ÷ an exact divisor, rounded to the fen; undefined when the divisor is zero. */
export function divideMoney(fen: number, by: Rat | number): number | undefined {
  const divisor = typeof by === 'number' ? ratFromNumber(by) : by;
  if (divisor.n === 0n) return undefined;
  return Number(roundedQuotient(BigInt(fen) * divisor.d, divisor.n));
}
