import { describe, expect, it } from 'vitest';
import { compileText } from '../support/compile.js';
import { monthsBand, fixedEra, offsetChanges } from '../../src/analysis/solver/time-domain.js';

/**
 * The checker on time conditions: exact where the README says so (clock-time windows, a moment's
 * date and clock time in a zone's era of fixed offset, moments against each other, calendar
 * months where the answer does not hang on their length), `graph/inexact-analysis` elsewhere.
 * Each row is a policy's decision and the diagnostics `check` gives (code and witness).
 */

function check(zone: string, decision: string, extra = ''): string[] {
  const text = `policy p "P" { locales zh-CN  timezone "${zone}"  start d }
fact ordered_at: datetime "下单"
fact appointment_at: datetime "预约"
fact purchased_on: date "购买"
fact reported_on: date "报修"
fact opens: time "开门"
fact closes: time "关门"
${extra}
${decision}
outcome a "A" { }
outcome b "B" { }
`;
  const r = compileText(text);
  return r.diagnostics.filter((d) => d.code.startsWith('graph/') && d.code !== 'graph/unused-fact').map((d) => (d.witness ? `${d.code} ${Object.entries(d.witness).map(([k, v]) => `${k}=${v}`).join(' ')}` : d.code));
}

describe('time in the checker', () => {
  it.each([
    ['two windows covering the day, one wrapping midnight', 'decision d {\n when now.time between 09:00 and 23:30 -> a\n when now.time between 23:30 and 09:00 -> b\n}', []],
    ['the minute a window misses', 'decision d {\n when now.time between 09:00 and 23:30 -> a\n when now.time between 23:31 and 09:00 -> b\n}', ['graph/gap now=2026-01-01T23:30:00+08:00']],
    ['windows with fact ends', 'decision d {\n when now.time between opens and closes -> a\n when not (now.time between opens and closes) -> b\n}', []],
    ['a clock-time fact against its window', 'decision d unique {\n when opens between 08:00 and 18:00 -> a\n when opens < 08:00 or opens >= 18:00 -> b\n}', []],
    ['moments against each other', 'decision d {\n when now - ordered_at < 12 hours -> a\n when now - ordered_at >= 12 hours -> b\n}', []],
    ['12 hours and one second more', 'decision d {\n when now - ordered_at <= 12 hours -> a\n when now - ordered_at > 12 hours + 1 second -> b\n}', ['graph/gap now=1970-01-01T08:00:00+08:00 ordered_at=1969-12-31T19:59:59+08:00']],
    ['a moment, its date and its clock time agree', 'decision d unique {\n when ordered_at.date == now.date and ordered_at.time <= now.time -> a\n when now - ordered_at >= 1 day -> b\n}', ['graph/gap ordered_at=2026-01-02T00:00:00+08:00 now=2026-01-01T00:00:00+08:00', 'graph/inexact-analysis']],
    ['the date of a moment against a date', 'decision d {\n when now.date <= purchased_on + 7 days -> a\n when now.date - purchased_on > 7 days -> b\n}', []],
    ['calendar years, complementary', 'decision d {\n when reported_on <= purchased_on + 2 years -> a\n when reported_on > purchased_on + 2 years -> b\n}', []],
    ['calendar years, one day missing', 'decision d {\n when reported_on < purchased_on + 2 years -> a\n when reported_on > purchased_on + 2 years -> b\n}', ['graph/inexact-analysis']],
    ['calendar years against the fewest days they hold', 'decision d {\n when reported_on <= purchased_on + 2 years -> a\n when reported_on - purchased_on > 730 days -> b\n}', []],
    // 731 days leave a gap only where the two years hold 730: the answer hangs on their length.
    ['calendar years against the most days they hold', 'decision d {\n when reported_on <= purchased_on + 2 years -> a\n when reported_on - purchased_on > 731 days -> b\n}', ['graph/inexact-analysis']],
    ['calendar years against too few days', 'decision d {\n when reported_on <= purchased_on + 2 years -> a\n when reported_on - purchased_on > 800 days -> b\n}', ['graph/gap reported_on=1970-01-01 purchased_on=1967-12-31']],
  ])('Asia/Shanghai: %s', (_, decision, expected) => {
    expect(check('Asia/Shanghai', decision)).toEqual(expected);
  });

  it('is exact for the link of a moment to its date in a zone that never changed offset', () => {
    const d = 'decision d unique {\n when ordered_at.date == now.date and ordered_at.time <= now.time -> a\n when now - ordered_at >= 1 day -> b\n when now < ordered_at -> b\n when ordered_at.date < now.date and now - ordered_at < 1 day -> a\n}';
    expect(check('UTC', d)).toEqual([]);
  });

  it('reports a date or clock time of a moment in a zone that still has summer time as inexact', () => {
    const d = 'decision d {\n when now.time between 09:00 and 23:30 -> a\n when now.time between 23:30 and 09:00 -> b\n}';
    expect(check('Europe/Berlin', d)).toEqual(['graph/inexact-analysis']);
  });

  it('knows the zones: Asia/Shanghai fixed since 1991 (summer time until then), UTC always', () => {
    expect(fixedEra('Asia/Shanghai')).toEqual({ start: Date.UTC(1991, 8, 14, 17) / 1000, offset: 28_800 });
    expect(offsetChanges('Asia/Shanghai', fixedEra('Asia/Shanghai')!)).toEqual([0, 3600]);
    expect(fixedEra('UTC')).toEqual({ start: -Infinity, offset: 0 });
    expect(fixedEra('Europe/Berlin')).toBeNull();
  });

  it('counts the days calendar months can add, from the calendar', () => {
    expect(monthsBand(1)).toEqual([28, 31]);
    expect(monthsBand(-1)).toEqual([-31, -28]);
    expect(monthsBand(12)).toEqual([365, 366]);
    expect(monthsBand(24)).toEqual([730, 731]);
  });
});
