import { rat } from '../../src/values/rational.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { expectToBe, expectToEqual } from '../support/hot-expect.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { plainCaseInput, readCase, readCaseFully } from '../../src/eval/input/case-reader.js';
import { caseValidator } from '../../src/eval/input/case-schema.js';
import { canonicalAnswer, hasStaffAnswer } from '../../src/eval/input/staff-answers.js';
import { buildGraph, types } from './graph-builder.js';
import { readerPolicies } from './reader-policies.js';
import { loadGraph, SHOP } from './fixtures.js';

/**
 * The fast path of the case reader (`plainCaseInput`: no schema validator, no message, nothing
 * allocated but the result) must never drift from the full read, where ajv and the published case
 * schema are the gate: it accepts a plain object exactly when the full read finds it valid, gives
 * the same values, and never accepts anything the schema refuses.
 */

const graphs = readerPolicies;

/** Money as people write it, valid and nearly valid. */
const money = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 100),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => (k / 100).toFixed(2)),
  fc.stringMatching(/^-?\d{1,15}(\.\d{0,3})?$/),
  fc.double(),
  fc.constantFrom(-0, '-0', '-0.00', 0.001, 1.005, '12.', '.5', ' 1', '1e3', 1e13, 9999999999999.99, '10000000000000', Number.NaN, Number.POSITIVE_INFINITY),
);

function valueFor(graph: DecisionGraph, id: string): fc.Arbitrary<unknown> {
  const type = graph.facts[id].type;
  const members = type.kind === 'enum' ? (graph.enums[type.enum]?.members ?? []).map((m) => m.id) : [];
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    bool: fc.boolean(),
    number: fc.oneof(fc.double(), fc.integer(), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -40, max: 40 }).map((k) => k / 8)),
    text: fc.string(),
    money,
    enum: members.length > 0 ? fc.constantFrom(...members) : fc.string(),
    duration: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('days', 'hour', 'minutes', 'weeks', 'months', 'fortnights')).map(([n, u]) => `${n} ${u}`),
      fc.record({ amount: fc.integer(), unit: fc.constantFrom('day', 'hour', 'minute') }),
    ),
    date: fc.oneof(
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.constantFrom('2024-02-29', '2026-02-29', '2026-1-5', '20261201'),
    ),
    datetime: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 4_000_000_000 }), fc.constantFrom('Z', '+08:00', '-05:30', '', '+24:00'))
        .map(([s, z]) => `${new Date(s * 1000).toISOString().slice(0, 19)}${z}`),
      fc.constantFrom('2026-12-02', '2026-02-30T10:00:00Z', '2026-12-02T24:00:00Z', '2026-12-02T09:30+08:00', '2026-12-02T09:30:00.5Z'),
    ),
    time: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      fc.constantFrom('9:00', '23:59:59', '24:00', '9', '09:00:60'),
    ),
  };
  return fc.oneof(
    { weight: 6, arbitrary: typed[type.kind] },
    fc.constant(null),
    fc.constant(undefined),
    fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constantFrom('true', '12.50', 'x', ...members.map((m) => m.toUpperCase()))),
    fc.oneof(fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }), fc.constant({ t: 1 })),
  );
}

/** Raw cases: mostly facts with values of their type (so many are valid), sometimes odd keys. */
function rawCases(graph: DecisionGraph): fc.Arbitrary<Record<string, unknown>> {
  const ids = Object.keys(graph.facts);
  // Built once per fact, not once per generated field (building them was a third of the run).
  const pairOf = new Map(ids.map((id) => [id, valueFor(graph, id).map((v) => [id, v] as const)]));
  const field = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...ids).chain((id) => pairOf.get(id)!) },
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', '', '0', 't', `${ids[0]}_`, ids[0].toUpperCase()), fc.integer()),
    fc.tuple(fc.string(), fc.string()),
  );
  const fields = fc.array(field, { maxLength: ids.length + 1 });
  // Own data properties only (`__proto__` too), on both kinds of prototype the readers make.
  const build = (proto: object | null) => (pairs: readonly (readonly [string, unknown])[]) => {
    const raw = Object.create(proto) as Record<string, unknown>;
    for (const [k, v] of pairs) Object.defineProperty(raw, k, { value: v, enumerable: true, writable: true, configurable: true });
    return raw;
  };
  return fc.oneof(fields.map(build(Object.prototype)), fields.map(build(null)));
}

/** A raw case with each staff answer replaced by its canonical value (none is ambiguous here). */
function canonicalCase(graph: DecisionGraph, raw: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(raw)) {
    const c = Object.hasOwn(graph.facts, k) ? canonicalAnswer(graph, graph.facts[k], v) : { value: v };
    out[k] = 'value' in c ? c.value : v;
  }
  return out;
}

