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
  // The checker verifies its witness cases with the reference evaluator (eval never imports check).
  check: ['source', 'diagnostics', 'values', 'syntax', 'graph', 'analysis', 'eval'],
  backends: ['source', 'diagnostics', 'values', 'graph'],
  eval: ['source', 'diagnostics', 'values', 'graph', 'backends'],
  render: ['source', 'diagnostics', 'values', 'graph'],
  register: ['source', 'diagnostics', 'values', 'graph', 'backends', 'eval', 'render'],
  workflows: ['source', 'diagnostics', 'values', 'syntax', 'graph', 'analysis', 'check', 'backends', 'eval', 'render', 'register'],
} satisfies Record<string, readonly string[]>;
/**
 * A front end reaches the stages only through the workflows: it may format diagnostics, show
 * sources and values, and name graph types (`import type`), but never call check, eval, render,
 * analysis or syntax itself.
 */
const frontEnd = ['workflows', 'diagnostics', 'source', 'values', 'graph'];
/** What a front end may import only as types. */
const typesOnly: Record<string, readonly string[]> = { cli: ['graph'], server: ['graph'], desk: ['workflows'] };
const allowed: Record<string, readonly string[]> = {
  ...below,
  // `serve` starts the server front end.
  cli: [...frontEnd, 'server'],
  server: frontEnd,
  // The desk page runs in the browser: it talks to the server over HTTP and shares only its types.
  desk: ['workflows'],
  // The library's entry exports every layer.
  'index.ts': [...Object.keys(below)],
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
  // Static imports and re-exports, and dynamic `import('…')` (commands load heavy modules lazily).
  const found = [
    ...[...text.matchAll(/^\s*(?:import|export)\s([^'"]*?)from\s+['"](\.[^'"]+)['"]/gm)].map((m) => ({ spec: m[2], typeOnly: /^type\s/.test(m[1]) })),
    ...[...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1], typeOnly: false })),
  ];
  return found.map(({ spec, typeOnly }) => {
    const target = relative(root, join(file, '..', spec)).replace(/\.js$/, '');
    return { file: relative(root, file), from, target, typeOnly };
  });
});

/** The workflows never print, exit or read the environment: front ends own the process. */
const workflowsTouchingProcess = sourceFiles(join(root, 'workflows')).filter((file) =>
  /\bprocess\.|\bconsole\./.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
);

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(20);
  });

  it('finds dynamic imports too', () => {
    expect(imports.some((i) => i.from === 'cli' && i.target.startsWith('workflows/') && !i.typeOnly)).toBe(true);
  });

  it.each(imports.filter((i) => !i.target.startsWith(`${i.from}/`) && i.target !== i.from))(
    '$file may import $target',
    ({ from, target, typeOnly }) => {
      const rules = allowed[from];
      expect(rules, `src/${from} is not in the layer table`).toBeDefined();
      const ok = rules.some((r) => target === r || target.startsWith(`${r}/`));
      expect(ok, `src/${from} must not import src/${target}`).toBe(true);
      const layer = target.split('/')[0];
      if (typesOnly[from]?.includes(layer)) expect(typeOnly, `src/${from} may import only types from src/${layer}`).toBe(true);
    },
  );

  it('keeps the workflows off the process: no process.* or console.* in src/workflows', () => {
    expect(workflowsTouchingProcess.map((f) => relative(root, f))).toEqual([]);
  });
});
