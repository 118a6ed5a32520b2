import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import { renderHandbook } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { connectSharedBrowser } from '../support/browser.js';

/**
 * Policy text that is markup (`<script>`, `<img onerror>`, `</svg>`) rendered into the handbook
 * and loaded in the real browser, with JavaScript on: nothing may run, and the text must show.
 */

const entry = join(import.meta.dirname, '..', 'fixtures', 'render', 'escape', 'input.sop');
const graph = compile(entry, { readFile: (p) => readFileSync(p, 'utf8') }).graph!;
const { templates } = loadTemplates();

let browser: Browser;
// One context for the file's pages (a context costs a renderer start); each test opens its own page.
let context: BrowserContext;
beforeAll(async () => {
  // The run's shared Chromium, launched with the flags `render --format pdf` uses.
  browser = await connectSharedBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.each(['zh-CN', 'en'])('escaping in the %s handbook', (locale) => {
  let html: string;
  beforeAll(async () => {
    html = (await renderHandbook(graph, { format: 'html', locale, templates })).text!;
  });

  it('writes no script or image element from policy text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;window.__pwned');
  });

  // Once with the page's Content-Security-Policy, once without it: escaping alone must hold.
  it.each([['with', false], ['without', true]])('runs nothing and shows the text in Chromium (%s the CSP)', async (_label, stripCsp) => {
    const page = await context.newPage();
    try {
      await page.route('**/*', (route) => route.abort());
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const content = stripCsp ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '') : html;
      if (stripCsp) expect(content).not.toContain('Content-Security-Policy');
      await page.setContent(content, { waitUntil: 'load' });

      // Expressions as strings: the test runs in Node, whose types have no DOM.
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.evaluate('document.querySelectorAll("script, img, iframe, object").length')).toBe(0);
      const handlers = '[...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on"))';
      expect(await page.evaluate(handlers)).toEqual([]);

      const title = page.locator('h1.cover-title');
      expect(await title.isVisible()).toBe(true);
      expect(await title.textContent()).toBe('<script>window.__pwned = 1</script>');
      const text = (await page.evaluate('document.body.innerText')) as string;
      expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(text).toContain('<script>window.__pwned = 3</script>');
      // The flowchart's SVG carries the outcome label as text, not as elements that close the SVG.
      const svgText = await page.locator('#decision-check svg').textContent();
      expect(svgText).toContain('</svg><script>window.__pwned');
      expect(await page.locator('#decision-check svg text').count()).toBeGreaterThan(3);

      // At phone width (390 px) a chart keeps its own size, scrolling sideways, instead of
      // shrinking to the screen: drawn at its viewBox scale, wider than the figure it scrolls in.
      await page.setViewportSize({ width: 390, height: 800 });
      const chart = (await page.evaluate(`(() => {
        const fig = document.querySelector('#decision-check .flowchart');
        const svg = fig.querySelector('svg');
        return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, scrolls: fig.scrollWidth > fig.clientWidth, overflow: getComputedStyle(fig).overflowX };
      })()`)) as { scale: number; scrolls: boolean; overflow: string };
      expect(chart.scale).toBeGreaterThan(1.2); // 1 pt = 1.33 px
      expect(chart.overflow).toBe('auto');
      expect(chart.scrolls).toBe(true);
    } finally {
      await page.close();
    }
  });
});
