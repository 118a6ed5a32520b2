import { rat } from '../../src/values/rational.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCaseText } from '../../src/eval/input/case-yaml.js';
import { sourceFile } from '../../src/source/source-file.js';
import { loadGraph, SHOP } from './fixtures.js';

const graph = loadGraph(SHOP);

function fromText(text: string, locale = 'en') {
  const file = sourceFile('case.yaml', text);
  const result = readCaseText(graph, file, { locale });
  const underlined = (d: Diagnostic) => file.text.slice(d.span.start, d.span.end);
  return { ...result, underlined };
}

describe('readCaseText', () => {
  it('reads a YAML case, money into fen', () => {
    const r = fromText('problem: missing\nitem_value: 12.5\nshipping: "0.29"\nsmall: true\npieces: 2\nremark: 加急\n');
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'missing', item_value: 1250, shipping: 29, small: true, pieces: rat(2n), remark: '加急' });
  });

  it('reads JSON too', () => {
    const r = fromText('{"problem": "damaged", "item_value": "100.00", "profit": -3.5}');
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'damaged', item_value: 10000, profit: -350 });
  });

  it('reads an empty file, and null values, as facts not known yet', () => {
    expect(fromText('').value?.size).toBe(0);
    expect(fromText('# nothing yet\n').value?.size).toBe(0);
    expect(Object.fromEntries(fromText('problem: missing\nsmall:\nconfirmed: null\n').value!)).toEqual({ problem: 'missing' });
  });

  it('refuses an unknown field and suggests the fact meant', () => {
    const r = fromText('problem: missing\nitem_valeu: 20\n');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const [d] = r.diagnostics;
    expect(d.code).toBe('case/unknown-field');
    expect(r.underlined(d)).toBe('item_valeu');
    expect(d.message).toBe('unknown field `item_valeu`');
    expect(d.help).toBe('did you mean `item_value`?');
    expect(d.suggestion?.replacement).toBe('item_value');
  });

  it('names a key given twice, in both languages, at the second one', () => {
    const text = 'problem: missing\nitem_value: 1\nproblem: damaged\n';
    for (const [locale, message] of [['en', '`problem` is given twice'], ['zh-CN', '`problem` 给了两次']]) {
      const r = fromText(text, locale);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map((d) => [d.code, d.message, r.underlined(d), d.span.start])).toEqual([['case/unreadable', message, 'problem', text.lastIndexOf('problem')]]);
    }
  });

  it('refuses a value with a tag YAML does not know, rather than reading it untagged', () => {
    const r = fromText('problem: missing\nitem_value: !custom 12\n');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, r.underlined(d)])).toEqual([['case/unreadable', '!custom']]);
    expect(r.diagnostics[0].message).toContain('the tag `!custom` means nothing here');
  });

  it('lists the policy\'s facts when no name is close', () => {
    const [d] = fromText('zzzzzz: 1\n').diagnostics;
    expect(d.help).toMatch(/^the policy's facts are `problem`, `item_value`/);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('treats `%s` as a plain unknown field', (key) => {
    const r = fromText(`${key}: {polluted: true}\nproblem: missing\n`);
    expect(r.diagnostics.map((d) => [d.code, r.underlined(d)])).toEqual([['case/unknown-field', key]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field, what was given and what is allowed, for an enum', () => {
    const r = fromText('problem: misssing\n');
    const [d] = r.diagnostics;
    expect(d.code).toBe('case/schema');
    expect(r.underlined(d)).toBe('misssing');
    expect(d.message).toBe('`problem` must be one of `missing` (Missing items), `damaged` (Damaged), `late` (Late delivery), got string "misssing"');
    expect(d.help).toBe('did you mean `missing`?');
  });

  it.each([
    ['item_value: 12.345', '`item_value` has more than two decimals: 12.345', '12.345'],
    ['item_value: "12.345"', '`item_value` has more than two decimals: 12.345', '"12.345"'],
    ['item_value: -1', '`item_value` cannot be negative, got -1', '-1'],
    ['item_value: abc', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got string "abc"', 'abc'],
    ['item_value: [1, 2]', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got a list', '[1, 2]'],
    ['item_value: .inf', '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got number .inf', '.inf'],
    ['small: maybe', '`small` must be `true` or `false`, got string "maybe"', 'maybe'],
    ['small: 1', '`small` must be `true` or `false`, got number 1', '1'],
    ['pieces: "2"', '`pieces` must be a number, got string "2"', '"2"'],
    ['pieces: .nan', '`pieces` must be a finite number, got .nan', '.nan'],
    ['remark: {a: 1}', '`remark` must be text, got a mapping', '{a: 1}'],
  ])('refuses `%s`', (text, message, underlined) => {
    const r = fromText(`${text}\n`);
    expect(r.diagnostics.map((d) => [d.code, d.message, r.underlined(d)])).toEqual([['case/schema', message, underlined]]);
  });

  it('reports every problem at once', () => {
    const r = fromText('problem: x\nitem_value: -1\nsmal: true\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['case/schema', 'case/schema', 'case/unknown-field']);
  });

  it('writes messages in Chinese for zh-CN', () => {
    const r = fromText('problem: misssing\nitem_valeu: 1\nitem_value: 1.234\n', 'zh-CN');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      '`problem` 应为以下之一：`missing`（少货）、`damaged`（破损）、`late`（催件），实际是字符串 "misssing"',
      '未知字段 `item_valeu`',
      '`item_value` 的小数超过两位：1.234',
    ]);
    expect(r.diagnostics[1].help).toBe('是不是 `item_value`？');
  });

  it.each([
    ['problem: [', 'case/unreadable'],
    ['a: 1\na: 2\n', 'case/unreadable'],
    ['{"problem": "missing", "problem": "late"}', 'case/unreadable'],
    ['- problem: missing\n', 'case/schema'],
    ['just text', 'case/schema'],
    ['? [a]\n: 1\n', 'case/schema'],
  ])('refuses a file that is not a case: %j', (text, code) => {
    const r = fromText(text);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0].code).toBe(code);
  });

  it('does not expand aliases inside collections (no billion laughs)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9).fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`).join(',')}]`), 'pieces: *bbbbbbbb'].join('\n');
    const r = fromText(bomb);
    expect(r.diagnostics.map((d) => d.message)).toContain('`pieces` must be a number, got a list');
  });
});

