import { addMonthsToDay, DAY_SECONDS } from './calendar.js';
import { durationOfSeconds, isCalendarUnit, monthsOf, secondsOf, type Duration } from './duration.js';
import { addMonthsToMoment, clockOfMoment, dayOfMoment } from './zone.js';

/**
 * Run-time operations on dates (day numbers), moments (epoch seconds) and clock times (seconds
 * since midnight). The interpreter and the compiled evaluator both call these, so they agree.
 */

/** A date or moment moved by a duration; months and years as calendar.ts counts them (in `zone` for a moment). */
export function shiftTime(base: number, by: Duration, sign: 1 | -1, isDate: boolean, zone: string): number {
  if (isCalendarUnit(by.unit)) {
    const months = sign * Math.trunc(monthsOf(by));
    return isDate ? addMonthsToDay(base, months) : addMonthsToMoment(base, months, zone);
  }
  const seconds = sign * secondsOf(by);
  return isDate ? base + Math.trunc(seconds / DAY_SECONDS) : base + seconds;
}

/** `left - right` of two dates (in days) or two moments (in the largest unit that holds it exactly). */
export function elapsed(left: number, right: number, isDate: boolean): Duration {
  return isDate ? { amount: left - right, unit: 'day' } : durationOfSeconds(left - right);
}

/** The calendar date of a moment in `zone`. */
export function dateOf(moment: number, zone: string): number {
  return dayOfMoment(moment, zone);
}

/** The clock time of a moment in `zone`. */
export function timeOf(moment: number, zone: string): number {
  return clockOfMoment(moment, zone);
}

/**
 * Whether a clock time is in the window from `from` (included) to `to` (excluded). A window whose
 * end is not after its start wraps midnight: `between 17:00 and 09:00` holds at 23:45 and 00:10.
 */
export function inWindow(t: number, from: number, to: number): boolean {
  return from < to ? t >= from && t < to : t >= from || t < to;
}
