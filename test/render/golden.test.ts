import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import { renderHandbook, type HandbookFormat } from '../../src/render/render.js';
import { renderQuickSheet } from '../../src/render/quick-sheet.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { basicGraph } from '../fixtures/render/basic-graph.js';

/**
 * Every test/fixtures/render/<name>/input.sop is compiled and rendered in each format and locale;
 * the output must equal the golden files next to it (`vitest -u` rewrites them; review the diff).
 * Chinese, the default locale, is expected.html / expected.md; English is expected.en.*.
 */

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'render');
const names = readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(fixtures, e.name, 'input.sop')))
  .map((e) => e.name)
  .sort();
const { templates } = loadTemplates();

const outputs: [string, HandbookFormat, string][] = [
  ['zh-CN', 'html', 'expected.html'],
  ['zh-CN', 'md', 'expected.md'],
  ['en', 'html', 'expected.en.html'],
  ['en', 'md', 'expected.en.md'],
];

function compileFixture(name: string) {
  const entry = join(fixtures, name, 'input.sop');
  return compile(entry, { readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) });
}

describe.each(names)('render golden %s', (name) => {
  it('compiles without diagnostics', () => {
    expect(compileFixture(name).diagnostics).toEqual([]);
  });

  it.each(outputs)('renders %s %s as %s', async (locale, format, file) => {
    const graph = compileFixture(name).graph!;
    const result = await renderHandbook(graph, { format, locale, templates });
    expect(result.diagnostics).toEqual([]);
    await expect(result.text!.replace(/\r\n/g, '\n')).toMatchFileSnapshot(join(fixtures, name, file));
  });

  // The one-page quick sheet (render --format quick): the triage and the outcomes.
  it.each([['zh-CN', 'expected.quick.html'], ['en', 'expected.quick.en.html']])('renders the %s quick sheet as %s', async (locale, file) => {
    const result = renderQuickSheet(compileFixture(name).graph!, { locale, templates });
    expect(result.diagnostics).toEqual([]);
    await expect(result.text!).toMatchFileSnapshot(join(fixtures, name, file));
  });
});

describe('render determinism', () => {
  it('gives the same bytes for the same policy, run after run', async () => {
    const graph = compileFixture('basic').graph!;
    const runs = await Promise.all([1, 2, 3].map(() => renderHandbook(graph, { format: 'html', locale: 'zh-CN', templates })));
    expect(new Set(runs.map((r) => r.text)).size).toBe(1);
  });
});

describe('the hand-built basic graph of the unit tests', () => {
  it('is the graph the compiler makes of basic/input.sop (spans and paths aside)', () => {
    const plain = (g: unknown): unknown => JSON.parse(JSON.stringify(g, (k, v) => (k === 'span' || k === 'files' ? undefined : v)));
    expect(plain(basicGraph)).toEqual(plain(compileFixture('basic').graph));
  });
});
