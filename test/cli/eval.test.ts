import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvModule, { type Ajv as AjvInstance } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runCli, spawnCli } from '../support/cli.js';
import { REFERENCE } from '../eval/fixtures.js';

const SHOP = 'test/fixtures/eval/shop.sop';
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sopwright-eval-'));
  copyFileSync(join(repoRoot, SHOP), join(dir, 'shop.sop'));
  writeFileSync(join(dir, 'broken.sop'), readFileSync(join(repoRoot, SHOP), 'utf8').replace('-> refund_directly', '-> refund_direct'));
  writeFileSync(join(dir, 'case.yaml'), '# 少货\nproblem: missing\nitem_value: 20\nsmal: true\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sopwright eval', () => {
  it('answers a decided case in the policy\'s first locale (Chinese) and exits 0', async () => {
    const r = await runCli(['eval', SHOP, 'problem=missing', 'item_value=30', 'small=true']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：直接退款 (refund_directly)\n负责部门：财务\n时限：3 天内\n');
    expect(r.stdout).toContain('计算结果：\n  - 退款金额：¥30.00\n');
    expect(r.stdout).toContain('判断依据：\n  - 分流 → 问题类型为少货 [triage.1]\n');
    expect(r.stderr).toBe('');
  });

  it('says what to find out first, with the question, and exits 3', async () => {
    const r = await runCli(['eval', SHOP, 'problem=missing', 'item_value=20']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('还不能下结论，需要先确认：\n  - 体积小 (small)\n    请问：商品是否体积小、重量轻？\n');
  });

  it('answers in English with --locale en', async () => {
    const r = await runCli(['eval', SHOP, 'problem=late', 'remark=加急', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Outcome: Ask to wait (wait)');
  });

  it('prints the documented JSON shape with --json', async () => {
    const r = await runCli(['eval', SHOP, 'problem=damaged', 'item_value=100', 'damage=minor', 'profit=8', '--json', '--locale', 'en']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'status', 'outcome', 'label', 'owner', 'deadline', 'due', 'steps', 'documents', 'say', 'notes', 'values', 'needs', 'questions', 'path', 'diagnostics', 'why',
    ]);
    // The path in the handbook's words, as its rules tables word the branches.
    expect(json.why).toEqual(['Triage → the kind of problem is damaged', 'Damaged → the degree of damage is minor']);
    expect(json).toMatchObject({
      status: 'undecided',
      outcome: 'partial_refund',
      label: 'Partial refund',
      owner: { id: 'finance', label: 'Finance' },
      deadline: { amount: 3, unit: 'day' },
      values: { cap: null, half: '50.00', third: '33.33', ratio: null },
      needs: ['shipping'],
      questions: [{ fact: 'shipping', label: 'Shipping', ask: 'What does return shipping cost, in yuan?' }],
      path: [
        { decision: 'triage', branch: 'triage.2', facts: { problem: 'damaged' } },
        { decision: 'damaged_items', branch: 'damaged_items.2', facts: { item_value: '100.00', damage: 'minor' } },
      ],
      diagnostics: [],
    });
  });

  it('adds the trace with --trace', async () => {
    const json = JSON.parse((await runCli(['eval', SHOP, 'problem=missing', 'item_value=40', 'confirmed=true', '--json', '--trace'])).stdout);
    expect(json.trace.decisions[1]).toEqual({
      decision: 'missing_items',
      taken: 'missing_items.2',
      branches: [
        { branch: 'missing_items.1', result: false, facts: { item_value: '40.00' }, needs: [] },
        { branch: 'missing_items.2', result: true, facts: { confirmed: true }, needs: [] },
      ],
    });
    expect(json.trace.lets).toEqual({ cheap: false });
    const text = await runCli(['eval', SHOP, 'problem=missing', 'item_value=40', 'confirmed=true', '--trace', '--locale', 'en']);
    expect(text.stdout).toContain('Trace:\n  triage\n    triage.1: yes  Kind of problem = Missing items\n    → triage.1\n');
  });

  it('reads a case file and points at its errors with file:line:col and a caret, exit 1', async () => {
    const r = await runCli(['eval', join(dir, 'shop.sop'), '--case', join(dir, 'case.yaml'), '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'case.yaml')}:4:1: error[case/unknown-field]: unknown field \`smal\`\n  |\n4 | smal: true\n  | ^^^^\n  |\n  = help: did you mean \`small\`?`);
  });

  it('reads the case from standard input with --case -, arguments overriding it', async () => {
    const r = await spawnCli(['eval', SHOP, '--case', '-', 'small=true', '--json'], { stdin: '{"problem": "missing", "item_value": 20, "small": false}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outcome).toBe('refund_directly');
  });

  it('points at a bad key=value argument', async () => {
    const r = await runCli(['eval', SHOP, 'problem=missng', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<arguments>:1:9: error[case/schema]: `problem` must be one of `missing` (Missing items), `damaged` (Damaged), `late` (Late delivery), got string "missng"');
    expect(r.stderr).toContain('1 | problem=missng\n  |         ^^^^^^');
  });

  it('prints case errors as JSON with --json', async () => {
    const r = await runCli(['eval', SHOP, 'problem=missng', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'case/schema', file: '<arguments>', line: 1, column: 9 });
  });

  it('writes case errors in Chinese for zh-CN', async () => {
    const r = await runCli(['eval', SHOP, 'item_value=-1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[case/schema]: `item_value` 不能为负数，实际是 -1');
  });

  it('exits 2 with the policy\'s errors when the policy does not compile', async () => {
    const r = await runCli(['eval', join(dir, 'broken.sop'), 'problem=missing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[resolve/unknown-target]');
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the policy or the case file cannot be read', async () => {
    expect((await runCli(['eval', join(dir, 'nope.sop')])).code).toBe(2);
    const r = await runCli(['eval', SHOP, '--case', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read `.*nope\.yaml`: no such file/);
  });

  it('exits 1 and shows where a case divides by zero', async () => {
    const r = await runCli(['eval', SHOP, 'problem=damaged', 'item_value=600', 'pieces=0', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  - Each: cannot be computed for this case');
    expect(r.stderr).toContain('error[eval/division-by-zero]: this case divides by zero');
    expect(r.stderr).toContain('^^^^^^^^^^^^^^^^^^^ the divisor is zero for this case');
  });

  it('evaluates the (frozen) reference policy as the README shows', async () => {
    const r = await runCli(['eval', REFERENCE, 'problem=wrong_item', 'item_value=30']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('需要先确认');
  });
});

describe('sopwright schema', () => {
  it('prints a JSON Schema that validates cases', async () => {
    const r = await runCli(['schema', SHOP, '--locale', 'en']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    const Ajv = (AjvModule as unknown as { default: typeof AjvInstance }).default;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ problem: 'missing', item_value: 12.5 })).toBe(true);
    expect(validate({ problem: 'missing', item_valeu: 12.5 })).toBe(false);
  });

  it('exits 2 on a policy with errors', async () => {
    expect((await runCli(['schema', join(dir, 'broken.sop')])).code).toBe(2);
  });
});

describe('sopwright test', () => {
  const passing = `policy: shop.sop
tests:
  - name: 少货：金额小且体积小 → 直接退款
    case: { problem: missing, item_value: 20, small: true }
    expect: { outcome: refund_directly, path: [triage.1, missing_items.1], values: { refund: 20 } }
  - name: undecided
    case: { problem: missing, item_value: 20 }
    expect: { outcome: null, needs: [small] }
`;
  const failing = `policy: shop.sop
tests:
  - name: wrong outcome
    case: { problem: late }
    expect: { outcome: refund_directly }
`;

  it('runs the tests of a directory and prints the summary line, exit 0', async () => {
    writeFileSync(join(dir, 'pass.test.yaml'), passing);
    const r = await runCli(['test', join(dir, 'pass.test.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  ✓ 少货：金额小且体积小 → 直接退款\n  ✓ undecided\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('shows expected against actual and exits 1 when a test fails', async () => {
    writeFileSync(join(dir, 'fail.test.yaml'), failing);
    const r = await runCli(['test', join(dir, 'fail.test.yaml'), join(dir, 'pass.test.yaml'), '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  ✗ wrong outcome  (${join(dir, 'fail.test.yaml')}:3:5)\n      outcome\n        expected: refund_directly\n        actual:   wait\n`);
    expect(r.stdout).toMatch(/\n2 passed, 1 failed\n$/);
  });

  it('writes JUnit XML with --junit and JSON with --json', async () => {
    const xmlPath = join(dir, 'out', '..', 'junit.xml');
    const r = await runCli(['test', join(dir, 'fail.test.yaml'), '--json', '--junit', xmlPath, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary).toEqual({ passed: 0, failed: 1 });
    const xml = readFileSync(xmlPath, 'utf8');
    expect(xml).toContain('<testsuites name="sopwright" tests="1" failures="1" errors="0"');
    expect(xml).toContain('<failure message="outcome: expected refund_directly, actual wait"');
  });

  it('reports coverage by file and line, and fails below --min-coverage', async () => {
    const r = await runCli(['test', join(dir, 'pass.test.yaml'), '--coverage', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Coverage ${join(dir, 'shop.sop')}: branches 2/9 (22.2%), outcomes 1/6 (16.6%)`);
    expect(r.stdout).toMatch(new RegExp(`\\n    ${join(dir, 'shop.sop').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  branch triage.2\\n`));
    const low = await runCli(['test', join(dir, 'pass.test.yaml'), '--min-coverage', '50', '--locale', 'en']);
    expect(low.code).toBe(1);
    expect(low.stderr).toContain('branches coverage 22.2% is below the minimum of 50%');
  });

  it('runs the reference policy\'s tests with full coverage', async () => {
    const r = await runCli(['test', 'rules', '--min-coverage', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('exits 2 when there is nothing to run or the policy has errors', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sopwright-empty-'));
    expect((await runCli(['test', empty])).code).toBe(2);
    rmSync(empty, { recursive: true });
    writeFileSync(join(dir, 'broken.test.yaml'), passing.replace('shop.sop', 'broken.sop'));
    const r = await runCli(['test', join(dir, 'broken.test.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('error[resolve/unknown-target]');
    expect(existsSync(join(dir, 'broken.test.yaml'))).toBe(true);
  });

  it('rejects a --min-coverage that is not a percentage as a usage error', async () => {
    expect((await runCli(['test', join(dir, 'pass.test.yaml'), '--min-coverage', '150'])).code).toBe(2);
  });
});
