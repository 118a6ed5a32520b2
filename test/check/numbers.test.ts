import { describe, expect, it } from 'vitest';
import { compileText, summarise } from '../support/compile.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { caseSchema, caseValidator } from '../../src/eval/input/case-schema.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { buildHandbookModel } from '../../src/render/view-model.js';
import { formatReport } from '../../src/diagnostics/format-text.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { rat } from '../../src/values/rational.js';

/**
 * Whole numbers, bounds and percentages (`whole number 0..24`, `money ..100000 CNY`, `30%`):
 * the checker, the case reader and its schema, the solver's witnesses, both evaluators and the
 * handbook all read the same bounds.
 */

const header = `policy p "政策" @en "Policy" {
  locales zh-CN, en
  start d
}
`;

function graphOf(body: string): DecisionGraph {
  const result = compileText(header + body);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return result.graph!;
}

const bounded = graphOf(`
fact days: whole number 0..24 "天数" @en "Days"
fact price: money ..100000 CNY "价格" @en "Price"
fact share: number 0..1 "比例" @en "Share"
fact balance: signed money -500.. CNY "余额" @en "Balance"
outcome short "短" @en "Short" {
  value part = price * 30% "三成" @en "Thirty per cent"
  value portion = price * share "比例部分" @en "Portion"
}
outcome long "长" @en "Long" {
}
decision d "判断" @en "Decide" {
  when days < 7 and balance >= 0 CNY -> short
  otherwise -> long
}
`);

describe('a case for whole and bounded facts', () => {
  // Each refused value names the field, what was given and what the fact allows, in both locales.
  it.each([
    ['days=7.1', 'en', '`days` must be a whole number from 0 to 24, got 7.1, which is not a whole number'],
    ['days=-1', 'en', '`days` must be a whole number from 0 to 24, got -1, which is below the least'],
    ['days=25', 'en', '`days` must be a whole number from 0 to 24, got 25, which is above the most'],
    ['price=100000.01', 'en', '`price` must be an amount of at most ¥100,000.00, got 100000.01, which is above the most'],
    ['share=1.5', 'en', '`share` must be a number from 0 to 1, got 1.5, which is above the most'],
    ['balance=-500.01', 'en', '`balance` must be an amount of at least -¥500.00, got -500.01, which is below the least'],
    ['days=7.1', 'zh-CN', '`days` 应为 0 到 24 之间的整数，实际是 7.1，不是整数'],
    ['days=-1', 'zh-CN', '`days` 应为 0 到 24 之间的整数，实际是 -1，小于下限'],
    ['price=100001', 'zh-CN', '`price` 应为不大于 ¥100,000.00 的金额，实际是 100001，大于上限'],
    ['balance=-501', 'zh-CN', '`balance` 应为不小于 -¥500.00 的金额，实际是 -501，小于下限'],
  ])('refuses %s (%s)', (arg, locale, message) => {
    const read = readCaseArgs(bounded, [arg], { locale });
    expect(read.value).toBeUndefined();
    expect(read.diagnostics.map((d) => [d.code, d.message])).toEqual([['case/schema', message]]);
  });

  it.each([
    [{ days: 0, price: 100000, share: 1, balance: -500 }],
    [{ days: 24, price: '0.01', share: 0.25, balance: '-0.5' }],
    [{ days: 7.0 }],
  ])('accepts values within the bounds: %j', (raw) => {
    expect(readCase(bounded, raw).diagnostics).toEqual([]);
  });

  it('refuses a JSON case outside the bounds, on the fast path and the full read alike', () => {
    for (const raw of [{ days: 7.5 }, { days: -1 }, { price: 100000.01 }, { share: -0.1 }]) {
      expect(readCase(bounded, raw, { locale: 'en' }).value, JSON.stringify(raw)).toBeUndefined();
      expect(caseValidator(bounded)(raw), JSON.stringify(raw)).toBe(false);
    }
  });

  it('publishes the bounds in the case schema: integer, minimum and maximum', () => {
    const props = caseSchema(bounded).properties as Record<string, Record<string, unknown>>;
    expect(props.days).toMatchObject({ type: ['integer', 'null'], minimum: 0, maximum: 24 });
    expect(props.price).toMatchObject({ minimum: 0, maximum: 100000 });
    expect(props.share).toMatchObject({ type: ['number', 'null'], minimum: 0, maximum: 1 });
    expect(props.balance).toMatchObject({ minimum: -500 });
  });
});

describe('percentages', () => {
  it('are exact (30% is 3/10) and money times a percentage rounds to the fen like any money × number', () => {
    const compiled = compileEvaluator(bounded);
    for (const [price, part] of [[100, 3000], [0.05, 2], [0.01, 0], [333.33, 10000]] as const) {
      const facts = readCase(bounded, { days: 1, balance: 0, price, share: 0.5 }).value!;
      const r = evaluate(bounded, facts);
      expect(r.outcome?.values.part, String(price)).toBe(part);
      expect(compiled.evaluate(facts).outcome?.values).toEqual(r.outcome?.values);
    }
  });

  it('compares and adds as numbers', () => {
    const g = graphOf(`
fact rate: number "比例" @en "Rate"
outcome high "高" @en "High" {
}
outcome low "低" @en "Low" {
}
decision d "判断" @en "Decide" {
  when rate >= 12.5% + 50% -> high
  otherwise -> low
}
`);
    const at = (rate: number) => evaluate(g, readCase(g, { rate }).value!).outcome?.id;
    expect([at(0.625), at(0.6249), at(1)]).toEqual(['high', 'low', 'high']);
    expect(g.decisions.d.branches[0].condition).toMatchObject({ right: { left: { value: rat(1n, 8n), percent: true } } });
  });
});

