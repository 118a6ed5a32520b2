import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';

/**
 * The handbooks of the shipped policies in rules/ render in both locales: each HTML file is written
 * and carries the policy's title and one outcome of each kind of deadline it uses.
 */
const dir = mkdtempSync(join(tmpdir(), 'sopwright-reference-handbooks-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const policies: ReadonlyArray<readonly [string, string, { 'zh-CN': readonly string[]; en: readonly string[] }]> = [
  ['after-sales', 'rules/after-sales.sop', { 'zh-CN': ['售后处理规范', '直接退款'], en: ['After-sales handbook', 'Refund directly'] }],
  ['presale', 'rules/presale.sop', { 'zh-CN': ['售前售中规范', '次日上线后提醒', '调货并交接早班'], en: ['Pre-sale and in-sale handbook', 'Remind when online again'] }],
  ['warranty', 'rules/warranty.sop', { 'zh-CN': ['售后服务承诺', '免费维修或更换', '维修工程师'], en: ['Service promise', 'Free repair or replacement', 'Service engineer'] }],
];

describe('handbooks of the reference policies', () => {
  it.each(policies.flatMap(([name, file, texts]) => (['zh-CN', 'en'] as const).map((locale) => [name, file, locale, texts[locale]] as const)))(
    '%s (%s) renders as HTML in %s',
    async (name, file, locale, texts) => {
      const out = join(dir, `${name}.${locale}.html`);
      const r = await runCli(['render', file, '--format', 'html', '--locale', locale, '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const html = readFileSync(out, 'utf8');
      for (const text of texts) expect(html).toContain(text);
    },
  );
});
