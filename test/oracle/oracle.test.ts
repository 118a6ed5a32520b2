import { describe, expect, it } from 'vitest';
import { analyseGraph, type Finding } from '../../src/analysis/index.js';
import type { DecisionGraph, Value } from '../../src/graph/graph.js';
import { verifyWitnesses } from '../../src/check/checks/witnesses.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/compile-evaluator.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { compare, rat, ratFromDecimal, Rat } from '../../src/values/rational.js';
import { graphFromSource } from '../check/solver/source.js';
import { seededRandom } from '../support/generate-policy.js';
import { candidates, caseArgs, type Case, type Fact, generatePolicy, type Policy, termValue, truth, type V } from './random-policy.js';

/**
 * The brute-force oracle (issue 12): random small policies, every case of a candidate set that
 * covers every region (random-policy.ts says why), and ground truth computed here without the
 * solver or the evaluators. It must agree with the checker on gaps, overlaps and branches never
 * taken, every witness must reproduce, and the interpreter and the compiled evaluator must both
 * give the ground-truth outcome and value of every case, and agree with each other on partial
 * cases. Seeded; `SOPWRIGHT_ORACLE_POLICIES` sets how many policies (300 by default, which
 * keeps `npm test` quick; `npm run fuzz` runs 20,000 with every case on both evaluators).
 */

const POLICIES = Number(process.env.SOPWRIGHT_ORACLE_POLICIES ?? 300);
const FIRST_SEED = Number(process.env.SOPWRIGHT_ORACLE_SEED ?? 1);
/** About how many cases of each policy both evaluators are run on (all of them in the long run). */
const ENGINE_CASES = Number(process.env.SOPWRIGHT_ORACLE_ENGINE_CASES ?? 60);

interface Truth {
  readonly gaps: Set<string>;
  readonly overlaps: Set<string>;
  readonly taken: Set<string>;
  readonly reached: Set<string>;
}

type Walk = { status: 'decided'; outcome: string; value: Rat | null } | { status: 'error'; gapAt: string };

/** The ground truth of one complete case: the way it takes, and what each decision on it sees. */
function walk(p: Policy, x: Case, t: Truth | undefined): Walk {
  let at = 'd0';
  for (;;) {
    const d = p.decisions.find((dd) => dd.id === at)!;
    t?.reached.add(at);
    const truths = d.branches.map((b) => (b.cond === null ? null : truth(b.cond, x)));
    if (d.unique && t) {
      truths.forEach((a, i) => truths.forEach((b, j) => { if (i < j && a === true && b === true) t.overlaps.add(`${branchId(d.id, d.branches, i)}|${branchId(d.id, d.branches, j)}`); }));
    }
    let taken = truths.findIndex((v) => v === true);
    if (taken < 0) taken = d.branches.findIndex((b) => b.cond === null);
    if (taken < 0) {
      t?.gaps.add(d.id);
      return { status: 'error', gapAt: d.id };
    }
    t?.taken.add(branchId(d.id, d.branches, taken));
    const target = d.branches[taken].target;
    if (target.startsWith('o')) {
      const term = p.values[target];
      const v = term ? termValue(term, x) : undefined;
      return { status: 'decided', outcome: target, value: v === undefined ? null : typeof v === 'number' ? rat(BigInt(v)) : v };
    }
    at = target;
  }
}

function branchId(decision: string, branches: readonly { cond: unknown }[], i: number): string {
  return branches[i].cond === null ? `${decision}.otherwise` : `${decision}.${i + 1}`;
}

/** The case as the evaluators take it: money in fen, numbers exact. */
function caseInput(x: Case): Map<string, Value> {
  return new Map(Object.entries(x) as [string, Value][]);
}

/** A value an evaluator computed, as the ground truth has it (money in fen as a Rat). */
function asRat(v: Value | null | undefined): Rat | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? rat(BigInt(v)) : (v as Rat);
}

function sameRat(a: Rat | null, b: Rat | null): boolean {
  return a === null || b === null ? a === b : compare(a, b) === 0;
}

