import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSources, type CompileResult } from '../../src/check/check.js';
import { formatDiagnostics } from '../../src/diagnostics/format-text.js';
import type { DecisionGraph, Value } from '../../src/graph/graph.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { rat } from '../../src/values/rational.js';
import { seededRandom } from '../support/generate-policy.js';
import { expectToEqual } from '../support/hot-expect.js';
import { mutate, type Random } from './mutate.js';

/**
 * The rule-file fuzzer (issue 12): every `.sop` file of the test fixtures, mutated (mutate.ts), is
 * compiled in memory beside the reference policy's shared file, with these invariants: compiling
 * never throws; every diagnostic points inside a file that was read; the diagnostics print in both
 * locales; each input is answered in bounded time; and when a mutant still compiles, both
 * evaluators give the same answer on the empty case and on a filled one. Seeded:
 * `SOPWRIGHT_FUZZ_RULES` sets how many mutants (300 here; `npm run fuzz` runs 20,000 with the extreme sizes of mutate.ts) and
 * `SOPWRIGHT_FUZZ_SEED` the first seed, which a failure names so it can be replayed.
 */

const MUTANTS = Number(process.env.SOPWRIGHT_FUZZ_RULES ?? 300);
const FIRST_SEED = Number(process.env.SOPWRIGHT_FUZZ_SEED ?? 1);
/** A hang guard, far above the slowest mutant seen (about a second on a loaded machine). */
const PER_INPUT_MS = 15_000;

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const corpus = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.sop'))
  .sort()
  .map((p) => readFileSync(join(fixtures, p), 'utf8'));
/** Files a mutant may import by name: the reference policy's shared vocabulary. */
const library = Object.fromEntries(
  readdirSync(join(fixtures, 'reference')).filter((n) => n.endsWith('.sop') && n !== 'after-sales.sop').map((n) => [basename(n), readFileSync(join(fixtures, 'reference', n), 'utf8')]),
);

/** A case that gives every bool, enum, money and number fact a value drawn from its type. */
function filledCase(graph: DecisionGraph, random: Random): Record<string, Value> {
  const c: Record<string, Value> = {};
  for (const [id, fact] of Object.entries(graph.facts)) {
    const t = fact.type;
    if (t.kind === 'bool') c[id] = random() < 0.5;
    else if (t.kind === 'enum') {
      const members = graph.enums[t.enum]?.members ?? [];
      if (members.length > 0) c[id] = members[Math.floor(random() * members.length)].id;
    } else if (t.kind === 'money') c[id] = Math.floor(random() * 100_000);
    else if (t.kind === 'number') c[id] = rat(BigInt(Math.floor(random() * 200) - 100));
  }
  return c;
}

/** A result, or the message of what was thrown (both evaluators must throw alike). */
function attempt<T>(run: () => T): T | { readonly threw: string } {
  try {
    return run();
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

function checkInvariants(result: CompileResult, random: Random, replay: string): void {
  for (const d of result.diagnostics) {
    const source = result.sources.get(d.span.file);
    expect(source, `${replay}: ${d.code} points into a file that was not read: ${d.span.file}`).toBeDefined();
    const ok = d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= source!.text.length;
    if (!ok) expect.fail(`${replay}: ${d.code} has span ${d.span.start}..${d.span.end} outside its text (${source!.text.length} characters)`);
  }
  for (const locale of ['en', 'zh-CN'] as const) formatDiagnostics(result.diagnostics, result.sources, { locale, color: false });
  const graph = result.graph;
  if (!graph) return;
  const compiled = compileEvaluator(graph);
  for (const c of [{}, filledCase(graph, random)]) {
    expectToEqual(attempt(() => compiled.evaluate(c, { trace: true })), attempt(() => evaluate(graph, c, { trace: true })), () => `${replay}: the evaluators disagree on ${JSON.stringify(c)}`);
  }
}

describe('rule-file fuzzer', () => {
  it(`compiles ${MUTANTS} mutated rule files without throwing, every diagnostic inside its text, both evaluators alike`, () => {
    expect(corpus.length).toBeGreaterThan(50);
    let compiledClean = 0;
    for (let seed = FIRST_SEED; seed < FIRST_SEED + MUTANTS; seed++) {
      const random = seededRandom(seed);
      const original = corpus[Math.floor(random() * corpus.length)];
      const { text, applied } = mutate(original, random, corpus);
      const replay = `seed ${seed} (${applied.join(', ')}; replay with SOPWRIGHT_FUZZ_SEED=${seed} SOPWRIGHT_FUZZ_RULES=1)`;
      const started = performance.now();
      let result: CompileResult;
      try {
        result = compileSources('policy.sop', { ...library, 'policy.sop': text });
      } catch (error) {
        expect.fail(`${replay}: compile threw ${(error as Error).stack}`);
      }
      checkInvariants(result, random, replay);
      const took = performance.now() - started;
      if (took > PER_INPUT_MS) expect.fail(`${replay}: took ${Math.round(took)} ms`);
      if (result.graph) compiledClean++;
    }
    // The mutants are not all broken beyond use: some still compile, so the evaluators are exercised.
    if (MUTANTS >= 100) expect(compiledClean).toBeGreaterThan(0);
    if (process.env.SOPWRIGHT_FUZZ_REPORT) console.log(JSON.stringify({ mutants: MUTANTS, compiledClean, findings: 0 }));
  }, Math.max(60_000, MUTANTS * 200));
});
