import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/eval/input/case-reader.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { clockText, isoDateOfDay } from '../../src/values/calendar.js';
import { formatClock, formatDay, formatDuration, formatMoment } from '../../src/values/format.js';
import { compileText } from '../support/compile.js';

/** Time answers as staff type them: dates, moments, clock times and durations, in the staff reader. */

function policy(zone: string): DecisionGraph {
  const r = compileText(`policy p "时间" @en "Time" {
  locales zh-CN, en
  timezone "${zone}"
  start d
}
fact bought: date "购买日期" @en "Bought"
fact reported: datetime "报修时间" @en "Reported"
fact clock: time "预约时刻" @en "Clock"
fact wait: duration "等待时长" @en "Wait"
decision d "分流" @en "Triage" {
  when bought <= now.date and reported <= now and clock >= 09:00 and wait > 1 hour -> ok
  otherwise -> ok
}
outcome ok "好" @en "OK" { owner staff }
department staff "客服" @en "Staff"
`);
  if (!r.graph) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.graph;
}

const shanghai = policy('Asia/Shanghai');
const berlin = policy('Europe/Berlin');
const read = (graph: DecisionGraph, field: string, raw: string, locale = 'en') => readCase(graph, { [field]: raw }, { locale });
const moment = (iso: string) => Date.parse(iso) / 1000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('time answers as staff type them', () => {
  it.each([
    // dates, with their year
    ['bought', '2026-12-03', day('2026-12-03')],
    ['bought', '2026/12/3', day('2026-12-03')],
    ['bought', '2026-12-3', day('2026-12-03')],
    ['bought', '2026.12.03', day('2026-12-03')],
    ['bought', '2026年12月3日', day('2026-12-03')],
    ['bought', '2026 年 12 月 3 号', day('2026-12-03')],
    ['bought', '２０２６年１２月３日', day('2026-12-03')],
    ['bought', '3 December 2026', day('2026-12-03')],
    ['bought', 'Dec 3, 2026', day('2026-12-03')],
    ['bought', '2024/2/29', day('2024-02-29')],
    // moments without an offset are in the policy's zone
    ['reported', '2026-12-03 14:00', moment('2026-12-03T06:00:00Z')],
    ['reported', '2026-12-03T14:00', moment('2026-12-03T06:00:00Z')],
    ['reported', '2026/12/3 14:00:30', moment('2026-12-03T06:00:30Z')],
    ['reported', '2026年12月3日 14点30分', moment('2026-12-03T06:30:00Z')],
    ['reported', '2026年12月3日14:30', moment('2026-12-03T06:30:00Z')],
    ['reported', '2026年12月3日 下午2点半', moment('2026-12-03T06:30:00Z')],
    ['reported', '3 December 2026 2:30 pm', moment('2026-12-03T06:30:00Z')],
    ['reported', '２０２６－１２－０３　１４：００', moment('2026-12-03T06:00:00Z')],
    ['reported', '2026-12-03T14:00:00+08:00', moment('2026-12-03T06:00:00Z')],
    ['reported', '2026-12-03 14:00+01:00', moment('2026-12-03T13:00:00Z')],
    // clock times
    ['clock', '14:00', 14 * 3600],
    ['clock', '9:05', 9 * 3600 + 300],
    ['clock', '14点30分', 14 * 3600 + 1800],
    ['clock', '14点', 14 * 3600],
    ['clock', '14时30分15秒', 14 * 3600 + 1815],
    ['clock', '0点', 0],
    ['clock', '上午9点', 9 * 3600],
    ['clock', '下午2点半', 14 * 3600 + 1800],
    ['clock', '晚上9点30分', 21 * 3600 + 1800],
    ['clock', '中午12点', 12 * 3600],
    ['clock', '凌晨0点', 0],
    ['clock', '9am', 9 * 3600],
    ['clock', '9:30 PM', 21 * 3600 + 1800],
    ['clock', '１４：００', 14 * 3600],
  ])('reads %s = %j', (field, raw, value) => {
    const r = read(shanghai, field, raw);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.value?.get(field)).toBe(value);
  });

  it.each([
    ['3天', 3 * 86_400],
    ['12小时', 12 * 3600],
    ['12个小时', 12 * 3600],
    ['2小时30分', 150 * 60],
    ['2小时30分钟', 150 * 60],
    ['1天12小时', 36 * 3600],
    ['30分钟', 1800],
    ['2周', 14 * 86_400],
    ['1.5天', 36 * 3600],
    ['３天', 3 * 86_400],
    ['2 hours 30 minutes', 150 * 60],
    ['2h30min', 150 * 60],
    ['3 days', 3 * 86_400],
    ['1 day', 86_400],
    ['当天', 0],
  ])('reads the duration %j', (raw, seconds) => {
    const r = read(shanghai, 'wait', raw);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    const d = r.value?.get('wait') as { amount: number; unit: string };
    const per = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800 }[d.unit as 'second'];
    expect(d.amount * per).toBe(seconds);
  });

  it.each([
    // nothing guessed: each refusal names the field, what was given and what is wrong
    ['bought', '12月3日', 'en', '`bought`: "12月3日" has no year, and which year would be a guess'],
    ['bought', '12/3', 'en', '`bought`: "12/3" has no year, and which year would be a guess'],
    ['bought', 'December 3', 'en', '`bought`: "December 3" has no year, and which year would be a guess'],
    ['bought', '03/12/2026', 'en', '`bought`: "03/12/2026" could be read day first or month first'],
    ['bought', '2026/2/30', 'en', '`bought`: "2026/2/30" is not a date that exists'],
    ['reported', '2026-02-30 14:00', 'en', '`reported`: "2026-02-30 14:00" is not a date that exists'],
    ['bought', '12月3日', 'zh-CN', '`bought`：“12月3日” 没有年份，是哪一年只能靠猜'],
    ['clock', '9点', 'en', '`clock`: "9点" could be in the morning or in the evening'],
    ['clock', '12点', 'zh-CN', '`clock`：“12点” 可能是上午也可能是晚上'],
    ['clock', '晚上12点', 'en', '`clock`: "晚上12点" could be in the morning or in the evening'],
    ['clock', '25点', 'en', '`clock`: "25点" is not a clock time that exists'],
    ['reported', '14:00', 'en', '`reported`: "14:00" has no date, and which day would be a guess'],
    ['reported', '12月3日 14:00', 'en', '`reported`: "12月3日 14:00" has no year, and which year would be a guess'],
    ['reported', '2026-12-03 9点', 'zh-CN', '`reported`：“2026-12-03 9点” 可能是上午也可能是晚上'],
    ['wait', '1个月', 'en', '`wait`: "1个月" is a calendar length: months and years have no fixed length'],
  ])('refuses %s = %j (%s), with the allowed forms', (field, raw, locale, message) => {
    const r = read(shanghai, field, raw, locale);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([message.replace(/“(.*)”/, (_, t) => JSON.stringify(t))]);
    expect(r.diagnostics[0].help).toMatch(locale === 'en' ? /^write / : /^请写/);
  });

  it('refuses a local time the zone skips or repeats, naming the zone', () => {
    expect(read(berlin, 'reported', '2026-03-29 02:30').diagnostics.map((d) => d.message)).toEqual(['`reported`: "2026-03-29 02:30" does not exist in Europe/Berlin: the clocks skip it']);
    expect(read(berlin, 'reported', '2026-10-25 02:30').diagnostics.map((d) => d.message)).toEqual(['`reported`: "2026-10-25 02:30" happens twice in Europe/Berlin: the clocks go back over it']);
    // with its offset, the repeated hour is one moment
    expect(read(berlin, 'reported', '2026-10-25T02:30+01:00').value?.get('reported')).toBe(moment('2026-10-25T01:30:00Z'));
    expect(read(berlin, 'reported', '2026-12-03 14:00').value?.get('reported')).toBe(moment('2026-12-03T13:00:00Z'));
  });

  it('reads every example its help texts give', () => {
    for (const text of ['2026-12-02 09:30', '2026年12月2日 上午9点30分', '2 December 2026 9:30 am', '2026-12-02T09:30:00+08:00']) {
      expect(read(shanghai, 'reported', text).value?.get('reported'), text).toBe(moment('2026-12-02T01:30:00Z'));
    }
    for (const text of ['2026-12-01', '2026/12/1', '2026年12月1日', '1 December 2026']) expect(read(shanghai, 'bought', text).value?.get('bought'), text).toBe(day('2026-12-01'));
    for (const text of ['09:30', '14点30分', '上午9点', '9:30 pm']) expect(read(shanghai, 'clock', text).diagnostics, text).toEqual([]);
    for (const text of ['3天', '12小时', '2小时30分', '2 hours', '30 minutes', '7 days']) expect(read(shanghai, 'wait', text).diagnostics, text).toEqual([]);
  });

  it('leaves other text to the reader, which says what is allowed', () => {
    const r = read(shanghai, 'bought', '下周一');
    expect(r.diagnostics.map((d) => [d.message, d.help])).toEqual([[
      '`bought` must be a date YYYY-MM-DD, got string "下周一"',
      'write a date with its year, such as 2026-12-01, 2026/12/1, 2026年12月1日 or 1 December 2026',
    ]]);
  });
});

