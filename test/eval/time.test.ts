import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEvaluator } from '../../src/eval/engines/compiled/compile-evaluator.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { parseTestFile, runTestFile } from '../../src/eval/testing/policy-tests.js';
import { sourceFile } from '../../src/source/source-file.js';
import { repoRoot } from '../support/cli.js';
import { isoMoment } from '../../src/values/zone.js';
import { loadGraph } from './fixtures.js';

/**
 * Time end to end on test/fixtures/time/service.sop: case input in every form, the free period
 * counted in calendar years, windows of clock times, due moments, deadlines with cases, rules on
 * the facts; the interpreter and the compiled evaluator agree on each case and on random ones.
 */

const graph = loadGraph('test/fixtures/time/service.sop');
const compiled = compileEvaluator(graph);
const SH = 'Asia/Shanghai';

type Raw = Record<string, unknown>;

/** Evaluates a raw case with both evaluators; fails the test when they disagree. */
function run(raw: Raw) {
  const read = readCase(graph, raw, { locale: 'en' });
  if (read.value === undefined) return { invalid: read.diagnostics.map((d) => d.message) };
  const reference = evaluate(graph, read.value, { locale: 'en' });
  const full = compiled.evaluate(read.value, { locale: 'en' });
  const fast = compiled.decide(read.value, { locale: 'en' });
  const summary = {
    status: reference.status,
    outcome: reference.outcome?.id ?? null,
    due: reference.outcome?.due == null ? null : isoMoment(reference.outcome.due, SH),
    needs: reference.needs,
    codes: reference.diagnostics.map((d) => d.code),
  };
  expect({ status: full.status, outcome: full.outcome?.id ?? null, due: full.outcome?.due ?? null, needs: full.needs, codes: full.diagnostics.map((d) => d.code) })
    .toEqual({ ...summary, due: reference.outcome?.due ?? null });
  expect({ status: fast.status, outcome: fast.outcome, due: fast.due, needs: fast.needs }).toEqual({
    status: reference.status, outcome: reference.outcome?.id ?? null, due: reference.outcome?.due ?? null, needs: reference.needs,
  });
  return summary;
}

const repair = (purchased: string, reported: string, extra: Raw = {}) => ({ request: 'repair', purchased_on: purchased, reported_at: reported, problem: 'ordinary', ...extra });