/** The same values, -0 and NaN told apart. */
function entries(input: ReadonlyMap<string, unknown> | undefined) {
  return input === undefined ? undefined : [...input].map(([k, v]) => [k, Object.is(v, -0) ? '-0' : v]);
}

describe.each(graphs)('the fast path of readCase, on %s', (_, graph) => {
  const validate = caseValidator(graph);

  it('accepts exactly the cases the full read (ajv as the gate) finds valid, with the same values', () => {
    fc.assert(
      fc.property(rawCases(graph), (raw) => {
        const fast = plainCaseInput(graph, raw);
        const full = readCaseFully(graph, raw, { locale: 'en' });
        // Answers as staff type them (`yes`, ` 1`, `MISSING`) are left to the full read, which
        // makes them canonical first: the fast path takes the canonical case, with the same values.
        const staff = hasStaffAnswer(graph, raw);
        expectToBe(fast !== undefined, full.value !== undefined && !staff);
        if (staff && full.value !== undefined) expectToEqual(entries(plainCaseInput(graph, canonicalCase(graph, raw))), entries(full.value));
        else expectToEqual(entries(fast), entries(full.value));
        // readCase is the one or the other.
        const read = readCase(graph, raw, { locale: 'en' });
        expectToEqual(entries(read.value), entries(full.value));
        expectToEqual(read.diagnostics, full.diagnostics);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts a case the published schema refuses', () => {
    fc.assert(
      fc.property(rawCases(graph), (raw) => {
        if (plainCaseInput(graph, raw) === undefined) return;
        const data = Object.assign(Object.create(null) as object, raw);
        expectToBe(validate(data), true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the fast path of readCase', () => {
  const graph = loadGraph(SHOP);

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).problem;
  });

  it('gives the same CaseInput as the full read for a valid case, and no diagnostics', () => {
    const raw = JSON.parse('{"problem":"missing","item_value":12.5,"shipping":"0.29","profit":-3,"small":true,"pieces":2,"remark":"加急","damage":null}');
    const read = readCase(graph, raw);
    expect(read.diagnostics).toEqual([]);
    expect(Object.fromEntries(read.value!)).toEqual({ problem: 'missing', item_value: 1250, shipping: 29, profit: -300, small: true, pieces: rat(2n), remark: '加急' });
    expect([...read.value!]).toEqual([...readCaseFully(graph, raw).value!]);
  });

  it('does not take a key for the one at its place in the previous case', () => {
    expect(readCase(graph, { problem: 'missing', small: true }).value?.size).toBe(2);
    expect(readCase(graph, { '': 'missing', small: true }, { locale: 'en' }).diagnostics.map((d) => d.message)).toEqual(['unknown field ``']);
    expect(readCase(graph, { small: 'missing' }).value).toBeUndefined();
    expect(Object.fromEntries(readCase(graph, { small: true, problem: 'late' }).value!)).toEqual({ small: true, problem: 'late' });
    expect(Object.fromEntries(readCase(graph, { problem: 'late', small: false }).value!)).toEqual({ problem: 'late', small: false });
  });

  it('leaves keys inherited from a polluted Object.prototype out, as the full read does', () => {
    (Object.prototype as Record<string, unknown>).problem = 'nope';
    const raw = JSON.parse('{"small": true}');
    expect(Object.fromEntries(readCase(graph, raw).value!)).toEqual({ small: true });
  });

  it('leaves objects of other prototypes to the full read', () => {
    class Raw {
      problem = 'missing';
    }
    expect(plainCaseInput(graph, new Raw())).toBeUndefined();
    expect(Object.fromEntries(readCase(graph, new Raw()).value!)).toEqual({ problem: 'missing' });
  });

  it('refuses "-0" for unsigned money as the schema does, and reads it for signed money', () => {
    const unsigned = readCase(graph, { item_value: '-0' }, { locale: 'en' });
    expect(unsigned.diagnostics.map((d) => d.message)).toEqual([
      '`item_value` must be an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50), got string "-0"',
    ]);
    expect(Object.fromEntries(readCase(graph, { profit: '-0' }).value!)).toEqual({ profit: 0 });
  });
});

describe('the schema as the gate of the full read', () => {
  it('blames a duration\'s own extra key on the duration, not on a fact of the same name', () => {
    const graph = buildGraph({
      facts: { t: types.text, d: types.duration },
      decisions: { start: { branches: [{ when: null, to: 'done' }] } },
      outcomes: { done: {} },
    });
    const r = readCase(graph, { t: 'fine', d: { t: 1 } }, { locale: 'en' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['`d` must be a duration such as "2 hours" or "30 minutes", got a mapping']);
  });
});