/** A witness as the ground truth reads it. */
function witnessCase(w: Readonly<Record<string, string>>): Case {
  const x: Partial<Record<Fact, V>> = {};
  for (const [k, v] of Object.entries(w)) {
    const f = k as Fact;
    if (f === 'b1' || f === 'b2') x[f] = v === 'true';
    else if (f === 'e') x[f] = v;
    else if (f === 'n') x[f] = ratFromDecimal(v)!;
    else x[f] = Number(rat(1n).n) * Math.round(Number(v) * 100);
  }
  return x;
}

interface Counts { policies: number; inexact: number; truthCases: number; cases: number; partial: number; witnesses: number; findings: string[] }

function checkPolicy(seed: number, counts: Counts): void {
  const p = generatePolicy(seededRandom(seed));
  const where = `seed ${seed}:\n${p.text}`;
  const graph: DecisionGraph = graphFromSource(p.text);
  // The findings as `check` reports them: witnesses verified and trimmed by the evaluator.
  const { findings, reachableBranches } = verifyWitnesses(graph, analyseGraph(graph));
  const fail = (what: string): void => {
    counts.findings.push(`${what} (${where})`);
  };
  // A sum of two facts is outside the exact fragment: such a policy is judged on evaluation only.
  const exact = !findings.some((f) => f.kind === 'inexact');
  if (!exact && !p.text.includes('m1 + m2') && !p.text.includes('m2 + m1')) return fail('inexact analysis inside the exact fragment');

  const t: Truth = { gaps: new Set(), overlaps: new Set(), taken: new Set(), reached: new Set() };
  const cases = candidates(p);
  const compiled = compileEvaluator(graph);
  const random = seededRandom(seed * 7919);
  // The ground truth sees every case; the evaluators a seeded sample of them (they are compared
  // with each other on every case by the property and differential tests).
  const sampleRate = Math.min(1, ENGINE_CASES / cases.length);
  counts.truthCases += cases.length;
  for (const x of cases) {
    const truthOf = walk(p, x, t);
    if (random() >= sampleRate) continue;
    const input = caseInput(x);
    const i = evaluate(graph, input);
    const c = compiled.decide(input);
    for (const [engine, r] of [['interpreter', i], ['compiled', c]] as const) {
      const outcome = typeof r.outcome === 'string' ? r.outcome : (r.outcome?.id ?? null);
      const values = 'values' in r ? r.values : r.outcome?.values;
      const ok = truthOf.status === 'decided'
        ? r.status === 'decided' && outcome === truthOf.outcome && sameRat(asRat((values as Record<string, Value | null> | undefined)?.v), truthOf.value)
        : r.status === 'error' && r.diagnostics.some((d) => d.code === 'graph/gap');
      if (!ok) return fail(`${engine} differs from the ground truth on ${caseArgs(x).join(' ')}: ${JSON.stringify({ status: r.status, outcome })}`);
    }
    counts.cases++;
    // A partial case: both evaluators agree on everything, needs included.
    if (random() < 0.25) {
      const partial = new Map([...input].filter(() => random() < 0.5));
      const a = evaluate(graph, partial);
      const b = compiled.evaluate(partial);
      const shape = (r: typeof a) => JSON.stringify({ s: r.status, o: r.outcome?.id ?? null, v: r.outcome?.values ?? null, n: r.needs, p: r.path.map((s) => s.branch), d: r.diagnostics.map((d) => d.code) }, (_, v: unknown) => (v instanceof Rat ? `${v.n}/${v.d}` : v));
      if (shape(a) !== shape(b)) return fail(`the evaluators disagree on the partial case ${[...partial].map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
      counts.partial++;
    }
  }

  if (!exact) {
    counts.inexact++;
    counts.policies++;
    return;
  }
  const claimedGaps = new Set(findings.filter((f) => f.kind === 'gap').map((f) => f.decision.id));
  if (!sameSet(claimedGaps, t.gaps)) return fail(`gaps: the checker says [${[...claimedGaps]}], brute force [${[...t.gaps]}]`);
  const claimedOverlaps = new Set(findings.flatMap((f) => (f.kind === 'overlap' ? f.earlier.map((e) => `${e.id}|${f.branch.id}`) : [])));
  const overlappingDecisions = new Set([...t.overlaps].map((o) => o.split('.')[0]));
  // Each overlapping branch is reported once, with the earlier branches it overlaps.
  const laterTruth = new Set([...t.overlaps].map((o) => o.split('|')[1]));
  const laterClaimed = new Set([...claimedOverlaps].map((o) => o.split('|')[1]));
  if (!sameSet(laterClaimed, laterTruth) || [...claimedOverlaps].some((o) => !t.overlaps.has(o))) {
    return fail(`overlaps: the checker says [${[...claimedOverlaps]}], brute force [${[...t.overlaps]}]`);
  }
  for (const d of graph.decisions ? Object.values(graph.decisions) : []) {
    if (overlappingDecisions.has(d.id) || t.gaps.has(d.id)) continue;
    for (const b of d.branches) {
      const claimed = reachableBranches.has(b.id);
      if (claimed !== t.taken.has(b.id)) return fail(`branch ${b.id}: the checker says ${claimed ? 'taken' : 'never taken'}, brute force the opposite`);
    }
  }
  for (const f of findings) verifyWitness(graph, p, f, fail, counts);
  counts.policies++;
}

function verifyWitness(graph: DecisionGraph, p: Policy, f: Finding, fail: (what: string) => void, counts: Counts): void {
  if (f.kind !== 'gap' && f.kind !== 'overlap') return;
  if (!f.witness) return fail(`${f.kind} in ${f.decision.id} without a witness`);
  const read = readCaseArgs(graph, Object.entries(f.witness).map(([k, v]) => `${k}=${v}`));
  if (read.diagnostics.length > 0) return fail(`the ${f.kind} witness ${JSON.stringify(f.witness)} is refused: ${read.diagnostics[0].message}`);
  const r = evaluate(graph, read.value!);
  if (r.status === 'undecided') return fail(`the ${f.kind} witness ${JSON.stringify(f.witness)} leaves out ${r.needs.join(', ')}`);
  if (f.kind === 'gap') {
    const at = r.diagnostics.find((d) => d.code === 'graph/gap');
    if (r.status !== 'error' || !at || !at.message.includes(`\`${f.decision.id}\``)) return fail(`the gap witness ${JSON.stringify(f.witness)} does not fall through ${f.decision.id}`);
  } else {
    const x = witnessCase(f.witness);
    const d = p.decisions.find((dd) => dd.id === f.decision.id)!;
    const index = (id: string) => d.branches.findIndex((_, i) => branchId(d.id, d.branches, i) === id);
    const both = [f.branch.id, f.earlier[0].id].every((id) => truth(d.branches[index(id)].cond!, x) === true);
    if (!r.path.some((s) => s.decision === d.id) || !both) return fail(`the overlap witness ${JSON.stringify(f.witness)} does not match both branches of ${d.id}`);
  }
  counts.witnesses++;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

describe('the brute-force oracle', () => {
  it(`agrees with the checker and both evaluators on ${POLICIES} random policies`, () => {
    const counts: Counts = { policies: 0, inexact: 0, truthCases: 0, cases: 0, partial: 0, witnesses: 0, findings: [] };
    for (let seed = FIRST_SEED; seed < FIRST_SEED + POLICIES; seed++) {
      try {
        checkPolicy(seed, counts);
      } catch (e) {
        counts.findings.push(`seed ${seed}: ${(e as Error).message}\n${generatePolicy(seededRandom(seed)).text}`);
      }
      if (counts.findings.length >= 5) break;
    }
    if (process.env.SOPWRIGHT_ORACLE_REPORT) console.log(JSON.stringify({ ...counts, findings: counts.findings.length }));
    expect(counts.findings).toEqual([]);
    expect(counts.policies).toBe(POLICIES);
  }, 240_000);
});
