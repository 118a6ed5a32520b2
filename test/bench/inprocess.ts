import { readFileSync } from 'node:fs';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { generateCases, type FenCase } from './cases.js';
import { jsonRulesDecider } from './engines/json-rules.js';
import { zenDecider } from './engines/zen.js';
import { decideByHand, type HandCase, type HandResult } from './hand-written.js';
import { median } from './stats.js';

/**
 * The in-process benchmark, run by run.ts as a bundled child process (plain `node`, so nothing
 * of tsx's transform is measured). Every engine decides the same seeded cases of the reference
 * policy; each is first checked against the compiled evaluator on every case it is timed on.
 * Prints one JSON object: per engine, the cases timed and the evaluations per second of each run.
 *
 * Usage: node inprocess.mjs POLICY CASES SUBSET REPS
 */

export interface EngineFigures {
  readonly name: string;
  /** How many cases were verified and timed. */
  readonly cases: number;
  /** Evaluations per second of each timed run. */
  readonly runs: readonly number[];
  readonly median: number;
  /** Whether run i was timed in round i beside every other interleaved engine's run i (the synchronous engines). */
  readonly interleaved: boolean;
}

const [policy, casesArg, subsetArg, repsArg] = process.argv.slice(2);
const N = Number(casesArg);
const SUBSET = Math.min(N, Number(subsetArg));
const REPS = Number(repsArg);

function loadGraph(file: string): DecisionGraph {
  const r = compile(file, { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
  if (r.graph === undefined) throw new Error(`${file} does not compile`);
  return r.graph;
}

const graph = loadGraph(policy);
const compiled = compileEvaluator(graph);
const cases = generateCases(N);
const subset = cases.slice(0, SUBSET);
// Maps cost far more memory than records: the Map variant is timed on the subset's first 200k.
const mapCases = cases.slice(0, Math.min(N, 200_000)).map((c) => new Map(Object.entries(c)));

/** What the compiled evaluator says of a case, in the hand-written function's terms. */
const expected: HandResult[] = cases.map((c) => {
  const v = compiled.decide(c);
  if (v.status !== 'decided' || v.outcome === null) throw new Error(`case not decided: ${JSON.stringify(c)}`);
  return { outcome: v.outcome, values: v.values as HandResult['values'] };
});

function agree(name: string, i: number, got: { outcome: string | null; values: object }): void {
  const want = expected[i];
  if (got.outcome !== want.outcome || JSON.stringify(got.values) !== JSON.stringify(want.values)) {
    throw new Error(`${name} disagrees on case ${i} ${JSON.stringify(cases[i])}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
  }
}

/** A fresh loop per engine (its own call-site feedback), summing outcome lengths so nothing is optimised away. */
function loop<T>(): (decide: (c: T) => { outcome: string | null }, input: readonly T[]) => number {
  return new Function('decide', 'input', 'let sink = 0; for (let i = 0; i < input.length; i++) sink += decide(input[i]).outcome.length; return sink;') as never;
}

interface SyncEngine {
  readonly name: string;
  readonly input: readonly unknown[];
  readonly decide: (c: never) => { outcome: string | null; values: object };
}

const sync: SyncEngine[] = [
  { name: 'hand-written JS function', input: cases, decide: (c: HandCase) => decideByHand(c) },
  { name: 'sopwright compiled (`decide`, plain object)', input: cases, decide: (c: FenCase) => compiled.decide(c) },
  { name: 'sopwright compiled (`decide`, CaseInput Map)', input: mapCases, decide: (c: Map<string, never>) => compiled.decide(c) },
  {
    name: 'sopwright reference interpreter',
    input: cases,
    decide: (c: FenCase) => {
      const r = evaluate(graph, c);
      return { outcome: r.outcome?.id ?? null, values: r.outcome?.values ?? {} };
    },
  },
];

const figures: EngineFigures[] = [];
for (const e of sync) e.input.forEach((c, i) => agree(e.name, i, e.decide(c as never)));
const runs = sync.map(() => [] as number[]);
const loops = sync.map(() => loop<never>());
for (let rep = 0; rep < REPS; rep++) {
  sync.forEach((e, j) => {
    const t = process.hrtime.bigint();
    loops[j](e.decide, e.input as never[]);
    runs[j].push(e.input.length / (Number(process.hrtime.bigint() - t) / 1e9));
  });
}
sync.forEach((e, j) => figures.push({ name: e.name, cases: e.input.length, runs: runs[j], median: median(runs[j]), interleaved: true }));

/** An async engine: verified on the subset, then timed awaiting one case at a time (or `inFlight` at once). */
async function timeAsync(name: string, decide: (c: FenCase) => Promise<HandResult>, inFlight = 1): Promise<void> {
  for (let i = 0; i < subset.length; i++) agree(name, i, await decide(subset[i]));
  const times: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const t = process.hrtime.bigint();
    let sink = 0;
    if (inFlight === 1) for (const c of subset) sink += (await decide(c)).outcome.length;
    else {
      for (let i = 0; i < subset.length; i += inFlight) {
        const batch = await Promise.all(subset.slice(i, i + inFlight).map(decide));
        for (const r of batch) sink += r.outcome.length;
      }
    }
    if (sink === 0) throw new Error('nothing decided');
    times.push(subset.length / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  figures.push({ name, cases: subset.length, runs: times, median: median(times), interleaved: false });
}

await timeAsync('json-rules-engine (awaited one at a time)', jsonRulesDecider(graph));
const zen = zenDecider(graph);
await timeAsync('GoRules ZEN, JDM graph (awaited one at a time)', zen.decide);
await timeAsync('GoRules ZEN, JDM graph (256 in flight)', zen.decide, 256);
zen.dispose();

process.stdout.write(`${JSON.stringify({ cases: N, subset: SUBSET, reps: REPS, figures })}\n`);
