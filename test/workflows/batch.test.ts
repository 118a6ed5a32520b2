import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatchFiles } from '../../src/workflows/batch.js';
import { memoryFiles } from '../../src/workflows/files.js';
import { loadPolicy } from '../../src/workflows/policy.js';
import { project } from './fixtures.js';

const policy = () => loadPolicy('shop/returns.sop', { files: memoryFiles(project()) });
const LINES = '{"problem":"missing"}\n{"problem":"damaged","item_value":150}\n{"problm":"x"}\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sopwright-batch-workflow-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function collect(stream: PassThrough): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

describe('runBatchFiles', () => {
  it('reads `-` from the stream it is given and writes results to the given stream, in order', async () => {
    const stdout = new PassThrough();
    const problems: number[] = [];
    const [run, text] = await Promise.all([
      runBatchFiles(policy(), { cases: '-', stdin: Readable.from([LINES]), stdout, onProblems: (p) => problems.push(...p.map((x) => x.line)) }).then((r) => (stdout.end(), r)),
      collect(stdout),
    ]);
    expect(run.source).toBe('<stdin>');
    expect(run.summary?.tally).toMatchObject({ lines: 3, decided: 2, invalid: 1, outcomes: { refund: 1, reship: 1 } });
    expect(text.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([1, 2, 3]);
    expect(problems).toEqual([3]);
  });

  it('writes a results file whole and leaves no temporary file', async () => {
    writeFileSync(join(dir, 'cases.jsonl'), LINES);
    const run = await runBatchFiles(policy(), { cases: join(dir, 'cases.jsonl'), output: join(dir, 'results.jsonl') });
    expect(run.problems).toEqual([]);
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(['cases.jsonl', 'results.jsonl']);
  });

  it('reads CSV by extension', async () => {
    writeFileSync(join(dir, 'cases.csv'), 'problem,item_value\nmissing,\ndamaged,150\n');
    const run = await runBatchFiles(policy(), { cases: join(dir, 'cases.csv'), output: join(dir, 'out.jsonl') });
    expect(run.summary?.tally).toMatchObject({ lines: 2, decided: 2 });
  });

  it('names an input it cannot read and an output it cannot write', async () => {
    const missing = join(dir, 'none.jsonl');
    expect((await runBatchFiles(policy(), { cases: missing })).problems).toEqual([`cannot read \`${missing}\`: no such file`]);
    writeFileSync(join(dir, 'cases.jsonl'), LINES);
    const out = join(dir, 'no-dir', 'out.jsonl');
    expect((await runBatchFiles(policy(), { cases: join(dir, 'cases.jsonl'), output: out })).problems).toEqual([`cannot write \`${out}\`: no such file`]);
  });

  it('does not open the cases of a policy with errors', async () => {
    const run = await runBatchFiles('broken/broken.sop', { cases: join(dir, 'none.jsonl'), files: memoryFiles(project()) });
    expect(run).toMatchObject({ summary: undefined, problems: [] });
    expect(run.policy.graph).toBeUndefined();
  });
});
