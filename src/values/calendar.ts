import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates, clock times and moments as integers: a date is a day number (days since
 * 1970-01-01), a time of day is seconds since midnight (0–86399), a moment is seconds since
 * 1970-01-01T00:00:00Z. Integers compare with `<`, subtract exactly and are what the checker's
 * solver reasons about. The calendar itself (month lengths, leap years, adding months) is the
 * Temporal polyfill's: ISO 8601 and the proleptic Gregorian calendar, as specified, not our own code.
 * Moments are counted in whole seconds: a fraction of a second in input is dropped.
 */

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

const EPOCH = Temporal.PlainDate.from('1970-01-01');

/** Day numbers of dates already converted: a register repeats the same few dates many times. */
const dayCache = new Map<string, number>();

/** The day number of a valid `YYYY-MM-DD` text, or undefined when no such date exists (2026-02-30). */
export function dayOfIsoDate(text: string): number | undefined {
  const known = dayCache.get(text);
  if (known !== undefined) return known;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  let day: number;
  try {
    day = Temporal.PlainDate.from(text, { overflow: 'reject' }).since(EPOCH).days;
  } catch {
    return undefined;
  }
  if (dayCache.size > 100_000) dayCache.clear();
  dayCache.set(text, day);
  return day;
}

/** The plain date of a day number. */
export function plainDateOfDay(day: number): Temporal.PlainDate {
  return EPOCH.add({ days: day });
}

/** A day number as `YYYY-MM-DD`. */
export function isoDateOfDay(day: number): string {
  return plainDateOfDay(day).toString();
}

/** The seconds since midnight of `H:MM`, `HH:MM` or `HH:MM:SS` (00:00 to 23:59:59), or undefined. */
export function secondsOfClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return undefined;
  return h * 3600 + min * 60 + s;
}

/** Seconds since midnight as `HH:MM`, or `HH:MM:SS` when the seconds are not zero. */
export function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const hm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return s === 0 ? hm : `${hm}:${String(s).padStart(2, '0')}`;
}

/**
 * `day` moved by whole calendar months, as people count them: the same day of the month, or the
 * month's last day when it has no such day (2026-01-31 + 1 month = 2026-02-28; 2024-02-29 + 1 year
 * = 2025-02-28). This is Temporal's `overflow: 'constrain'`.
 */
export function addMonthsToDay(day: number, months: number): number {
  return plainDateOfDay(day).add({ months }, { overflow: 'constrain' }).since(EPOCH).days;
}
