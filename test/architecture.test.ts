import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Which top-level modules of src/ each module may import. Data flows one way (see the README's
 * "How it is built"): front ends → workflows → stages → graph/values → source.
 */
const below = {
  source: [],
  values: [],
  diagnostics: ['source'],
  syntax: ['source', 'diagnostics', 'values'],
  graph: ['source', 'diagnostics', 'values'],
  analysis: ['source', 'diagnostics', 'values', 'graph'],
  check: ['source', 'diagnostics', 'values', 'syntax', 'graph', 'analysis'],
  backends: ['source', 'diagnostics', 'values', 'graph'],
  eval: ['source', 'diagnostics', 'values', 'graph', 'backends'],
  render: ['source', 'diagnostics', 'values', 'graph'],
  workflows: ['source', 'diagnostics', 'values', 'syntax', 'graph', 'analysis', 'check', 'backends', 'eval', 'render'],
} satisfies Record<string, readonly string[]>;
const frontEnd = [...Object.keys(below), 'workflows'];
const allowed: Record<string, readonly string[]> = {
  ...below,
  cli: frontEnd,
  'index.ts': frontEnd,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const root = join(import.meta.dirname, '..', 'src');
const imports = sourceFiles(root).flatMap((file) => {
  const from = relative(root, file).split('/')[0];
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => {
    const target = relative(root, join(file, '..', m[1])).replace(/\.js$/, '');
    return { file: relative(root, file), from, target };
  });
});

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(20);
  });

  it.each(imports.filter((i) => !i.target.startsWith(`${i.from}/`) && i.target !== i.from))(
    '$file may import $target',
    ({ from, target }) => {
      const rules = allowed[from];
      expect(rules, `src/${from} is not in the layer table`).toBeDefined();
      const ok = rules.some((r) => target === r || target.startsWith(`${r}/`));
      expect(ok, `src/${from} must not import src/${target}`).toBe(true);
    },
  );
});
