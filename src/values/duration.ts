/**
 * Durations: a length of time as written (`3 days`, `90 minutes`) or computed (the difference of two
 * moments). Fixed units (seconds to weeks) are exact multiples of a second, so `1 day` equals
 * `24 hours`; calendar units (months, years) have no fixed length and only move dates and moments
 * (calendar.ts), they never compare with fixed ones.
 */

/** A fixed unit of time, or a calendar unit (`month`, `year`). */
export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** A length of time; `same day` is `{ amount: 0, unit: 'day' }`. */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Seconds per fixed unit. */
const SECONDS: Readonly<Record<DurationUnit, number>> = {
  second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: Number.NaN, year: Number.NaN,
};

/** Each unit as it may be written in a policy or a case, and its canonical name. */
export const durationUnitSpellings: Readonly<Record<string, DurationUnit>> = {
  second: 'second', seconds: 'second',
  minute: 'minute', minutes: 'minute',
  hour: 'hour', hours: 'hour',
  day: 'day', days: 'day',
  week: 'week', weeks: 'week',
  month: 'month', months: 'month',
  year: 'year', years: 'year',
};

/** Whether a unit counts calendar months (a month, a year) rather than a fixed number of seconds. */
export function isCalendarUnit(unit: DurationUnit): boolean {
  return unit === 'month' || unit === 'year';
}

/** A fixed duration's length in whole seconds (rounded: `0.1 minutes` is 6 s). NaN for calendar units. */
export function secondsOf(d: Duration): number {
  return Math.round(d.amount * SECONDS[d.unit]);
}

/** A calendar duration in months (`2 years` → 24). */
export function monthsOf(d: Duration): number {
  return d.unit === 'year' ? d.amount * 12 : d.amount;
}

/** A number of seconds in the largest unit up to days that holds it exactly (86400 → 1 day, 5400 → 90 minutes). */
export function durationOfSeconds(seconds: number): Duration {
  for (const unit of ['day', 'hour', 'minute'] as const) {
    if (seconds % SECONDS[unit] === 0) return { amount: seconds / SECONDS[unit], unit };
  }
  return { amount: seconds, unit: 'second' };
}

/** The finer of two units (for the sum of two durations). */
export function finerUnit(a: DurationUnit, b: DurationUnit): DurationUnit {
  return SECONDS[a] <= SECONDS[b] ? a : b;
}

/** `a ± b` for two fixed durations, or two calendar ones, in the finer unit. */
export function addDurations(a: Duration, b: Duration, sign: 1 | -1): Duration {
  if (isCalendarUnit(a.unit) && isCalendarUnit(b.unit)) {
    const months = monthsOf(a) + sign * monthsOf(b);
    return a.unit === 'year' && b.unit === 'year' ? { amount: months / 12, unit: 'year' } : { amount: months, unit: 'month' };
  }
  const unit = finerUnit(a.unit, b.unit);
  return { amount: (secondsOf(a) + sign * secondsOf(b)) / SECONDS[unit], unit };
}

/** Orders two fixed durations by length. */
export function compareDurations(a: Duration, b: Duration): number {
  return secondsOf(a) - secondsOf(b);
}

/** Reads a duration as a case writes it: `2 hours`, `30 minutes`, `1.5 days` (fixed units only). */
export function parseDuration(text: string): Duration | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = Object.hasOwn(durationUnitSpellings, m[2]) ? durationUnitSpellings[m[2]] : undefined;
  if (unit === undefined || isCalendarUnit(unit)) return undefined;
  return { amount: Number(m[1]), unit };
}
