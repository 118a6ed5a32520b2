import { rat } from '../../src/values/rational.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueType } from '../../src/graph/graph.js';
import { MONEY_PATTERN, SIGNED_MONEY_PATTERN } from '../../src/eval/input/case-schema.js';
import { arith, compare, moneyFromInput, negate, plainFen, valueToJson } from '../../src/eval/values.js';

const money: ValueType = { kind: 'money', signed: false };
const number: ValueType = { kind: 'number' };
const duration: ValueType = { kind: 'duration' };
const signed: ValueType = { kind: 'money', signed: true };

describe('moneyFromInput', () => {
  it.each([
    [12.5, 1250],
    ['12.50', 1250],
    [0.29, 29],
    ['0.29', 29],
    [1.005e2, 10050],
    [0, 0],
    ['0', 0],
    [30.01, 3001],
    [1e-2, 1],
    [19.99, 1999],
  ] as const)('reads %j as %i fen, exactly', (raw, fen) => {
    expect(moneyFromInput(raw, false)).toEqual({ fen });
  });

  it.each([
    [12.345, 'too-many-decimals'],
    ['12.345', 'too-many-decimals'],
    ['12.500', 'too-many-decimals'],
    [-1, 'negative'],
    ['-0.01', 'negative'],
    ['abc', 'not-a-number'],
    ['12,50', 'not-a-number'],
    [' 12', 'not-a-number'],
    ['+12', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['', 'not-a-number'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
    [1e21, 'too-large'],
    ['99999999999999999999', 'too-large'],
  ] as const)('refuses %j (%s)', (raw, error) => {
    expect(moneyFromInput(raw, false)).toEqual({ error });
  });

  it('accepts negative amounts only for signed money', () => {
    expect(moneyFromInput(-3.05, true)).toEqual({ fen: -305 });
    expect(moneyFromInput('-3.05', true)).toEqual({ fen: -305 });
  });
});

describe('plainFen', () => {
  /** What plainFen must give: moneyFromInput's fen when the case schema accepts the value too, else NaN. */
  function expected(raw: unknown, signed: boolean): number {
    if (typeof raw !== 'number' && typeof raw !== 'string') return Number.NaN;
    const m = moneyFromInput(raw, signed);
    if (!('fen' in m)) return Number.NaN;
    if (typeof raw === 'string' && !new RegExp(signed ? SIGNED_MONEY_PATTERN : MONEY_PATTERN, 'u').test(raw)) return Number.NaN;
    if (typeof raw === 'number' && !signed && raw < 0) return Number.NaN;
    return m.fen;
  }

  /** The doubles either side of x. */
  function neighbours(x: number): number[] {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    return [-1n, 1n].map((d) => {
      view.setBigInt64(0, bits + d);
      return view.getFloat64(0);
    });
  }

  const amount = fc.oneof(
    fc.integer({ min: -100_000_000, max: 100_000_000 }).map((k) => k / 100),
    fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }).map((k) => k / 100),
    fc.integer({ min: -100_000_000, max: 100_000_000 }).chain((k) => fc.constantFrom(...neighbours(k / 100))),
    fc.double(),
    fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }).map((k) => (k / 100).toFixed(2)),
    fc.stringMatching(/^-?\d{0,16}(\.\d{0,4})?$/),
    fc.string({ unit: fc.constantFrom(...'0123456789.-+e ') }),
    fc.string(),
  );

  it('gives exactly the fen of moneyFromInput for every value the case schema also accepts, NaN for all others', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), (raw, signed) => {
        expect(plainFen(raw, signed)).toBe(expected(raw, signed));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [0.29, false, 29],
    ['0.29', false, 29],
    [1.005e2, false, 10050],
    ['12.5', false, 1250],
    ['007.10', false, 710],
    [-0, false, 0],
    ['-0', true, 0],
    ['-3.05', true, -305],
    [-3.05, true, -305],
    [9999999999999.99, false, 999999999999999],
    ['9999999999999.99', false, 999999999999999],
  ] as const)('reads %j (signed: %s) as %i fen', (raw, signed, fen) => {
    expect(Object.is(plainFen(raw, signed), fen)).toBe(true);
    expect(expected(raw, signed)).toBe(fen);
  });

  it.each([
    [0.001, false], [1.005, false], ['12.345', false], ['12.', false], ['.5', false], [' 12', false], ['1e3', false], ['', false], ['-', true],
    [-1, false], ['-1', false], ['-0', false], ['-0.00', false], [1e13, false], ['10000000000000', false], [-1e13, true],
    [Number.NaN, true], [Number.POSITIVE_INFINITY, true], [true, true], [null, true], [[1], true],
  ] as const)('leaves %j (signed: %s) to the slow path', (raw, signed) => {
    expect(plainFen(raw, signed)).toBeNaN();
  });
});

