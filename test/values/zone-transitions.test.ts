import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { offsetChanges } from '../../src/analysis/solver/time-domain.js';
import { zoneHistory } from '../../src/values/zone-transitions.js';
import { type FixedEra, fixedEra } from '../../src/values/zone.js';
import { seededRandom } from '../support/generate-policy.js';

/**
 * A zone's history read from Intl directly (zone-transitions.ts) against the Temporal polyfill's
 * answers, which it replaced because they cost ~150 ms of every `check` start-up: the era of fixed
 * offset, the offsets before it, every change of offset and the offset at seeded moments. Zones
 * with summer time still (Berlin, New York, Lord Howe's half hour), that dropped it (São Paulo
 * 2019, Shanghai 1991), never had it (Kolkata), with a shorter sampling window in the polyfill
 * (Noronha), a skipped day (Apia), Morocco's changes for Ramadan until 2087, and UTC and fixed
 * offsets.
 */

const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 + 86_340;
const LATEST_ERA_START = Date.UTC(2100, 0, 1) / 1000;
const instant = (t: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(t * 1000).toZonedDateTimeISO(zone);

/** fixedEra as it was, through Temporal. */
function temporalEra(zone: string): FixedEra | null {
  const end = instant(LAST_MOMENT, zone);
  const last = end.getTimeZoneTransition('previous');
  const start = last === null ? -Infinity : last.epochMilliseconds / 1000;
  return start > LATEST_ERA_START ? null : { start, offset: end.offsetNanoseconds / 1e9 };
}

/** offsetChanges as it was, through Temporal. */
function temporalOffsetChanges(zone: string, era: FixedEra): readonly [number, number] {
  let lo = 0;
  let hi = 0;
  if (era.start === -Infinity) return [lo, hi];
  let z: Temporal.ZonedDateTime | null = instant(era.start, zone);
  for (let i = 0; z !== null && i < 10_000; i++) {
    const before = z.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e9 - era.offset;
    lo = Math.min(lo, before);
    hi = Math.max(hi, before);
    z = z.getTimeZoneTransition('previous');
  }
  return [Math.floor(lo), Math.ceil(hi)];
}

const zones = [
  'Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata',
  'Australia/Lord_Howe', 'America/Noronha', 'Pacific/Apia', 'Africa/Casablanca', '+08:00', '-05:30',
];

describe('a zone\'s history from Intl agrees with Temporal', () => {
  it.each(zones)('%s: the era of fixed offset and the offsets before it', (zone) => {
    const era = fixedEra(zone);
    expect(era).toEqual(temporalEra(zone));
    if (era !== null) expect(offsetChanges(zone, era)).toEqual(temporalOffsetChanges(zone, era));
  });

  it('gives the same changes of offset, one after another back from 2030', () => {
    for (const zone of ['Europe/Berlin', 'Asia/Shanghai', 'America/Noronha']) {
      const history = zoneHistory(zone);
      let t: number | undefined = Date.UTC(2030, 0, 1) / 1000;
      let z: Temporal.ZonedDateTime | null = instant(t, zone);
      for (let i = 0; i < 40 && z !== null; i++) {
        z = z.getTimeZoneTransition('previous');
        t = history.previousChange(t!);
        expect([zone, t]).toEqual([zone, z === null ? undefined : z.epochMilliseconds / 1000]);
      }
    }
  });

  it('gives the same offset at seeded moments from 1800 to 2200, and at the edges of changes', () => {
    const random = seededRandom(16);
    const [from, to] = [Date.UTC(1800, 0, 1) / 1000, Date.UTC(2200, 0, 1) / 1000];
    for (const zone of ['Asia/Shanghai', 'Australia/Lord_Howe', 'Pacific/Apia']) {
      const history = zoneHistory(zone);
      const moments = Array.from({ length: 150 }, () => from + Math.floor(random() * (to - from)));
      for (let z = instant(to, zone).getTimeZoneTransition('previous'), i = 0; z !== null && i < 30; z = z.getTimeZoneTransition('previous'), i++) {
        const change = z.epochMilliseconds / 1000;
        moments.push(change - 1, change, change + 1);
      }
      for (const t of moments) expect([zone, t, history.offsetAt(t)]).toEqual([zone, t, instant(t, zone).offsetNanoseconds / 1e9]);
    }
  });
});
