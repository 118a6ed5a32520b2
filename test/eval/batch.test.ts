import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/graph/graph.js';
import { CsvParser, type CsvRecord } from '../../src/eval/batch/csv.js';
import { runBatch, type BatchOptions, type BatchSummary, type LineProblem } from '../../src/eval/batch/index.js';
import { duplicateKey } from '../../src/eval/batch/json-keys.js';
import { MAX_LINE_CHARS } from '../../src/eval/batch/limits.js';
import { readCase } from '../../src/eval/input/case-reader.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { toJsonResult } from '../../src/eval/format-result.js';
import { valueToJson } from '../../src/eval/values.js';
import { generateCases, toInputRecord } from '../bench/cases.js';
import { Collect, loadGraph, REFERENCE } from './fixtures.js';

const graph = loadGraph(REFERENCE);


/** Input as an async iterable of chunks of at most `size` characters. */
async function* chunked(text: string, size = text.length || 1): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function run(text: string, options: Partial<BatchOptions> = {}, size?: number) {
  const out = new Collect();
  const problems: LineProblem[] = [];
  const summary: BatchSummary = await runBatch(graph, chunked(text, size), out, { format: 'jsonl', onProblems: (p) => problems.push(...p), ...options });
  const lines = out.text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, problems, summary, text: out.text };
}

/** What a single case gives through the one-case path: readCase, then the reference interpreter. */
function single(raw: unknown) {
  const read = readCase(graph, raw);
  if (read.value === undefined) return { status: 'invalid', codes: read.diagnostics.map((d) => d.code) };
  const r = evaluate(graph, read.value);
  const values: Record<string, unknown> = {};
  for (const v of r.outcome ? graph.outcomes[r.outcome.id].values : []) {
    const value = r.outcome?.values[v.id];
    values[v.id] = value === null || value === undefined ? null : valueToJson(value as Value, v.type);
  }
  return { status: r.status, outcome: r.outcome?.id ?? null, values, needs: r.needs };
}

