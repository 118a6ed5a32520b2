import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runCli, spawnCli, type CliResult } from '../support/cli.js';

/**
 * The README's examples run as written. Every `npx sopwright …` line of a `sh` block must exit with
 * a documented success code (0, or 3 for an undecided case), and every `console` block must print
 * exactly what the README shows, with the exit code `echo $?` shows.
 */
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(sh|console)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1], body: m[2] }));

/** Splits a command line into arguments (the README uses no quoting), without its trailing comment. */
function argsOf(line: string): string[] {
  return line.replace(/\s+#.*$/, '').trim().split(/\s+/).slice(2); // drop `npx sopwright`
}

const shCommands = blocks
  .filter((b) => b.kind === 'sh')
  .flatMap((b) => b.body.split('\n').filter((l) => l.startsWith('npx sopwright ')));

interface ConsoleExample { command: string; output: string; exit: number }
const consoleExamples: ConsoleExample[] = blocks
  .filter((b) => b.kind === 'console')
  .map((b) => {
    const [first, ...rest] = b.body.split(/^\$ /m).filter(Boolean);
    const [command, ...output] = first.split('\n');
    const exit = rest.find((r) => r.startsWith('echo $?'))?.split('\n')[1];
    return { command, output: output.join('\n'), exit: Number(exit ?? 0) };
  });

/**
 * Runs a README command in this process, or through the binary when it reads standard input
 * (which the in-process run cannot give). A PDF is printed in the run's shared Chromium: what is
 * checked is the command, not the browser's start.
 */
function runExample(args: string[]): Promise<CliResult> {
  const stdin = args.some((a, i) => a === '-' && ['--case', '--cases'].includes(args[i - 1]));
  return stdin ? spawnCli(args, { cwd: repoRoot }) : runCli(args, { cwd: repoRoot, sharedBrowser: true });
}

let out: string;
beforeAll(() => {
  ensureBuilt();
  out = mkdtempSync(join(tmpdir(), 'sopwright-readme-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('README examples', () => {
  it('has examples to run', () => {
    expect(shCommands.length).toBeGreaterThanOrEqual(10);
    expect(consoleExamples.length).toBeGreaterThan(0);
  });

  it.each(shCommands)('runs `%s`', async (line) => {
    // Output files (and the directory `init` writes) go to a scratch directory, never into the working tree.
    const writes = (i: number, all: string[]) => (all[i - 1] === '-o' && all[i] !== '-') || (all[0] === 'init' && i === 1);
    const args = argsOf(line).map((a, i, all) => (writes(i, all) ? join(out, a) : a));
    const r = await runExample(args);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect([0, 3]).toContain(r.code);
  });

  it.each(consoleExamples)('prints what the README shows for `$command`', async ({ command, output, exit }) => {
    const r = await runExample(argsOf(command));
    expect(r.stdout + r.stderr).toBe(output);
    expect(r.code).toBe(exit);
  });
});
