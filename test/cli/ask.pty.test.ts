import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../support/cli.js';

/**
 * `sopwright ask` driven through a real pseudo-terminal, as a person would: util-linux `script`
 * gives the CLI a terminal, and the test types keys only once the screen shows what it waits for.
 */

const POLICY = join(repoRoot, 'test/fixtures/reference/after-sales.sop');
const DOWN = '\u001b[B';
const ENTER = '\r';

beforeAll(() => ensureBuilt(), 120_000);

/** Drops colours and cursor moves, so the screen reads as text. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r/g, '');
}

/** A terminal session: wait for text on the screen, type keys, and the exit code at the end. */
function session(args: readonly string[]) {
  const command = [process.execPath, join(repoRoot, 'bin/sopwright.js'), 'ask', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let seen = 0;
  child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    /** Waits until `text` appears after what was already waited for. */
    async waitFor(text: string | RegExp, timeout = 20_000): Promise<void> {
      const start = Date.now();
      for (;;) {
        const rest = plain(screen).slice(seen);
        const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
        if (at >= 0) {
          seen += at + 1;
          return;
        }
        if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${String(text)}; screen:\n${plain(screen).slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    type(keys: string): void {
      child.stdin.write(keys);
    },
    screen: () => plain(screen),
    exited,
  };
}

describe('sopwright ask in a terminal', () => {
  it('asks only what the case needs, checks an amount on the spot, and ends with the outcome card', async () => {
    const s = session([POLICY]);
    await s.waitFor('顾客遇到的是哪一类售后问题？');
    s.type(`${DOWN}${DOWN}${ENTER}`);
    await s.waitFor('✔ 顾客遇到的是哪一类售后问题？ 运输破损');
    s.type(`三十元${ENTER}`);
    await s.waitFor('`item_value` 应为人民币金额');
    s.type(`${'\u007f'.repeat(3)}100元${ENTER}`);
    await s.waitFor('损坏是轻微还是严重？');
    s.type(ENTER);
    await s.waitFor('总利润是多少元？');
    s.type(`¥25${ENTER}`);
    await s.waitFor('运费');
    await s.waitFor('多少元？');
    s.type(`12${ENTER}`);
    expect(await s.exited).toBe(0);
    const card = s.screen().slice(s.screen().indexOf('── 处理结果 ──'));
    expect(card).toContain('结论：部分退款 (partial_refund)');
    expect(card).toContain('时限：3 天内');
    expect(card).toMatch(/话术（可直接复制）：\n\S/);
    expect(card).toContain('判断依据');
    // The why in the handbook's words, never "第 1 条".
    expect(card).toMatch(/运输破损 → \S/);
    expect(card).not.toMatch(/第 \d+ 条/);
  }, 60_000);

  it('asks a time policy at --now, shows it, reads a moment as staff type it, and shows the due moment', async () => {
    const s = session([join(repoRoot, 'rules/warranty.sop'), '--now', '2026年12月2日 上午9点30分', 'request=报修', 'purchased_on=2026/3/1', 'cause=设计、制造、安装原因', 'problem=普通问题']);
    await s.waitFor('当前时间：2026年12月2日 09:30 (Asia/Shanghai)');
    await s.waitFor('顾客是什么时候报修的？');
    s.type(`12月2日 9点${ENTER}`);
    await s.waitFor('没有年份');
    s.type(`${'\u007f'.repeat(8)}2026-12-02 09:00${ENTER}`);
    expect(await s.exited).toBe(0);
    const card = s.screen().slice(s.screen().indexOf('── 处理结果 ──'));
    expect(card).toContain('结论：免费维修或更换 (free_repair)');
    expect(card).toContain('到期时间：2026年12月2日 11:00 (2026-12-02T11:00:00+08:00)');
  }, 60_000);

  it('goes back, takes "don\'t know", and says what to find out (exit 3)', async () => {
    const s = session([POLICY, '--locale', 'en', 'problem=查件催件']);
    await s.waitFor('? Has the order left the warehouse?');
    s.type(`${DOWN}${ENTER}`);
    await s.waitFor('← back');
    await s.waitFor('navigate');
    // yes, no, don't know, back: three down from the first.
    s.type(`${DOWN.repeat(3)}${ENTER}`);
    await s.waitFor('? Has the order left the warehouse?');
    await s.waitFor('navigate');
    s.type(`${DOWN.repeat(2)}${ENTER}`);
    expect(await s.exited).toBe(3);
    const card = s.screen().slice(s.screen().indexOf('── Outcome ──'));
    expect(card).toContain('Still to find out:');
    expect(card).toContain('Has the order left the warehouse?');
  }, 60_000);

  it('refuses to run without a terminal (exit 2)', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/sopwright.js'), 'ask', POLICY], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdin.end();
    expect(await new Promise((r) => child.once('exit', r))).toBe(2);
    expect(err).toContain('`ask` 需要在终端里运行');
  });
});
