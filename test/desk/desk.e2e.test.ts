import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/app.js';
import { openPolicyStore, type PolicyStore } from '../../src/workflows/policy-store.js';
import { connectSharedBrowser } from '../support/browser.js';
import { ensureBuilt, repoRoot } from '../support/cli.js';
import { answerCase } from './answer.js';

/**
 * The desk in real Chromium (Debian's, driven by playwright-core; the run's shared browser): a staff member answers the
 * questions of three reference cases with the mouse or the keyboard and sees the right outcome
 * and due moment; policy text that is markup shows as text; at phone width nothing overflows.
 */

const dir = mkdtempSync(join(tmpdir(), 'sopwright-desk-'));
let browser: Browser;
let app: FastifyInstance;
let store: PolicyStore;
let base: string;

/** A policy whose texts are markup: the desk must show them, never run them. */
const HOSTILE = `policy hostile "<script>window.__pwned = 1</script>标题" @en "<b>Title</b>" {
  version "1"
  locales zh-CN, en
  start d
}
enum choice "选择" @en "Choice" {
  a "<script>window.__pwned = 2</script>甲" @en "<img src=x onerror=window.__pwned=3>A"
  b "乙" @en "B"
}
department desk "<i>柜台</i>" @en "Desk"
fact pick: choice "选项" @en "Pick" {
  ask "<script>window.__pwned = 4</script>选哪个？" @en "Which one?"
}
fact pieces: whole number 1..99 "件数" @en "Pieces" {
  ask "一共几件？" @en "How many pieces?"
}
decision d "判断" @en "Decide" {
  when pick == a -> done
  otherwise -> count
}
decision count "数量" @en "Count" {
  when pieces > 2 -> other
  otherwise -> done
}
outcome other "其他" @en "Other" {
  owner desk
}
outcome done "<script>window.__pwned = 5</script>完成" @en "Done" {
  owner desk
  deadline same day
  say "</pre><script>window.__pwned = 6</script>您好" @en "Hello"
}
`;