describe('readCase (objects)', () => {
  it('reads a JSON.parse object with a `__proto__` key as an unknown field, never merging it', () => {
    const raw = JSON.parse('{"__proto__": {"small": true}, "problem": "missing"}');
    const r = readCase(graph, raw, { locale: 'en' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['case/unknown-field']);
    expect(r.diagnostics[0].message).toBe('unknown field `__proto__`');
  });

  it('refuses something that is not an object', () => {
    expect(readCase(graph, [1]).diagnostics[0].code).toBe('case/schema');
    expect(readCase(graph, 'x').diagnostics[0].code).toBe('case/schema');
  });

  it('reads a Map of raw values like an object', () => {
    const r = readCase(graph, new Map<string, unknown>([['problem', 'missing'], ['item_value', '0.29']]));
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'missing', item_value: 29 });
  });

  it('reads null as the empty case', () => {
    expect(readCase(graph, null).value?.size).toBe(0);
  });
});

describe('readCaseArgs', () => {
  it('types values by the fact', () => {
    const r = readCaseArgs(graph, ['problem=missing', 'item_value=30', 'small=true', 'pieces=2', 'remark=a=b', 'profit=-1.5']);
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.value!)).toEqual({ problem: 'missing', item_value: 3000, small: true, pieces: rat(2n), remark: 'a=b', profit: -150 });
  });

  it('points at the argument in error', () => {
    const r = readCaseArgs(graph, ['problem=missing', 'small=maybe', 'itm_value=3'], { locale: 'en' });
    const shown = r.diagnostics.map((d) => [d.code, r.source.text.slice(d.span.start, d.span.end)]);
    expect(shown).toEqual([['case/schema', 'maybe'], ['case/unknown-field', 'itm_value']]);
  });

  it('refuses an argument without `=` and a fact given twice', () => {
    const r = readCaseArgs(graph, ['missing', 'small=true', 'small=false'], { locale: 'en' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['`missing` must be `fact=value`, got string "missing"', '`small` is given twice']);
  });
});
