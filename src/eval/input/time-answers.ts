import { Temporal } from 'temporal-polyfill';
import { clockText } from '../../values/calendar.js';
import { durationUnitSpellings, isCalendarUnit, secondsOf, type DurationUnit } from '../../values/duration.js';
import { isoMoment, parseMoment } from '../../values/zone.js';

/**
 * Time answers as staff type them: `2026/12/3`, `2026年12月3日`, `3 December 2026`, `14点30分`,
 * `下午2点`, `2pm`, `2026-12-03 14:00` (a moment in the policy's zone), `3天`, `2小时30分`,
 * `2 hours 30 minutes`, full-width digits included. Each becomes the canonical case text
 * (`2026-12-03`, `14:30`, `2026-12-03T14:00:00+08:00`, `150 minutes`), which the case reader then
 * validates like any other. Nothing is guessed: a date without a year, `9点` (09:00 or 21:00?),
 * `03/12/2026` (which is the month?), a moment without a date, a local time the zone skips or
 * repeats, or a month as a fixed length is a `problem`, and the reader explains it with the
 * allowed forms. Text that is no time form at all comes back undefined (the reader then says
 * what is allowed).
 */

/** The time kinds of facts. */
export type TimeKind = 'date' | 'datetime' | 'time' | 'duration';

/** Why a time answer is refused although it looks like one. */
export type TimeProblem =
  | 'no-year' // 12月3日: which year would be a guess
  | 'day-month-order' // 03/12/2026: 3 December or 12 March
  | 'ambiguous-hour' // 9点: 09:00 or 21:00
  | 'no-date' // 14:00 for a moment: which day
  | 'no-zone' // a local moment, but the policy names no zone
  | 'skipped' // a local time the zone's clocks skip
  | 'repeated' // a local time the zone's clocks show twice
  | 'no-such-date'
  | 'no-such-time'
  | 'calendar-length'; // 1个月 as a fixed length

/** A time answer read: the canonical text, a problem, or undefined when it is no time form. */
export type TimeAnswer = { readonly value: string } | { readonly problem: TimeProblem } | undefined;

