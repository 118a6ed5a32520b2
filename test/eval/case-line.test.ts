import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { runBatch, type LineProblem } from '../../src/eval/batch/index.js';
import { duplicateKey } from '../../src/eval/batch/json-keys.js';
import { LineProcessor } from '../../src/eval/batch/process.js';
import { caseLineReader } from '../../src/eval/input/case-line.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { expectToBe, expectToEqual } from '../support/hot-expect.js';
import { readerPolicies } from './reader-policies.js';
import { Collect, loadGraph, REFERENCE } from './fixtures.js';

/**
 * The one-pass line reader (case-line.ts) against the full path of a batch line (`JSON.parse`,
 * repeated keys, long numbers, `readCase`): on random lines and on lines mutated a character at a
 * time, both give the same result line and the same problems, and whenever the one-pass reader
 * answers, the full path finds the line valid with the very same values. So the fast path rejects
 * everything the full reader rejects, and explains nothing itself.
 */

/**
 * Random lines per property and policy: 600 in `npm test` (a few seconds for all four policies);
 * `npm run fuzz` sets SOPWRIGHT_CASE_LINE_RUNS to 20,000.
 */
const LINE_RUNS = Number(process.env.SOPWRIGHT_CASE_LINE_RUNS ?? 600);

const graphs = readerPolicies;

/** JSON numbers as lines write them: short and long, exact and not, and texts that are not JSON numbers. */
const numberText = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => String(k / 100)),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => (k / 100).toFixed(2)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.stringMatching(/^-?(0|[1-9]\d{0,19})(\.\d{1,20})?([eE][+-]?\d{1,3})?$/),
  // Near the bounds of whole and bounded facts: 0, 24, -1/4, 1, 100000, -500.
  fc.integer({ min: -30, max: 30 }).map(String),
  fc.integer({ min: -40, max: 40 }).map((k) => String(k / 8)),
  fc.constantFrom('24.0', '24.5', '-0.25', '-0.26', '100000', '100000.01', '-500', '-500.01', '7.1'),
  fc.constantFrom('-0', '0.0', '01', '1.', '.5', '+1', '-', '1e400', '499.999999999999999999', '9999999999999.99', '10000000000000', '0.29', '1.005'),
);

/** JSON strings: valid answers, near misses, escapes, control characters and non-ASCII text. */
function stringText(members: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    ...(members.length > 0 ? [fc.constantFrom(...members).map((m) => JSON.stringify(m))] : []),
    fc.constantFrom('12.50', '-0', '2 hours', '2026-02-29', '2024-02-29', '2026-12-02T09:30:00+08:00', '09:00', '24:00', '是', 'yes', '30元', '').map((s) => JSON.stringify(s)),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('"a\\u0062"', '"\\"', '"tab\there"', '"\\n"', '"\u0000"', '"\ud800"', '"é"'),
  );
}

/** A value token for a fact: mostly of its type, sometimes anything. */
function valueText(graph: DecisionGraph, id: string): fc.Arbitrary<string> {
  const type = graph.facts[id].type;
  const members = type.kind === 'enum' ? (graph.enums[type.enum]?.members ?? []).map((m) => m.id) : [];
  const typed: fc.Arbitrary<string> =
    type.kind === 'bool' ? fc.constantFrom('true', 'false')
      : type.kind === 'enum' ? fc.constantFrom(...members.map((m) => JSON.stringify(m)))
        : type.kind === 'money' ? fc.oneof(numberText, numberText.map((n) => JSON.stringify(n)))
          : type.kind === 'number' ? numberText
            // Any other type (text, time, or one added later) is written as a string or a number.
            : fc.oneof(stringText(members), numberText);
  return fc.oneof(
    { weight: 8, arbitrary: typed },
    fc.constantFrom('null', 'true', 'false', 'nul', 'truee', '[]', '{}', '[1]', '{"a":1}'),
    numberText,
    stringText(members),
  );
}

/** White space between tokens: mostly none, sometimes JSON's four kinds (a newline is never in a line). */
const space = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, fc.constantFrom(' ', '\t', '\r', '  ', ' \t'));

/** A case line: an object of fields (mostly facts, sometimes odd or repeated keys) with random spacing. */
function lineText(graph: DecisionGraph): fc.Arbitrary<string> {
  const ids = Object.keys(graph.facts);
  const key = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...ids).map((id) => JSON.stringify(id)) },
    fc.constantFrom('__proto__', 'constructor', '', `${ids[0]}_`, ids[0].slice(0, -1), ids[0].toUpperCase()).map((k) => JSON.stringify(k)),
    fc.constantFrom(`"${ids[0].slice(0, 1)}\\u${ids[0].charCodeAt(1).toString(16).padStart(4, '0')}${ids[0].slice(2)}"`, `"${ids[0]}\t"`),
  );
  const field = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...ids).chain((id) => valueText(graph, id).map((v) => [JSON.stringify(id), v] as const)) },
    fc.tuple(key, valueText(graph, ids[0])),
  );
  return fc
    .tuple(fc.array(fc.tuple(field, space, space, space), { maxLength: ids.length + 2 }), space, space)
    .map(([fields, before, after]) => `${before}{${fields.map(([[k, v], a, b, c]) => `${a}${k}${b}:${c}${v}`).join(',')}}${after}`);
}

