import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../src/workflows/files.js';
import { buildHandbook, exportPolicyGraph, renderHandbookFile } from '../../src/workflows/handbook.js';
import { loadPolicy } from '../../src/workflows/policy.js';
import { project } from './fixtures.js';

describe('buildHandbook', () => {
  it('makes the Markdown handbook of a compiled policy with the built-in templates', async () => {
    const { graph } = loadPolicy('shop/returns.sop', { files: memoryFiles(project()) });
    const handbook = await buildHandbook(graph!, { format: 'md', locale: 'en' });
    expect(handbook.failure).toBeUndefined();
    expect(handbook.data).toContain('# Returns');
  });

  it('stops at a template that fails, with the template as a source for the snippet', async () => {
    const { graph } = loadPolicy('shop/returns.sop', { files: memoryFiles(project()) });
    const templates = { 'handbook.md.hbs': { path: 'handbook.md.hbs', text: '{{#each decisions}}\n' } };
    const handbook = await buildHandbook(graph!, { format: 'md', templates });
    expect(handbook).toMatchObject({ data: undefined, failure: 'template' });
    expect(handbook.diagnostics.map((d) => d.code)).toEqual(['render/template']);
    expect([...handbook.sources.keys()]).toEqual(['handbook.md.hbs']);
  });

  it('looks for the browser before anything else, and names the one that is missing', async () => {
    const { graph } = loadPolicy('shop/returns.sop', { files: memoryFiles(project()) });
    const handbook = await buildHandbook(graph!, { format: 'pdf', env: { SOPWRIGHT_BROWSER: '/nowhere/chromium' } });
    expect(handbook.failure).toBe('browser');
    expect(handbook.diagnostics[0].message).toContain('`/nowhere/chromium` named by `SOPWRIGHT_BROWSER`');
  });
});

describe('renderHandbookFile', () => {
  it('writes the handbook through the file host, with the policy\'s warnings alongside', async () => {
    const files = project();
    files['shop/returns.sop'] += 'fact gift: bool "赠品" @en "Gift"\n';
    const made = await renderHandbookFile('shop/returns.sop', { format: 'md', locale: 'zh-CN', output: 'out/handbook.md', files: memoryFiles(files) });
    expect(made.failure).toBeUndefined();
    expect(files['out/handbook.md']).toBe(made.data);
    // The entry's own unused fact; the library's is `check`'s to judge over all its importers.
    expect(made.policy?.diagnostics.map((d) => [d.code, d.span.file])).toEqual([['graph/unused-fact', 'shop/returns.sop']]);
  });

  it('stops at a policy with errors, and fails fast on a missing browser without loading the policy', async () => {
    const files = memoryFiles(project());
    expect(await renderHandbookFile('broken/broken.sop', { format: 'md', files })).toMatchObject({ failure: 'policy', data: undefined });
    const pdf = await renderHandbookFile('broken/broken.sop', { format: 'pdf', browser: '/nowhere/chromium', files });
    expect(pdf).toMatchObject({ failure: 'browser', policy: undefined });
  });

  it('names a templates directory it cannot read', async () => {
    const made = await renderHandbookFile('shop/returns.sop', { format: 'md', templates: '/nowhere/templates', files: memoryFiles(project()) });
    expect(made.failure).toBe('templates');
    expect(made.problems).toEqual(['cannot read templates from `/nowhere/templates`: no such directory']);
  });

  it('names the output it cannot write and leaves no data', async () => {
    const files = { ...memoryFiles(project()), writeFile: (file: string) => ({ problem: `cannot write \`${file}\`: read-only file system` }) };
    const made = await renderHandbookFile('shop/returns.sop', { format: 'md', output: 'out.md', files });
    expect(made).toMatchObject({ failure: 'write', data: undefined, problems: ['cannot write `out.md`: read-only file system'] });
  });
});

describe('exportPolicyGraph', () => {
  it('exports the whole graph as Mermaid and writes it', async () => {
    const files = project();
    const exported = await exportPolicyGraph('shop/returns.sop', { format: 'mermaid', locale: 'en', output: 'graph.mmd', files: memoryFiles(files) });
    expect(exported.text).toMatch(/^flowchart/);
    expect(files['graph.mmd']).toBe(exported.text);
  });

  it('gives no text for a policy with errors', async () => {
    const exported = await exportPolicyGraph('broken/broken.sop', { format: 'dot', files: memoryFiles(project()) });
    expect(exported).toMatchObject({ text: undefined, problems: [] });
    expect(exported.policy.graph).toBeUndefined();
  });
});
