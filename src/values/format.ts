import { clockText, isoDateOfDay, plainDateOfDay } from './calendar.js';
import type { Duration, DurationUnit } from './duration.js';
import { isZh } from './locale.js';
import { decimalText } from './money.js';
import { exactText, mul, rat, Rat } from './rational.js';
import { isoMoment } from './zone.js';

/**
 * Values as people read them, per locale: the same convention in eval answers, test reports and
 * the handbook. Written by hand rather than with Intl so output is the same on every machine and
 * ICU version. Money is `¥1,200.00` in both locales (the yuan sign is what Chinese and English
 * shop staff both write); dates are `2026年12月1日` / `1 December 2026`; clock times `09:00`.
 */

/** Groups the digits of a non-negative integer string in threes: 1200 → 1,200. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A count for people: 1,234,567 (a whole number, grouped by hand: `toLocaleString` first loads
 * the ICU data, tens of milliseconds of a short command's time).
 */
export function formatCount(n: number): string {
  return n < 0 ? `-${groupThousands(String(Math.round(-n)))}` : groupThousands(String(Math.round(n)));
}

/** Money (an integer number of fen) for people: `¥1,200.00`, `-¥0.05`, in every locale. */
export function formatMoney(fen: number, _locale: string): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = groupThousands(String(Math.floor(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** A plain number as written, never in exponent notation; an exact number as its decimal, or `1/3`. */
export function formatNumber(n: number | Rat): string {
  return n instanceof Rat ? exactText(n) : decimalText(n);
}

/** A percentage as written in the rules: 3/10 → `30%`. */
export function formatPercent(n: Rat): string {
  return `${exactText(mul(n, rat(100n)))}%`;
}

const zhUnits: Readonly<Record<DurationUnit, string>> = {
  second: '秒', minute: '分钟', hour: '小时', day: '天', week: '周', month: '个月', year: '年',
};
const enUnits: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  second: ['second', 'seconds'], minute: ['minute', 'minutes'], hour: ['hour', 'hours'], day: ['day', 'days'],
  week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'],
};

/** A duration: zh "3 天" / "当天", en "3 days" / "same day". */
export function formatDuration(d: Duration, locale: string): string {
  if (d.amount === 0 && d.unit === 'day') return isZh(locale) ? '当天' : 'same day';
  if (isZh(locale)) return `${formatNumber(d.amount)} ${zhUnits[d.unit]}`;
  const [one, many] = enUnits[d.unit];
  return `${formatNumber(d.amount)} ${d.amount === 1 ? one : many}`;
}

/** A deadline counted from now: zh "3 天内" / "当天", en "within 3 days" / "same day". */
export function formatDeadline(d: Duration, locale: string): string {
  if (d.amount === 0 && d.unit === 'day') return formatDuration(d, locale);
  return isZh(locale) ? `${formatDuration(d, locale)}内` : `within ${formatDuration(d, locale)}`;
}

/** A bool value in words. */
export function formatBool(b: boolean, locale: string): string {
  if (isZh(locale)) return b ? '是' : '否';
  return b ? 'yes' : 'no';
}

/** A text value in quotation marks of the locale. */
export function quoteText(s: string, locale: string): string {
  return isZh(locale) ? `“${s}”` : `"${s}"`;
}

const enMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** An ISO date (2026-01-01) in words: zh "2026年1月1日", en "1 January 2026"; other text is kept as written. */
export function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return isZh(locale) ? `${year}年${month}月${day}日` : `${day} ${enMonths[month - 1]} ${year}`;
}

/** A day number in words (zh "2026年12月1日", en "1 December 2026"). */
export function formatDay(day: number, locale: string): string {
  const d = plainDateOfDay(day);
  return isZh(locale) ? `${d.year}年${d.month}月${d.day}日` : `${d.day} ${enMonths[d.month - 1]} ${d.year}`;
}

/** A clock time (seconds since midnight) as people write it: `9:00`, `23:30`, `16:00:30`. */
export function formatClock(seconds: number): string {
  return clockText(seconds).replace(/^0(\d)/, '$1');
}

/** A moment for people, in the policy's zone: zh "2026年12月2日 11:30", en "2 December 2026 11:30". */
export function formatMoment(moment: number, zone: string, locale: string): string {
  const iso = isoMoment(moment, zone);
  const [date, rest] = iso.split('T');
  const clock = rest.replace(/(Z|[+-]\d{2}:\d{2})$/, '').replace(/:00$/, '');
  return `${formatDate(date, locale)} ${clock}`;
}

/** A date as input text: `2026-12-01`. */
export { isoDateOfDay as dateText, clockText };
