import type { ArithOp, CompareOp, Duration, Value, ValueType } from '../graph/graph.js';
import { addDurations, compareDurations, isCalendarUnit, secondsOf } from '../values/duration.js';
import { decimalText, divideMoney, formatMoney, multiplyMoney, parseMoney } from '../values/money.js';
import { clockText, isoDateOfDay } from '../values/calendar.js';
import { isoMoment } from '../values/zone.js';

/**
 * Run-time operations on values, by type. Money is integer fen throughout and its arithmetic is
 * exact (src/money); numbers are JS doubles; durations compare and add in minutes. The evaluator
 * and any compiled evaluator share these functions, so they agree to the fen.
 */

/** A duration's length in minutes (fixed units only). */
export function minutesOf(d: Duration): number {
  return secondsOf(d) / 60;
}

/** The result of an operation: a value, or division by zero (the caller reports it). */
export type OpResult = { readonly value: Value } | { readonly divisionByZero: true };

/**
 * `left op right` for operands of the given types; `type` is the result type the checker gave.
 * money × number and money ÷ number round half away from zero to the fen.
 */
export function arith(op: ArithOp, left: Value, leftType: ValueType, right: Value, rightType: ValueType, type: ValueType): OpResult {
  const l = leftType.kind;
  const r = rightType.kind;
  if (op === '/' && isZero(right)) return { divisionByZero: true };
  if (l === 'duration' || r === 'duration' || l === 'period' || r === 'period') return { value: durationArith(op, left, right) };
  const a = left as number;
  const b = right as number;
  switch (op) {
    case '+':
      return { value: a + b };
    case '-':
      return { value: a - b };
    case '*':
      if (l === 'money' && r === 'number') return { value: scaleMoney(a, b, a * b, multiplyMoney) };
      if (l === 'number' && r === 'money') return { value: scaleMoney(b, a, a * b, multiplyMoney) };
      return { value: a * b };
    case '/':
      if (l === 'money' && r === 'number') return { value: scaleMoney(a, b, a / b, (fen, n) => divideMoney(fen, n) as number) };
      // money ÷ money is a plain ratio; number ÷ number too.
      if (type.kind === 'number') return { value: a / b };
      throw new Error(`internal error: cannot divide ${l} by ${r}`);
  }
}

/**
 * money × or ÷ a number, exact to the fen while the result is within the range where doubles hold
 * every fen (2^53); beyond it (a factor such as 1e300, a divisor such as 1e-300) the double result
 * is rounded instead, as plain number arithmetic is.
 */
function scaleMoney(fen: number, n: number, approx: number, exact: (fen: number, n: number) => number): number {
  if (fen === 0) return 0;
  if (!(Math.abs(approx) < 2 ** 53)) return Math.round(approx);
  return exact(fen, n);
}

/** Whether a divisor is zero (a number, fen, or a duration of no time). */
export function isZero(v: Value): boolean {
  return typeof v === 'number' ? v === 0 : typeof v === 'object' && (isCalendarUnit(v.unit) ? v.amount === 0 : secondsOf(v) === 0);
}

/** Duration arithmetic: ± keeps the finer unit, × and ÷ by a number keep the unit, duration ÷ duration is a ratio. */
function durationArith(op: ArithOp, left: Value, right: Value): Value {
  if (typeof left === 'object' && typeof right === 'object') {
    if (op === '/') return secondsOf(left) / secondsOf(right);
    return addDurations(left, right, op === '+' ? 1 : -1);
  }
  const d = (typeof left === 'object' ? left : right) as Duration;
  const n = (typeof left === 'object' ? right : left) as number;
  if (op === '*') return { amount: d.amount * n, unit: d.unit };
  if (op === '/') return { amount: d.amount / n, unit: d.unit };
  throw new Error(`internal error: cannot use \`${op}\` on a duration and a number`);
}

/** Orders two values of the same type: negative, zero or positive. Durations compare by length. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'object' && typeof b === 'object') return compareDurations(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
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

/** The negation of a money, number or duration value. */
export function negate(v: Value): Value {
  if (typeof v === 'number') return v === 0 ? 0 : -v;
  if (typeof v === 'object') return { amount: -v.amount, unit: v.unit };
  throw new Error(`internal error: cannot negate ${typeof v}`);
}

/** Why a user's amount of money was refused. */
export type MoneyInputError = 'not-a-number' | 'too-many-decimals' | 'too-large' | 'negative';

/** Amounts beyond this many yuan are refused rather than risk losing a fen in a double. */
const MAX_YUAN = 1e13;

/**
 * Reads an amount of money as a user wrote it: a number (its shortest decimal text is used, so
 * 0.29 is 29 fen) or a decimal string such as "12.50". At most two decimals; negative only when
 * `signed`.
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
  if (Math.abs(parsed.fen) >= MAX_YUAN * 100) return { error: 'too-large' };
  if (parsed.fen < 0 && !signed) return { error: 'negative' };
  return parsed;
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
 * offset of `zone`), so any value printed can be pasted back into a case.
 */
export function valueToJson(value: Value, type: ValueType, zone: string | null = null): string | number | boolean | Duration {
  if (type.kind === 'money' && typeof value === 'number') return formatMoney(value);
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
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'text':
    case 'enum':
      return typeof raw === 'string' ? raw : undefined;
    case 'duration':
      return undefined;
  }
}

/** Deep equality of two run-time values (durations by amount and unit). */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.amount === b.amount && a.unit === b.unit;
  return a === b;
}

export { formatMoney };
