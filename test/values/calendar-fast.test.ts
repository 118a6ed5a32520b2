import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayOfIsoDate, isoDateOfDay, secondsOfClock } from '../../src/values/calendar.js';
import { seededRandom } from '../support/generate-policy.js';

/**
 * calendar.ts answers its common questions with the platform's `Date` for speed; the calendar
 * library (Temporal) is the reference. Seeded dates over every year 0000–9999, the years 0–99
 * (which `Date.UTC` would read as 1900–1999), century years and month ends.
 */

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const random = seededRandom(11);
const days: number[] = [];
const first = Temporal.PlainDate.from('0000-01-01').since(EPOCH).days;
const last = Temporal.PlainDate.from('9999-12-31').since(EPOCH).days;
for (let i = 0; i < 3000; i++) days.push(first + Math.floor(random() * (last - first + 1)));
for (const text of ['0000-01-01', '0000-02-29', '0099-12-31', '0100-02-28', '1900-02-28', '2000-02-29', '2024-01-31', '2024-02-29', '2100-02-28', '9999-12-31', '9998-01-31']) {
  days.push(Temporal.PlainDate.from(text).since(EPOCH).days);
}

describe('the fast calendar agrees with Temporal', () => {
  it('reads and writes ISO dates', () => {
    for (const day of days) {
      const text = EPOCH.add({ days: day }).toString();
      expect([text, dayOfIsoDate(text)]).toEqual([text, day]);
      expect(isoDateOfDay(day)).toBe(text);
    }
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '20260101']) expect(dayOfIsoDate(bad)).toBeUndefined();
  });

  it('adds calendar months the way people count them (the month end when the day is missing)', () => {
    for (const day of days) {
      const months = Math.floor(random() * 51) - 25;
      const date = EPOCH.add({ days: day });
      if (date.year + Math.floor((date.month - 1 + months) / 12) > 9999 || date.year + Math.floor((date.month - 1 + months) / 12) < 0) continue;
      const want = date.add({ months }, { overflow: 'constrain' }).since(EPOCH).days;
      expect([date.toString(), months, addMonthsToDay(day, months)]).toEqual([date.toString(), months, want]);
    }
  });

  it('reads clock times by hand as the pattern H:MM[:SS] does', () => {
    for (const [text, want] of [['9:00', 32_400], ['09:00', 32_400], ['23:59:59', 86_399], ['0:00', 0], ['24:00', undefined], ['9:60', undefined], ['9:00:60', undefined], ['123:00', undefined], ['9:0', undefined], ['a9:00', undefined], ['09:00:', undefined], ['', undefined]] as const) {
      expect([text, secondsOfClock(text)]).toEqual([text, want]);
    }
  });
});
