import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, isInertSvg, type TemplateSet } from '../../src/render/handlebars-env.js';
import { renderHandbook } from '../../src/render/render.js';
import { cssString } from '../../src/render/handlebars-env.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { basicGraph } from '../fixtures/render/basic-graph.js';

const builtin = loadTemplates().templates;

/** The built-in templates with some files replaced (as a `--templates DIR` would). */
function withFiles(files: Record<string, string>): TemplateSet {
  const set: Record<string, { path: string; text: string }> = { ...builtin };
  for (const [rel, text] of Object.entries(files)) set[rel] = { path: `shop/${rel}`, text };
  return set;
}

describe('template failures become render/template diagnostics', () => {
  it('reports a field the view model lacks, at its place in the partial that uses it', async () => {
    const result = await renderHandbook(basicGraph, {
      format: 'md',
      locale: 'zh-CN',
      templates: withFiles({ 'partials/cover.md.hbs': '# {{md policy.title}}\n\n{{policy.subtitle}}\n' }),
    });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ code: 'render/template', severity: 'error', span: { file: 'shop/partials/cover.md.hbs' } });
    expect(d.message).toBe('template uses `subtitle`, which the view model does not have here');
    const text = '# {{md policy.title}}\n\n{{policy.subtitle}}\n';
    expect(text.slice(d.span.start)).toMatch(/^policy\.subtitle/);
  });

  it('reports a syntax error with its line before rendering anything', async () => {
    const result = await renderHandbook(basicGraph, {
      format: 'html',
      locale: 'en',
      templates: withFiles({ 'partials/toc.html.hbs': '<nav>\n{{#each toc}}\n{{title}\n{{/each}}\n</nav>\n' }),
    });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'render/template', span: { file: 'shop/partials/toc.html.hbs', start: '<nav>\n{{#each toc}}\n'.length } });
    expect(result.diagnostics[0].message).toMatch(/^invalid template: expecting /);
  });

  it('reports a partial that does not exist', async () => {
    const result = await renderHandbook(basicGraph, {
      format: 'md',
      locale: 'en',
      templates: withFiles({ 'handbook.md.hbs': '{{> cover}}\n{{> nowhere}}\n' }),
    });
    expect(result.diagnostics.map((d) => [d.span.file, d.message])).toEqual([
      ['shop/handbook.md.hbs', 'template uses the partial `nowhere`, which does not exist'],
    ]);
  });

  it('reports a missing layout', async () => {
    const { 'handbook.md.hbs': _layout, ...rest } = builtin;
    const result = await renderHandbook(basicGraph, { format: 'md', locale: 'en', templates: rest });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['the template `handbook.md.hbs` is missing']);
  });
});

describe('the frame', () => {
  it('names no kind of policy: the cover and the start text come from the policy\'s title', async () => {
    const presale = { ...basicGraph, policy: { ...basicGraph.policy, title: { 'zh-CN': '售前咨询规范', en: 'Pre-sale rules' } } };
    const zh = (await renderHandbook(presale, { format: 'html', locale: 'zh-CN', templates: builtin })).text!;
    expect(zh).toContain('<p class="cover-kicker">员工手册</p>');
    expect(zh).toContain('<p class="start-note">按“售前咨询规范”处理的每个问题都从这里开始判断。</p>');
    const en = (await renderHandbook(presale, { format: 'md', locale: 'en', templates: builtin })).text!;
    expect(en).toContain('**Every case under “Pre-sale rules” starts here.**');
    for (const text of [zh, en]) expect(text).not.toMatch(/售后处理手册|After-sales handbook|after-sales case/);
  });
});

describe('page furniture', () => {
  it('prints the title and version in the header and page numbers in the footer, none on the cover', async () => {
    const zh = (await renderHandbook(basicGraph, { format: 'html', locale: 'zh-CN', templates: builtin })).text!;
    expect(zh).toContain('@top-left { content: "小店售后规则";');
    expect(zh).toContain('@top-right { content: "版本 1.2";');
    expect(zh).toContain('@bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页";');
    expect(zh).toMatch(/@page :first {\n  @top-left { content: none; }\n  @top-right { content: none; }\n  @bottom-center { content: none; }/);
    const en = (await renderHandbook(basicGraph, { format: 'html', locale: 'en', templates: builtin })).text!;
    expect(en).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages) " ";');
  });

  it('quotes policy text as a CSS string that cannot close the style element', () => {
    expect(cssString('a "b" \\ </style>\n')).toBe('"a \\22 b\\22  \\5c  \\3c /style\\3e \\a "');
  });
});

describe('loadTemplates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-templates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays an override directory over the built-in templates file by file', async () => {
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'cover.md.hbs'), '# {{md policy.title}} (shop edition)\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a template');
    const { templates, problems } = loadTemplates(dir);
    expect(problems).toEqual([]);
    expect(templates['partials/cover.md.hbs'].path).toBe(join(dir, 'partials', 'cover.md.hbs'));
    expect(templates['partials/toc.md.hbs']).toEqual(builtin['partials/toc.md.hbs']);
    expect(templates['notes.txt']).toBeUndefined();
    const result = await renderHandbook(basicGraph, { format: 'md', locale: 'zh-CN', templates });
    expect(result.text!.startsWith('# 小店售后规则 (shop edition)\n')).toBe(true);
  });

  it('says so when the override directory does not exist', () => {
    expect(loadTemplates(join(dir, 'missing')).problems).toEqual([`cannot read templates from \`${join(dir, 'missing')}\`: no such directory`]);
  });

  it('ships every template both formats need', () => {
    const names = ['cover', 'toc', 'section', 'decision', 'outcome-card', 'index', 'glossary', 'constants', 'blocks'];
    for (const format of ['html', 'md']) {
      expect(builtin[`handbook.${format}.hbs`]).toBeDefined();
      for (const n of names) expect(builtin[`partials/${n}.${format}.hbs`], `${n}.${format}`).toBeDefined();
    }
    expect(builtin['partials/handbook.css']).toBeDefined();
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['普通文字', '普通文字'],
    ['a *b* _c_ `d` [e](f) | g ~h~ \\', 'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\| g \\~h\\~ \\\\'],
    ['<script>x</script> & y', '&lt;script&gt;x&lt;/script&gt; &amp; y'],
    ['# not a heading', '\\# not a heading'],
    ['#1 stays', '#1 stays'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['1.5 stays', '1.5 stays'],
    ['> not a quote', '&gt; not a quote'],
    ['two\nlines', 'two lines'],
  ])('%j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('isInertSvg', () => {
  it.each([
    ['<svg><text>&lt;script&gt;</text></svg>', true],
    ['<svg><script>alert(1)</script></svg>', false],
    ['<svg><a onclick="x()"></a></svg>', false],
    ['<svg><foreignObject></foreignObject></svg>', false],
    ['<svg><a xlink:href="javascript:alert(1)"></a></svg>', false],
    ['<div></div>', false],
    ['<svg><text>x onerror=y javascript:alert(1)</text></svg>', true],
    ['<svg><a xlink:href="#o" xlink:title="a onmouseover=alert(1) javascript:x"></a></svg>', true],
    ['<svg><a xlink:href=" JavaScript:alert(1)"></a></svg>', false],
    ['<svg><g onload=alert(1)></g></svg>', false],
    ['<svg><text>&lt;script&gt;</text><script src="x"/></svg>', false],
  ])('%s → %s', (svg, inert) => {
    expect(isInertSvg(svg)).toBe(inert);
  });
});
