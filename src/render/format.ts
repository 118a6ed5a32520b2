import type { ValueType } from '../graph/graph.js';
import { isZh } from '../values/locale.js';
import { rangeText, type Bounds } from '../values/bounds.js';

/**
 * Handbook-only formatting: type names for the glossary and branch marks. Values themselves are
 * formatted by the value layer (src/values/format.ts), the same way in every output.
 */

export { formatBool, formatDate, formatDeadline, formatDuration, formatMoney, formatNumber, quoteText } from '../values/format.js';

/** The name of a value type, for the glossary, with a fact's bounds: "整数，0–24", "amount in CNY, ≤ ¥100,000.00". */
export function formatType(type: ValueType, locale: string, bounds?: Bounds): string {
  const name = bounds?.whole ? (isZh(locale) ? '整数' : 'whole number') : typeName(type, locale);
  const range = bounds ? rangeText(bounds, type.kind === 'money', locale) : '';
  return range === '' ? name : `${name}${isZh(locale) ? '，' : ', '}${range}`;
}

/** The name of a value type (enum types are named by their label elsewhere). */
function typeName(type: ValueType, locale: string): string {
  const zh = isZh(locale);
  switch (type.kind) {
    case 'bool': return zh ? '是/否' : 'yes/no';
    case 'money': return type.signed ? (zh ? '金额（元，可为负）' : 'amount in CNY (may be negative)') : (zh ? '金额（元）' : 'amount in CNY');
    case 'number': return zh ? '数值' : 'number';
    case 'text': return zh ? '文字' : 'text';
    case 'duration': return zh ? '时长' : 'duration';
    case 'period': return zh ? '月数或年数' : 'months or years';
    case 'date': return zh ? '日期' : 'date';
    case 'datetime': return zh ? '时间（日期和时刻）' : 'moment (date and time)';
    case 'time': return zh ? '时刻' : 'time of day';
    case 'enum': return zh ? '选项' : 'one of';
  }
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The mark a branch carries in flowcharts and tables: ① … ⑳, then (21), (22)… */
export function branchMark(n: number): string {
  return n >= 1 && n <= circled.length ? circled[n - 1] : `(${n})`;
}