beforeAll(async () => {
  ensureBuilt();
  writeFileSync(join(dir, 'hostile.sop'), HOSTILE);
  store = openPolicyStore([join(repoRoot, 'test/fixtures/reference/after-sales.sop'), join(dir, 'hostile.sop'), join(repoRoot, 'rules/warranty.sop')]);
  app = await createServer(store, { clock: () => new Date('2026-12-02T01:30:00Z') });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await connectSharedBrowser();
}, 180_000);
afterAll(async () => {
  for (const context of contexts.values()) await (await context).close();
  await browser?.close();
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * One browser context per locale for the file (a context costs a renderer start): the desk keeps
 * nothing between cases but the staff name, which these tests never give.
 */
const contexts = new Map<string, Promise<BrowserContext>>();

/** A new page that fails the test on any request that leaves the server, or any page error. */
async function openDesk(width = 1024, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<{ page: Page; offsite: string[]; errors: string[] }> {
  if (!contexts.has(locale)) contexts.set(locale, browser.newContext({ locale }));
  const page = await (await contexts.get(locale)!).newPage();
  await page.setViewportSize({ width, height: 800 });
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  return { page, offsite, errors };
}

async function pickReference(page: Page): Promise<void> {
  await page.locator('[data-policy=after_sales]').click();
}

describe('the desk in Chromium', () => {
  it.each([
    ['minor transit damage', { problem: '运输破损', item_value: '100元', damage: '轻微', order_profit: '¥25', return_shipping: '12' }, '部分退款', '3 天内'],
    ['a cheap wrong item', { problem: '错货（发错商品或颜色）', matches_order: '否', item_value: '８', return_shipping: '12元' }, '折价或赠送，并补发或退款', '3 天内'],
    ['a parcel not yet shipped and late', { problem: '查件催件', shipped: '否', past_promised_time: '是' }, '道歉并马上发货', '当天'],
  ])('a staff member answers %s and sees the outcome and due moment', async (_, answers, outcome, due) => {
    const { page, offsite, errors } = await openDesk();
    await pickReference(page);
    await answerCase(page, answers);
    await expect.poll(() => page.locator('#outcome').textContent()).toBe(outcome);
    expect(await page.locator('.due').textContent()).toContain(due);
    expect(await page.locator('.checklist input[type=checkbox]').count()).toBeGreaterThan(0);
    expect(await page.locator('.card li').count()).toBeGreaterThan(0);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    // A new case in one click.
    await page.locator('.card .new-case').click();
    await page.locator('[data-policy]').first().waitFor();
    await page.close();
  });

  it('works with the keyboard alone, in English, and says a refused amount on the spot', async () => {
    const { page } = await openDesk(1024, 'en');
    await page.locator('#locale').click();
    await page.locator('[data-policy=after_sales]').waitFor();
    // Tab to the policy, Enter to pick it.
    await page.locator('[data-policy=after_sales]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.question').waitFor();
    await page.keyboard.press(String((await page.locator('.choice').allTextContents()).indexOf('Damaged in transit') + 1));
    await page.locator('.question[data-fact=item_value]').waitFor();
    await page.keyboard.type('30 dollars');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('`item_value` must be an amount in CNY');
    expect(await page.locator('#answer').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#answer').fill('');
    await page.keyboard.type('600');
    await page.keyboard.press('Enter');
    await answerCase(page, { exchange_possible: 'yes' }, true);
    await expect.poll(() => page.locator('#outcome').textContent()).not.toBe('');

    // Time answers by keyboard alone, in the browser's date and time fields (en-US: month/day/year,
    // 12-hour clock); half a date is refused by the page before it is sent. The server's clock is
    // 2026-12-02 09:30 in Shanghai; an ordinary problem reported at 09:00 is due by 11:00.
    await page.locator('.card .new-case').click();
    await page.locator('[data-policy=warranty]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.question[data-fact=request]').waitFor();
    await page.keyboard.press(String((await page.locator('.choice').allTextContents()).indexOf('Repair') + 1));
    const momentField = page.locator('.question[data-fact=reported_at] #answer');
    await momentField.waitFor();
    expect(await momentField.getAttribute('type')).toBe('datetime-local');
    // The year takes up to six digits, so → moves on to the hours.
    await page.keyboard.type('12022026');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('0900AM');
    expect(await momentField.inputValue()).toBe('2026-12-02T09:00');
    await page.keyboard.press('Enter');
    const dateField = page.locator('.question[data-fact=purchased_on] #answer');
    await dateField.waitFor();
    expect(await dateField.getAttribute('type')).toBe('date');
    await page.keyboard.type('03');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#hint').textContent()).toBe('Enter a whole date (year, month and day)');
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    // The focus stays in the field, on the day: the rest of the date follows.
    await page.keyboard.type('012026');
    expect(await dateField.inputValue()).toBe('2026-03-01');
    await page.keyboard.press('Enter');
    await answerCase(page, { cause: 'Design, manufacture or installation', problem: 'Ordinary problem' }, true);
    await expect.poll(() => page.locator('#outcome').textContent()).toBe('Free repair or replacement');
    expect(await page.locator('.due').textContent()).toBe('Due 2026-12-02 11:00');
    expect(await page.locator('.due time').getAttribute('datetime')).toBe('2026-12-02T11:00:00+08:00');
    // The why in the handbook's words (as the API gives it), not "rule 1".
    const api = await app.inject({
      method: 'POST', url: '/v1/policies/warranty/evaluate?locale=en',
      payload: { request: 'repair', reported_at: '2026-12-02T09:00', purchased_on: '2026-03-01', cause: 'product_fault', problem: 'ordinary' },
    });
    const why = await page.locator('.card section:has(h3:text("Why")) li').allTextContents();
    expect(why).toEqual(api.json().why);
    expect(why[1]).toMatch(/^Repair → .*design, manufacture or installation$/);
    await page.close();
  });

  it('shows a label containing <script> as text and runs nothing', async () => {
    const { page, errors } = await openDesk();
    const tile = page.locator('[data-policy=hostile]');
    await expect.poll(() => tile.textContent()).toContain('<script>window.__pwned = 1</script>标题');
    await tile.click();
    await expect.poll(() => page.locator('#question').textContent()).toBe('<script>window.__pwned = 4</script>选哪个？');
    expect(await page.locator('.choice').first().textContent()).toBe('<script>window.__pwned = 2</script>甲');
    await page.locator('.choice').first().click();
    await expect.poll(() => page.locator('#outcome').textContent()).toBe('<script>window.__pwned = 5</script>完成');
    expect(await page.locator('#say-text').textContent()).toBe('</pre><script>window.__pwned = 6</script>您好');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);

    // A number fact gets a numeric field: what is not a number is refused before it is sent.
    await page.locator('.card .new-case').click();
    await tile.click();
    await page.locator('.choice').nth(1).click();
    const pieces = page.locator('.question[data-fact=pieces] #answer');
    await pieces.waitFor();
    // A whole number from 1 to 99: the field's own step and bounds.
    expect(await pieces.evaluate((e) => [e.getAttribute('type'), e.getAttribute('step'), e.getAttribute('min'), e.getAttribute('max')])).toEqual(['number', '1', '1', '99']);
    expect(await page.locator('#hint').textContent()).toBe('1 到 99 之间的整数');
    await pieces.focus();
    await page.keyboard.type('1e');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#hint').textContent()).toBe('请填写数字：1 到 99 之间的整数');
    for (const wrong of ['2.5', '100']) {
      await pieces.fill(wrong);
      await page.keyboard.press('Enter');
      expect(await pieces.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.question[data-fact=pieces]').count()).toBe(1);
    }
    await pieces.fill('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#outcome').textContent()).toBe('其他');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone screen without horizontal overflow (screenshot checked)', async () => {
    const { page } = await openDesk(390);
    await pickReference(page);
    await answerCase(page, { problem: '运输破损', item_value: '100元', damage: '轻微', order_profit: '25', return_shipping: '12' });
    await page.locator('.card').waitFor();
    const shot = await page.screenshot({ fullPage: true });
    // The screenshot is as wide as the viewport: nothing pushed the page sideways.
    expect(shot.readUInt32BE(16)).toBe(390);
    const overflow = await page.evaluate(`({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName),
    })`);
    expect(overflow).toEqual({ page: 0, wide: [] });
    await page.close();
  });
});
