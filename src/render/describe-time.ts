import type { CompareOp, DueRule, Duration, Expr } from '../graph/graph.js';
import { formatClock, formatDeadline, formatDuration } from '../values/format.js';
import { isZh } from '../values/locale.js';

/**
 * Time in words, for the handbook and the flowcharts: "下单时间已超过 12 小时", "签收日期次日起
 * 7 天内", "在 9:00–23:30 之间", "报修时间后 2 小时内". `say` describes any sub-expression.
 */

type Say = (e: Expr) => string;

/** A date, moment or clock-time expression that is not a comparison: `m.date`, `d + 7 days`, `a - b`. */
export function describeTimeValue(e: Expr, locale: string, say: Say): string | undefined {
  const zh = isZh(locale);
  switch (e.kind) {
    case 'date-of':
      return zh ? `${say(e.operand)}的日期` : `the date of ${say(e.operand)}`;
    case 'time-of':
      return zh ? `${say(e.operand)}的时刻` : `the time of day of ${say(e.operand)}`;
    case 'shift':
      if (zh) return `${say(e.base)}${e.sign === 1 ? '后' : '前'}${say(e.by)}`;
      return `${say(e.by)} ${e.sign === 1 ? 'after' : 'before'} ${say(e.base)}`;
    case 'elapsed':
      return isNow(e.left) ? (zh ? `${say(e.right)}至今的时间` : `the time since ${say(e.right)}`) : zh ? `${say(e.right)}到${say(e.left)}的时间` : `the time from ${say(e.right)} to ${say(e.left)}`;
    case 'between': {
      const [from, to] = [say(e.from), say(e.to)];
      const wraps = e.from.kind === 'literal' && e.to.kind === 'literal' && (e.from.value as number) >= (e.to.value as number);
      if (zh) return `${say(e.subject)}在 ${from}–${wraps ? '次日 ' : ''}${to} 之间`;
      return `${say(e.subject)} is between ${from} and ${to}${wraps ? ' the next day' : ''}`;
    }
    default:
      return undefined;
  }
}

function isNow(e: Expr): boolean {
  return e.kind === 'fact' && e.id === 'now';
}

/**
 * A comparison of time values in words, when a plain reading exists: the time since a moment
 * against a duration ("下单时间已超过 12 小时"), a date against a date some days on ("签收日期次日起
 * 7 天内"), and the order of dates, moments and clock times ("早于", "is on or before").
 */
export function describeTimeCompare(op: CompareOp, left: Expr, right: Expr, locale: string, say: Say): string | undefined {
  const zh = isZh(locale);
  if (left.kind === 'elapsed' && isNow(left.left) && right.type.kind === 'duration' && op !== '==' && op !== '!=') {
    const since = say(left.right);
    const d = say(right);
    if (zh) return `${since}${{ '>': '已超过', '>=': '已满', '<': '未满', '<=': '不超过' }[op]} ${d}`;
    return `${{ '>': 'more than', '>=': 'at least', '<': 'less than', '<=': 'at most' }[op]} ${d} since ${since}`;
  }
  const k = left.type.kind;
  if (k !== 'date' && k !== 'datetime' && k !== 'time') return undefined;
  if (op === '<=' && right.kind === 'shift' && right.sign === 1 && right.type.kind === 'date' && fixedDays(right.by) !== undefined) {
    const days = fixedDays(right.by)!;
    if (zh) return `${say(left)}在${say(right.base)}次日起 ${days} 天内`;
    return `${say(left)} is within ${days} days counted from the day after ${say(right.base)}`;
  }
  const words = zh
    ? { '==': '为', '!=': '不为', '<': '早于', '<=': '不晚于', '>': '晚于', '>=': '不早于' }
    : { '==': 'is', '!=': 'is not', '<': 'is before', '<=': 'is on or before', '>': 'is after', '>=': 'is on or after' };
  return zh ? `${say(left)}${words[op]}${say(right)}` : `${say(left)} ${words[op]} ${say(right)}`;
}

/** The whole days of a constant duration (`7 days`), or undefined. */
function fixedDays(e: Expr): number | undefined {
  if (e.kind !== 'literal' || typeof e.value !== 'object') return undefined;
  const d = e.value as Duration;
  return d.unit === 'day' ? d.amount : d.unit === 'week' ? d.amount * 7 : undefined;
}

/** When something is due, in words: "3 天内", "报修时间后 2 小时内", "下一个 9:00 前", "当天". */
export function describeDue(rule: DueRule, plain: Duration | null, locale: string, say: Say): string {
  const zh = isZh(locale);
  const from = 'from' in rule && rule.from ? say(rule.from) : null;
  switch (rule.kind) {
    case 'moment':
      return zh ? `${say(rule.moment)}前` : `by ${say(rule.moment)}`;
    case 'end-of-day':
      if (from === null) return zh ? '当天' : 'same day';
      return zh ? `${from}当天` : `the same day as ${from}`;
    case 'at': {
      const clock = rule.clock.kind === 'literal' ? formatClock(rule.clock.value as number) : say(rule.clock);
      if (from === null) return zh ? `下一个 ${clock} 前` : `by the next ${clock}`;
      return zh ? `${from}后的下一个 ${clock} 前` : `by the next ${clock} after ${from}`;
    }
    case 'after': {
      if (from === null && plain) return formatDeadline(plain, locale);
      const amount = plain ? formatDuration(plain, locale) : say(rule.amount);
      if (from === null) return zh ? `${amount}内` : `within ${amount}`;
      return zh ? `${from}后 ${amount}内` : `within ${amount} after ${from}`;
    }
  }
}
