import { describe, expect, it } from 'vitest';
import { CoverageCollector } from '../../src/eval/testing/coverage.js';
import { junitXml } from '../../src/eval/testing/junit.js';
import { parseTestFile, runTestFile, type TestResult } from '../../src/eval/testing/policy-tests.js';
import { formatTestReport, toJsonTestReport, toJUnitSuites, type FileReport } from '../../src/eval/testing/test-report.js';
import { sourceFile } from '../../src/source/source-file.js';
import { loadGraph, SHOP } from './fixtures.js';

const graph = loadGraph(SHOP);

function run(tests: string) {
  const file = sourceFile('shop.test.yaml', `policy: shop.sop\ntests:\n${tests}`);
  const parsed = parseTestFile(file, 'en');
  if (!parsed.value) return { file, parsed, results: [] as TestResult[] };
  return { file, parsed, results: runTestFile(graph, parsed.value, 'en') };
}

describe('policy tests', () => {
  it('passes a test whose outcome, path, values and needs match', () => {
    const { results } = run(`
  - name: cheap and small
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: refund_directly, path: [triage.1, missing_items.1], values: { refund: 20 } }
  - name: undecided
    case: { problem: missing, item_value: 20 }
    expect: { outcome: null, needs: [small] }
`);
    expect(results.map((r) => [r.name, r.status, r.failures, r.diagnostics])).toEqual([
      ['cheap and small', 'passed', [], []],
      ['undecided', 'passed', [], []],
    ]);
  });

  it('asserts what an outcome gives staff: owner, documents and part of what to say, in any locale', () => {
    const { results } = run(`
  - name: all of it
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: refund_directly, owner: finance, documents: [费用单, Expense slip], say: 马上为您退款 }
  - name: wrong owner, a missing document, other words
    case: { problem: missing, item_value: 20, small: true }
    expect: { owner: warehouse, documents: [退货单], say: "exchange" }
  - name: no owner when undecided
    case: { problem: missing, item_value: 20 }
    expect: { owner: null }
`);
    expect(results.map((r) => [r.name, r.status])).toEqual([['all of it', 'passed'], ['wrong owner, a missing document, other words', 'failed'], ['no owner when undecided', 'passed']]);
    expect(results[1].failures.map((f) => [f.field, f.expected])).toEqual([['owner', 'warehouse'], ['documents', '退货单'], ['say', 'exchange']]);
    expect(results[1].failures[0].actual).toBe('finance');
  });

  it('refuses an owner that is no department, with a suggestion', () => {
    const { results } = run(`
  - name: typo
    case: { problem: missing }
    expect: { owner: financ }
`);
    expect(results[0].status).toBe('failed');
    expect(results[0].diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([['case/schema', 'the policy has no department `financ`', 'did you mean `finance`?']]);
  });

  it('compares money values exactly, however the expectation writes them', () => {
    const { results } = run(`
  - name: third
    case: { problem: damaged, item_value: 100, damage: minor, profit: 1, shipping: 2 }
    expect: { values: { third: "33.33", half: 50, cap: 1.00 } }
`);
    expect(results[0].status).toBe('passed');
  });

  it('lists every difference between expected and actual', () => {
    const { results } = run(`
  - name: wrong on every count
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: courier_claim, path: [triage.1], needs: [confirmed] }
  - name: wrong value
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: refund_directly, values: { refund: 21 } }
`);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results.flatMap((r) => r.failures)).toEqual([
      { field: 'outcome', expected: 'courier_claim', actual: 'refund_directly' },
      { field: 'path', expected: ['triage.1'], actual: ['triage.1', 'missing_items.1'] },
      { field: 'needs', expected: ['confirmed'], actual: [] },
      { field: 'values.refund', expected: '21.00', actual: '20.00' },
    ]);
  });

  it('passes a test that expects the case to be invalid, and fails one that does not', () => {
    const { results } = run(`
  - name: typo expected
    case: { problem: missing, item_valeu: 1 }
    expect: { error: case/unknown-field }
  - name: typo unexpected
    case: { problem: missing, item_valeu: 1 }
    expect: { outcome: null }
  - name: division by zero expected
    case: { problem: damaged, item_value: 600, pieces: 0 }
    expect: { outcome: return_item, error: eval/division-by-zero }
`);
    expect(results.map((r) => r.status)).toEqual(['passed', 'failed', 'passed']);
    expect(results[1].diagnostics.map((d) => d.code)).toEqual(['case/unknown-field']);
  });

  it('refuses expectations that name nothing in the policy, with a suggestion', () => {
    const { results } = run(`
  - name: typo in expectation
    case: {}
    expect: { outcome: refund_direct, needs: [problm] }
`);
    expect(results[0].status).toBe('failed');
    expect(results[0].diagnostics.map((d) => [d.message, d.help])).toEqual([
      ['the policy has no outcome `refund_direct`', 'did you mean `refund_directly`?'],
      ['the policy has no fact `problm`', 'did you mean `problem`?'],
    ]);
  });

  it('refuses unknown keys in a test file, pointing at them', () => {
    const { file, parsed } = run(`
  - name: a
    case: {}
    expcet: { outcome: null }
`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.message, file.text.slice(d.span.start, d.span.end), d.help])).toEqual([
      ['unknown key `expcet`', 'expcet', 'did you mean `expect`?'],
      ['a test has no `expect` (a mapping)', '- name: a\n    case: {}\n    expcet: { outcome: null }\n'.slice(2), undefined],
    ]);
  });

  it('refuses a file without `policy` or `tests`', () => {
    const parsed = parseTestFile(sourceFile('x.test.yaml', 'tests: []\n'), 'en');
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      'a test file needs `policy:`, the path of the policy it tests (relative to the test file)',
    ]);
    expect(parseTestFile(sourceFile('x.test.yaml', 'policy: [\n'), 'en').diagnostics[0].code).toBe('case/unreadable');
  });
});