/** A line with one character deleted, inserted or replaced (or cut short). */
function mutated(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const char = fc.constantFrom('"', '\\', ',', ':', '{', '}', '[', '0', '9', '.', '-', 'e', ' ', '\t', '\u0000', '\u001f', 'é', '\uFEFF', 'a', 'n');
  return fc.tuple(line, fc.nat(), char, fc.constantFrom('delete', 'insert', 'replace', 'cut')).map(([text, at, c, how]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
    if (how === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
    return text.slice(0, i);
  });
}

/** The same values, -0 told apart; a record's undefined facts left out. */
function entries(values: Iterable<readonly [string, unknown]>) {
  return [...values].filter(([, v]) => v !== undefined).map(([k, v]) => [k, Object.is(v, -0) ? '-0' : v] as const).sort(([a], [b]) => (a < b ? -1 : 1));
}

describe.each(graphs)('the one-pass line reader, on %s', (_, graph) => {
  const onePass = new LineProcessor(graph, { locale: 'en' });
  const full = new LineProcessor(graph, { locale: 'en', onePass: false });
  const read = caseLineReader(graph);

  const same = (text: string) => {
    const b = Buffer.from(`${text}\n`, 'utf8');
    const to = b.length - 1;
    // The result line and the problems are the same through both paths.
    const a = onePass.jsonBytes(b, 0, to, 7);
    const f = full.jsonBytes(b, 0, to, 7);
    expectToBe(a.json, f.json);
    expectToEqual(a.problems, f.problems);
    // Whenever the one-pass reader answers, the full path reads the line as valid, with the same values.
    const record = read?.(b, 0, to);
    if (record !== undefined) {
      // The line as the full path has it (a lone surrogate of `text` was written as U+FFFD).
      text = b.toString('utf8', 0, to);
      const raw = JSON.parse(text) as Record<string, unknown>;
      expectToBe(duplicateKey(text, Object.keys(raw).length), undefined);
      // No number it read has more digits than a double keeps (those are read as written, in full),
      // so JSON.parse gives each exactly.
      const numbers = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?\d[\d.]*(?:[eE][+-]?\d+)?/g) ?? [];
      expectToBe(numbers.every((n) => n.replace(/\D/g, '').length <= 15 && !/[eE]/.test(n)), true);
      const input = readCase(graph, raw).value;
      expectToBe(input !== undefined, true);
      expectToEqual(entries(Object.entries(record)), entries(input ?? []));
    }
    return record !== undefined;
  };

  it('gives what the full path gives on random lines, and reads most valid ones itself', () => {
    let fast = 0;
    fc.assert(fc.property(lineText(graph), (text) => void (same(text) && fast++)), { numRuns: LINE_RUNS });
    // Not a vacuous proof: a good share of the lines took the one-pass path.
    expect(fast).toBeGreaterThan(LINE_RUNS / 25);
  });

  it('gives what the full path gives on lines with one character changed', () => {
    fc.assert(fc.property(mutated(lineText(graph)), (text) => void same(text)), { numRuns: LINE_RUNS });
  });

  it('reads plain lines of the policy in one pass', () => {
    const ids = Object.keys(graph.facts);
    for (const text of ['{}', ' { } ', `{"${ids[0]}":null}`, `{ "${ids[0]}" : null }`]) expect(same(text), text).toBe(true);
    for (const text of ['', 'null', '[]', '{', `{"${ids[0]}":null,"${ids[0]}":null}`, `{"${ids[0]}":null}x`, '{"nope":1}']) expect(same(text), text).toBe(false);
  });
});

describe('the one-pass reader in a batch', () => {
  const graph = loadGraph(REFERENCE);

  async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }

  const runWith = async (bytes: Buffer, size: number, onePass: boolean) => {
    const out = new Collect();
    const problems: LineProblem[] = [];
    await runBatch(graph, chunked(bytes, size), out, { format: 'jsonl', locale: 'en', onePass, onProblems: (p) => problems.push(...p) });
    return { text: out.text, problems };
  };

  it('writes the same output as the full path whatever the lines, line ends and chunk boundaries', async () => {
    const line = fc.oneof(lineText(graph), mutated(lineText(graph)), fc.constantFrom('', ' ', '\uFEFF{}', '{"problem":"complaint"}'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 97 }), async (lines, crlf, bom, size) => {
        const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join(crlf ? '\r\n' : '\n')}`, 'utf8');
        expect(await runWith(bytes, size, true)).toEqual(await runWith(bytes, size, false));
      }),
      { numRuns: 200 },
    );
  });

  it('splits no character: a multi-byte character cut by a chunk boundary reads as a whole', async () => {
    const bytes = Buffer.from('{"problem":"complaint","difficult":true}\n{"problem":"逻辑"}\n{"problem":"complaint"}', 'utf8');
    for (let size = 1; size < 8; size++) expect(await runWith(bytes, size, true)).toEqual(await runWith(bytes, bytes.length, false));
  });
});
