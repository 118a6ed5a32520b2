import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** `sopwright init`: the starter files pass `check --strict`, `test` at full coverage and `eval`, in both locales. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-init-'));
  dirs.push(dir);
  return dir;
};

describe('sopwright init', () => {
  it.each([
    ['zh-CN', '已写入', '结论：直接退款 (refund_directly)', /^## 本店售后规范/],
    ['en', 'wrote', 'Outcome: Refund directly (refund_directly)', /^## Our after-sales rules/],
  ])('writes a %s policy, its tests and a case that pass as written', async (locale, wrote, outcome, opening) => {
    const dir = join(fresh(), 'shop');
    const init = await runCli(['init', dir, '--locale', locale]);
    expect(init.code).toBe(0);
    expect(init.stdout.split('\n').filter((l) => l.startsWith(wrote))).toHaveLength(3);
    expect(readFileSync(join(dir, 'policy.sop'), 'utf8')).toMatch(opening);
    const check = await runCli(['check', '--strict', dir]);
    expect([check.code, check.stderr]).toEqual([0, '']);
    const test = await runCli(['test', dir, '--coverage', '--min-coverage', '100', '--locale', locale]);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('4 passed, 0 failed');
    const evaluated = await runCli(['eval', join(dir, 'policy.sop'), '--case', join(dir, 'cases', 'example.yaml'), '--locale', locale]);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toContain(outcome);
  });

  it('writes nothing when one of its files exists, naming it (exit 2)', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'policy.test.yaml'), 'mine\n');
    const r = await runCli(['init', dir, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sopwright: \`${join(dir, 'policy.test.yaml')}\` already exists; nothing was written\n`);
    expect(readFileSync(join(dir, 'policy.test.yaml'), 'utf8')).toBe('mine\n');
    expect(() => readFileSync(join(dir, 'policy.sop'))).toThrow();
  });
});