describe('formatting a time value and reading it back gives the value', () => {
  const locales = fc.constantFrom('zh-CN', 'en');
  const days = fc.integer({ min: day('1970-01-01'), max: day('2099-12-31') });
  const seconds = fc.integer({ min: 0, max: 86_399 });

  it('dates, in words and as input text', () => {
    fc.assert(fc.property(days, locales, (d, locale) => {
      for (const text of [formatDay(d, locale), isoDateOfDay(d), isoDateOfDay(d).replace(/-/g, '/')]) {
        expect(read(shanghai, 'bought', text).value?.get('bought')).toBe(d);
      }
    }), { numRuns: 300 });
  });

  it('clock times', () => {
    fc.assert(fc.property(seconds, (s) => {
      for (const text of [formatClock(s), clockText(s)]) expect(read(shanghai, 'clock', text).value?.get('clock')).toBe(s);
      const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
      const zh = h === 0 || h > 12 ? `${h}点${m}分` : `${h < 12 ? '上午' : '中午'}${h}点${m}分`;
      expect(read(shanghai, 'clock', zh).value?.get('clock')).toBe(s - (s % 60));
    }), { numRuns: 300 });
  });

  it('moments, in the zone, in words', () => {
    fc.assert(fc.property(days, fc.integer({ min: 0, max: 1439 }), locales, fc.constantFrom(shanghai, berlin), (d, minute, locale, graph) => {
      const zone = graph.policy.timezone as string;
      const m = d * 86_400 + minute * 60;
      const r = read(graph, 'reported', formatMoment(m, zone, locale));
      // Berlin's repeated autumn hour is refused rather than guessed; everything else reads back.
      if (r.value === undefined) expect(r.diagnostics[0].message).toContain('happens twice');
      else expect(r.value.get('reported')).toBe(m);
    }), { numRuns: 300 });
  });

  it('durations', () => {
    const units = fc.constantFrom('second', 'minute', 'hour', 'day', 'week') as fc.Arbitrary<'day'>;
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), units, locales, (amount, unit, locale) => {
      const d = read(shanghai, 'wait', formatDuration({ amount, unit }, locale)).value?.get('wait') as { amount: number; unit: string };
      const per = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800 };
      expect(d.amount * per[d.unit as 'day']).toBe(amount * per[unit]);
    }), { numRuns: 300 });
  });
});