describe('coverage', () => {
  it('counts the branches and outcomes the tests reached, and lists the others', () => {
    const { results } = run(`
  - name: a
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: refund_directly }
  - name: b (undecided still covers its path)
    case: { problem: damaged, item_value: 20 }
    expect: { outcome: null }
`);
    const collector = new CoverageCollector(graph);
    for (const r of results) if (r.result) collector.add(r.result);
    const c = collector.report();
    expect(c.branches).toMatchObject({ covered: 3, total: 9 });
    expect(c.outcomes).toMatchObject({ covered: 1, total: 6 });
    expect(c.uncovered.filter((u) => u.kind === 'branch').map((u) => u.id)).toEqual([
      'triage.3', 'missing_items.2', 'missing_items.otherwise', 'damaged_items.1', 'damaged_items.2', 'damaged_items.3',
    ]);
  });
});

describe('reports', () => {
  const { file, results } = run(`
  - name: passes
    case: {}
    expect: { outcome: null }
  - name: fails <&>
    case: {}
    expect: { outcome: wait }
`);
  const reports: FileReport[] = [{ file: 'shop.test.yaml', policy: SHOP, tests: results, diagnostics: [] }];
  const sources = new Map([[file.path, file]]);

  it('ends the text report with the summary line', () => {
    const text = formatTestReport(reports, null, sources, { color: false });
    expect(text).toContain('  ✓ passes\n');
    expect(text).toContain('  ✗ fails <&>  (shop.test.yaml:7:5)\n      outcome\n        expected: wait\n        actual:   null\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('gives JSON with positions', () => {
    const json = toJsonTestReport(reports, null, sources);
    expect(json.summary).toEqual({ passed: 1, failed: 1 });
    expect(json.files[0].tests[1]).toMatchObject({ name: 'fails <&>', line: 7, status: 'failed' });
  });

  it('writes escaped JUnit XML with the diff in the failure', () => {
    const xml = junitXml(toJUnitSuites(reports, sources));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="sopwright" tests="2" failures="1" errors="0"/);
    expect(xml).toContain('<testcase name="fails &lt;&amp;&gt;" classname="shop.test.yaml"');
    expect(xml).toContain('<failure message="outcome: expected wait, actual null" type="mismatch">');
    expect(xml).not.toMatch(/<[^>]*<&>/);
  });

  it('replaces characters XML cannot hold', () => {
    const xml = junitXml([{ name: 'x', cases: [{ name: 'a\u0001b\uD800', durationMs: 1 }] }]);
    expect(xml).toContain('name="a\uFFFDb\uFFFD"');
  });
});
