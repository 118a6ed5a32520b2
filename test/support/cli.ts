import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here unless a test says otherwise. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const bin = fileURLToPath(new URL('../../bin/sopwright.js', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/sopwright.js', import.meta.url));

/** What a run of the CLI gave back. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run: text on stdin, extra environment, working directory. */
export interface CliOptions {
  readonly stdin?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/**
 * Variables that change the CLI's output. They are cleared so a developer's shell (or vitest,
 * which sets FORCE_COLOR) cannot leak into a test; a test sets the ones it is about.
 */
const cleared = ['FORCE_COLOR', 'NO_COLOR', 'SOPWRIGHT_DEBUG', 'TERM'];

/**
 * Builds dist/ when it is missing or older than a file under src/, for runs that did not start
 * with `npm test` (whose `pretest` builds). Call it from a `beforeAll`.
 */
export function ensureBuilt(): void {
  if (mtime(bundle) >= newestMtime(join(repoRoot, 'src'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : mtime(full));
  }
  return newest;
}

/** Runs `bin/sopwright.js` with arguments and returns its exit code and both outputs. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of cleared) delete env[name];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
