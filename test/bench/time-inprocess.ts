import { readFileSync } from 'node:fs';
import { compile } from '../../src/check/check.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { LineProcessor } from '../../src/eval/batch/process.js';
import { dueText, fromTimeRecord, generateTimeCases, toTimeRecord } from './time-cases.js';
import { decideTimeByHand, type TimeCase } from './time-hand-written.js';
import { median } from './stats.js';

/**
 * The time-heavy benchmark, in process (run by run.ts as a bundled child, plain node): the
 * compiled evaluator against the hand-written function on seeded cases of
 * test/fixtures/time/service.sop (moments, clock-time windows, calendar years, computed due
 * moments), each checked to agree on outcome and due moment first; then one batch line with
 * ISO moments through sopwright's line processor against the plain pipeline's steps.
 * Prints one JSON object.
 *
 * Usage: node time-inprocess.mjs POLICY CASES LINES REPS
 */

const [policy, casesArg, linesArg, repsArg] = process.argv.slice(2);
const graph = compile(policy, { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } }).graph;
if (graph === undefined) throw new Error(`${policy} does not compile`);
const compiled = compileEvaluator(graph);
const cases = generateTimeCases(Number(casesArg));
const REPS = Number(repsArg);

for (let i = 0; i < cases.length; i++) {
  const v = compiled.decide(cases[i] as unknown as Record<string, never>);
  const h = decideTimeByHand(cases[i]);
  if (v.status !== 'decided' || v.outcome !== h.outcome || v.due !== h.due) {
    throw new Error(`case ${i} ${JSON.stringify(cases[i])}: compiled ${v.status} ${v.outcome} ${v.due}, by hand ${h.outcome} ${h.due}`);
  }
}

/** Runs each subject REPS times, alternating, so that load on a shared machine falls on all alike; rates per run. */
function timeRuns(subjects: readonly (() => number)[], count: number): number[][] {
  const rates: number[][] = subjects.map(() => []);
  for (let rep = 0; rep < REPS; rep++) {
    subjects.forEach((run, j) => {
      const t = process.hrtime.bigint();
      if (run() === 0) throw new Error('nothing done');
      rates[j].push(count / (Number(process.hrtime.bigint() - t) / 1e9));
    });
  }
  return rates;
}

const loop = (decide: (c: TimeCase) => { due: number | null }) => () => {
  let sink = 0;
  for (let i = 0; i < cases.length; i++) sink += decide(cases[i]).due ?? 0;
  return sink;
};
const [hand, ours] = timeRuns([loop(decideTimeByHand), loop((c) => compiled.decide(c as unknown as Record<string, never>))], cases.length);

const lines = generateTimeCases(Number(linesArg), 11).map((c, i) => JSON.stringify(toTimeRecord(c, i)));
const processor = new LineProcessor(graph);
// The two pipelines must agree line by line before either is timed.
lines.forEach((l, i) => {
  const a = JSON.parse(processor.jsonLine(l, i + 1).json) as { outcome: string; due: string };
  const b = decideTimeByHand(fromTimeRecord(JSON.parse(l) as Record<string, string>));
  if (a.outcome !== b.outcome || a.due !== dueText(b.due)) throw new Error(`line ${i + 1}: sopwright ${a.outcome} ${a.due}, plain ${b.outcome} ${dueText(b.due)}`);
});
const [plainLine, ourLine] = timeRuns([
  () => lines.reduce((n, l, i) => {
    const r = decideTimeByHand(fromTimeRecord(JSON.parse(l) as Record<string, string>));
    return n + JSON.stringify({ line: i + 1, outcome: r.outcome, due: dueText(r.due) }).length;
  }, 0),
  () => lines.reduce((n, l, i) => n + processor.jsonLine(l, i + 1).json.length, 0),
], lines.length);

process.stdout.write(`${JSON.stringify({ cases: cases.length, lines: lines.length, hand, ours, plainLine, ourLine, medians: { hand: median(hand), ours: median(ours), plainLine: median(plainLine), ourLine: median(ourLine) } })}\n`);