describe('the solver with whole and bounded facts', () => {
  const gapsOf = (body: string) => {
    const result = compileText(header + body);
    return result.diagnostics.filter((d) => d.code === 'graph/gap').map((d) => d.witness);
  };
  const outcomes = `
outcome a "甲" @en "A" {
}
outcome b "乙" @en "B" {
}
`;

  it.each([
    ['whole: nothing lies between 7 and 8', 'fact n: whole number "数" @en "N"', 'when n <= 7 -> a\n  when n >= 8 -> b', []],
    ['a plain number has a gap between 7 and 8', 'fact n: number "数" @en "N"', 'when n <= 7 -> a\n  when n >= 8 -> b', [{ n: '7.1' }]],
    ['bounded: nothing below the least', 'fact n: number 0.. "数" @en "N"', 'when n >= 0 -> a', []],
    ['bounded: nothing above the most', 'fact n: number ..10 "数" @en "N"', 'when n <= 10 -> a', []],
    ['money bounded: nothing above the most', 'fact m: money ..100 CNY "钱" @en "M"', 'when m <= 100 CNY -> a', []],
    ['whole and bounded: the witness is a whole number in range', 'fact n: whole number 1..24 "数" @en "N"', 'when n > 3 -> a', [{ n: '1' }]],
    ['a fractional bound of a plain number', 'fact n: number 0.5..2 "数" @en "N"', 'when n > 1 -> a', [{ n: '0.5' }]],
    ['bounded above: the witness just past a strict edge stays within the bound', 'fact n: number ..1 "数" @en "N"', 'when n <= 0.5 -> a', [{ n: '0.6' }]],
    ['bounded below: the default of a fact no condition limits is its least value', 'fact n: number 2..5 "数" @en "N"\nfact b: bool "是" @en "B"', 'when b -> a\n  when n > 3 -> b', [{ b: 'false', n: '2' }]],
    ['whole below a fraction', 'fact n: whole number -5..5 "数" @en "N"', 'when n > 0.5 -> a\n  when n < -0.5 -> b', [{ n: '0' }]],
  ])('%s', (_, factLine, branches, witnesses) => {
    expect(gapsOf(`${factLine}\n${outcomes}decision d "判断" @en "Decide" {\n  ${branches}\n}\n`)).toEqual(witnesses);
  });
});

describe('what the checker says about ranges', () => {
  it.each([
    ['fact n: number 24..0 "数" @en "N"', 'type/bad-range: 24..0'],
    ['fact n: money -5.. CNY "数" @en "N"', 'type/bad-range: -5'],
    ['fact n: whole number 0..2.5 "数" @en "N"', 'type/bad-range: 2.5'],
    ['fact n: number ..5 CNY "数" @en "N"', 'type/bad-range: CNY'],
    ['fact n: money ..5 days "数" @en "N"', 'type/bad-range: days'],
    ['fact n: money 0.001.. CNY "数" @en "N"', 'type/bad-range: 0.001'],
  ])('%s', (factLine, expected) => {
    const result = compileText(`${header}${factLine}\noutcome a "甲" @en "A" {\n}\ndecision d "判断" @en "Decide" {\n  when n > 1 -> a\n  otherwise -> a\n}\n`.replace('n > 1', factLine.includes('money') ? 'n > 1 CNY' : 'n > 1'));
    expect(summarise(result).filter((s) => s.startsWith('type/'))).toEqual([expected]);
  });

  it('says a line is never shown when its `when` limit lies outside the bounds of the facts it reads', () => {
    const policy = (limit: string) => `${header}fact share: number 0..1 "比例" @en "Share"
department cs "客服" @en "Service"
outcome a "甲" @en "A" {
  owner cs
  say "多" @en "More" when ${limit}
}
decision d "判断" @en "Decide" {
  when share > 0.5 -> a
  otherwise -> a
}
`;
    const never = (limit: string) => compileText(policy(limit)).diagnostics.filter((d) => d.code === 'graph/limit-never-holds').length;
    expect(never('share + share > 2')).toBe(1); // at most 1 + 1
    expect(never('share + share > 1.5')).toBe(0);
  });

  it('warns, in both locales, of a comparison every allowed value decides the same way', () => {
    const result = compileText(`${header}fact n: whole number 0..24 "数" @en "N"\noutcome a "甲" @en "A" {\n}\ndecision d "判断" @en "Decide" {\n  when n > 30 -> a\n  otherwise -> a\n}\n`);
    const outside = result.diagnostics.filter((d) => d.code === 'type/outside-range');
    expect(formatReport(outside, result.sources, { color: false, locale: 'en' })).toContain('`n > 30` is never true: `n` lies within `whole number 0..24`');
    expect(formatReport(outside, result.sources, { color: false, locale: 'zh-CN' })).toContain('`n > 30` 永远不成立：`n` 的范围是 `whole number 0..24`');
  });
});

describe('the handbook', () => {
  it('says what a whole or bounded fact takes in the glossary', () => {
    const zh = buildHandbookModel(bounded, 'zh-CN').glossary.map((f) => [f.id, f.type]);
    const en = buildHandbookModel(bounded, 'en').glossary.map((f) => [f.id, f.type]);
    expect(zh).toEqual([['days', '整数，0–24'], ['price', '金额（元），≤ ¥100,000.00'], ['share', '数值，0–1'], ['balance', '金额（元，可为负），≥ -¥500.00']]);
    expect(en).toEqual([['days', 'whole number, 0–24'], ['price', 'amount in CNY, ≤ ¥100,000.00'], ['share', 'number, 0–1'], ['balance', 'amount in CNY (may be negative), ≥ -¥500.00']]);
  });
});
