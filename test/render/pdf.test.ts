import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { browserCandidates, findBrowser, makeReproducible, printContextOptions, printPdf } from '../../src/render/pdf.js';
import { parseUnicodeRange, printFontFaces } from '../../src/render/print-fonts.js';
import { buildHandbookModel } from '../../src/render/view-model.js';
import { printHandbook } from '../../src/render/print-handbook.js';
import { renderHandbook } from '../../src/render/render.js';
import { printQuickSheet, renderQuickSheet } from '../../src/render/quick-sheet.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { connectSharedBrowser } from '../support/browser.js';
import { pageFills } from '../support/pdf-fill.js';

/**
 * The PDF of the reference policy (the frozen copy in test/fixtures/reference/, so an edit of
 * rules/ cannot break it) in both locales, printed by the installed Chromium and read back with
 * poppler-utils.
 */

const entry = join(import.meta.dirname, '..', 'fixtures', 'reference', 'after-sales.sop');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const read = (p: string): string | undefined => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
const { templates } = loadTemplates();
const out = mkdtempSync(join(tmpdir(), 'sopwright-pdf-'));
// Printed in the run's shared Chromium, the handbooks and quick sheets one after the other in one
// context (one renderer for the file); the determinism test prints in fresh contexts. Launching a
// browser per PDF is what `sopwright render --format pdf` does, tested in test/render/cli.test.ts.
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await connectSharedBrowser();
  context = await browser.newContext(printContextOptions);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

function graphOf(file = entry): DecisionGraph {
  const result = compile(file, { readFile: read });
  if (!result.graph) throw new Error(`${file} does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

function browserPath(): string {
  const found = findBrowser(undefined, process.env);
  if ('diagnostic' in found) throw new Error(`${found.diagnostic.message}; ${found.diagnostic.help}`);
  return found.path;
}

async function pdfOf(graph: DecisionGraph, locale: string): Promise<Uint8Array> {
  const printed = await printHandbook(graph, { locale, templates }, { browserPath: browserPath(), context });
  return printed.pdf!;
}

interface Word {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Per page, the words with their boxes (pdftotext -bbox); read once per file, several tests use them. */
const wordsRead = new Map<string, Word[][]>();
function pageWords(file: string): Word[][] {
  const known = wordsRead.get(file);
  if (known) return known;
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const words = xml.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescape(m[5]!) })));
  wordsRead.set(file, words);
  return words;
}

/** The text of each page in reading order (a column after the other). */
function pageTexts(file: string): string[] {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const expectations = {
  'zh-CN': ['售后处理规范', '目录', '直接退款', '部分退款上限', '订单总利润与退回运费中较小者', '商品价值', '高价值商品门槛', '第 2 页，共'],
  en: ['After-sales handbook', 'Contents', 'Refund directly', 'Partial refund cap', 'the smaller of the order profit and the return shipping', 'Item value', 'Page 2 of'],
};

describe.each(['zh-CN', 'en'] as const)('the %s PDF handbook', (locale) => {
  const file = join(out, `handbook.${locale}.pdf`);

  it('prints to an A4 PDF with many pages', async () => {
    writeFileSync(file, await pdfOf(graphOf(), locale));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThan(20);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
  });

  it('embeds every font as a real font, none as Type 3 glyph pictures (pdffonts)', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).not.toMatch(/Type 3/);
    expect(rows.some((r) => /NotoSansSC.*CID TrueType/.test(r))).toBe(true);
  });

  it('prints the cover bare and every other page with the running header and its number', () => {
    const pages = pageTexts(file);
    expect(pages[0]).not.toMatch(locale === 'en' ? /Page \d+ of/ : /第 \d+ 页/);
    expect(pages[0]).not.toContain(locale === 'en' ? 'Version 1.0' : '版本 1.0\n');
    pages.slice(1).forEach((text, i) => expect(text, `page ${i + 2}`).toMatch(locale === 'en' ? new RegExp(`Page ${i + 2} of ${pages.length}`) : new RegExp(`第 ${i + 2} 页，共 ${pages.length} 页`)));
  });

  it('gives each contents and index entry the page its heading is printed on', () => {
    const words = pageWords(file);
    const model = buildHandbookModel(graphOf(), locale);
    // Where an entry starts: its number, then a word its title starts with.
    const starts = (page: readonly Word[], number: string, title: string): Word | undefined =>
      page.find((w, i) => w.text === number && page[i + 1] !== undefined && title.startsWith(page[i + 1]!.text));
    // The page a heading is printed on: the first after the contents where it starts in heading
    // type (a line box at least 18.5 pt tall: 13 pt type; body text and flowchart labels are smaller).
    const headingPage = (number: string, title: string): number =>
      words.findIndex((page, p) => p > 1 && starts(page.filter((w) => w.y1 - w.y0 >= 18.5), number, title) !== undefined) + 1;
    // The page number printed for an entry: the last whole number on its line before the next
    // column (the next entry's number, or the deadline column of the index); titles may hold numbers.
    const printedPage = (pages: readonly (readonly Word[])[], number: string, title: string, columnEnd: (page: readonly Word[]) => number): number | undefined => {
      for (const page of pages) {
        const at = starts(page, number, title);
        if (at === undefined) continue;
        const line = page.filter((w) => Math.abs(w.y1 - at.y1) < 2 && w.x0 > at.x1);
        const end = Math.min(columnEnd(page), ...line.filter((w) => /^(\d+|[A-Z])\.\d+$/.test(w.text)).map((w) => w.x0));
        const right = line.filter((w) => w.x1 < end && /^\d+$/.test(w.text)).sort((a, b) => b.x0 - a.x0);
        return right[0] === undefined ? undefined : Number(right[0].text);
      }
      return undefined;
    };
    const entries = model.toc.flatMap((c) => [c, ...c.children]);
    expect(entries.length).toBeGreaterThan(30);
    for (const e of entries) expect(printedPage([words[1]!], e.number, e.title, () => Infinity), `${e.number} ${e.title} in the contents`).toBe(headingPage(e.number, e.title));
    const indexPage = headingPage(model.indexChapter!.number, model.indexChapter!.title);
    const indexPages = words.slice(indexPage - 1, indexPage + 1);
    const outcomes = model.index.flatMap((g) => g.outcomes);
    expect(outcomes.length).toBeGreaterThan(10);
    const deadlineColumn = (page: readonly Word[]) => page.find((w) => w.text === model.ui.deadline.split(' ')[0])?.x0 ?? Infinity;
    for (const o of outcomes) expect(printedPage(indexPages, o.number, o.title, deadlineColumn), `${o.number} ${o.title} in the index`).toBe(headingPage(o.number, o.title));
  });

  it('prints densely: no page under 40 % full but a chapter\'s last, and the zh-CN handbook in at most 27 pages (36 before)', () => {
    const fills = pageFills(file);
    const words = pageWords(file);
    expect(fills.length).toBe(words.length);
    if (locale === 'zh-CN') expect(fills.length).toBeLessThanOrEqual(27);
    // A chapter starts on a page whose top holds chapter-title type (20 pt: a word box ≥ 26 pt tall).
    const startsChapter = (page: readonly Word[]): boolean => page.some((w) => w.y1 - w.y0 >= 26 && w.y0 < 100);
    const chapterEnd = (p: number): boolean => p === fills.length - 1 || startsChapter(words[p + 1]!);
    const thin = fills.map((f, p) => ({ page: p + 1, fill: Math.round(f * 100) })).filter((x, p) => x.fill < 40 && !chapterEnd(p));
    if (locale === 'zh-CN') expect(thin).toEqual([]);
    // The English triage chart and its table do not share a page (they are kept together with the
    // decision); allow that one page, no more.
    else expect(thin.length).toBeLessThanOrEqual(1);
  });

  it('holds the key labels as text (pdftotext)', () => {
    // pdftotext keeps reading order but may break lines inside a phrase; compare without breaks.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s*\n\s*/g, locale === 'en' ? ' ' : '');
    for (const label of expectations[locale]) expect(text, label).toContain(label);
  });

  it('carries no author note (`##!`) in the staff handbook', () => {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s*\n\s*/g, locale === 'en' ? ' ' : '');
    expect(text).not.toMatch(/参考政策的选择|种子文档|Policy choice|policy choice/);
  });

  it('renders a page as an image (pdftoppm)', () => {
    const prefix = join(out, `page-${locale}`);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
    const png = readFileSync(`${prefix}-01.png`);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
  });
});

