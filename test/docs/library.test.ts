import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../support/cli.js';

/**
 * The README's library example runs as written against the built package, imported by its name
 * (`import … from 'sopwright'`, through package.json `exports`), and type-checks against the
 * declarations the build emits.
 */
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const snippet = /## Library API\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
// Inside the package, so `sopwright` resolves to this package (git ignores test/.scratch).
const dir = join(repoRoot, 'test/.scratch');
const file = join(dir, 'library-example.ts');

beforeAll(() => {
  ensureBuilt();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${snippet}\nexport const decided = typeof graph;\nconsole.log(JSON.stringify(result ?? null));\n`.replace(
    'const result = evaluate(graph, input.value!);', 'result = evaluate(graph, input.value!);',
  ).replace('if (graph) {', 'let result: ReturnType<typeof evaluate> | undefined;\nif (graph) {'));
});

describe('the README library example', () => {
  it('has a TypeScript example', () => {
    expect(snippet).toContain("from 'sopwright'");
  });

  it('type-checks against the emitted declarations', () => {
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '--noEmit', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--types', 'node', file], { cwd: repoRoot });
  });

  it('evaluates a case through the built package', () => {
    const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
    const out = execFileSync(process.execPath, [tsx, file], { cwd: repoRoot, encoding: 'utf8' });
    const result = JSON.parse(out) as { status: string; needs: string[] };
    expect(result.status).toBe('undecided');
    expect(result.needs).toEqual(['matches_order']);
  });
});