describe('arith', () => {
  it.each([
    // money × number rounds half away from zero, exactly (no binary fractions)
    ['*', 1001, money, 0.5, number, 501],
    ['*', 1003, money, 0.5, number, 502],
    ['*', 1, money, 0.5, number, 1],
    ['*', 105, money, 0.1, number, 11],
    ['*', 100, money, 1.005, number, 101],
    ['*', -1001, signed, 0.5, number, -501],
    ['*', 0.5, number, 1001, money, 501],
    // money ÷ number
    ['/', 10000, money, 3, number, 3333],
    ['/', 200, money, 3, number, 67],
    ['/', 1, money, 2, number, 1],
    ['/', -1, signed, 2, number, -1],
    // money + and − are exact
    ['+', 10, money, 20, money, 30],
    ['-', 10, money, 29, money, -19],
  ] as const)('%s: %j × %j', (op, a, at, b, bt, want) => {
    const type = at.kind === 'money' || bt.kind === 'money' ? signed : number;
    expect(arith(op, a, at, b, bt, type)).toEqual({ value: want });
  });

  it('divides money by money into a plain number', () => {
    expect(arith('/', 1200, money, 10000, money, number)).toEqual({ value: rat(3n, 25n) });
  });

  it.each([
    [1200, money, 0, money],
    [1200, money, 0, number],
    [3, number, 0, number],
    [{ amount: 3, unit: 'day' }, duration, 0, number],
  ] as const)('reports division by zero instead of a value (%j ÷ 0)', (a, at, b, bt) => {
    expect(arith('/', a, at, b, bt, number)).toEqual({ divisionByZero: true });
  });

  it('adds durations in the finer unit', () => {
    expect(arith('+', { amount: 1, unit: 'day' }, duration, { amount: 2, unit: 'hour' }, duration, duration)).toEqual({
      value: { amount: 26, unit: 'hour' },
    });
  });
});

describe('compare', () => {
  it('compares equal money amounts as equal', () => {
    expect(compare('<=', 3000, 3000)).toBe(true);
    expect(compare('<', 3000, 3000)).toBe(false);
    expect(compare('>=', 50000, 50000)).toBe(true);
  });

  it('compares durations by length, whatever the unit', () => {
    expect(compare('==', { amount: 1, unit: 'day' }, { amount: 24, unit: 'hour' })).toBe(true);
    expect(compare('<', { amount: 0, unit: 'day' }, { amount: 1, unit: 'minute' })).toBe(true);
  });

  it('compares enum members and text by identity', () => {
    expect(compare('==', 'minor', 'minor')).toBe(true);
    expect(compare('!=', 'minor', 'severe')).toBe(true);
  });
});

describe('valueToJson', () => {
  it('writes money as an exact two-decimal string', () => {
    expect(valueToJson(1250, money)).toBe('12.50');
    expect(valueToJson(-5, signed)).toBe('-0.05');
    expect(valueToJson(0, money)).toBe('0.00');
  });

  it('keeps other values as they are', () => {
    expect(valueToJson(0.12, number)).toBe(0.12);
    expect(valueToJson(true, { kind: 'bool' })).toBe(true);
    expect(valueToJson({ amount: 3, unit: 'day' }, duration)).toEqual({ amount: 3, unit: 'day' });
  });

  it('negates without producing -0', () => {
    expect(Object.is(negate(0), 0)).toBe(true);
  });
});