describe('the quick sheet (render --format quick)', () => {
  const root = join(import.meta.dirname, '..', '..');
  const sheets = ['after-sales', 'presale', 'warranty'].flatMap((policy) => (['zh-CN', 'en'] as const).map((locale) => {
    const graph = compile(join(root, 'rules', `${policy}.sop`), { readFile: read }).graph!;
    return { policy, locale, graph, model: buildHandbookModel(graph, locale) };
  }));
  const info = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

  it('prints the after-sales quick sheet on exactly one A4 page (pdfinfo), with real fonts', async () => {
    const { graph, model } = sheets[0]!;
    const printed = await printQuickSheet(graph, { locale: 'zh-CN', templates }, { browserPath: browserPath(), context });
    const file = join(out, 'quick.zh-CN.pdf');
    writeFileSync(file, printed.pdf!);
    expect(info(file)).toMatch(/^Pages:\s+1$/m);
    expect(info(file)).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).not.toMatch(/Type 3/);
    const text = pageTexts(file)[0]!.replace(/\s*\n\s*/g, '');
    for (const o of model.outcomes) {
      expect(text, o.title).toContain(o.title);
      expect(text, o.number).toContain(o.number);
    }
  });

  it('fits every reference policy\'s sheet, in both locales, on one page each', async () => {
    // One print for all six (a print costs seconds): each sheet starts a page of its own, so six
    // sheets give six pages only when none runs over; page i must hold sheet i's title.
    const htmls = sheets.map(({ graph, locale }) => renderQuickSheet(graph, { locale, templates }).text!);
    const body = (html: string): string => html.slice(html.indexOf('<body class="quick">') + 20, html.indexOf('</body>'));
    const all = htmls[0]!.replace(/<body class="quick">[\s\S]*<\/body>/, () =>
      `<body class="quick">${htmls.map((h) => `<div style="break-before: page">${body(h)}</div>`).join('\n')}</body>`);
    const file = join(out, 'quick-all.pdf');
    writeFileSync(file, await printPdf(all, { browserPath: browserPath(), context }));
    expect(info(file)).toMatch(new RegExp(`^Pages:\\s+${sheets.length}$`, 'm'));
    const pages = pageTexts(file);
    sheets.forEach(({ policy, locale, model }, i) => {
      const text = pages[i]!.replace(/\s*\n\s*/g, locale === 'en' ? ' ' : '');
      expect(text, `${policy} ${locale}`).toContain(model.policy.title);
      for (const o of model.outcomes) expect(text, `${policy} ${locale} ${o.number}`).toContain(o.number);
    });
  });
});

