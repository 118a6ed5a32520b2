import type { ArithOp, CompareOp, Duration, Value, ValueType } from '../graph/graph.js';
import { addDurations, compareDurations, isCalendarUnit, secondsOf } from '../values/duration.js';
import { decimalText, divideMoney, formatMoney, multiplyMoney, parseMoney } from '../values/money.js';
import { fenInRange, MAX_FEN, numberInRange } from '../values/range.js';
import * as Q from '../values/rational.js';
import { Rat } from '../values/rational.js';
import { clockText, isoDateOfDay } from '../values/calendar.js';
import { isoMoment } from '../values/zone.js';

/**
 * Run-time operations on values, by type. Money is integer fen and numbers are exact rationals
 * (src/values), so nothing is rounded except money × and ÷ a number (to the fen, half away from
 * zero), exactly as the checker reasons. Every result is held to the range of src/values/range.ts.
 * Durations compare and add in minutes. The interpreter and the compiled evaluator share these
 * functions, so they agree to the fen.
 */

/** A duration's length in minutes (fixed units only). */
export function minutesOf(d: Duration): number {
  return secondsOf(d) / 60;
}

/** The result of an operation: a value, division by zero, or a value outside the range (the caller reports either). */
export type OpResult = { readonly value: Value } | { readonly divisionByZero: true } | { readonly outOfRange: true };

const OUT_OF_RANGE: OpResult = { outOfRange: true };

/** Money as an operation result: within the range, or out of range. */
function money(fen: number): OpResult {
  return fen <= MAX_FEN && fen >= -MAX_FEN ? { value: fen === 0 ? 0 : fen } : OUT_OF_RANGE;
}

/** A number as an operation result: within the range, or out of range. */
function number(x: Rat): OpResult {
  return numberInRange(x) ? { value: x } : OUT_OF_RANGE;
}

/** A run-time number as an exact rational (a stray JS number, as from a hand-built graph, is read as decimal). */
export function ratOf(v: Value): Rat {
  if (v instanceof Rat) return v;
  if (typeof v === 'number') return Q.ratFromNumber(v);
  throw new Error(`internal error: ${typeof v} is not a number`);
}

/**
 * `left op right` for operands of the given types; `type` is the result type the checker gave.
 * money × number and money ÷ number round half away from zero to the fen; money ÷ money is an
 * exact number.
 */
export function arith(op: ArithOp, left: Value, leftType: ValueType, right: Value, rightType: ValueType, type: ValueType): OpResult {
  const l = leftType.kind;
  const r = rightType.kind;
  if (op === '/' && isZero(right)) return { divisionByZero: true };
  if (l === 'duration' || r === 'duration' || l === 'period' || r === 'period') return { value: durationArith(op, left, right) };
  if (l === 'money' && r === 'money') {
    const a = left as number;
    const b = right as number;
    if (op === '+') return money(a + b);
    if (op === '-') return money(a - b);
    if (op === '/') return number(Q.rat(BigInt(a), BigInt(b)));
    throw new Error('internal error: cannot multiply money by money');
  }
  if (l === 'money') return money(op === '*' ? multiplyMoney(left as number, ratOf(right)) : (divideMoney(left as number, ratOf(right)) as number));
  if (r === 'money' && op === '*') return money(multiplyMoney(right as number, ratOf(left)));
  if (type.kind !== 'number') throw new Error(`internal error: cannot apply \`${op}\` to ${l} and ${r}`);
  const a = ratOf(left);
  const b = ratOf(right);
  switch (op) {
    case '+':
      return number(Q.add(a, b));
    case '-':
      return number(Q.sub(a, b));
    case '*':
      return number(Q.mul(a, b));
    case '/':
      return number(Q.div(a, b));
  }
}

/** Whether a divisor is zero (a number, fen, or a duration of no time). */
export function isZero(v: Value): boolean {
  if (v instanceof Rat) return v.n === 0n;
  return typeof v === 'number' ? v === 0 : typeof v === 'object' && (isCalendarUnit(v.unit) ? v.amount === 0 : secondsOf(v) === 0);
}