describe('time in evaluation, interpreter and compiled evaluator alike', () => {
  it.each([
    ['the second anniversary is inside the free period', repair('2024-02-01', '2026-02-01T10:00:00+08:00'), 'free_repair', '2026-02-01T12:00:00+08:00'],
    ['the day after it is outside', repair('2024-02-01', '2026-02-02T10:00:00+08:00'), 'paid_repair', '2026-02-02T12:00:00+08:00'],
    ['a purchase on 29 February ends on 28 February', repair('2024-02-29', '2026-02-28T09:00:00+08:00'), 'free_repair', '2026-02-28T11:00:00+08:00'],
    ['and not on 1 March', repair('2024-02-29', '2026-03-01T09:00:00+08:00'), 'paid_repair', '2026-03-01T11:00:00+08:00'],
    ['a report given in UTC counts by its Shanghai date and clock', repair('2024-02-01', '2026-01-31T17:00:00Z'), 'free_repair', '2026-02-01T10:00:00+08:00'],
    ['a special problem is due in 24 hours', repair('2025-06-01', '2026-02-01T20:00:00+08:00', { problem: 'special' }), 'free_repair', '2026-02-02T20:00:00+08:00'],
    ['16:00:00 is still within the day\'s response', repair('2025-06-01', '2026-02-01T16:00:00+08:00'), 'free_repair', '2026-02-01T18:00:00+08:00'],
    ['16:00:30 waits for 10:00 the next day', repair('2025-06-01', '2026-02-01T16:00:30+08:00'), 'free_repair', '2026-02-02T10:00:00+08:00'],
    ['06:30 is due at 10:00 the same day', repair('2025-06-01', '2026-02-01T06:30:00+08:00'), 'free_repair', '2026-02-01T10:00:00+08:00'],
    ['exactly 12 hours unpaid, online: remind', { request: 'unpaid', ordered_at: '2026-12-02T09:30:00+08:00', now: '2026-12-02T21:30:00+08:00' }, 'remind_payment', '2026-12-02T22:00:00+08:00'],
    ['one minute less: wait until 12 hours are up', { request: 'unpaid', ordered_at: '2026-12-02T09:31:00+08:00', now: '2026-12-02T21:30:00+08:00' }, 'wait_for_payment', '2026-12-02T21:31:00+08:00'],
    ['23:29 is online', { request: 'unpaid', ordered_at: '2026-12-01T09:00:00+08:00', now: '2026-12-02T23:29:00+08:00' }, 'remind_payment', '2026-12-02T23:59:00+08:00'],
    ['23:30 is not: the next 09:00', { request: 'unpaid', ordered_at: '2026-12-01T09:00:00+08:00', now: '2026-12-02T23:30:00+08:00' }, 'remind_next_morning', '2026-12-03T09:00:00+08:00'],
    ['across midnight, 09:00 the same morning', { request: 'unpaid', ordered_at: '2026-12-01T09:00:00+08:00', now: '2026-12-02T16:10:00Z' }, 'remind_next_morning', '2026-12-03T09:00:00+08:00'],
    ['a booking an hour ahead is confirmed, due at the appointment', { request: 'booking', now: '2026-12-02T10:00:00+08:00', appointment_at: '2026-12-02T11:00:00+08:00' }, 'confirm_booking', '2026-12-02T11:00:00+08:00'],
    ['59 minutes ahead is too short', { request: 'booking', now: '2026-12-02T10:00:00+08:00', appointment_at: '2026-12-02T10:59:00+08:00' }, 'rebook', '2026-12-02T10:30:00+08:00'],
    ['a day ahead exactly is fine', { request: 'booking', now: '2026-12-02T10:00:00+08:00', appointment_at: '2026-12-03T10:00:00+08:00' }, 'confirm_booking', '2026-12-03T10:00:00+08:00'],
    ['same day is the end of the day in Shanghai', { request: 'part', now: '2026-12-02T01:30:00Z' }, 'sell_part', '2026-12-02T23:59:59+08:00'],
  ])('%s', (_, raw, outcome, due) => {
    expect(run(raw)).toMatchObject({ status: 'decided', outcome, due });
  });

  it('stays decided with no due moment when the moment it counts from is not given', () => {
    expect(run({ request: 'part' })).toMatchObject({ status: 'decided', outcome: 'sell_part', due: null });
  });

  it('asks for the facts a deadline case reads once the outcome is known', () => {
    expect(run(repair('2025-06-01', '2026-02-01T10:00:00+08:00', { problem: null }))).toMatchObject({ status: 'undecided', outcome: 'free_repair', needs: ['problem'] });
  });

  it('asks for now where a condition reads it', () => {
    expect(run({ request: 'unpaid', ordered_at: '2026-12-02T09:30:00+08:00' })).toMatchObject({ status: 'undecided', outcome: null, needs: ['now'] });
  });

  it('refuses a case that breaks a rule on the facts, naming them, whatever its path', () => {
    expect(run({ request: 'part', ordered_at: '2026-12-02T10:00:00+08:00', now: '2026-12-02T09:59:00+08:00' })).toMatchObject({ status: 'error', codes: ['case/broken-rule'] });
    expect(run({ request: 'part', ordered_at: '2026-12-02T10:00:00+08:00', now: '2026-12-02T10:00:00+08:00' })).toMatchObject({ status: 'decided' });
    const r = evaluate(graph, readCase(graph, { request: 'repair', purchased_on: '2026-02-02', reported_at: '2026-02-01T23:00:00+08:00' }).value!, { locale: 'en' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['the case breaks a rule of the policy: A fault cannot be reported before the purchase (`reported_at`, `purchased_on`)']);
  });
});

describe('time fields of a case', () => {
  it.each([
    ['purchased_on', '2026-02-30', 'en', '`purchased_on` is not a date that exists: 2026-02-30', 'write a date with its year, such as 2026-12-01, 2026/12/1, 2026年12月1日 or 1 December 2026'],
    ['reported_at', '2026-12-02', 'en', '`reported_at` is a date, but a moment (date, time and offset) is expected: 2026-12-02', "write a date and a clock time (in the policy's time zone), such as 2026-12-02 09:30, 2026年12月2日 上午9点30分 or 2 December 2026 9:30 am, or with an offset: 2026-12-02T09:30:00+08:00"],
    ['purchased_on', '2026-02-30', 'zh-CN', '`purchased_on` 不是存在的日期：2026-02-30', '请写带年份的日期，例如 2026-12-01、2026/12/1、2026年12月1日 或 1 December 2026'],
  ])('refuses %s = %s (%s), naming the field, the value and an example', (field, value, locale, message, help) => {
    const r = readCase(graph, { [field]: value }, { locale });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([['case/schema', message, help]]);
  });

  it("reads a moment without an offset in the policy's zone (it used to be refused)", () => {
    const r = readCase(graph, { reported_at: '2026-12-02T09:30:00' });
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.get('reported_at')).toBe(Date.UTC(2026, 11, 2, 1, 30) / 1000);
  });
});

describe('the evaluators agree on random time cases', () => {
  const offsets = ['Z', '+08:00', '-05:00', '+05:45', '+14:00'];
  /** Moments near month ends, midnights and the service hours' edges, written with various offsets. */
  const moment = fc.tuple(
    fc.integer({ min: 2023, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 28, 29, 30, 31),
    fc.constantFrom(0, 1, 7, 8, 9, 15, 16, 17, 23), fc.constantFrom(0, 29, 30, 59), fc.constantFrom(0, 30), fc.constantFrom(...offsets),
  ).map(([y, mo, d, h, mi, s, z]) => {
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${y}-${p(mo)}-${p(Math.min(d, days))}T${p(h)}:${p(mi)}:${p(s)}${z}`;
  });
  const date = moment.map((m) => m.slice(0, 10));
  const field = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });
  const raw = fc.record({
    request: field(fc.constantFrom('repair', 'unpaid', 'booking', 'part')),
    purchased_on: field(date), reported_at: field(moment), problem: field(fc.constantFrom('ordinary', 'special')),
    ordered_at: field(moment), appointment_at: field(moment), now: field(moment),
  }).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

  it('on status, outcome, due moment and needs', () => {
    fc.assert(fc.property(raw, (r) => {
      run(r);
    }), { numRuns: 400 });
  });
});

describe('policy tests assert due moments', () => {
  it('compares moments whatever their offset, null meaning none, and shows a wrong one in the zone', () => {
    const text = readFileSync(join(repoRoot, 'test/fixtures/time/service.test.yaml'), 'utf8');
    const parsed = parseTestFile(sourceFile('test/fixtures/time/service.test.yaml', text), 'en');
    expect(parsed.diagnostics).toEqual([]);
    const results = runTestFile(graph, parsed.value!, 'en');
    expect(results.map((r) => r.failures)).toEqual([
      [], [], [],
      [{ field: 'due', expected: '2026-12-02T23:59:00+08:00', actual: '2026-12-02T23:59:59+08:00' }],
    ]);
  });
});
