import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

/**
 * Two ways to run the CLI in a test:
 * - `runCli` runs the program in this process (src/cli/program.ts `runCli`, the function the
 *   binary calls) with captured streams (batch results streamed to standard output included),
 *   the given environment and working directory. It costs milliseconds, so it is the default for
 *   everything about what a command does.
 * - `spawnCli` starts the built binary (`bin/sopwright.js`) as a real process (about 0.3-0.4 s of
 *   CPU). Use it only where the process boundary is what is tested: standard input, the process's
 *   own streams and exit code, the exit code of a crash, signals, start-up, worker threads.
 * Both give the same `CliResult`, so a test can move from one to the other by its name alone.
 */

/** The repository root: the CLI runs from here unless a test says otherwise. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const bin = fileURLToPath(new URL('../../bin/sopwright.js', import.meta.url));

/** What a run of the CLI gave back. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run: text on stdin (spawnCli only), extra environment, working directory. */
export interface CliOptions {
  readonly stdin?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /**
   * runCli only: a PDF is printed in the run's shared Chromium (test/support/browser.ts) instead of
   * a browser the command launches (a launch costs over a second of CPU), for tests about what is
   * printed. test/render/cli.test.ts keeps a print that launches its own, as the binary does.
   */
  readonly sharedBrowser?: boolean;
}

/**
 * Variables that change the CLI's output. They are cleared so a developer's shell (or vitest,
 * which sets FORCE_COLOR) cannot leak into a test; a test sets the ones it is about. Without the
 * locale variables, messages are in the policy's first locale.
 */
const cleared = ['FORCE_COLOR', 'NO_COLOR', 'SOPWRIGHT_DEBUG', 'TERM', 'LC_ALL', 'LC_MESSAGES', 'LANG'];

/** The changes a run makes to the environment: cleared variables, then the test's own. */
function envChanges(options: CliOptions): Record<string, string | undefined> {
  const changes: Record<string, string | undefined> = Object.fromEntries(cleared.map((name) => [name, undefined]));
  return { ...changes, ...options.env };
}

/** What `npm run build` writes once every step (the CLI bundle, the desk, the declarations) has succeeded. */
const builtStamp = join(repoRoot, 'dist/.built');

/** What the build reads: the sources, and the build commands in package.json. */
const buildInputs = ['src', 'package.json'].map((p) => join(repoRoot, p));

/**
 * Builds dist/ when an output is missing or older than a build input. The test run calls it once
 * (test/support/build-setup.ts), so `npm test` on a fresh `npm ci` (whose `prepare` built dist/)
 * does not build twice; a file run on its own may call it from a `beforeAll`.
 */
export function ensureBuilt(): void {
  const built = mtime(builtStamp);
  if (built >= 0 && built >= Math.max(...buildInputs.map(newestMtime))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest modification time of a file, or of any file under a directory. */
function newestMtime(path: string): number {
  if (!statSync(path).isDirectory()) return mtime(path);
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}

/** Runs `bin/sopwright.js` as a child process and returns its exit code and both outputs. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(envChanges(options))) {
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

/** In-process runs change the process's environment and directory, so they take turns. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI's program in this process, as the binary would with the same arguments, with
 * stdout and stderr captured as pipes (not terminals), the environment changed as `spawnCli`
 * does, and `cwd` as the working directory (both restored afterwards). Anything the program throws
 * (what the binary reports as an internal error, exit 70) fails the test with its stack.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (options.stdin !== undefined) {
    return Promise.reject(new Error('runCli runs in this process and has no standard input to give: use spawnCli'));
  }
  const run = queue.then(() => runInProcess(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: readonly string[], options: CliOptions): Promise<CliResult> {
  // Loaded on first use: files that only spawn the binary do not pay for the program's modules.
  const [{ runCli: run }, { useColor }] = await Promise.all([import('../../src/cli/program.js'), import('../../src/cli/io.js')]);
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(envChanges(options))) {
    saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const cwd = process.cwd();
  let stdout = '';
  let stderr = '';
  // What `eval --cases` streams to standard output, as text.
  const decoder = new StringDecoder('utf8');
  const stdoutStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout += decoder.write(chunk);
      done();
    },
  });
  // Connected when the command prints, closed (the connection, not the browser) after the run.
  let connected: Promise<Browser> | undefined;
  const lentBrowser = options.sharedBrowser ? () => (connected ??= import('./browser.js').then((b) => b.connectSharedBrowser())) : undefined;
  try {
    process.chdir(options.cwd ?? repoRoot);
    // Pipes, as for a spawned CLI: colour only when the environment forces it.
    const code = await run(args, {
      stdout: { write: (text) => void (stdout += text), color: useColor({ isTTY: false }, process.env) },
      stderr: { write: (text) => void (stderr += text), color: useColor({ isTTY: false }, process.env) },
      lentBrowser,
      stdoutStream,
    });
    stdout += decoder.end();
    return { code, stdout, stderr };
  } finally {
    if (connected !== undefined) await (await connected).close();
    process.chdir(cwd);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