/** Duration arithmetic: ± keeps the finer unit, × and ÷ by a number keep the unit, duration ÷ duration is a ratio. */
function durationArith(op: ArithOp, left: Value, right: Value): Value {
  const isDuration = (v: Value): v is Duration => typeof v === 'object' && !(v instanceof Rat);
  if (isDuration(left) && isDuration(right)) {
    if (op === '/') return Q.rat(BigInt(secondsOf(left)), BigInt(secondsOf(right)));
    return addDurations(left, right, op === '+' ? 1 : -1);
  }
  const d = (isDuration(left) ? left : right) as Duration;
  const n = Q.toNumber(ratOf(isDuration(left) ? right : left));
  if (op === '*') return { amount: d.amount * n, unit: d.unit };
  if (op === '/') return { amount: d.amount / n, unit: d.unit };
  throw new Error(`internal error: cannot use \`${op}\` on a duration and a number`);
}

/** Orders two values of the same type: negative, zero or positive. Durations compare by length, numbers exactly. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof Rat || b instanceof Rat) return Q.compare(ratOf(a), ratOf(b));
  if (typeof a === 'object' && typeof b === 'object') return compareDurations(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new Error(`internal error: cannot compare ${typeof a} with ${typeof b}`);
}

/** `a op b`. */
export function compare(op: CompareOp, a: Value, b: Value): boolean {
  const c = compareValues(a, b);
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** The negation of a money, number or duration value (the range is symmetric, so it stays within it). */
export function negate(v: Value): Value {
  if (typeof v === 'number') return v === 0 ? 0 : -v;
  if (v instanceof Rat) return Q.neg(v);
  if (typeof v === 'object') return { amount: -v.amount, unit: v.unit };
  throw new Error(`internal error: cannot negate ${typeof v}`);
}

/** Why a user's amount of money was refused. */
export type MoneyInputError = 'not-a-number' | 'too-many-decimals' | 'too-large' | 'negative';

/** Amounts of this many yuan or more are beyond the money range (range.ts). */
const MAX_YUAN = 1e13;

/**
 * Reads an amount of money as a user wrote it: a number (its shortest decimal text is used, so
 * 0.29 is 29 fen) or a decimal string such as "12.50". At most two decimals; negative only when
 * `signed`; within the money range. Never rounds: `499.999` is refused, not read as 500.
 */
export function moneyFromInput(raw: number | string, signed: boolean): { fen: number } | { error: MoneyInputError } {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { error: 'not-a-number' };
    if (Math.abs(raw) >= MAX_YUAN) return { error: 'too-large' };
    text = decimalText(raw);
  } else {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) return { error: 'not-a-number' };
    text = raw;
  }
  const parsed = parseMoney(text);
  if ('error' in parsed) return parsed;
  if (parsed.fen < 0 && !signed) return { error: 'negative' };
  return parsed;
}

/** Why a user's number was refused. */
export type NumberInputError = 'not-a-number' | 'too-large';

/**
 * Reads a number as a user gave it: a finite JS number, read as its shortest decimal text
 * (0.1 is exactly 1/10), within the number range.
 */
export function numberFromInput(raw: number): { value: Rat } | { error: NumberInputError } {
  if (!Number.isFinite(raw)) return { error: 'not-a-number' };
  const value = Q.ratFromNumber(raw);
  return numberInRange(value) ? { value } : { error: 'too-large' };
}

/** A number written in a case that does not mean exactly the double it was parsed into; the case reader refuses it. */
export class InexactNumber {
  constructor(readonly text: string) {}
}

/**
 * What a case reader may use for a number it parsed from `source` (YAML, JSON or argument
 * text): the number itself when the text means exactly that double, else an InexactNumber, so
 * that it is refused with the text quoted rather than silently rounded (`499.999999999999999999`
 * is not 500) or read in another base (`0x10`, `0o17`). Non-finite numbers stay numbers (refused as such).
 */
export function numberOrSource(value: number, source: string): number | InexactNumber {
  if (!Number.isFinite(value)) return value;
  const written = Q.ratFromDecimal(source.trim());
  if (written === undefined) return new InexactNumber(source);
  return Q.compare(written, Q.ratFromNumber(value)) === 0 ? value : new InexactNumber(source);
}

/**
 * The fen of an amount of money that is plainly valid, or NaN: the case reader's fast path for
 * valid cases, which allocates nothing. Plainly valid is what both `moneyFromInput` and the case
 * schema accept: a number within range whose shortest decimal text has at most two decimals, or a
 * string matching the schema's pattern (`12`, `12.5`, `12.50`; `-` only when `signed`) within
 * range. Whenever the result is not NaN it is exactly `moneyFromInput`'s fen; anything else (an
 * error, or an odd case such as "-0" for unsigned money) is NaN, and the caller takes the slow
 * path that explains it. test/eval/values.test.ts checks both against each other.
 */
