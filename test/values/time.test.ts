import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayOfIsoDate, isoDateOfDay, secondsOfClock } from '../../src/values/calendar.js';
import { formatClock, formatDay, formatMoney } from '../../src/values/format.js';
import { resolveLocale } from '../../src/values/locale.js';
import { inWindow, shiftTime } from '../../src/values/time-ops.js';
import { clockOfMoment, dayOfMoment, endOfDay, isoMoment, nextClock, parseMoment } from '../../src/values/zone.js';

const SH = 'Asia/Shanghai';
const day = (text: string) => dayOfIsoDate(text) as number;
const at = (text: string) => {
  const m = parseMoment(text);
  if (!('moment' in m)) throw new Error(`not a moment: ${text}`);
  return m.moment;
};

describe('calendar dates', () => {
  it.each([
    ['2026-12-01', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-02-30', false], ['2026-13-01', false],
    ['2026-00-10', false], ['2026-1-5', false], ['1970-01-01', true],
  ])('reads %s as a date: %s', (text, ok) => {
    expect(dayOfIsoDate(text) !== undefined).toBe(ok);
  });

  it('round-trips day numbers', () => {
    for (const text of ['1970-01-01', '2024-02-29', '2026-12-31', '1969-12-31']) expect(isoDateOfDay(day(text))).toBe(text);
    expect(day('1970-01-02')).toBe(1);
  });

  it.each([
    ['2024-02-01', 24, '2026-02-01'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
  ])('moves %s by %i months to %s (the month\'s last day when it has no such day)', (from, months, to) => {
    expect(isoDateOfDay(addMonthsToDay(day(from), months))).toBe(to);
  });
});

describe('clock times', () => {
  it.each([
    ['09:00', 32_400], ['9:00', 32_400], ['23:59:59', 86_399], ['00:00', 0], ['24:00', undefined], ['23:60', undefined], ['9', undefined],
  ])('reads %s as %s seconds', (text, seconds) => {
    expect(secondsOfClock(text)).toBe(seconds);
  });

  it('tests windows, wrapping midnight when the end is not later than the start', () => {
    const t = (s: string) => secondsOfClock(s) as number;
    expect(inWindow(t('09:00'), t('09:00'), t('23:30'))).toBe(true);
    expect(inWindow(t('23:29'), t('09:00'), t('23:30'))).toBe(true);
    expect(inWindow(t('23:30'), t('09:00'), t('23:30'))).toBe(false);
    expect(inWindow(t('08:59:59'), t('09:00'), t('23:30'))).toBe(false);
    for (const [clock, evening] of [['23:45', true], ['00:10', true], ['16:59', false], ['09:00', false], ['17:00', true]] as const) {
      expect(inWindow(t(clock), t('17:00'), t('09:00'))).toBe(evening);
    }
  });
});

describe('moments', () => {
  it.each([
    ['2026-12-02T01:30:00Z', '2026-12-02T09:30:00+08:00'],
    ['2026-12-02T09:30:00+08:00', '2026-12-02T09:30:00+08:00'],
    ['2026-12-02T09:30+08:00', '2026-12-02T09:30:00+08:00'],
    ['2026-12-01T20:30:00-05:00', '2026-12-02T09:30:00+08:00'],
    ['2026-12-02T01:30:00.999Z', '2026-12-02T09:30:00+08:00'],
  ])('reads %s with its offset and prints it in Shanghai as %s', (text, shanghai) => {
    expect(isoMoment(at(text), SH)).toBe(shanghai);
  });

  it.each([
    ['2026-12-02T09:30:00', 'no-offset'], ['2026-12-02', 'date-only'], ['2026-02-30T10:00:00Z', 'impossible'],
    ['2026-12-02T24:01:00Z', 'impossible'], ['yesterday', 'not-a-moment'],
  ])('refuses %s (%s)', (text, error) => {
    expect(parseMoment(text)).toEqual({ error });
  });

  it('takes the date and clock time of a moment in the zone', () => {
    const m = at('2026-01-31T17:00:00Z');
    expect(isoDateOfDay(dayOfMoment(m, SH))).toBe('2026-02-01');
    expect(clockOfMoment(m, SH)).toBe(3600);
    expect(isoDateOfDay(dayOfMoment(m, 'UTC'))).toBe('2026-01-31');
  });

  it('finds the next clock time strictly after a moment, and the end of its day', () => {
    const nine = secondsOfClock('09:00') as number;
    expect(isoMoment(nextClock(at('2026-12-02T08:00:00+08:00'), nine, SH), SH)).toBe('2026-12-02T09:00:00+08:00');
    expect(isoMoment(nextClock(at('2026-12-02T09:00:00+08:00'), nine, SH), SH)).toBe('2026-12-03T09:00:00+08:00');
    expect(isoMoment(nextClock(at('2026-12-31T23:50:00+08:00'), nine, SH), SH)).toBe('2027-01-01T09:00:00+08:00');
    expect(isoMoment(endOfDay(at('2026-12-02T01:30:00Z'), SH), SH)).toBe('2026-12-02T23:59:59+08:00');
  });

  it('moves moments by fixed and calendar durations, a zone with summer time included', () => {
    expect(isoMoment(shiftTime(at('2026-12-02T09:30:00+08:00'), { amount: 2, unit: 'hour' }, 1, false, SH), SH)).toBe('2026-12-02T11:30:00+08:00');
    expect(isoMoment(shiftTime(at('2024-02-29T10:00:00+08:00'), { amount: 1, unit: 'year' }, 1, false, SH), SH)).toBe('2025-02-28T10:00:00+08:00');
    // Across the spring change in New York, a calendar month keeps the clock time; 24 hours do not.
    const ny = 'America/New_York';
    expect(isoMoment(shiftTime(at('2026-03-01T09:00:00-05:00'), { amount: 1, unit: 'month' }, 1, false, ny), ny)).toBe('2026-04-01T09:00:00-04:00');
    expect(isoMoment(shiftTime(at('2026-03-07T09:00:00-05:00'), { amount: 1, unit: 'day' }, 1, false, ny), ny)).toBe('2026-03-08T10:00:00-04:00');
  });
});

describe('one convention per locale', () => {
  it('resolves any zh tag to zh-CN and anything else to en, the policy deciding when none is asked', () => {
    expect(resolveLocale('zh')).toBe('zh-CN');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale(undefined, ['en', 'zh-CN'])).toBe('en');
    expect(resolveLocale(undefined, [])).toBe('zh-CN');
  });

  it('writes money the same way in every output and locale', () => {
    expect(formatMoney(68_000, 'en')).toBe('¥680.00');
    expect(formatMoney(68_000, 'zh-CN')).toBe('¥680.00');
    expect(formatMoney(123_456_789, 'en')).toBe('¥1,234,567.89');
    expect(formatMoney(-5, 'zh-CN')).toBe('-¥0.05');
  });

  it('writes dates and clock times for people', () => {
    expect(formatDay(day('2026-12-01'), 'zh-CN')).toBe('2026年12月1日');
    expect(formatDay(day('2026-12-01'), 'en')).toBe('1 December 2026');
    expect(formatClock(secondsOfClock('09:00') as number)).toBe('9:00');
    expect(formatClock(secondsOfClock('16:00:30') as number)).toBe('16:00:30');
  });
});