/** Full-width forms folded (NFKC), case ignored, spaces at the ends dropped and runs made one. */
function fold(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads a staff answer for a time fact; `zone` is the policy's (moments without an offset are read there). */
export function timeAnswer(kind: TimeKind, text: string, zone: string | null): TimeAnswer {
  const t = fold(text);
  if (t === '') return undefined;
  switch (kind) {
    case 'date':
      return dateAnswer(t);
    case 'time':
      return clockAnswer(t);
    case 'datetime':
      return momentAnswer(t, zone);
    case 'duration':
      return durationAnswer(t);
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month name, full or its first three letters (`dec`, `sept` too), as 1–12; undefined otherwise. */
function monthOfName(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === w || m.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

const YMD_NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_ZH = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?$/;
const DMY_EN = /^(\d{1,2}) ([a-z]+\.?),? (\d{4})$/;
const MDY_EN = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
const MD_ZH = /^(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?$/;
const MD_NUMERIC = /^\d{1,2}[-/.]\d{1,2}$/;
const MD_EN = /^(?:\d{1,2} [a-z]+\.?|[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?)$/;
const XXY = /^\d{1,2}([-/.])\d{1,2}\1\d{4}$/;

/** A date's canonical text `YYYY-MM-DD`, or a problem. */
function dateAnswer(t: string): TimeAnswer {
  const date = readDate(t);
  // A date in the canonical form that does not exist is the reader's to explain, in its own words.
  return date !== undefined && 'problem' in date && /^\d{4}-\d{2}-\d{2}$/.test(t) ? undefined : date;
}

/** A date in any form (also as the date part of a moment). */
function readDate(t: string): TimeAnswer {
  let ymd: [number, number, number] | undefined;
  let m: RegExpExecArray | null;
  if ((m = YMD_NUMERIC.exec(t))) ymd = [Number(m[1]), Number(m[3]), Number(m[4])];
  else if ((m = YMD_ZH.exec(t))) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = DMY_EN.exec(t)) && monthOfName(m[2]) !== undefined) ymd = [Number(m[3]), monthOfName(m[2]) as number, Number(m[1])];
  else if ((m = MDY_EN.exec(t)) && monthOfName(m[1]) !== undefined) ymd = [Number(m[3]), monthOfName(m[1]) as number, Number(m[2])];
  if (ymd !== undefined) return isoDate(ymd);
  if (MD_ZH.test(t) || MD_NUMERIC.test(t)) return { problem: 'no-year' };
  if (MD_EN.test(t) && t.split(' ').some((w) => monthOfName(w) !== undefined)) return { problem: 'no-year' };
  if (XXY.test(t)) return { problem: 'day-month-order' };
  return undefined;
}

function isoDate([y, mo, d]: [number, number, number]): TimeAnswer {
  try {
    const date = Temporal.PlainDate.from({ year: y, month: mo, day: d }, { overflow: 'reject' });
    return { value: date.toString() };
  } catch {
    return { problem: 'no-such-date' };
  }
}

// Morning and afternoon words: a 12-hour clock with one of them is unambiguous.
const AM_WORDS = ['上午', '早上', '早晨', '凌晨', 'am', 'a.m.'];
const NOON_WORDS = ['中午'];
const PM_WORDS = ['下午', '晚上', '傍晚', 'pm', 'p.m.'];
const CLOCK_COLON = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const CLOCK_ZH = /^(\d{1,2}) ?[点时](?: ?(半|\d{1,2}) ?(?:分钟?)?(?: ?(\d{1,2}) ?秒)?)?$/;
const CLOCK_EN = /^(\d{1,2})(?::(\d{2}))?$/;

/** A clock time's canonical text `HH:MM[:SS]`, or a problem. */
function clockAnswer(t: string): TimeAnswer {
  // A part of the day, before (上午9点) or after (9am, 9:30 pm) the clock.
  let half: 'am' | 'noon' | 'pm' | undefined;
  let rest = t;
  for (const [words, part] of [[AM_WORDS, 'am'], [NOON_WORDS, 'noon'], [PM_WORDS, 'pm']] as const) {
    for (const w of words) {
      if (rest.startsWith(w)) { half = part; rest = rest.slice(w.length).trim(); break; }
      if (rest.endsWith(w)) { half = part; rest = rest.slice(0, -w.length).trim(); break; }
    }
    if (half !== undefined) break;
  }
  let h: number, min: number, s: number;
  let m: RegExpExecArray | null;
  let colon = false;
  if ((m = CLOCK_COLON.exec(rest))) { [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]; colon = true; }
  else if ((m = CLOCK_ZH.exec(rest))) [h, min, s] = [Number(m[1]), m[2] === '半' ? 30 : Number(m[2] ?? 0), Number(m[3] ?? 0)];
  else if (half !== undefined && (m = CLOCK_EN.exec(rest))) [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), 0];
  else return undefined;
  // `24:00` is the reader's to explain, in the words it uses for every clock time.
  if (min > 59 || s > 59 || h > 23) return colon && half === undefined ? undefined : { problem: 'no-such-time' };
  if (half === 'am' || half === 'pm' || half === 'noon') {
    // 12 with a part of the day (上午12点, 12am, 晚上12点) is read differently by different people.
    if (h === 12 && half !== 'noon') return { problem: 'ambiguous-hour' };
    if (h === 0 && half !== 'am') return { problem: 'no-such-time' };
    if (half === 'pm' && h < 12) h += 12;
    if (half === 'noon' && h >= 1 && h <= 2) h += 12;
    if (half === 'noon' && !(h >= 11 && h <= 14)) return { problem: 'no-such-time' };
    if (half === 'am' && h > 12) return { problem: 'no-such-time' };
  } else if (!colon && h >= 1 && h <= 12) {
    // `9点` alone: 09:00 or 21:00. `09:00` with a colon is the 24-hour clock, as everywhere.
    return { problem: 'ambiguous-hour' };
  }
  return { value: clockText(h * 3600 + min * 60 + s) };
}

/** A moment's canonical text (ISO 8601 with the zone's offset), or a problem. */
function momentAnswer(t: string, zone: string | null): TimeAnswer {
  // ISO 8601 with an offset, as machines write it (`t` is lower-cased: `z` and `t` are allowed).
  const upper = t.toUpperCase();
  if ('moment' in parseMoment(upper)) return { value: upper };
  const split = splitMoment(t);
  if (split === undefined) {
    // A clock time alone: which day would be a guess; a date alone is the reader's `date-only`.
    const clock = clockAnswer(t);
    return clock !== undefined && 'value' in clock ? { problem: 'no-date' } : undefined;
  }
  const date = readDate(split.date);
  if (date === undefined) return undefined;
  if (!('value' in date)) return date;
  const clock = split.clock === '' ? undefined : clockAnswer(split.clock);
  if (clock === undefined) return undefined;
  if (!('value' in clock)) return clock;
  if (zone === null) return { problem: 'no-zone' };
  return localMoment(`${date.value}T${clock.value.length === 5 ? `${clock.value}:00` : clock.value}`, zone);
}

/** A moment text cut into its date and clock parts (`2026年12月3日14点`, `2026/12/3 14:00`, `2026-12-03t14:00`). */
function splitMoment(t: string): { date: string; clock: string } | undefined {
  const zh = /^(.*?[日号])(.*)$/.exec(t);
  if (zh && readDate(zh[1]) !== undefined) return { date: zh[1], clock: zh[2].trim() };
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})t(.+)$/.exec(t);
  if (iso) return { date: iso[1], clock: iso[2] };
  // English dates have spaces of their own: try each cut, longest date first.
  const words = t.split(' ');
  for (let i = words.length - 1; i >= 1; i--) {
    const date = words.slice(0, i).join(' ');
    if (readDate(date) !== undefined) return { date, clock: words.slice(i).join(' ') };
  }
  return undefined;
}

/** A local date and time in a zone as ISO 8601 with its offset; a time the zone skips or repeats is refused. */
function localMoment(local: string, zone: string): TimeAnswer {
  const plain = Temporal.PlainDateTime.from(local);
  try {
    const zdt = plain.toZonedDateTime(zone, { disambiguation: 'reject' });
    return { value: isoMoment(zdt.epochMilliseconds / 1000, zone) };
  } catch {
    // Either the clocks skip this time (a gap) or show it twice (an overlap): an earlier reading
    // that still shows the same wall time means it happens twice.
    const earlier = plain.toZonedDateTime(zone, { disambiguation: 'earlier' });
    return { problem: earlier.toPlainDateTime().equals(plain) ? 'repeated' : 'skipped' };
  }
}

/** Duration units as staff write them, longest spelling first where one starts another. */
const UNIT_WORDS: readonly (readonly [string, DurationUnit])[] = [
  ['个星期', 'week'], ['星期', 'week'], ['礼拜', 'week'], ['周', 'week'],
  ['个月', 'month'], ['月', 'month'], ['年', 'year'],
  ['天', 'day'], ['日', 'day'],
  ['个小时', 'hour'], ['个钟头', 'hour'], ['小时', 'hour'], ['钟头', 'hour'],
  ['分钟', 'minute'], ['分', 'minute'], ['秒钟', 'second'], ['秒', 'second'],
  ['hrs', 'hour'], ['hr', 'hour'], ['h', 'hour'], ['mins', 'minute'], ['min', 'minute'],
  ['secs', 'second'], ['sec', 'second'], ['s', 'second'], ['d', 'day'], ['w', 'week'], // never `m`: minutes or months?
  ...Object.entries(durationUnitSpellings),
];
/** Seconds in one fixed unit. */
const unitSeconds = (unit: DurationUnit): number => secondsOf({ amount: 1, unit });
const PART = /^(\d+(?:\.\d+)?) ?(\S*?)(?= ?\d|$)/;

/**
 * A duration's canonical text (`150 minutes`), or a problem. One or more parts, each a number and
 * a unit, from the largest unit down (`2小时30分`, `1 day 12 hours`, `2h30m`); a compound duration
 * is counted in its smallest unit, in whole numbers. `当天`/`same day` is zero days.
 */
function durationAnswer(t: string): TimeAnswer {
  if (t === '当天' || t === 'same day') return { value: '0 days' };
  let rest = t.replace(/ ?and ?/g, ' ');
  const parts: { amount: string; unit: DurationUnit }[] = [];
  while (rest !== '') {
    const m = PART.exec(rest);
    if (!m) return undefined;
    const word = m[2] === '' ? undefined : UNIT_WORDS.find(([w]) => w === m[2]);
    if (word === undefined) return undefined;
    parts.push({ amount: m[1], unit: word[1] });
    rest = rest.slice(m[0].length).trim();
  }
  if (parts.length === 0) return undefined;
  if (parts.some((p) => isCalendarUnit(p.unit))) return { problem: 'calendar-length' };
  if (parts.length === 1) return { value: `${parts[0].amount} ${parts[0].unit}s` };
  // Largest unit first, each unit once, whole numbers: `2小时30分`, never `30分2小时` or `1.5小时30分`.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].amount.includes('.')) return undefined;
    if (i > 0 && unitSeconds(parts[i].unit) >= unitSeconds(parts[i - 1].unit)) return undefined;
  }
  const smallest = parts[parts.length - 1].unit;
  let total = 0n;
  for (const p of parts) total += BigInt(p.amount) * BigInt(unitSeconds(p.unit) / unitSeconds(smallest));
  return { value: `${total} ${smallest}s` };
}