export function plainFen(raw: unknown, signed: boolean): number {
  if (typeof raw === 'number') {
    // Also refuses NaN and ±Infinity.
    if (!(raw < MAX_YUAN && raw > -MAX_YUAN) || (raw < 0 && !signed)) return Number.NaN;
    // Below 1e13 a double is within 2^-10 of the decimal it was read from, so 100 × it (rounded
    // too) is within 0.2 of that decimal's fen and Math.round finds it; fen ÷ 100 gives the number back
    // exactly when, and only when, its shortest decimal text has at most two decimals
    // (0.29 → 29; 0.001 and 1.005 → NaN). `+ 0` turns -0 into 0, as moneyFromInput reads it.
    const fen = Math.round(raw * 100);
    return fen / 100 === raw ? fen + 0 : Number.NaN;
  }
  if (typeof raw !== 'string') return Number.NaN;
  const n = raw.length;
  let i = 0;
  if (n > 0 && raw.charCodeAt(0) === 45 /* - */) {
    if (!signed) return Number.NaN;
    i = 1;
  }
  const start = i;
  let whole = 0;
  for (; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  // `whole` stays exact below 1e13 (and only grows beyond it).
  if (i === start || whole >= MAX_YUAN) return Number.NaN;
  let cents = 0;
  if (i < n) {
    // `.` and one or two digits, then the end.
    if (raw.charCodeAt(i) !== 46 /* . */ || n - i < 2 || n - i > 3) return Number.NaN;
    const d1 = raw.charCodeAt(i + 1) - 48;
    if (d1 < 0 || d1 > 9) return Number.NaN;
    cents = d1 * 10;
    if (n - i === 3) {
      const d2 = raw.charCodeAt(i + 2) - 48;
      if (d2 < 0 || d2 > 9) return Number.NaN;
      cents += d2;
    }
  }
  const fen = whole * 100 + cents;
  return start === 1 ? 0 - fen : fen;
}

/**
 * A value as JSON output shows it: money as an exact decimal string ("12.50"), durations as objects,
 * dates, clock times and moments in their input form (`2026-12-01`, `09:00`, ISO 8601 with the
 * offset of `zone`), so any value printed can be pasted back into a case; a number as a JSON number
 * when that number is exactly it (1.7, 0.25), else as its exact text ("1/3").
 */
export function valueToJson(value: Value, type: ValueType, zone: string | null = null): string | number | boolean | Duration {
  if (type.kind === 'money' && typeof value === 'number') return formatMoney(value);
  if (value instanceof Rat) return numberToJson(value);
  if (typeof value === 'number') {
    if (type.kind === 'date') return isoDateOfDay(value);
    if (type.kind === 'time') return clockText(value);
    if (type.kind === 'datetime') return isoMoment(value, zone ?? 'UTC');
  }
  if (typeof value === 'object') return { amount: value.amount, unit: value.unit };
  return value;
}

/**
 * Reads an expected value as a test file writes it (money in CNY, like a case) into a run-time
 * value; undefined when it cannot be that type.
 */
export function valueFromInput(raw: unknown, type: ValueType): Value | undefined {
  switch (type.kind) {
    case 'money': {
      if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
      const m = moneyFromInput(raw, true);
      return 'fen' in m ? m.fen : undefined;
    }
    case 'number': {
      if (typeof raw !== 'number') return undefined;
      const n = numberFromInput(raw);
      return 'value' in n ? n.value : undefined;
    }
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'text':
    case 'enum':
      return typeof raw === 'string' ? raw : undefined;
    case 'duration':
      return undefined;
  }
}

/** A number as JSON: a JSON number when it reads back as exactly this value, else its exact text. */
export function numberToJson(x: Rat): number | string {
  const text = Q.exactText(x);
  if (!text.includes('/')) {
    const n = Number(text);
    if (Q.compare(Q.ratFromNumber(n), x) === 0) return n;
  }
  return text;
}

/** Deep equality of two run-time values (numbers exactly, durations by amount and unit). */
export function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Rat || b instanceof Rat) return (a instanceof Rat || typeof a === 'number') && (b instanceof Rat || typeof b === 'number') && Q.compare(ratOf(a), ratOf(b)) === 0;
  if (typeof a === 'object' && typeof b === 'object') return a.amount === b.amount && a.unit === b.unit;
  return a === b;
}

export { formatMoney };
