import type { Expr, ValueType } from '../graph/graph.js';
import { msg, type MessageRef } from '../diagnostics/message.js';
import { isCalendarUnit, secondsOf, type Duration } from '../values/duration.js';
import { literalValue } from './type-rules.js';

/**
 * The typing rules of time: which operations on dates, moments, clock times and durations mean
 * something, and what to say when one does not.
 */

/** The built-in type names a fact may be declared with, besides the keywords. */
export const timeTypeNames: Readonly<Record<string, ValueType>> = {
  date: { kind: 'date' },
  datetime: { kind: 'datetime' },
  time: { kind: 'time' },
  duration: { kind: 'duration' },
};

/** Types that order with `<` and `>`: amounts, durations, dates, moments and clock times. */
export function isOrdered(type: ValueType): boolean {
  return ['money', 'number', 'duration', 'date', 'datetime', 'time'].includes(type.kind);
}

/** What `left op right` is when a date, moment or calendar duration takes part; undefined when none does. */
export type TimeOperation =
  | { readonly kind: 'shift'; readonly base: 'left' | 'right'; readonly type: ValueType }
  | { readonly kind: 'elapsed' }
  | { readonly kind: 'period' }
  | { readonly kind: 'error'; readonly help: MessageRef };

/** The time operation `left op right`, if either side is a date, moment, clock time or calendar duration. */
export function timeOperation(op: string, left: Expr, right: Expr, constantOf: (e: Expr) => unknown): TimeOperation | undefined {
  const l = left.type.kind;
  const r = right.type.kind;
  const moving = (k: string) => k === 'date' || k === 'datetime';
  const length = (k: string) => k === 'duration' || k === 'period';
  if (moving(l) && length(r) && (op === '+' || op === '-')) return shift(left, right, 'left', constantOf);
  if (length(l) && moving(r) && op === '+') return shift(right, left, 'right', constantOf);
  if (moving(l) && l === r && op === '-') return { kind: 'elapsed' };
  if (l === 'period' && r === 'period' && (op === '+' || op === '-')) return { kind: 'period' };
  if ((l === 'period' && r === 'number' && (op === '*' || op === '/')) || (l === 'number' && r === 'period' && op === '*')) return { kind: 'period' };
  if (l === 'time' || r === 'time') {
    return { kind: 'error', help: msg('time.clock-arithmetic.help') };
  }
  if (moving(l) || moving(r)) {
    return { kind: 'error', help: msg('time.moment-arithmetic.help') };
  }
  if (l === 'period' || r === 'period') {
    return { kind: 'error', help: msg('time.period-arithmetic.help') };
  }
  return undefined;
}

/** date ± duration needs whole days (a constant); a moment takes any duration. */
function shift(base: Expr, by: Expr, side: 'left' | 'right', constantOf: (e: Expr) => unknown): TimeOperation {
  if (base.type.kind === 'date' && by.type.kind === 'duration') {
    const value = (literalValue(by) ?? constantOf(by)) as Duration | undefined;
    const whole = value !== undefined && typeof value === 'object' && !isCalendarUnit(value.unit) && secondsOf(value) % 86_400 === 0;
    if (!whole) {
      return { kind: 'error', help: msg('time.whole-days.help') };
    }
  }
  return { kind: 'shift', base: side, type: base.type };
}

/** Why two values cannot be compared, when time explains it. */
export function timeComparisonHelp(left: ValueType, right: ValueType): MessageRef | undefined {
  const kinds = new Set([left.kind, right.kind]);
  if (kinds.has('period')) return msg('time.period-compare.help');
  if (kinds.has('duration') && kinds.has('number')) return msg('time.number-duration.help');
  if (kinds.has('time') && kinds.has('number')) return msg('time.number-clock.help');
  if (kinds.has('date') && kinds.has('datetime')) return msg('time.date-moment.help');
  if (kinds.has('time') && kinds.has('datetime')) return msg('time.clock-moment.help');
  return undefined;
}
