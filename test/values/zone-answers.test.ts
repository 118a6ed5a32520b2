import { afterEach, describe, expect, it, vi } from 'vitest';
import { learnZoneAnswers, ZoneHistory, zoneAnswers, zoneHistory } from '../../src/values/zone-transitions.js';
import { isTimeZone } from '../../src/values/zone.js';

/**
 * A zone history's answers can be carried to another process (zone-transitions.ts zoneAnswers /
 * learnZoneAnswers, kept by the CLI in zone-cache.ts): learnt answers are given without Intl, and
 * a question not learnt is still answered from Intl. And isTimeZone's shortcut, the platform's
 * list of canonical names, accepts only names Temporal accepts.
 */

const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 + 86_340;

afterEach(() => vi.unstubAllGlobals());

/** Intl without date formats: a question that needs one throws. */
function withoutDateFormats(): void {
  vi.stubGlobal('Intl', {
    ...Intl,
    DateTimeFormat: function DateTimeFormat() {
      throw new Error('asked Intl');
    },
  });
}

describe('zone answers', () => {
  // A zone no other test asks about: its history in this process starts empty.
  const zone = 'America/Argentina/Ushuaia';

  it('answers what it learnt without Intl, and the rest from Intl', () => {
    const reference = new ZoneHistory(zone);
    let change = reference.previousChange(LAST_MOMENT);
    const asked: number[] = [];
    for (let i = 0; change !== undefined && i < 5; i++, change = reference.previousChange(change)) asked.push(change);
    const offsets = asked.map((t) => reference.offsetAt(t - 1));
    expect(asked.length).toBe(5);

    learnZoneAnswers({ [zone]: { offsetAt: [...reference.offsets], previousChange: [...reference.changes] } });
    withoutDateFormats();
    const learnt = zoneHistory(zone);
    expect(learnt.previousChange(LAST_MOMENT)).toBe(asked[0]);
    expect(asked.slice(0, 4).map((t) => learnt.previousChange(t))).toEqual(asked.slice(1));
    expect(asked.map((t) => learnt.offsetAt(t - 1))).toEqual(offsets);
    expect(() => learnt.offsetAt(0)).toThrow('asked Intl');

    vi.unstubAllGlobals();
    expect(learnt.offsetAt(0)).toBe(new ZoneHistory(zone).offsetAt(0));
    expect(zoneAnswers()[zone].offsetAt).toContainEqual([0, learnt.offsetAt(0)]);
  });

  it('takes a zone that never changed as learnt too (no change: null)', () => {
    learnZoneAnswers({ 'Etc/GMT-14': { offsetAt: [], previousChange: [[LAST_MOMENT, null]] } });
    withoutDateFormats();
    expect(zoneHistory('Etc/GMT-14').previousChange(LAST_MOMENT)).toBeUndefined();
  });
});

describe('isTimeZone', () => {
  it('accepts every canonical name as Temporal does, and asks Temporal about the rest', async () => {
    const { Temporal } = await import('temporal-polyfill');
    const byTemporal = (zone: string) => {
      try {
        Temporal.Now.instant().toZonedDateTimeISO(zone);
        return true;
      } catch {
        return false;
      }
    };
    const canonical = Intl.supportedValuesOf('timeZone');
    expect(canonical.filter((zone) => !byTemporal(zone))).toEqual([]);
    for (const zone of ['Asia/Chongqing', 'asia/shanghai', 'UTC', 'utc', '+08:00', 'Asia/Beijing', 'Mars/Olympus', '']) {
      expect(isTimeZone(zone), zone).toBe(byTemporal(zone));
    }
  });
});
