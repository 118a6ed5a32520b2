import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates, clock times and moments as integers: a date is a day number (days since
 * 1970-01-01), a time of day is seconds since midnight (0–86399), a moment is seconds since
 * 1970-01-01T00:00:00Z. Integers compare with `<`, subtract exactly and are what the checker's
 * solver reasons about. The calendar itself (month lengths, leap years, adding months) is not our
 * own code: the Temporal polyfill's, ISO 8601 and the proleptic Gregorian calendar, and for speed
 * the platform's `Date`, which is the same calendar.
 * Moments are counted in whole seconds: a fraction of a second in input is dropped.
 */

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

const EPOCH = Temporal.PlainDate.from('1970-01-01');

/**
 * The platform's own calendar (ECMAScript `Date`: the proleptic Gregorian calendar, as ISO 8601
 * and Temporal have it) answers the common questions about a date fast: a day number from a year,
 * month and day, and back. Temporal objects cost microseconds each, and evaluation asks these
 * questions for every case. Both calendars are the same; a test holds them to it over every year.
 */
const scratch = new Date(0);

/** The day number of a year (0–9999), month (1–12) and day, or undefined when no such date exists. */
function dayOf(y: number, m: number, d: number): number | undefined {
  scratch.setTime(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  scratch.setUTCFullYear(y, m - 1, d);
  if (scratch.getUTCFullYear() !== y || scratch.getUTCMonth() !== m - 1 || scratch.getUTCDate() !== d) return undefined;
  return scratch.getTime() / 86_400_000;
}

/** The day number of a valid `YYYY-MM-DD` text, or undefined when no such date exists (2026-02-30). */
export function dayOfIsoDate(text: string): number | undefined {
  const known = dayCache.get(text);
  if (known !== undefined) return known;
  if (text.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const day = dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  if (day === undefined) return undefined;
  if (dayCache.size > 100_000) dayCache.clear();
  dayCache.set(text, day);
  return day;
}

/** Dates already converted, both ways: a register repeats the same few dates many times. */
const dayCache = new Map<string, number>();
const textCache = new Map<number, string>();

/** The plain date of a day number. */
export function plainDateOfDay(day: number): Temporal.PlainDate {
  return EPOCH.add({ days: day });
}

/** A day number as `YYYY-MM-DD`. */
export function isoDateOfDay(day: number): string {
  let text = textCache.get(day);
  if (text === undefined) {
    const iso = new Date(day * 86_400_000).toISOString();
    // Years 0–9999 print as four digits; outside them Temporal writes the extended form.
    text = iso.length === 24 ? iso.slice(0, 10) : plainDateOfDay(day).toString();
    if (textCache.size > 100_000) textCache.clear();
    textCache.set(day, text);
  }
  return text;
}

/** The seconds since midnight of `H:MM`, `HH:MM` or `HH:MM:SS` (00:00 to 23:59:59), or undefined. */
export function secondsOfClock(text: string): number | undefined {
  // By character codes: a case file holds a clock time on every line, and a regular expression costs more.
  const n = text.length;
  const colon = text.charCodeAt(1) === 58 ? 1 : 2;
  if ((n !== colon + 3 && n !== colon + 6) || text.charCodeAt(colon) !== 58 || (n === colon + 6 && text.charCodeAt(colon + 3) !== 58)) return undefined;
  const digits = (from: number, count: number): number => {
    let v = 0;
    for (let i = from; i < from + count; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      v = v * 10 + c;
    }
    return v;
  };
  const [h, min, s] = [digits(0, colon), digits(colon + 1, 2), n === colon + 6 ? digits(colon + 4, 2) : 0];
  if (!(h <= 23 && min <= 59 && s <= 59)) return undefined;
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
  // Policies add the same few durations to dates that repeat (purchase dates): remembered by both.
  const key = months >= -2048 && months < 2048 ? day * 4096 + months + 2048 : undefined;
  const known = key === undefined ? undefined : monthCache.get(key);
  if (known !== undefined) return known;
  const moved = monthsLater(day, months);
  if (key !== undefined) {
    if (monthCache.size > 100_000) monthCache.clear();
    monthCache.set(key, moved);
  }
  return moved;
}

const monthCache = new Map<number, number>();

function monthsLater(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const y = date.getUTCFullYear();
  if (y < 1 || y > 9998) return plainDateOfDay(day).add({ months }, { overflow: 'constrain' }).since(EPOCH).days;
  const target = y * 12 + date.getUTCMonth() + months;
  const [ty, tm] = [Math.floor(target / 12), (target % 12 + 12) % 12];
  // The last day of the target month: day 0 of the month after it.
  scratch.setTime(0);
  scratch.setUTCFullYear(ty, tm + 1, 0);
  return dayOf(ty, tm + 1, Math.min(date.getUTCDate(), scratch.getUTCDate()))!;
}
