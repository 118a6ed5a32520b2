import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { renderHandbook } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { buildHandbook } from '../../src/workflows/handbook.js';

/**
 * Two audiences: `##` doc comments are staff text, `##!` lines are the rule authors' notes
 * (provenance, policy choices). The staff handbook carries none of the notes; the appendix of
 * `render --with-author-notes` carries each.
 */

const entry = join(import.meta.dirname, '..', 'fixtures', 'reference', 'after-sales.sop');
const read = (p: string): string | undefined => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
const { templates } = loadTemplates();
const graph: DecisionGraph = compile(entry, { readFile: read }).graph!;

/** Every line of every author note in the policy, with its language. */
const noteLines = [graph.policy, ...graph.sections, ...Object.values(graph.decisions), ...Object.values(graph.outcomes),
  ...Object.values(graph.facts), ...Object.values(graph.constants), ...Object.values(graph.enums), ...Object.values(graph.departments)]
  .flatMap((el) => (el.authorNote ?? '').split('\n'))
  .filter((l) => l.trim() !== '')
  .map((line) => ({ line, zh: /[\u4e00-\u9fff]/.test(line) }));

describe('author notes', () => {
  it('are in the reference policy, in both languages', () => {
    expect(noteLines.filter((n) => n.zh).length).toBeGreaterThanOrEqual(3);
    expect(noteLines.filter((n) => !n.zh).length).toBeGreaterThanOrEqual(3);
  });

  describe.each([['html', 'zh-CN'], ['html', 'en'], ['md', 'zh-CN'], ['md', 'en']] as const)('in the %s handbook (%s)', (format, locale) => {
    const mine = noteLines.filter((n) => n.zh === (locale === 'zh-CN'));
    const escape = (s: string) => (format === 'html' ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;') : s);

    it('never reach the staff handbook', async () => {
      const text = (await renderHandbook(graph, { format, locale, templates })).text!;
      for (const n of noteLines) expect(text, n.line).not.toContain(escape(n.line));
      expect(text).not.toMatch(locale === 'en' ? /Policy choice|policy choice/ : /参考政策的选择|种子文档/);
    });

    it('are all in the appendix on request, after the staff text', async () => {
      const text = (await renderHandbook(graph, { format, locale, templates, withAuthorNotes: true })).text!;
      const appendix = text.indexOf(locale === 'en' ? 'Notes for the supervisor' : '附：给主管的备注');
      expect(appendix).toBeGreaterThan(0);
      for (const n of mine) expect(text.slice(appendix), n.line).toContain(escape(n.line));
    });
  });

  it('reach the file through the workflow option (`render --with-author-notes`)', async () => {
    const made = await buildHandbook(graph, { format: 'md', locale: 'zh-CN', withAuthorNotes: true });
    expect(made.data as string).toContain('## 附：给主管的备注');
    expect(made.data as string).toContain('### 3.3 向快递理赔并上报主管');
  });
});
