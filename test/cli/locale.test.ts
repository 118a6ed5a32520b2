import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';

/** `--locale` and the locale environment, the same way in every command that speaks to people. */

const policy = (locales: string) => `policy p "退货" @en "Returns" {
  locales ${locales}
  start triage
}
fact opened: bool "已拆封" @en "Opened"
fact unused: bool "没用" @en "Unused"
decision triage "分流" @en "Triage" {
  when opened -> refund
}
outcome refund "退款" @en "Refund" {}
`;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sopwright-locale-'));
  writeFileSync(join(dir, 'zh.sop'), policy('zh-CN, en'));
  writeFileSync(join(dir, 'en.sop'), policy('en').replace(/"([^"]*)" @en "([^"]*)"/g, '"$2"'));
  writeFileSync(join(dir, 'ok.sop'), policy('zh-CN, en').replace('fact unused: bool "没用" @en "Unused"\n', '').replace('when opened -> refund', 'when opened -> refund\n  otherwise -> refund'));
  writeFileSync(join(dir, 'ok.test.yaml'), 'policy: ok.sop\ntests:\n  - name: opened\n    case: { opened: true }\n    expect: { outcome: refund }\n');
  writeFileSync(join(dir, 'cases.jsonl'), '{"opened": true}\n');
  writeFileSync(join(dir, 'bad.test.yaml'), 'policy: ok.sop\ntests:\n  - name: opened\n    case: { opened: true }\n    expect: { outcome: nope }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });

describe('--locale', () => {
  it.each([
    [['check', 'zh.sop']],
    [['eval', 'ok.sop', 'opened=true']],
    [['eval', 'ok.sop', '--cases', 'cases.jsonl']],
    [['test', 'ok.test.yaml']],
    [['render', 'ok.sop', '--format', 'md', '-o', '-']],
    [['schema', 'ok.sop']],
    [['graph', 'ok.sop']],
  ])('rejects an unknown locale as a usage error: %j', async (args) => {
    const r = await run([...args, '--locale', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--locale <locale>' argument 'fr' is invalid. `fr` is not a locale sopwright speaks; use `zh-CN` or `en`");
    expect(r.stdout).toBe('');
  });

  it('speaks the policy\'s first locale when neither --locale nor the environment says', async () => {
    expect((await run(['check', 'zh.sop'])).stderr).toContain('error[graph/gap]: 有些案例会进入 `triage`，却没有任何分支匹配');
    expect((await run(['check', 'en.sop'])).stderr).toContain('error[graph/gap]: some cases reach `triage` and match no branch');
  });

  it('follows LC_ALL, LC_MESSAGES and LANG over the policy, and --locale over them', async () => {
    expect((await run(['check', 'zh.sop'], { LANG: 'en_US.UTF-8' })).stderr).toContain('some cases reach `triage`');
    expect((await run(['check', 'en.sop'], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).stderr).toContain('有些案例会进入');
    expect((await run(['check', 'en.sop'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).stderr).toMatch(/1 个错误，1 个警告\n$/);
    expect((await run(['check', 'zh.sop', '--locale', 'en'], { LC_ALL: 'zh_CN.UTF-8' })).stderr).toMatch(/1 error, 1 warning\n$/);
  });

  it('prints JSON messages in the locale too', async () => {
    const report = JSON.parse((await run(['check', '--json', 'en.sop', '--locale', 'zh-CN'])).stdout);
    expect(report.diagnostics.map((d: { message: string }) => d.message)).toEqual(['事实 `unused` 没有被用到', '有些案例会进入 `triage`，却没有任何分支匹配']);
  });

  it('gives the batch summary in the locale', async () => {
    const zh = await run(['eval', 'ok.sop', '--cases', 'cases.jsonl']);
    expect(zh.stderr).toContain('sopwright：共 1 个案例：1 个已决定，0 个待定，0 个无效，0 个出错');
    const en = await run(['eval', 'ok.sop', '--cases', 'cases.jsonl'], { LANG: 'en_US.UTF-8' });
    expect(en.stderr).toContain('sopwright: 1 cases: 1 decided, 0 undecided, 0 invalid, 0 failed');
  });

  it('gives the test report in one language: the policy\'s, unless asked otherwise', async () => {
    expect((await run(['test', 'bad.test.yaml'])).stdout).toContain('政策中没有结果 `nope`');
    expect((await run(['test', 'bad.test.yaml'], { LANG: 'en_US.UTF-8' })).stdout).toContain('the policy has no outcome `nope`');
  });
});
