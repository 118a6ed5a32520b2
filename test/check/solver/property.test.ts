import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectToBe } from '../../support/hot-expect.js';
import type { DecisionGraph, Value } from '../../../src/graph/graph.js';
import { analyseGraph, type Finding } from '../../../src/analysis/solver/analyse.js';
import { evaluate, readCaseArgs, type EvalResult } from '../../../src/eval/index.js';
import { generateRandomPolicy, seededRandom } from '../../support/generate-policy.js';
import { graphFromSource } from './source.js';

/**
 * The analysis against the reference evaluator, on random policies: every witness it gives does
 * what it claims when evaluated, and what it calls complete or never taken stays so for many
 * random cases (with values a fen either side of every bound the policies use).
 */

const MONEY = [0, 1, 999, 1000, 1001, 2999, 3000, 3001, 4999, 5000, 5001, 9999, 10000, 10001, 12000, 20000];
const NUMBERS = [-1, 0, 0.25, 0.5, 0.505, 0.51, 0.75, 1, 1.5, 2, 2.5];

function randomCase(random: () => number): Record<string, Value> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  return {
    k: pick(['a', 'b', 'c']), j: pick(['a', 'b', 'c']), flag: random() < 0.5, other: random() < 0.5,
    x: pick(MONEY), y: pick(MONEY), n: pick(NUMBERS),
  };
}

/** Evaluates a witness exactly as a user would type it after `sopwright eval FILE`. */
function evaluateWitness(graph: DecisionGraph, witness: Readonly<Record<string, string>> | undefined): EvalResult {
  // Small policies always get a witness; a missing one is a bug here.
  expect(witness).toBeDefined();
  const read = readCaseArgs(graph, Object.entries(witness!).map(([k, v]) => `${k}=${v}`));
  expect(read.diagnostics).toEqual([]);
  return evaluate(graph, read.value!);
}

/** The graph with one decision's branch moved to the front, so the evaluator tries it first. */
function tryingFirst(graph: DecisionGraph, decision: string, branch: string): DecisionGraph {
  const d = graph.decisions[decision];
  const moved = [...d.branches].sort((a, b) => Number(b.id === branch) - Number(a.id === branch));
  return { ...graph, decisions: { ...graph.decisions, [decision]: { ...d, branches: moved } } };
}

function takenAt(result: EvalResult, decision: string): string | undefined {
  return result.path.find((s) => s.decision === decision)?.branch;
}

function checkPolicy(seed: number, opaque: boolean): readonly Finding[] {
  const graph = graphFromSource(generateRandomPolicy(seed, { opaque }));
  const { findings } = analyseGraph(graph);
  for (const f of findings) {
    if (f.kind === 'gap') {
      const r = evaluateWitness(graph, f.witness);
      expect(r.status).toBe('error');
      expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['graph/gap', f.decision.span]]);
    }
    if (f.kind === 'overlap') {
      for (const b of [f.branch, f.earlier[0]]) {
        expect(takenAt(evaluateWitness(tryingFirst(graph, f.decision.id, b.id), f.witness), f.decision.id)).toBe(b.id);
      }
    }
  }
  const complete = new Set(Object.keys(graph.decisions));
  const never = new Set<string>();
  const exclusive = new Set(Object.values(graph.decisions).filter((d) => d.hitPolicy === 'unique').map((d) => d.id));
  for (const f of findings) {
    if (f.kind === 'gap' || f.kind === 'inexact') complete.delete(f.decision.id);
    if (f.kind === 'overlap' || f.kind === 'inexact') exclusive.delete(f.decision.id);
    if (f.kind === 'shadowed' || f.kind === 'impossible' || f.kind === 'unreachable-otherwise') never.add(f.branch.id);
  }
  // Each branch of a unique decision tried first in turn: at most one of them takes a case.
  const reorderings = [...exclusive].flatMap((id) =>
    graph.decisions[id].branches.filter((b) => b.condition !== null).map((b) => ({ id, branch: b.id, graph: tryingFirst(graph, id, b.id) })),
  );
  const random = seededRandom(seed ^ 0x5eed);
  for (let i = 0; i < 200; i++) {
    const input = randomCase(random);
    const r = evaluate(graph, input);
    for (const step of r.path) expectToBe(never.has(step.branch), false, () => `${step.branch} taken by ${JSON.stringify(input)}`);
    if (i < 50) {
      for (const id of exclusive) {
        const matching = reorderings.filter((o) => o.id === id && takenAt(evaluate(o.graph, input), id) === o.branch);
        if (matching.length > 1) expect(matching.length, `${id} has overlapping branches for ${JSON.stringify(input)}`).toBeLessThanOrEqual(1);
      }
    }
    const gap = r.diagnostics.find((d) => d.code === 'graph/gap');
    if (gap) {
      const at = Object.values(graph.decisions).find((d) => d.span === gap.span)!;
      expectToBe(complete.has(at.id), false, () => `${at.id} falls through for ${JSON.stringify(input)}`);
    }
  }
  return findings;
}

describe('the decision analysis on random policies', () => {
  it('gives witnesses that really fall through or overlap, and misses no gap or overlap', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const f of checkPolicy(seed, false)) kinds.add(f.kind);
      }),
      { numRuns: 200, seed: 42 },
    );
    // The generator must exercise every kind of finding (except inexact, which needs opaque conditions).
    expect([...kinds].sort()).toEqual(['gap', 'impossible', 'overlap', 'shadowed', 'unreachable-otherwise']);
  });

  it('stays sound with conditions it cannot analyse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        checkPolicy(seed, true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
