import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/**
 * Every example is type-checked by one tsc run and run by one node process (a runner that imports
 * them in turn, between markers): each of those costs seconds of start-up, paid once for all.
 */
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
const marker = '--- example';

/** The output of a command that failed, for the assertion message. */
function failure(error: unknown): string {
  const e = error as { stdout?: string | Buffer; stderr?: string | Buffer; message?: string };
  return `${e.message ?? String(error)}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`;
}

const run = promisify(execFile);

/** Type-checks the files with the options a user of the package would have; undefined when clean. */
async function typeErrors(files: readonly string[]): Promise<string | undefined> {
  try {
    await run(process.execPath, [tsc, '--noEmit', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--types', 'node', ...files], { cwd: repoRoot, encoding: 'utf8' });
    return undefined;
  } catch (error) {
    return failure(error);
  }
}

/**
 * Runs the modules in turn in one node process from `cwd`; what each printed, in order. esbuild
 * strips their types (tsc checks them), bundling nothing, so `sopwright` is still imported by its
 * name from the built package; tsx cost the run half a second of CPU more for the same.
 */
async function runExamples(files: readonly string[], cwd: string): Promise<string[]> {
  const modules = await Promise.all(files.map(async (file) => {
    const module = file.replace(/\.ts$/, '.mjs');
    writeFileSync(module, (await transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: file })).code);
    return module;
  }));
  const runner = join(dir, 'library-examples.mjs');
  writeFileSync(runner, modules.map((f) => `console.log(${JSON.stringify(marker)});\nawait import(${JSON.stringify(f)});\n`).join(''));
  const { stdout } = await run(process.execPath, [runner], { cwd, encoding: 'utf8' });
  return stdout.split(`${marker}\n`).slice(1);
}

let typeCheck: string | undefined;
let outputs: string[] = [];
let runError: string | undefined;
let cwd: string;
let workflowFiles: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${snippet}\nexport const decided = typeof graph;\nconsole.log(JSON.stringify(result ?? null));\n`.replace(
    'const result = evaluate(graph, input.value!);', 'result = evaluate(graph, input.value!);',
  ).replace('if (graph) {', 'let result: ReturnType<typeof evaluate> | undefined;\nif (graph) {'));
  workflowFiles = examples.map((code, i) => {
    const path = join(dir, `library-workflow-${i + 1}.ts`);
    writeFileSync(path, `${code}\nexport {};\n`);
    return path;
  });
  cwd = mkdtempSync(join(tmpdir(), 'sopwright-library-'));
  symlinkSync(join(repoRoot, 'rules'), join(cwd, 'rules'));
  // The type-check and the run side by side: each is a process of its own.
  const running = runExamples([file, ...workflowFiles], cwd).then(
    (printed) => void (outputs = printed),
    (error: unknown) => void (runError = failure(error)),
  );
  typeCheck = await typeErrors([file, ...workflowFiles]);
  await running;
}, 120_000);
afterAll(() => {
  if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true });
});

describe('the README library example', () => {
  it('has a TypeScript example', () => {
    expect(snippet).toContain("from 'sopwright'");
  });

  it('type-checks against the emitted declarations', () => {
    expect(typeCheck).toBeUndefined();
  });

  it('evaluates a case through the built package', () => {
    expect(runError).toBeUndefined();
    const result = JSON.parse(outputs[0]) as { status: string; needs: string[] };
    expect(result.status).toBe('undecided');
    expect(result.needs).toEqual(['matches_order']);
  });
});

/**
 * The workflow examples: every other `ts` block of the "Library API" section. Each runs as its own
 * module against the built package and must print exactly the lines of its `// →` comments. They
 * run in a scratch directory where `rules/` links to the repository's, so the files they write
 * (handbook-en.md, results.jsonl) never land in the working tree.
 */
const section = /## Library API\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const examples = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).slice(1);
const expectedOutput = (code: string) => [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);

/** The functions src/index.ts exports from the workflows (the formatters they re-export aside). */
const workflowFunctions = [...readFileSync(join(repoRoot, 'src/index.ts'), 'utf8').matchAll(/export \{([^}]*)\} from '\.\/workflows\/(?!reports)[^']*'/g)]
  .flatMap((m) => m[1].split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type ')))
  .filter((name) => /^[a-z]/.test(name) && name !== 'nodeFiles');

describe('the README workflow examples', () => {
  it('shows every workflow function in an example', () => {
    expect(workflowFunctions.length).toBeGreaterThanOrEqual(10);
    const code = examples.join('\n');
    expect(workflowFunctions.filter((name) => !new RegExp(`\\b${name}\\(`).test(code))).toEqual([]);
  });

  it('type-check against the emitted declarations and run, each printing what it shows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(typeCheck).toBeUndefined();
    expect(runError).toBeUndefined();
    // outputs[0] is the first example's (above).
    expect(outputs).toHaveLength(examples.length + 1);
    examples.forEach((code, i) => {
      const expected = expectedOutput(code);
      expect(expected.length, `example ${i + 2} shows its output`).toBeGreaterThan(0);
      expect(outputs[i + 1].trimEnd().split('\n'), `example ${i + 2}:\n${code}`).toEqual(expected);
    });
  });

  it('wrote the files the examples name whole, in their own directory', () => {
    expect(readFileSync(join(cwd, 'handbook-en.md'), 'utf8')).toMatch(/^# After-sales handbook\n/);
    expect(readFileSync(join(cwd, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });
});
