import { describe, expect, it } from 'vitest';
import { parseTestFile, runTestFile } from '../../src/eval/testing/policy-tests.js';
import { formatTestReport } from '../../src/eval/testing/test-report.js';
import { sourceFile } from '../../src/source/source-file.js';
import { compileText, summarise } from '../support/compile.js';

/** A decision with named, unnamed and `otherwise` branches; `{insert}` is where a branch is added. */
const policy = (insert: string) => `
policy p "政策" { start d }
fact x: money "金额"
fact vip: bool "会员"
decision d "判断" {
  ${insert}
  when vip -> keep as vip
  when x >= 500 CNY -> refund
  when x >= 100 CNY -> refund as mid
  otherwise -> keep
}
outcome refund "退款" {}
outcome keep "保留" {}
`;

const ids = (text: string) => compileText(text).graph!.decisions.d.branches.map((b) => b.id);

describe('branch ids', () => {
  it('names a branch `<decision>.<name>`, falls back to its position, and calls the last one `otherwise`', () => {
    expect(ids(policy(''))).toEqual(['d.vip', 'd.2', 'd.mid', 'd.otherwise']);
  });

  it('keeps the ids of named branches when a branch is inserted above them', () => {
    const before = ids(policy(''));
    const after = ids(policy('when x < 1 CNY -> keep as tiny'));
    expect(after).toEqual(['d.tiny', 'd.vip', 'd.3', 'd.mid', 'd.otherwise']);
    // Every named id survives; only the unnamed branch moved from `d.2` to `d.3`.
    expect(before.filter((id) => !/\.\d+$/.test(id)).every((id) => after.includes(id))).toBe(true);
  });

  it('accepts `as` only after a `when` branch target, and the same name in different decisions', () => {
    const two = `${policy('')}\ndecision e "另一个" { when vip -> keep as vip  otherwise -> refund }\n`;
    expect(summarise(compileText(two)).filter((d) => d.startsWith('resolve/') || d.startsWith('syntax/'))).toEqual([]);
    expect(summarise(compileText(policy('').replace('otherwise -> keep', 'otherwise -> keep as rest')))[0]).toMatch(/^syntax\/unexpected-token: as/);
  });

  it('reports two branches of one decision with the same name, underlining the second', () => {
    expect(summarise(compileText(policy('when x < 1 CNY -> keep as mid')))).toEqual(['resolve/duplicate-branch-name: mid']);
  });
});

describe('a policy test that names a branch id that no longer exists', () => {
  // The policy after a branch was inserted above `vip` and `mid`: `d.2` is now `d.3`.
  const graph = compileText(policy('when x < 1 CNY -> keep as tiny')).graph!;
  const testText = `policy: policy.sop
tests:
  - name: mid-sized refund
    case: { vip: false, x: 200 }
    expect: { outcome: refund, path: [d.mid] }
  - name: written before the insertion
    case: { vip: false, x: 600 }
    expect: { outcome: refund, path: [d.2] }
  - name: a typo and an unknown decision
    case: { vip: false, x: 200 }
    expect: { path: [d.mdi, triage.1] }
`;
  const file = sourceFile('policy.test.yaml', testText);

  it('fails with a diagnostic naming the valid ids (golden)', async () => {
    const parsed = parseTestFile(file, 'en');
    const results = runTestFile(graph, parsed.value!, 'en');
    expect(results.map((r) => r.status)).toEqual(['passed', 'failed', 'failed']);
    const report = formatTestReport([{ file: file.path, policy: 'policy.sop', tests: results, diagnostics: [] }], null, new Map([[file.path, file]]), { color: false });
    await expect(report).toMatchFileSnapshot('../fixtures/eval/unknown-branch.report.txt');
  });

  it('says the same in Chinese', async () => {
    const parsed = parseTestFile(file, 'zh-CN');
    const results = runTestFile(graph, parsed.value!, 'zh-CN');
    const report = formatTestReport([{ file: file.path, policy: 'policy.sop', tests: results, diagnostics: [] }], null, new Map([[file.path, file]]), { color: false, locale: 'zh-CN' });
    await expect(report).toMatchFileSnapshot('../fixtures/eval/unknown-branch.report.zh.txt');
  });
});
