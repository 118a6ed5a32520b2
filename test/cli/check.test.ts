import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runCli, spawnCli } from '../support/cli.js';

const HEADER = `policy returns "退货政策" {
  locales zh-CN
  start triage
}
`;
const DECISION = `
decision triage "初步判断" {
  when opened -> refund
  otherwise -> refund
}

outcome refund "退款" {}
`;

/** The policies the tests check, written to a fresh directory. */
const files: Record<string, string> = {
  'clean.sop': `${HEADER}\nfact opened: bool "已拆封"\n${DECISION}`,
  'warning.sop': `${HEADER}\nfact opened: bool "已拆封"\nfact unused: bool "没用"\n${DECISION}`,
  'error.sop': `${HEADER}\nfact opened: bool "已拆封"\n${DECISION.replace('when opened -> refund', 'when opened refund')}`,
  'many-errors.sop': `${HEADER}\nfact opened: bool "已拆封"\n${DECISION}\n${'decision broken "x" { when opened refund }\n'.repeat(4)}`,
  // A directory with a policy that imports a library: the library is no entry of its own.
  'project/policy.sop': `import "lib/vocabulary.sop"\n${HEADER}${DECISION}`,
  'project/lib/vocabulary.sop': `fact opened: bool "已拆封"\n`,
  'no-policy/lib.sop': `fact opened: bool "已拆封"\n`,
};

let dir: string;
const ESC = '\x1b[';

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sopwright-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in the test directory, so paths in its output are short and stable. */
const run = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { cwd: dir, env });
/** The same through the built binary, where the process is what is tested: exit code, env, streams. */
const spawn = (args: string[], env: Record<string, string | undefined> = {}) => spawnCli(args, { cwd: dir, env });

describe('sopwright check', () => {
  it('prints nothing and exits 0 for a clean policy', async () => {
    expect(await run(['check', 'clean.sop'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports errors on stderr with a summary and exits 1', async () => {
    const r = await spawn(['check', 'error.sop'], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error\.sop:9:14: error\[syntax\/unexpected-token\]: /m);
    expect(r.stderr).toContain('9 |   when opened refund\n  |              ^\n');
    // The decision with the syntax error is named as not judged (graph/not-judged, an info).
    expect(r.stderr).toMatch(/^error\.sop:8:10: info\[graph\/not-judged\]: /);
    expect(r.stderr.endsWith('\n\n1 error, 1 info\n')).toBe(true);
  });

  it('exits 0 on warnings alone, and 1 with --strict', async () => {
    const loose = await run(['check', 'warning.sop', '--locale', 'en']);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('warning[graph/unused-fact]');
    expect(loose.stderr.endsWith('\n1 warning\n')).toBe(true);
    const strict = await run(['check', '--strict', 'warning.sop', '--locale', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(loose.stderr);
  });

  it('prints JSON on stdout with --json and --format json', async () => {
    const r = await run(['check', '--json', 'error.sop', 'warning.sop']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 1 });
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'graph/not-judged',
      'syntax/unexpected-token',
      'graph/unused-fact',
    ]);
    report.diagnostics.shift(); // the info on the decision with the syntax error
    expect(report.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'error.sop',
      line: 9,
      column: 14,
      endLine: 9,
      endColumn: 14,
    });
    expect(Object.keys(report.diagnostics[0])).toEqual([
      'code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn',
      'label', 'help', 'suggestion', 'related', 'witness',
    ]);
    expect((await run(['check', '--format', 'json', 'error.sop', 'warning.sop'])).stdout).toBe(r.stdout);
  });

  it('prints an empty JSON report for a clean policy', async () => {
    const r = await run(['check', '--json', 'clean.sop']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });

  it('caps pretty output with --max-errors', async () => {
    const r = await run(['check', '--max-errors', '1', 'many-errors.sop', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/: (error|info)\[/g)).toHaveLength(1);
    // The broken decision is also named as not judged (graph/not-judged, an info).
    expect(r.stderr).toMatch(/\n… and 4 more\n\n4 errors, 1 info\n$/);
  });

  it('checks the policies in a directory and skips the libraries they import', async () => {
    expect(await run(['check', 'project'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 2 for a directory without a policy', async () => {
    const r = await run(['check', 'no-policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sopwright: error: no `.sop` file with a `policy` header in `no-policy`\n');
  });
});

describe('unreadable input', () => {
  it('exits 2 with a one-line message and no stack trace for a missing file', async () => {
    const r = await spawn(['check', 'missing.sop']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sopwright: error: cannot read `missing.sop`: no such file\n' });
  });

  it('still checks the other files, and exits 2', async () => {
    const r = await run(['check', 'missing.sop', 'error.sop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read `missing.sop`');
    expect(r.stderr).toContain('error[syntax/unexpected-token]');
  });
});

// The colour decision reads the real process's streams and environment: through the binary.
describe('colour', () => {
  it('is off when stderr is not a terminal', async () => {
    expect((await spawn(['check', 'error.sop'])).stderr).not.toContain(ESC);
  });

  it('is off with NO_COLOR', async () => {
    expect((await spawn(['check', 'error.sop'], { NO_COLOR: '1' })).stderr).not.toContain(ESC);
  });

  it('is forced on by FORCE_COLOR, and off by FORCE_COLOR=0', async () => {
    const forced = await spawn(['check', 'error.sop'], { FORCE_COLOR: '1' });
    expect(forced.stderr).toContain(`${ESC}31m`);
    expect(forced.code).toBe(1);
    expect((await spawn(['check', 'error.sop'], { FORCE_COLOR: '0' })).stderr).not.toContain(ESC);
  });

  it('never colours JSON', async () => {
    expect((await run(['check', '--json', 'error.sop'], { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
  });
});

describe('usage', () => {
  it.each([
    [['check', '--bogus', 'clean.sop'], "unknown option '--bogus'"],
    [['check'], "missing required argument 'paths'"],
    [['check', '--format', 'xml', 'clean.sop'], "'xml' is invalid"],
    [['check', '--max-errors', 'lots', 'clean.sop'], 'expected a whole number'],
    [['check', '--json', '--format', 'pretty', 'clean.sop'], '`--json` contradicts `--format pretty`'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'Usage: sopwright'],
  ])('exits 2 for %j with a short message', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    // Through the binary: the bundle finds package.json from dist/, not from src/cli/.
    expect(await spawn(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help on stdout with --help and exits 0', async () => {
    const r = await run(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: sopwright check [options] <paths...>');
    expect(r.stdout).toContain('--strict');
  });
});