describe('batch: JSON Lines', () => {
  it('gives one result line per case line, in order, agreeing with the one-case path', async () => {
    const cases = generateCases(3000, 11).map((c, i) => {
      const input = toInputRecord(c);
      // Some lines lose facts (undecided), some carry a bad value (invalid).
      if (i % 5 === 0) delete input.small_and_light, delete input.return_shipping, delete input.matches_order;
      if (i % 17 === 0) input.item_value = '12.345';
      return input;
    });
    const { lines, summary } = await run(cases.map((c) => JSON.stringify(c)).join('\n') + '\n', {}, 4096);
    expect(lines).toHaveLength(cases.length);
    lines.forEach((line, i) => {
      const want = single(cases[i]);
      expect(line.line).toBe(i + 1);
      if (want.status === 'invalid') {
        expect(line.status).toBe('invalid');
        expect((line.diagnostics as { code: string }[]).map((d) => d.code)).toEqual(want.codes);
      } else expect({ status: line.status, outcome: line.outcome, values: line.values, needs: line.needs }).toEqual(want);
    });
    expect(summary.tally.lines).toBe(cases.length);
    expect(summary.tally.decided + summary.tally.undecided + summary.tally.invalid + summary.tally.error).toBe(cases.length);
    expect(Object.values(summary.tally.outcomes).reduce((a, b) => a + b, 0)).toBe(summary.tally.decided);
  });

  it('writes the same output whatever the chunk sizes of the input', async () => {
    const text = generateCases(60, 3).map((c) => JSON.stringify(toInputRecord(c))).join('\r\n');
    const whole = await run(text);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 700 }), async (size) => {
        expect((await run(text, {}, size)).text).toBe(whole.text);
      }),
      { numRuns: 25 },
    );
    expect(whole.lines).toHaveLength(60);
  });

  it('reports each bad line with its line number and goes on; blank lines are skipped but counted', async () => {
    const text = [
      '\uFEFF{"problem":"complaint","difficult":true}',
      'not json',
      '',
      '{"problem":"complaint","problem":"logistics"}',
      '{"problme":"complaint"}',
      '{"problem":"missing_items","item_value":"30.001"}',
      '[1]',
      '{"problem":"logistics","shipped":true}',
    ].join('\n');
    const { lines, problems, summary } = await run(text, { locale: 'en' });
    expect(lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'decided'], [2, 'invalid'], [4, 'invalid'], [5, 'invalid'], [6, 'invalid'], [7, 'invalid'], [8, 'decided'],
    ]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'case/unreadable'], [4, 'case/unreadable'], [5, 'case/unknown-field'], [6, 'case/schema'], [7, 'case/schema'],
    ]);
    expect(problems[1].message).toContain('`problem`');
    expect(problems[2].help).toContain('`problem`');
    expect(summary.tally).toMatchObject({ lines: 7, decided: 2, invalid: 5, outcomes: { escalate: 1, track_and_reply: 1 } });
  });

  it('reads a number as written: more digits than a double holds is refused, never rounded', async () => {
    const text = [
      '{"problem":"transit_damage","item_value":499.999999999999999999,"damage":"minor"}',
      '{"problem":"transit_damage","item_value":499.99,"damage":"minor"}',
      '{"problem":"transit_damage","item_value":1e2,"damage":"minor"}',
      '{"problem":"transit_damage","item_value":1234567890123.45,"damage":"minor"}',
      '{"problem":"transit_damage", "item_value" : 0.000000000000001,"damage":"minor"}',
    ].join('\n');
    const { lines, problems } = await run(text, { locale: 'en' });
    expect(lines.map((l) => [l.line, l.status])).toEqual([[1, 'invalid'], [2, 'undecided'], [3, 'undecided'], [4, 'undecided'], [5, 'invalid']]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[1, 'case/schema'], [5, 'case/schema']]);
    expect(problems[0].message).toContain('499.999999999999999999');
  });

  it('refuses a `null` line as not a case (a blank line is skipped)', async () => {
    const { lines, problems } = await run('null\n\n{"problem":"complaint","difficult":true}\n', { locale: 'en' });
    expect(lines.map((l) => [l.line, l.status])).toEqual([[1, 'invalid'], [3, 'decided']]);
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([[1, 'case/schema', expect.stringContaining('a case must be a mapping')]]);
  });

  it('gives a line over 1 MiB one invalid result without keeping it, and goes on', async () => {
    const long = `{"problem":"complaint","x":"${'a'.repeat(MAX_LINE_CHARS + 10)}"}`;
    const text = ['{"problem":"complaint","difficult":true}', long, '{"problem":"complaint","difficult":true}', long].join('\n');
    for (const size of [64 * 1024, 1000]) {
      const { lines, problems } = await run(text, { locale: 'en' }, size);
      expect(lines.map((l) => [l.line, l.status])).toEqual([[1, 'decided'], [2, 'invalid'], [3, 'decided'], [4, 'invalid']]);
      expect(problems.map((p) => [p.line, p.message])).toEqual([2, 4].map((n) => [n, 'cannot read the case: the line is longer than 1,048,576 characters (a case line is far shorter)']));
    }
  });

  it('gives every non-blank line exactly one result with its line number, whatever the lines hold', async () => {
    const line = fc.oneof(
      fc.constant('{"problem":"complaint","difficult":true}'),
      fc.constant('{"problem":"missing_items","item_value":29.99,"small_and_light":true}'),
      fc.constant('null'), fc.constant('[]'), fc.constant('"text"'), fc.constant('{'), fc.constant('{"__proto__":{"x":1}}'),
      fc.constant(''), fc.constant('   '), fc.constant('\uFEFF'),
      fc.string({ maxLength: 40 }).map((t) => t.replace(/\n/g, ' ')),
      fc.json({ maxDepth: 2 }).map((t) => t.replace(/\n/g, ' ')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (lines, crlf, size) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const { lines: results, summary } = await run(text, { locale: 'en' }, size);
        const expected = lines
          .map((l, i) => ({ l: i === 0 && l.charCodeAt(0) === 0xfeff ? l.slice(1) : l, n: i + 1 }))
          // Blank: nothing but spaces and tabs once a line's own trailing `\r` is dropped.
          .filter(({ l }) => /[^ \t]/.test(l.endsWith('\r') ? l.slice(0, -1) : l))
          .map(({ n }) => n);
        expect(results.map((r) => r.line)).toEqual(expected);
        expect(summary.tally.lines).toBe(expected.length);
      }),
      { numRuns: 150 },
    );
  });

  it('stops after the first bad line with fail-fast', async () => {
    const text = ['{"problem":"complaint","difficult":true}', '{"item_value":-1}', '{"problem":"complaint","difficult":true}'].join('\n');
    const { lines, summary } = await run(text, { failFast: true });
    expect(lines.map((l) => l.status)).toEqual(['decided', 'invalid']);
    expect(summary.stoppedAt).toBe(2);
  });

  it('gives every key of `eval --json --trace` with the full option', async () => {
    const raw = { problem: 'transit_damage', item_value: 10, damage: 'minor', order_profit: 5, return_shipping: 8 };
    const { lines } = await run(JSON.stringify(raw), { full: true, locale: 'en' });
    const want = toJsonResult(graph, evaluate(graph, readCase(graph, raw).value!, { trace: true, locale: 'en' }), 'en');
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify({ line: 1, ...want })));
    expect(lines[0].values).toEqual({ refund_cap: '5.00' });
  });

  it('reads the input only as fast as the output takes the results (flat memory)', async () => {
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    const line = `${JSON.stringify(toInputRecord(generateCases(1, 5)[0]))}\n`;
    async function* endless(): AsyncGenerator<string> {
      for (let i = 0; i < 400; i++) {
        produced++;
        maxAhead = Math.max(maxAhead, produced - written);
        yield line.repeat(50);
      }
    }
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written++;
        setImmediate(done);
      },
    });
    const summary = await runBatch(graph, endless(), slow, { format: 'jsonl' });
    expect(summary.tally.lines).toBe(400 * 50);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });
});

