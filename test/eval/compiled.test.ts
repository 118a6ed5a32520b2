import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectToEqual } from '../support/hot-expect.js';
import { compileSources } from '../../src/check/check.js';
import type { DecisionGraph, Value } from '../../src/graph/graph.js';
import { compileEvaluator, type CaseFacts } from '../../src/eval/engines/compiled/index.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import type { EvalResult } from '../../src/eval/trace.js';
import { generateCases } from '../bench/cases.js';
import { generateRandomPolicy } from '../support/generate-policy.js';
import { randomCase, randomGraph } from '../support/random-graph.js';
import { loadGraph, REFERENCE } from './fixtures.js';
import { and, buildGraph, cmp, fact, lit, span, types } from './graph-builder.js';

/** A result, or the message of what was thrown (both evaluators must throw alike). */
function attempt<T>(run: () => T): T | { readonly threw: string } {
  try {
    return run();
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

/** What the fast path must say, derived from the interpreter's full result. */
function verdictOf(r: EvalResult | { readonly threw: string }) {
  if ('threw' in r) return r;
  return { status: r.status, outcome: r.outcome?.id ?? null, values: r.outcome?.values ?? {}, needs: r.needs, diagnostics: r.diagnostics, due: r.outcome?.due ?? null };
}

/** Both input forms the evaluators accept: a plain record and a CaseInput map. */
function inputs(c: Record<string, Value>): CaseFacts[] {
  return [c, new Map(Object.entries(c))];
}

/** Asserts that the compiled evaluator gives the interpreter's answer, full and fast, on both input forms. */
function expectAgreement(graph: DecisionGraph, compiled: ReturnType<typeof compileEvaluator>, c: Record<string, Value>, locale?: string): void {
  for (const input of inputs(c)) {
    const reference = attempt(() => evaluate(graph, input, { trace: true, locale }));
    expectToEqual(attempt(() => compiled.evaluate(input, { trace: true, locale })), reference);
    expectToEqual(attempt(() => compiled.evaluate(input, { locale })), attempt(() => evaluate(graph, input, { locale })));
    expectToEqual(attempt(() => ({ ...compiled.decide(input, { locale }) })), verdictOf(reference));
  }
}

describe('compiled evaluator: differential tests against the interpreter', () => {
  it('agrees on random graphs and cases: outcome, values, needs, path, trace and diagnostics', () => {
    fc.assert(
      fc.property(randomGraph, fc.array(randomCase, { minLength: 1, maxLength: 6 }), (graph, cases) => {
        const compiled = compileEvaluator(graph);
        for (const c of cases) expectAgreement(graph, compiled, c);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on random policies compiled from source (test/support/generate-policy.ts)', () => {
    const caseOf = fc.record(
      {
        k: fc.constantFrom('a', 'b', 'c'),
        j: fc.constantFrom('a', 'b', 'c'),
        flag: fc.boolean(),
        other: fc.boolean(),
        x: fc.constantFrom(0, 2999, 3000, 3001, 10000, 10001, 5000),
        y: fc.constantFrom(0, 3000, 10000, 2000),
        n: fc.constantFrom(0, 0.5, 0.51, 1, 2),
      },
      { requiredKeys: [] },
    );
    let compiledPolicies = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.array(caseOf, { minLength: 1, maxLength: 8 }), (seed, opaque, cases) => {
        const { graph } = compileSources('rnd.sop', { 'rnd.sop': generateRandomPolicy(seed, { opaque }) });
        // A random policy may have a gap or an overlap the checker refuses; only clean ones run.
        if (graph === undefined) return;
        compiledPolicies++;
        const compiled = compileEvaluator(graph);
        for (const c of cases) expectAgreement(graph, compiled, c as Record<string, Value>);
      }),
      { numRuns: 150 },
    );
    expect(compiledPolicies).toBeGreaterThan(10);
  });

  it('agrees on the reference policy for 20,000 generated cases, complete and with facts left out', () => {
    const graph = loadGraph(REFERENCE);
    const compiled = compileEvaluator(graph);
    const cases = generateCases(20_000, 7);
    cases.forEach((c, i) => {
      // Every third case loses a few facts, so undecided results and their needs are compared too.
      const input = i % 3 === 0 ? Object.fromEntries(Object.entries(c).filter((_, k) => (k * 7 + i) % 4 !== 0)) : c;
      const reference = evaluate(graph, input);
      expectToEqual({ ...compiled.decide(input) }, verdictOf(reference));
      if (i % 10 === 0) expectToEqual(compiled.evaluate(input, { trace: true }), evaluate(graph, input, { trace: true }));
    });
  });
});

describe('compiled evaluator', () => {
  it('reads a fact named like an Object.prototype property only when the case has it', () => {
    const graph = buildGraph({
      facts: { constructor: types.bool, toString: types.bool },
      decisions: { d: { branches: [{ when: and(fact('constructor'), fact('toString')), to: 'yes' }, { when: null, to: 'no' }] } },
      outcomes: { yes: {}, no: {} },
    });
    const compiled = compileEvaluator(graph);
    expect(compiled.decide({}).needs).toEqual(['constructor', 'toString']);
    expect(compiled.decide({ constructor: true, toString: false }).outcome).toBe('no');
    expectAgreement(graph, compiled, {});
  });

  it('keeps the first of equal arguments of min and max, as the interpreter does (1 day against 24 hours)', () => {
    const day = lit({ amount: 1, unit: 'day' }, types.duration);
    const hours = lit({ amount: 24, unit: 'hour' }, types.duration);
    const minmax = (fn: 'min' | 'max') => ({ kind: 'minmax', fn, args: [day, hours], type: types.duration, span }) as const;
    const graph = buildGraph({
      facts: { b: types.bool },
      decisions: { d: { branches: [{ when: fact('b'), to: 'yes' }, { when: null, to: 'yes' }] } },
      outcomes: { yes: { low: minmax('min'), high: minmax('max') } },
    });
    const compiled = compileEvaluator(graph);
    expect(compiled.decide({ b: true }).values).toEqual({ low: { amount: 1, unit: 'day' }, high: { amount: 1, unit: 'day' } });
    expectAgreement(graph, compiled, { b: true });
  });

  it('dispatches on one fact with a switch and keeps the meaning of every branch', () => {
    const colour = (id: string) => fact(id, types.enumOf('colour'));
    const member = (m: string) => lit(m, types.enumOf('colour'));
    const isIn = (members: string[]) => ({ kind: 'in', subject: colour('c'), enum: 'colour', members, negated: false, type: types.bool, span }) as const;
    for (const hit of ['first', 'unique'] as const) {
      const graph = buildGraph({
        facts: { c: types.enumOf('colour') },
        enums: { colour: ['red', 'green', 'blue', 'grey'] },
        decisions: {
          d: {
            hit,
            branches: [
              { when: cmp('==', colour('c'), member('red')), to: 'one' },
              { when: isIn([]), to: 'two' },
              { when: cmp('==', member('green'), colour('c')), to: 'two' },
              { when: isIn(['red', 'blue']), to: 'three' },
            ],
          },
        },
        outcomes: { one: {}, two: {}, three: {} },
      });
      const compiled = compileEvaluator(graph);
      expect(compiled.source('record', false)).toContain('switch (');
      expect(compiled.decide({}).needs).toEqual(['c']);
      expect(compiled.decide({ c: 'red' }).outcome).toBe('one');
      expect(compiled.decide({ c: 'grey' }).diagnostics.map((d) => d.code)).toEqual(['graph/gap']);
      for (const c of [{}, { c: 'red' }, { c: 'green' }, { c: 'blue' }, { c: 'grey' }] as Record<string, Value>[]) expectAgreement(graph, compiled, c);
    }
  });

  it('gives diagnostics in the requested locale', () => {
    const graph = buildGraph({
      facts: { n: types.number },
      decisions: { d: { branches: [{ when: cmp('>', fact('n', types.number), lit(1, types.number)), to: 'yes' }] } },
      outcomes: { yes: {} },
    });
    const compiled = compileEvaluator(graph);
    const en = compiled.decide({ n: 0 }, { locale: 'en' });
    expect(en.status).toBe('error');
    expect(en.diagnostics.map((d) => d.code)).toEqual(['graph/gap']);
    expect(en.diagnostics[0].message).toBe(evaluate(graph, { n: 0 }, { locale: 'en' }).diagnostics[0].message);
    expect(compiled.decide({ n: 0 }, { locale: 'zh-CN' }).diagnostics[0].message).not.toBe(en.diagnostics[0].message);
  });

  it('generates straight-line JavaScript with no interpretation of the graph', () => {
    const compiled = compileEvaluator(loadGraph(REFERENCE));
    const source = compiled.source('record', false);
    expect(source).toContain('function d0(f, s) { // decision triage');
    expect(source).toContain('f.item_value');
    expect(source).not.toMatch(/graph|evaluate\(/);
  });

  it('returns the same verdict object for every case that reaches an outcome without values', () => {
    const compiled = compileEvaluator(loadGraph(REFERENCE));
    const a = compiled.decide({ problem: 'complaint', difficult: true });
    expect(a).toBe(compiled.decide({ problem: 'complaint', difficult: true, our_fault: false }));
    expect(a).toMatchObject({ status: 'decided', outcome: 'escalate', values: {}, needs: [] });
  });
});