describe('print fonts', () => {
  it('inlines only the Unicode-range slices the text uses', () => {
    const faces = (text: string) => printFontFaces(text).split('\n').filter((l) => l.startsWith('@font-face'));
    expect(faces('Refund').length).toBeGreaterThan(0);
    expect(faces('Refund').length).toBeLessThan(faces('Refund 售后处理规范，直接退款').length);
    expect(faces('售后').every((f) => f.includes("font-family:'Noto Sans SC'") && f.includes('data:font/woff2;base64,'))).toBe(true);
  });

  it('reads CSS unicode-range lists, wildcards included', () => {
    expect(parseUnicodeRange('U+4e00-4e09, U+3000,U+4??')).toEqual([[0x4e00, 0x4e09], [0x3000, 0x3000], [0x400, 0x4ff]]);
  });
});

describe('PDF determinism', () => {
  it('gives the same bytes for the same page', async () => {
    // Two prints of a small policy's page, each in a fresh context of the browser: what could
    // differ (time stamps, document ID, font subset names, structure ids) does not depend on the
    // handbook's length or on the two-pass numbering, which is a pure function of the first print.
    const small = graphOf(join(import.meta.dirname, '..', 'fixtures', 'render', 'basic', 'input.sop'));
    const html = (await renderHandbook(small, { locale: 'zh-CN', templates, format: 'html', pages: () => 1 })).text!;
    const print = () => printPdf(html, { browserPath: browserPath(), browser });
    const [first, again] = [await print(), await print()];
    expect(first.length).toBeGreaterThan(10_000);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(first))).toBe(0);
  });

  it('replaces Chromium\'s time stamps and document ID without moving any byte', () => {
    const pdf = Buffer.from("%PDF-1.4\n<</CreationDate (D:20261123181500+08'00') /ModDate (D:20261123181500-05'00')>>\ntrailer <</ID [<0123ABCD> <4567EF01>]>>\n", 'latin1');
    const fixed = Buffer.from(makeReproducible(pdf)).toString('latin1');
    expect(fixed.length).toBe(pdf.length);
    expect(fixed).toContain("/CreationDate (D:20000101000000+00'00')");
    expect(fixed).toContain("/ModDate (D:20000101000000+00'00')");
    expect(fixed).not.toContain('0123ABCD');
    expect(makeReproducible(pdf)).toEqual(makeReproducible(pdf));
  });
});

describe('findBrowser', () => {
  const only = (...paths: string[]) => (p: string) => paths.includes(p);

  it('uses --browser first, then SOPWRIGHT_BROWSER, then the usual places', () => {
    expect(findBrowser('/opt/chrome', { SOPWRIGHT_BROWSER: '/env/chromium' }, only('/opt/chrome', '/env/chromium'))).toEqual({ path: '/opt/chrome' });
    expect(findBrowser(undefined, { SOPWRIGHT_BROWSER: '/env/chromium' }, only('/env/chromium', '/usr/bin/chromium'))).toEqual({ path: '/env/chromium' });
    expect(findBrowser(undefined, {}, only('/usr/bin/google-chrome'))).toEqual({ path: '/usr/bin/google-chrome' });
    expect(findBrowser(undefined, { SOPWRIGHT_BROWSER: '' }, only(browserCandidates[0]))).toEqual({ path: browserCandidates[0] });
  });

  it('does not fall back when the named browser is missing', () => {
    const result = findBrowser('/opt/nothing', {}, only('/usr/bin/chromium'));
    expect(result).toMatchObject({
      diagnostic: { code: 'render/browser-not-found', message: 'the browser `/opt/nothing` named by `--browser` does not exist or cannot be run' },
    });
  });

  it('explains how to get one when there is none', () => {
    const result = findBrowser(undefined, {}, only());
    expect('diagnostic' in result && result.diagnostic.message).toBe(
      'no Chromium to print the PDF with (looked for `/usr/bin/chromium`, `/usr/bin/chromium-browser`, `/usr/bin/google-chrome`)',
    );
    expect('diagnostic' in result && result.diagnostic.help).toContain('apt-get install chromium');
    expect('diagnostic' in result && result.diagnostic.help).toContain('--browser');
  });
});
