import type { Duration, ValueType } from '../graph/graph.js';
import { decimalText } from '../values/money.js';
import { exactText, Rat } from '../values/rational.js';

/**
 * Locale-aware formatting of values for the handbook: money, durations, dates, types.
 * Written by hand rather than with Intl so output is the same on every machine and ICU version.
 */

const isZh = (locale: string): boolean => locale.toLowerCase().startsWith('zh');

/** Groups the digits of a non-negative integer string in threes: 1200 → 1,200. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Money (an integer number of fen): zh "¥1,200.00", en "1,200 CNY" (fen shown only when there are any). */
export function formatMoney(fen: number, locale: string): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = groupThousands(String(Math.floor(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  if (isZh(locale)) return `${sign}¥${yuan}.${cents}`;
  return abs % 100 === 0 ? `${sign}${yuan} CNY` : `${sign}${yuan}.${cents} CNY`;
}

/** A plain number as written, never in exponent notation; an exact number as its decimal, or `1/3`. */
export function formatNumber(n: number | Rat): string {
  return n instanceof Rat ? exactText(n) : decimalText(n);
}

const zhUnits = { day: '天', hour: '小时', minute: '分钟' } as const;
const enUnits = { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] } as const;

/** A duration: zh "3 天" / "当天", en "3 days" / "same day". */
export function formatDuration(d: Duration, locale: string): string {
  if (d.amount === 0 && d.unit === 'day') return isZh(locale) ? '当天' : 'same day';
  if (isZh(locale)) return `${formatNumber(d.amount)} ${zhUnits[d.unit]}`;
  const [one, many] = enUnits[d.unit];
  return `${formatNumber(d.amount)} ${d.amount === 1 ? one : many}`;
}

/** A deadline: zh "3 天内" / "当天", en "within 3 days" / "same day". */
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

/** The name of a value type, for the glossary (enum types are named by their label elsewhere). */
export function formatType(type: ValueType, locale: string): string {
  const zh = isZh(locale);
  switch (type.kind) {
    case 'bool': return zh ? '是/否' : 'yes/no';
    case 'money': return type.signed ? (zh ? '金额（元，可为负）' : 'amount in CNY (may be negative)') : (zh ? '金额（元）' : 'amount in CNY');
    case 'number': return zh ? '数值' : 'number';
    case 'text': return zh ? '文字' : 'text';
    case 'duration': return zh ? '时长' : 'duration';
    case 'enum': return zh ? '选项' : 'one of';
  }
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The mark a branch carries in flowcharts and tables: ① … ⑳, then (21), (22)… */
export function branchMark(n: number): string {
  return n >= 1 && n <= circled.length ? circled[n - 1] : `(${n})`;
}
