import { describe, expect, it } from 'vitest';
import { compileSources } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/compile-evaluator.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCaseText } from '../../src/eval/input/case-yaml.js';
import { sourceFile } from '../../src/source/source-file.js';
import { parseMoney } from '../../src/values/money.js';
import { MAX_FEN } from '../../src/values/range.js';

/**
 * One range and exact arithmetic everywhere (issue 12): literals, the checker, the case reader and
 * both evaluators agree on money and number values, and nothing outside the range is ever
 * rounded or dropped.
 */

const head = `policy p "P" { locales zh-CN  start d }
fact x: money "金额"
fact s: signed money "差额"
fact ratio: number "比例"
outcome o1 "一" { }
outcome o2 "二" { }
`;

function compileBody(body: string) {
  return compileSources('p.sop', { 'p.sop': head + body });
}

function graphOf(body: string): DecisionGraph {
  const r = compileBody(body);
  if (!r.graph) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.graph;
}

/** Both evaluators on a case given as `key=value` arguments: status, outcome, values (as JSON), diagnostic codes. */
function both(graph: DecisionGraph, args: string[]) {
  const read = readCaseArgs(graph, args);
  expect(read.diagnostics).toEqual([]);
  const i = evaluate(graph, read.value!);
  const c = compileEvaluator(graph).decide(read.value!);
  const summary = (r: { status: string; outcome: unknown; diagnostics: readonly { code: string }[] }) => ({
    status: r.status,
    outcome: typeof r.outcome === 'string' || r.outcome === null ? r.outcome : (r.outcome as { id: string }).id,
    codes: r.diagnostics.map((d) => d.code),
  });
  expect(summary(c)).toEqual(summary(i));
  return summary(i);
}

describe('the money range', () => {
  it('is ±9,999,999,999,999.99 yuan, whole fen, below 2^53', () => {
    expect(MAX_FEN).toBe(999_999_999_999_999);
    expect(2 * MAX_FEN).toBeLessThan(2 ** 53);
    expect(parseMoney('9999999999999.99')).toEqual({ fen: MAX_FEN });
    expect(parseMoney('10000000000000')).toEqual({ error: 'too-large' });
    expect(parseMoney('00000000000009999999999999.99')).toEqual({ fen: MAX_FEN });
  });

  it('refuses a money literal beyond it (defect 1: the condition no longer disappears)', () => {
    const r = compileBody('decision d { when x > 90071992547409.92 CNY -> o1 }');
    expect(r.graph).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message])).toContainEqual([
      'syntax/bad-number', 'the amount `90071992547409.92` is beyond the money range',
    ]);
    expect(compileBody('decision d { when x > 10000000000000 CNY -> o1 }').diagnostics.map((d) => d.code)).toContain('syntax/bad-number');
    expect(compileBody('decision d { when x > ¥10000000000000 -> o1 }').diagnostics.map((d) => d.code)).toContain('syntax/bad-number');
  });

  it('lets the checker know facts stay within it: no gap above the largest amount', () => {
    const r = compileBody('decision d { when x <= 9999999999999.99 CNY -> o1 }');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const signed = compileBody('decision d { when s >= -9999999999999.99 CNY -> o1 }');
    expect(signed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('makes a computed amount beyond it an error in both evaluators, never a rounded value', () => {
    const graph = graphOf('let big = x * 1000 "大"\nlet sum = x + x "和"\ndecision d { when big > 0 CNY -> o1\n otherwise -> o2 }');
    expect(both(graph, ['x=9999999999.99'])).toEqual({ status: 'decided', outcome: 'o1', codes: [] });
    expect(both(graph, ['x=10000000000'])).toEqual({ status: 'error', outcome: null, codes: ['eval/out-of-range'] });
    const sums = graphOf('decision d { when x + x > 0 CNY -> o1\n otherwise -> o2 }');
    expect(both(sums, ['x=5000000000000'])).toEqual({ status: 'error', outcome: null, codes: ['eval/out-of-range'] });
    expect(both(sums, ['x=4999999999999.99'])).toEqual({ status: 'decided', outcome: 'o1', codes: [] });
  });
});

describe('exact numbers', () => {
  it('evaluate `ratio - 1.5 >= 0.2` as the checker does (defect 2)', () => {
    const r = compileBody('decision d {\n  when ratio - 1.5 >= 0.2 -> o1\n  when ratio < 1.7 -> o2\n}');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(both(r.graph!, ['ratio=1.7'])).toEqual({ status: 'decided', outcome: 'o1', codes: [] });
    expect(both(r.graph!, ['ratio=1.6999999999'])).toEqual({ status: 'decided', outcome: 'o2', codes: [] });
  });

  it('computes 0.1 + 0.2 == 0.3 and 1/3 × 3 == 1 exactly in both evaluators', () => {
    const graph = graphOf('decision d {\n  when ratio + 0.2 == 0.3 and ratio / 3 * 3 == ratio -> o1\n  otherwise -> o2\n}');
    expect(both(graph, ['ratio=0.1'])).toEqual({ status: 'decided', outcome: 'o1', codes: [] });
  });

  it('rounds money × a number half away from zero from the exact product', () => {
    // 0.15 × 0.5 = 0.075 yuan = 7.5 fen → 8 fen; a double product (7.499999…) would give 7.
    const graph = graphOf('outcome o3 "三" { value v = x * 0.5 "值" }\ndecision d { otherwise -> o3 }');
    const read = readCaseArgs(graph, ['x=0.15']);
    expect(evaluate(graph, read.value!).outcome?.values).toEqual({ v: 8 });
    expect(compileEvaluator(graph).decide(read.value!).values).toEqual({ v: 8 });
  });

  it('refuses a number literal beyond the number range', () => {
    expect(compileBody('decision d { when ratio > 1000000000000000 -> o1\n otherwise -> o2 }').diagnostics.map((d) => d.code)).toContain('syntax/bad-number');
  });
});

describe('case values are read exactly or refused', () => {
  const graph = graphOf('decision d { when x >= 500 CNY -> o1\n otherwise -> o2 }');
  const read = (text: string) => readCaseText(graph, sourceFile('case.yaml', text), { locale: 'en' });

  it.each([
    ['x: 499.999999999999999999', '`x` cannot be read exactly as written: 499.999999999999999999'],
    ['x: 0x10', '`x` cannot be read exactly as written: 0x10'],
    ['x: 0o17', '`x` cannot be read exactly as written: 0o17'],
    ['ratio: 0.1000000000000000000001', '`ratio` cannot be read exactly as written: 0.1000000000000000000001'],
    ['ratio: 1e16', '`ratio` is beyond the number range: 1e16'],
    ['x: 10000000000000', '`x` is beyond the money range: 10000000000000'],
  ])('refuses `%s`', (text, message) => {
    const r = read(`${text}\n`);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('reads 1e3 and 12.50 as what they are', () => {
    expect(Object.fromEntries(read('x: 1e3\n').value!)).toEqual({ x: 100000 });
    expect(Object.fromEntries(read('x: 12.50\n').value!)).toEqual({ x: 1250 });
  });

  it('refuses an argument with more digits than a double holds', () => {
    const r = readCaseArgs(graph, ['ratio=0.30000000000000000001'], { locale: 'en' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['`ratio` cannot be read exactly as written: 0.30000000000000000001']);
  });
});
