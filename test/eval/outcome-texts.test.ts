import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/graph/graph.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { formatResultText, toJsonResult } from '../../src/eval/format-result.js';
import { parseTestFile, runTestFile } from '../../src/eval/testing/policy-tests.js';
import { sourceFile } from '../../src/source/source-file.js';
import { runCli } from '../support/cli.js';
import { loadGraph } from './fixtures.js';

/**
 * Texts that name values (`{refund_cap}`): eval fills them in the locale's form (money ¥1,299.00,
 * moments in the policy's zone, enum members by label); lines limited to some cases (`via …`,
 * `when …`) are shown only for those cases. Both evaluators agree, and policy tests match what is
 * said for the case.
 */

const POLICY = 'test/fixtures/render/outcome-texts/input.sop';
const graph = loadGraph(POLICY);
// 2026-12-01T10:00:00+08:00
const ORDERED = Date.UTC(2026, 11, 1, 2, 0, 0) / 1000;
const minor: Record<string, Value> = { price: 12999, shipping: 2000, damage: 'minor', ordered_at: ORDERED };

describe('texts that name values, in eval', () => {
  it.each([
    ['zh-CN', ['和顾客商量部分退款，不超过 ¥20.00', '在登记表 {售后} 栏记录'], '您好，我们给您退 ¥20.00，商品价格 ¥129.99 的一半以内', ['破损程度：轻微；下单时间：2026年12月1日 10:00']],
    ['en', ['Agree a partial refund of at most ¥20.00', 'Record it in the {after-sales} column'], 'Hello, we will refund you ¥20.00, within half of the price ¥129.99', ['Damage: Minor; ordered 1 December 2026 10:00']],
  ])('fills steps, say and notes in %s (JSON result)', (locale, steps, say, notes) => {
    const json = toJsonResult(graph, evaluate(graph, minor), locale);
    expect(json.status).toBe('decided');
    expect({ steps: json.steps, say: json.say, notes: json.notes }).toEqual({ steps, say, notes });
  });

  it.each([
    ['zh-CN', '  1. 请顾客寄回；高于 ¥500.00 的商品一律退回\n', '  请您把商品寄回，¥600.00 的商品我们会检验\n'],
    ['en', '  1. Ask for the item back; anything over ¥500.00 always comes back\n', '  Please send it back; we will inspect your ¥600.00 item\n'],
  ])('prints constants and facts in the answer in %s (text)', (locale, step, say) => {
    const text = formatResultText(graph, evaluate(graph, { price: 60000, shipping: 3550 }), locale);
    expect(text).toContain(step);
    expect(text).toContain(say);
  });

  it('prints a value the case does not know as its name in words, and does not make the case undecided', () => {
    // The policy has the warning graph/text-value-unasked: `triage.dear` never asks `shipping`.
    const unasked = loadGraph('test/fixtures/diagnostics/authors-text-unasked.sop');
    const result = evaluate(unasked, { price: 60000 });
    expect(result.status).toBe('decided');
    expect(toJsonResult(unasked, result, 'zh-CN').say).toBe('运费 「运费」 我们承担');
    expect(toJsonResult(unasked, result, 'en').say).toBe('We pay the [Shipping] shipping');
  });

  it('fills texts through the command line, text and --json', async () => {
    const args = ['eval', POLICY, 'price=600'];
    expect((await runCli(args)).stdout).toContain('  请您把商品寄回，¥600.00 的商品我们会检验\n');
    const json = JSON.parse((await runCli([...args, '--json', '--locale', 'en'])).stdout);
    expect(json.say).toBe('Please send it back; we will inspect your ¥600.00 item\nA high-value item is inspected before it is exchanged');
  });

  it('the compiled evaluator gives the interpreter\'s texts, whatever facts are known', () => {
    const compiled = compileEvaluator(graph);
    const caseOf = fc.record(
      {
        price: fc.constantFrom(0, 999, 50000, 60000, 12999),
        shipping: fc.constantFrom(0, 2000, 3550),
        damage: fc.constantFrom('minor', 'severe'),
        ordered_at: fc.constantFrom(ORDERED, 0),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(caseOf, (c) => {
        const facts = c as Record<string, Value>;
        expect(compiled.evaluate(facts, { trace: true })).toEqual(evaluate(graph, facts, { trace: true }));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['zh-CN', { price: 60000 }, '请您把商品寄回，¥600.00 的商品我们会检验\n高价值商品我们先检验再换货', []],
    ['zh-CN', { price: 100, damage: 'severe' }, '请您把商品寄回，¥1.00 的商品我们会检验\n不到 ¥500.00 的商品也请寄回', ['破损程度：严重']],
    ['en', { price: 60000 }, 'Please send it back; we will inspect your ¥600.00 item\nA high-value item is inspected before it is exchanged', []],
    ['en', { price: 100, damage: 'severe' }, 'Please send it back; we will inspect your ¥1.00 item\nItems under ¥500.00 come back too', ['Damage: Severe']],
  ])('shows only the lines of a shared outcome that fit the case (%s, %o)', (locale, facts, say, notes) => {
    const json = toJsonResult(graph, evaluate(graph, facts as Record<string, Value>), locale);
    expect(json.outcome).toBe('send_back');
    expect({ say: json.say, notes: json.notes }).toEqual({ say, notes });
  });

  it('a policy test matches what is said for the case, values filled in', () => {
    const file = sourceFile('t.test.yaml', `policy: input.sop\ntests:
  - name: filled
    case: { price: 129.99, shipping: 20, damage: minor, ordered_at: '2026-12-01T10:00:00+08:00' }
    expect: { outcome: partial_refund, say: 我们给您退 ¥20.00 }
  - name: the placeholder is not what is said
    case: { price: 129.99, shipping: 20, damage: minor, ordered_at: '2026-12-01T10:00:00+08:00' }
    expect: { outcome: partial_refund, say: "{refund_cap}" }
`);
    const parsed = parseTestFile(file, 'en');
    const results = runTestFile(graph, parsed.value!, 'en');
    expect(results.map((r) => [r.name, r.status])).toEqual([['filled', 'passed'], ['the placeholder is not what is said', 'failed']]);
  });
});
