import type { Value, ValueType } from '../../graph/graph.js';
import { dayOfIsoDate, secondsOfClock } from '../../values/calendar.js';
import { parseDuration } from '../../values/duration.js';
import { parseMoment } from '../../values/zone.js';
import type { Messages } from '../messages.js';

/**
 * Reading the time fields of a case: a date as `YYYY-MM-DD`, a moment as ISO 8601 with an offset,
 * a clock time as `HH:MM`, a duration as `2 hours`. Each refusal says what was wrong and how to write it.
 */

import type { TimeKind } from './time-answers.js';

/** The run-time value of a plainly valid time field, or undefined (allocates nothing for dates, moments, clock times). */
export function plainTime(kind: TimeKind, raw: unknown): Value | undefined {
  if (typeof raw !== 'string') return undefined;
  switch (kind) {
    case 'date':
      return dayOfIsoDate(raw);
    case 'time':
      return secondsOfClock(raw);
    case 'datetime': {
      const m = parseMoment(raw);
      return 'moment' in m ? m.moment : undefined;
    }
    case 'duration':
      return parseDuration(raw);
  }
}

/** The forms a time field may be written in, in words. */
export function timeHelp(kind: TimeKind, msg: Messages): string {
  return { date: msg.dateHelp, datetime: msg.datetimeHelp, time: msg.timeHelp, duration: msg.durationHelp }[kind];
}

/** Why a time field is refused: the message and how to write it. */
export function timeRefusal(kind: TimeKind, field: string, raw: unknown, msg: Messages, mustBe: () => string): { message: string; help: string } {
  const help = timeHelp(kind, msg);
  if (typeof raw !== 'string') return { message: mustBe(), help };
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return { message: msg.noSuchDate(field, raw), help };
  if (kind === 'time' && /^\d{1,2}:\d{2}(:\d{2})?$/.test(raw)) return { message: msg.noSuchTime(field, raw), help };
  if (kind === 'datetime') {
    const m = parseMoment(raw);
    if ('error' in m && m.error === 'no-offset') return { message: msg.noOffset(field, raw), help };
    if ('error' in m && m.error === 'date-only') return { message: msg.dateNotMoment(field, raw), help };
    if ('error' in m && m.error === 'impossible') return { message: msg.noSuchDate(field, raw), help };
  }
  return { message: mustBe(), help };
}

/** Whether a type is one of the time types. */
export function isTimeType(type: ValueType): type is { kind: TimeKind } {
  return type.kind === 'date' || type.kind === 'datetime' || type.kind === 'time' || type.kind === 'duration';
}
