import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/eval/input/case-reader.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCaseText } from '../../src/eval/input/case-yaml.js';
import { sourceFile } from '../../src/source/source-file.js';
import { compileText } from '../support/compile.js';
import { loadGraph, REFERENCE, SHOP } from './fixtures.js';

/** Answers as staff type them: labels, yes/no words, money with a unit, full-width digits. */

const shop = loadGraph(SHOP);
const reference = loadGraph(REFERENCE);

describe('answers as staff type them', () => {
  it.each([
    // enum members by label, in either locale, ignoring case and width
    ['problem', '少货', 'missing'],
    ['problem', 'Missing items', 'missing'],
    ['problem', '  missing ITEMS ', 'missing'],
    ['problem', 'MISSING', 'missing'],
    ['problem', 'ｌａｔｅ', 'late'],
    ['damage', '严重', 'severe'],
    // yes and no
    ['small', '是', true],
    ['small', '否', false],
    ['small', '对', true],
    ['small', '不对', false],
    ['small', 'yes', true],
    ['small', 'No', false],
    ['small', 'true', true],
    ['small', 'FALSE', false],
    ['small', 'ｙｅｓ', true],
    // money with a unit, in yuan → fen
    ['item_value', '30元', 3000],
    ['item_value', '¥30', 3000],
    ['item_value', '￥30.5', 3050],
    ['item_value', '30.50', 3050],
    ['item_value', '３０．５元', 3050],
    ['item_value', '30 块', 3000],
    ['item_value', '12 CNY', 1200],
    ['item_value', ' 7 ', 700],
    ['profit', '-¥3.5', -350],
    ['profit', '-3.5元', -350],
  ])('reads %s = %j', (fact, raw, value) => {
    const r = readCase(shop, { [fact]: raw }, { locale: 'en' });
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.get(fact)).toBe(value);
  });

  it.each([
    ['problem', '少', '`problem` must be one of `missing` (Missing items), `damaged` (Damaged), `late` (Late delivery), got string "少"'],
    ['small', '可能', '`small` must be `true` or `false`, got string "可能"'],
    ['small', '1', '`small` must be `true` or `false`, got string "1"'],
    ['item_value', '30美元', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got string "30美元"'],
    ['item_value', '1,200', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got string "1,200"'],
    ['item_value', '三十元', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got string "三十元"'],
    ['item_value', '¥30.555', '`item_value` has more than two decimals: 30.555'],
    ['item_value', '-30元', '`item_value` cannot be negative, got -30'],
  ])('refuses %s = %j, saying what is allowed', (fact, raw, message) => {
    const r = readCase(shop, { [fact]: raw }, { locale: 'en' });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('helps with the words staff may use for yes/no and money', () => {
    expect(readCase(shop, { small: '可能' }, { locale: 'zh-CN' }).diagnostics[0].help).toBe('请写 `true`（是）或 `false`（否），也可以写 是/否、对/不对、yes/no');
    expect(readCase(shop, { item_value: 'abc' }, { locale: 'en' }).diagnostics[0].help).toBe('amounts are in CNY to the fen (分), e.g. 12.50, 30元 or ¥30');
  });

  it('refuses a label that names two members, listing what to write instead', () => {
    const { graph } = compileText(`policy p "策略" @en "Policy" {
  locales zh-CN, en
  start d
}
enum colour "颜色" @en "Colour" {
  red "红" @en "Red"
  orange "橙" @en "红"
}
fact c: colour "颜色" @en "Colour"
decision d "判断" @en "Decide" {
  when c == red -> done
  otherwise -> done
}
outcome done "完成" @en "Done" {}
`);
    const r = readCase(graph!, { c: '红' }, { locale: 'en' });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([
      ['case/schema', '`c`: "红" could mean `red` (Red) or `orange` (红)', 'write one of `red`, `orange`'],
    ]);
    // An id written exactly is never ambiguous.
    expect(readCase(graph!, { c: 'orange' }).value?.get('c')).toBe('orange');
  });

  it('reads staff answers in key=value arguments, pointing at them when refused', () => {
    const r = readCaseArgs(reference, ['problem=运输破损', 'item_value=30元', 'damage=轻微']);
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'transit_damage', item_value: 3000, damage: 'minor' });
    const bad = readCaseArgs(shop, ['small=也许'], { locale: 'en' });
    expect(bad.diagnostics.map((d) => bad.source.text.slice(d.span.start, d.span.end))).toEqual(['也许']);
  });

  it('reads staff answers in a YAML case file', () => {
    const file = sourceFile('case.yaml', 'problem: 少货\nitem_value: ¥20\nsmall: 是\n');
    const r = readCaseText(shop, file);
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'missing', item_value: 2000, small: true });
  });
});