describe('batch: CSV', () => {
  it('maps columns to facts, reads cells like key=value arguments, and treats an empty cell as a missing fact', async () => {
    const text = [
      'problem,item_value,small_and_light,shortage_confirmed',
      'missing_items,29.99,true,',
      'missing_items,30.01,false,false',
      'missing_items,,true,true',
      '"missing_items","12,5",true,true',
      'missing_items,1,maybe,true',
      'missing_items,1',
      '少货/漏发配件,¥29.99,是,',
    ].join('\r\n');
    const { lines, problems } = await run(text, { format: 'csv', locale: 'en' });
    expect(lines.map((l) => [l.line, l.status, l.outcome, l.needs])).toEqual([
      [2, 'decided', 'refund_directly', []],
      [3, 'decided', 'courier_claim', []],
      [4, 'undecided', null, ['item_value']],
      [5, 'invalid', null, []],
      [6, 'invalid', null, []],
      [7, 'invalid', null, []],
      [8, 'decided', 'refund_directly', []],
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 6, 7]);
  });

  it('gives a record over 1 MiB one invalid result, and goes on', async () => {
    const text = ['problem,item_value', `complaint,"${'1'.repeat(MAX_LINE_CHARS)}\n2"`, 'missing_items,29.99'].join('\n');
    const { lines, problems } = await run(text, { format: 'csv', locale: 'en' }, 50_000);
    expect(lines.map((l) => [l.line, l.status])).toEqual([[2, 'invalid'], [4, 'undecided']]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'case/unreadable']]);
  });

  it('requires a header of known facts', async () => {
    expect((await run('', { format: 'csv' })).summary.headerProblems.map((p) => p.code)).toEqual(['case/unreadable']);
    const bad = await run('problem,item_valu\ncomplaint,1\n', { format: 'csv' });
    expect(bad.summary.headerProblems.map((p) => [p.line, p.code, p.help])).toEqual([[1, 'case/unknown-field', expect.stringContaining('item_value')]]);
    expect(bad.lines).toEqual([]);
  });
});

describe('CSV reader', () => {
  const parse = (text: string, size = text.length || 1): CsvRecord[] => {
    const p = new CsvParser();
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
    return [...out, ...p.end()];
  };

  it.each([
    ['a,b\n1,2\n', [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]],
    ['a,b\r\n1,2', [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]],
    ['"x, y","say ""hi"""\n', [{ line: 1, fields: ['x, y', 'say "hi"'] }]],
    ['"two\nlines",b\nc,d\n', [{ line: 1, fields: ['two\nlines', 'b'] }, { line: 3, fields: ['c', 'd'] }]],
    ['a,,""\n', [{ line: 1, fields: ['a', '', ''] }]],
    ['\n\na\n\n', [{ line: 3, fields: ['a'] }]],
    ['\uFEFFa\n', [{ line: 1, fields: ['a'] }]],
    ['"a"b,c\nd\n', [{ line: 1, error: 'text-after-quote' }, { line: 2, fields: ['d'] }]],
    ['a\n"open', [{ line: 1, fields: ['a'] }, { line: 2, error: 'unclosed-quote' }]],
  ])('reads %j', (text, records) => {
    expect(parse(text)).toEqual(records);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[a-z ,"\r\n]{0,6}$/), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, size) => {
          const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
          const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
          const whole = parse(text);
          expect(parse(text, size)).toEqual(whole);
          expect(whole.map((r) => ('fields' in r ? r.fields : r.error))).toEqual(rows);
        },
      ),
    );
  });
});

describe('JSON duplicate keys', () => {
  it.each([
    ['{"a":1,"b":2}', undefined],
    ['{"a":1,"a":2}', 'a'],
    ['{"a":{"b":1,"b":2},"c":"a\\"b"}', undefined],
    ['{"x":"\\\\","\\u0078":1}', 'x'],
    ['{"a":["a","a"],"b":[{"a":1}]}', undefined],
    ['{"a" :1,"a":2}', 'a'],
    ['{"a"\r:1,"a":2,"b":3}', 'a'],
    ['{"k":"a\\":","k":1}', 'k'],
    ['{"":1,"":2}', ''],
  ])('finds the repeated key of %s', (text, key) => {
    expect(duplicateKey(text, Object.keys(JSON.parse(text)).length)).toBe(key);
  });
});
