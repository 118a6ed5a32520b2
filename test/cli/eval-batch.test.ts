import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases, toInputRecord } from '../bench/cases.js';
import { REFERENCE } from '../eval/fixtures.js';
import { ensureBuilt, runCli, spawnCli } from '../support/cli.js';

const POLICY = REFERENCE;

/*
 * Results written to standard output go straight to the process's stdout (a stream, not the
 * CLI's writer), and standard input is the process's own: one run of each, and the worker
 * threads, go through the binary (spawnCli); the others run in this process (runCli), which
 * collects the streamed results in place of the process's stdout.
 */
let dir: string;

/** Result lines as objects. */
const parse = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sopwright-batch-'));
  writeFileSync(join(dir, 'good.jsonl'), generateCases(500, 9).map((c) => JSON.stringify(toInputRecord(c))).join('\n') + '\n');
  writeFileSync(
    join(dir, 'mixed.jsonl'),
    ['{"problem":"complaint","difficult":true}', '{"problem":"complaint","dificult":true}', '{"problem":"logistics"}', '{'].join('\n'),
  );
  writeFileSync(join(dir, 'cases.csv'), 'problem,difficult,our_fault\ncomplaint,false,true\n"complaint",,\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sopwright eval --cases', () => {
  it('writes one result line per case to stdout and a summary to stderr, exit 0', async () => {
    const r = await spawnCli(['eval', POLICY, '--cases', join(dir, 'good.jsonl'), '--locale', 'en']);
    expect(r.code).toBe(0);
    const lines = parse(r.stdout);
    expect(lines).toHaveLength(500);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(lines.every((l) => l.status === 'decided' && typeof l.outcome === 'string' && Array.isArray(l.needs) && typeof l.values === 'object')).toBe(true);
    expect(r.stderr).toMatch(/^sopwright: 500 cases: 500 decided, 0 undecided, 0 invalid, 0 failed\n/);
    // No progress bar when stderr is not a terminal.
    expect(r.stderr).not.toContain('\r');
  });

  it('reports bad lines with their line numbers as it goes, keeps going, and exits 1', async () => {
    const r = await runCli(['eval', POLICY, '--cases', join(dir, 'mixed.jsonl'), '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).map((l) => [l.line, l.status])).toEqual([[1, 'decided'], [2, 'invalid'], [3, 'undecided'], [4, 'invalid']]);
    expect(r.stderr).toContain(`${join(dir, 'mixed.jsonl')}:2: error[case/unknown-field]: `);
    expect(r.stderr).toContain('  = help: did you mean `difficult`?');
    expect(r.stderr).toContain(`${join(dir, 'mixed.jsonl')}:4: error[case/unreadable]: `);
    expect(r.stderr).toContain('4 cases: 1 decided, 1 undecided, 2 invalid, 0 failed');
  });

  it('stops at the first bad line with --fail-fast', async () => {
    const r = await runCli(['eval', POLICY, '--cases', join(dir, 'mixed.jsonl'), '--fail-fast', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).map((l) => l.line)).toEqual([1, 2]);
    expect(r.stderr).toContain('stopped after line 2 (--fail-fast)');
  });

  it('reads CSV from standard input with --cases-format csv', async () => {
    const r = await spawnCli(['eval', POLICY, '--cases', '-', '--cases-format', 'csv'], { stdin: readFileSync(join(dir, 'cases.csv'), 'utf8') });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).map((l) => [l.line, l.outcome, l.needs])).toEqual([[2, 'apologise_and_resolve', []], [3, null, ['difficult']]]);
  });

  it('writes -o files whole: the file appears once the run is done, with no temporary file left', async () => {
    const out = join(dir, 'out', '..', 'results.jsonl');
    const r = await runCli(['eval', POLICY, '--cases', join(dir, 'good.jsonl'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parse(readFileSync(out, 'utf8'))).toHaveLength(500);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same output with worker threads (--jobs 2) as in one thread', async () => {
    const one = await runCli(['eval', POLICY, '--cases', join(dir, 'good.jsonl'), '--jobs', '1']);
    const two = await spawnCli(['eval', POLICY, '--cases', join(dir, 'good.jsonl'), '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it.each([
    [['--cases', 'missing.jsonl'], 'cannot read `missing.jsonl`: no such file'],
    [['--cases', 'x.jsonl', 'problem=complaint'], '`--cases` cannot be combined with `--case` or key=value facts'],
    [['--cases', 'x.jsonl', '--jobs', '0'], 'expected a whole number from 1'],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await runCli(['eval', POLICY, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('does not create the -o file when the cases cannot be read', async () => {
    const out = join(dir, 'never.jsonl');
    const r = await runCli(['eval', POLICY, '--cases', join(dir, 'missing.jsonl'), '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(existsSync('/dev/full'))('reports an output that cannot be written (a full disk) with exit 2', async () => {
    const r = await runCli(['eval', POLICY, '--cases', join(dir, 'good.jsonl'), '-o', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write `/dev/full`: no space left on device');
  });

  it('refuses a CSV header with an unknown column before reading any row', async () => {
    const r = await spawnCli(['eval', POLICY, '--cases', '-', '--cases-format', 'csv', '--locale', 'en'], { stdin: 'problem,dificult\ncomplaint,true\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:1: error[case/unknown-field]: ');
  });

  it('lists the batch options in `eval --help`', async () => {
    const r = await runCli(['eval', '--help']);
    expect(r.stdout).toContain('--cases <file>');
    expect(r.stdout).toContain('--fail-fast');
    expect(r.stdout).toContain('-o, --output <file>');
  });
});
