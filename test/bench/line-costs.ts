import { readFileSync } from 'node:fs';
import { compile } from '../../src/check/check.js';
import { LineProcessor } from '../../src/eval/batch/process.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { caseLineReader } from '../../src/eval/input/case-line.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { generateCases, MONEY_FACTS, toInputRecord } from './cases.js';
import { decideByHand, type HandCase } from './hand-written.js';
import { median } from './stats.js';

/**
 * Where the time of one batch line goes, in this thread: each step of `eval --cases` timed alone
 * on the same lines, next to the plain pipeline's steps. Run by run.ts as a bundled child.
 * Prints one JSON object: step name → median nanoseconds per line.
 *
 * Usage: node line-costs.mjs POLICY LINES REPS
 */

const [policy, linesArg, repsArg] = process.argv.slice(2);
const graph = compile(policy, { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } }).graph;
if (graph === undefined) throw new Error(`${policy} does not compile`);
const lines = generateCases(Number(linesArg), 7).map((c) => JSON.stringify(toInputRecord(c)));
const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const inputs = parsed.map((p) => readCase(graph, p).value as Map<string, never>);
const compiled = compileEvaluator(graph);
const processor = new LineProcessor(graph);
const generic = new LineProcessor(graph, { onePass: false });
const readLine = caseLineReader(graph);
// Each line as the batch reader has it: UTF-8 bytes ending in a newline.
const bytes = lines.map((l) => Buffer.from(`${l}\n`));

const steps: Record<string, () => number> = {
  'JSON.parse (both pipelines)': () => lines.reduce((n, l) => n + Object.keys(JSON.parse(l)).length, 0),
  'readCase: validate and convert (sopwright)': () => parsed.reduce((n, p) => n + (readCase(graph, p).value?.size ?? 0), 0),
  'one-pass read: parse, validate and convert (sopwright)': () => lines.reduce((n, _, i) => n + (readLine?.(bytes[i], 0, bytes[i].length - 1) === undefined ? 0 : 1), 0),
  'compiled decide on the CaseInput (sopwright)': () => inputs.reduce((n, m) => n + (compiled.decide(m).outcome?.length ?? 0), 0),
  'whole line: one-pass read, decide, format (sopwright)': () => bytes.reduce((n, b, i) => n + processor.jsonBytes(b, 0, b.length - 1, i + 1).json.length, 0),
  'whole line, generic path: JSON.parse, repeated keys, readCase, decide, format': () => lines.reduce((n, l, i) => n + generic.jsonLine(l, i + 1).json.length, 0),
  'fen, hand-written, JSON.stringify (plain pipeline)': () =>
    parsed.reduce((n, p) => {
      const c = { ...p };
      for (const m of MONEY_FACTS) c[m] = Math.round((c[m] as number) * 100);
      return n + JSON.stringify(decideByHand(c as unknown as HandCase)).length;
    }, 0),
};

const out: Record<string, number> = {};
for (const [name, run] of Object.entries(steps)) {
  const times: number[] = [];
  for (let rep = 0; rep < Number(repsArg); rep++) {
    const t = process.hrtime.bigint();
    if (run() === 0) throw new Error(`${name} did nothing`);
    times.push(Number(process.hrtime.bigint() - t) / lines.length);
  }
  out[name] = median(times);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
