import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToBe, expectToEqual } from '../support/hot-expect.js';
import type { Value } from '../../src/graph/graph.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCaseText } from '../../src/eval/input/case-yaml.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { formatResultText, toJsonResult } from '../../src/eval/format-result.js';
import { sourceFile } from '../../src/source/source-file.js';
import { runCli } from '../support/cli.js';
import { loadGraph, SHOP } from './fixtures.js';

/**
 * Fuzz-style properties: malformed cases never crash the reader or the CLI (a clear message and
 * the right exit code instead), and evaluation keeps its promises on any valid case.
 */

const graph = loadGraph(SHOP);
const factIds = Object.keys(graph.facts);
const junkKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'item_valeu', '', ' ', '0', 'problem ', '问题'];

const anyKey = fc.oneof(fc.constantFrom(...factIds, ...junkKeys), fc.string());
const scalar = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('missing', 'minor', 'true', '12.50', '0.29', '-1', '1e3', '.inf', 'NaN', '¥5'),
);
const rawCase = fc.oneof(
  fc.dictionary(anyKey, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string(), scalar, { maxKeys: 2 })), { maxKeys: 8 }),
  fc.anything(),
);

/** YAML-ish text: lines of `key: value`, sometimes broken. */
const yamlish = fc
  .array(
    fc.tuple(anyKey, fc.oneof(scalar.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), fc.constantFrom('[1, 2', '{a: 1}', '&x 1', '*x', '|', '"unterminated', '- a'))),
    { maxLength: 8 },
  )
  .chain((pairs) =>
    fc.constantFrom('\n', '\r\n').map((nl) => pairs.map(([k, v]) => `${k}: ${v}`).join(nl)),
  );

/** A valid case: each fact present with a value of its type, or left out. */
const validCase = fc.record(
  {
    problem: fc.constantFrom('missing', 'damaged', 'late'),
    item_value: fc.oneof(fc.constantFrom(0, 2999, 3000, 3001, 49999, 50000, 50001), fc.integer({ min: 0, max: 1_000_000 })),
    shipping: fc.integer({ min: 0, max: 100_000 }),
    profit: fc.integer({ min: -100_000, max: 100_000 }),
    small: fc.boolean(),
    confirmed: fc.boolean(),
    damage: fc.constantFrom('minor', 'severe'),
    pieces: fc.oneof(fc.constantFrom(0, 1, 3), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })),
    remark: fc.string(),
  },
  { requiredKeys: [] },
);

describe('reading malformed cases', () => {
  it('never throws on any object, and either reads a valid case or explains why not', () => {
    fc.assert(
      fc.property(rawCase, fc.constantFrom('en', 'zh-CN'), (raw, locale) => {
        const r = readCase(graph, raw, { locale });
        if (r.value === undefined) {
          expect(r.diagnostics.length).toBeGreaterThan(0);
          for (const d of r.diagnostics) expect(d.code).toMatch(/^case\//);
        } else {
          expect(r.diagnostics).toEqual([]);
          for (const key of r.value.keys()) expect(factIds).toContain(key);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random YAML text, and points inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const file = sourceFile('case.yaml', text);
        const r = readCaseText(graph, file, { locale: 'en' });
        expectToBe(r.value === undefined, r.diagnostics.length > 0);
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random key=value arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.tuple(anyKey, fc.string()).map(([k, v]) => `${k}=${v}`)), { maxLength: 6 }), (args) => {
        const r = readCaseArgs(graph, args);
        expect(r.value === undefined).toBe(r.diagnostics.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluating valid cases', () => {
  it('never throws, and only ever needs facts the case lacks', () => {
    fc.assert(
      fc.property(validCase, fc.constantFrom('en', 'zh-CN'), (input, locale) => {
        const facts = new Map(Object.entries(input) as [string, Value][]);
        const result = evaluate(graph, facts, { locale });
        for (const id of result.needs) expectToBe(facts.has(id), false);
        if (result.status === 'decided') expectToEqual(result.needs, []);
        if (result.status === 'undecided') expect(result.needs.length).toBeGreaterThan(0);
        if (result.status === 'error') expect(result.diagnostics.length).toBeGreaterThan(0);
        expect(() => formatResultText(graph, result, locale, { trace: true })).not.toThrow();
        expect(() => JSON.stringify(toJsonResult(graph, result, locale))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('never treats a missing fact as known: adding facts to a decided case changes nothing', () => {
    fc.assert(
      fc.property(validCase, validCase, (input, extra) => {
        const facts = new Map(Object.entries(input) as [string, Value][]);
        const before = evaluate(graph, facts);
        if (before.status !== 'decided') return;
        const more = new Map([...(Object.entries(extra) as [string, Value][]), ...facts]);
        const after = evaluate(graph, more);
        expectToBe(after.outcome?.id, before.outcome?.id);
        expectToEqual(after.path.map((s) => s.branch), before.path.map((s) => s.branch));
        expectToEqual(after.outcome?.values, before.outcome?.values);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same result with and without a trace', () => {
    fc.assert(
      fc.property(validCase, (input) => {
        const facts = new Map(Object.entries(input) as [string, Value][]);
        const { trace, ...plain } = evaluate(graph, facts, { trace: true });
        expect(trace).toBeDefined();
        expectToEqual(plain, evaluate(graph, facts));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the CLI on malformed case files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sopwright-fuzz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // In this process (test/support/cli.ts): a throw, which the binary reports as an internal error,
  // fails the property with its stack. Reading the case from standard input through the real
  // binary is tested in test/cli/eval.test.ts.
  it('answers with exit 0, 1 or 3 and a clear message, never a stack trace', async () => {
    const file = join(dir, 'case.yaml');
    const located = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error\\[(case|eval)/`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(yamlish, fc.string()), async (text) => {
        writeFileSync(file, text);
        const r = await runCli(['eval', SHOP, '--case', file, '--locale', 'en']);
        expect([0, 1, 3]).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        if (r.code === 1) expect(r.stderr).toMatch(located);
        else expect(r.stdout).not.toBe('');
      }),
      { numRuns: 100 },
    );
  });
});
