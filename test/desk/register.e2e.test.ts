import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openRegister, type Register } from '../../src/register/index.js';
import { createServer } from '../../src/server/app.js';
import { openPolicyStore, type PolicyStore } from '../../src/workflows/policy-store.js';
import { connectSharedBrowser } from '../support/browser.js';
import { ensureBuilt, repoRoot } from '../support/cli.js';
import { freshLocation } from '../support/register.js';
import { answerCase } from './answer.js';

/**
 * The register on the desk, in the shared Chromium: staff record decided cases in one click, see
 * them in the register view, and once the server's clock (injected, moved by the test) passes a
 * due moment the case shows as overdue, first in the list; they move it along with a note, and a
 * move the rules forbid is refused on the spot.
 */

let browser: Browser;
let app: FastifyInstance;
let store: PolicyStore;
let register: Register;
let base: string;
let cleanup: () => Promise<void>;
let now = new Date('2026-12-02T01:30:00Z');
const clock = (): Date => now;

beforeAll(async () => {
  ensureBuilt();
  const fresh = await freshLocation('sqlite');
  cleanup = fresh.cleanup;
  register = await openRegister(fresh.location, { clock, timeZone: 'Asia/Shanghai' });
  store = openPolicyStore([`${repoRoot}/test/fixtures/reference/after-sales.sop`]);
  app = await createServer(store, { clock, register });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await connectSharedBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
  await register?.close();
  await cleanup?.();
});

async function recordFromDesk(page: Page, answers: Readonly<Record<string, string>>, staff: string): Promise<string> {
  // One policy served: the desk starts on its first question.
  await answerCase(page, answers);
  await page.locator('#staff').fill(staff);
  await page.locator('.record').click();
  await page.locator('.record-result.recorded').waitFor();
  return (await page.locator('.record-result').textContent()) ?? '';
}

describe('the register on the desk', () => {
  it('records cases from the desk and shows the overdue one first once the clock passes its due moment', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);

    // A 3-day case, then a same-day one: both recorded by 小王 with one click each.
    expect(await recordFromDesk(page, { problem: '运输破损', item_value: '100元', damage: '轻微', order_profit: '¥25', return_shipping: '12' }, '小王')).toContain('已登记，编号 1');
    await page.locator('.card .new-case').click();
    expect(await recordFromDesk(page, { problem: '查件催件', shipped: '否', past_promised_time: '是' }, '小王')).toContain('已登记，编号 2');

    // Today's register: both open, none overdue, in recording order.
    await page.locator('.open-register').click();
    await page.locator('.entries').waitFor();
    expect(await page.locator('h2').textContent()).toBe('售后登记表 · 2026-12-02');
    expect(await page.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['1', '2']);
    expect(await page.locator('.entry.overdue').count()).toBe(0);
    expect(await page.locator('.entry[data-id="2"] .entry-meta').textContent()).toContain('登记人 小王');

    // The clock passes the same-day case's due moment: it is overdue, and listed first.
    now = new Date('2026-12-03T00:30:00Z');
    await page.locator('#register').click();
    await expect.poll(() => page.locator('.entry.overdue').count()).toBe(1);
    expect(await page.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['2', '1']);
    expect(await page.locator('.entry[data-id="2"] .overdue-badge').textContent()).toBe('已超时');

    // Moved along with a note: still overdue while in progress; a forbidden move is refused, saying why.
    const entry = page.locator('.entry[data-id="2"]');
    await entry.locator('.move-status').selectOption('in_progress');
    await entry.locator('.move-note').fill('已联系仓库');
    await entry.locator('.move-button').click();
    await expect.poll(() => page.locator('.entry[data-id="2"] .status').textContent()).toBe('处理中');
    expect(await page.locator('.entry[data-id="2"] .entry-note').textContent()).toBe('备注：已联系仓库');
    expect(await page.locator('.entry[data-id="2"]').getAttribute('class')).toContain('overdue');
    await page.locator('.entry[data-id="2"] .move-status').selectOption('confirmed');
    await page.locator('.entry[data-id="2"] .move-button').click();
    await expect.poll(() => page.locator('.entry[data-id="2"] .move-error').textContent()).toContain('cannot move to `confirmed`');
    expect((await register.get(2)).history.map((h) => h.kind)).toEqual(['recorded', 'status']);

    // A note without a move (none written: asked for first), then the case handed to the warehouse.
    const first = () => page.locator('.entry[data-id="1"]');
    await first().locator('.add-note').click();
    await expect.poll(() => first().locator('.move-error').textContent()).toBe('请先写备注');
    await first().locator('.move-note').fill('顾客已发图片');
    await first().locator('.add-note').click();
    await expect.poll(() => first().locator('.entry-note').textContent()).toBe('备注：顾客已发图片');
    expect(await first().locator('.status').textContent()).toBe('待处理');
    expect(await first().locator('.entry-owner').textContent()).toBe('负责部门 财务');
    await first().locator('.reassign-owner').selectOption({ label: '仓库' });
    await first().locator('.move-note').fill('请仓库核对破损');
    await first().locator('.reassign-button').click();
    await expect.poll(() => first().locator('.entry-owner').textContent()).toBe('负责部门 仓库');
    expect(await first().locator('.entry-note').textContent()).toBe('备注：请仓库核对破损');
    expect(await first().locator('.reassign-owner option').allTextContents()).not.toContain('仓库');
    const one = await register.get(1);
    expect([one.owner, one.history.map((h) => h.kind)]).toEqual(['warehouse', ['recorded', 'note', 'reassign']]);

    // Filters: by status, then by outcome.
    await page.locator('#filter-status').selectOption('in_progress');
    await page.locator('.apply').click();
    await expect.poll(() => page.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['2']);
    await page.locator('#filter-status').selectOption('');
    await page.locator('#filter-outcome').selectOption('partial_refund');
    await page.locator('.apply').click();
    await expect.poll(() => page.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['1']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages through a long day with "more", and fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
    now = new Date('2026-12-05T02:00:00Z');
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/v1/register', payload: { policy: 'after_sales', case: { problem: 'logistics', shipped: false, past_promised_time: true }, staff: `s${i}` } });
      expect(r.statusCode).toBe(201);
    }
    await page.goto(`${base}/?page_size=2`);
    await page.locator('#register').click();
    await page.locator('.entries').waitFor();
    expect(await page.locator('h2').textContent()).toBe('售后登记表 · 2026-12-05');
    expect(await page.locator('.entry').count()).toBe(2);
    await page.locator('.more').click();
    await expect.poll(() => page.locator('.entry').count()).toBe(4);
    await page.locator('.more').click();
    await expect.poll(() => page.locator('.entry').count()).toBe(5);
    expect(await page.locator('.more').count()).toBe(0);
    const overflow = await page.evaluate(`({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName),
    })`);
    expect(overflow).toEqual({ page: 0, wide: [] });
    await page.close();
  });

  it('says why a case cannot be recorded without a staff name, and keeps the name for the next case', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${base}/`);
    await answerCase(page, { problem: '查件催件', shipped: '否', past_promised_time: '是' });
    await page.locator('#staff').fill('');
    await page.locator('.record').click();
    // Nothing is sent without a name: the field takes the focus.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('staff');
    await page.locator('#staff').fill('小李');
    await page.locator('.record').click();
    await page.locator('.record-result.recorded').waitFor();
    await page.locator('.card .new-case').click();
    await answerCase(page, { problem: '查件催件', shipped: '否', past_promised_time: '是' });
    expect(await page.locator('#staff').inputValue()).toBe('小李');
    await page.close();
  });
});
