import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalText, divideMoney, formatMoney, multiplyMoney, parseMoney } from '../../src/values/money.js';

describe('money', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['0.29', 29],
    ['-0.05', -5],
    ['0', 0],
    [' 30.01 ', 3001],
  ])('parses %j as %i fen', (text, fen) => {
    expect(parseMoney(text)).toEqual({ fen });
  });

  it.each([
    ['12.345', 'too-many-decimals'],
    ['abc', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['', 'not-a-number'],
    ['99999999999999999', 'too-large'],
  ])('rejects %j (%s)', (text, error) => {
    expect(parseMoney(text)).toEqual({ error });
  });

  it.each([
    [1250, '12.50'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100000, '1000.00'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });

  it('round-trips every amount through its text', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
      expect(parseMoney(formatMoney(fen))).toEqual({ fen });
    }));
  });

  it.each([
    [1999, 0.1, 200], // 199.9 fen rounds up
    [5, 0.5, 3], // half away from zero
    [-5, 0.5, -3],
    [1001, 0.3, 300], // 300.3
    [100, 1.005, 101], // 100.5, exact although 1.005 is not exact in binary
  ])('multiplies %i fen by %d to %i fen', (fen, factor, expected) => {
    expect(multiplyMoney(fen, factor)).toBe(expected);
  });

  it('divides to the nearest fen and refuses zero', () => {
    expect(divideMoney(1000, 3)).toBe(333);
    expect(divideMoney(2000, 3)).toBe(667);
    expect(divideMoney(100, 0)).toBeUndefined();
  });

  it('writes small numbers without an exponent', () => {
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(12.5)).toBe('12.5');
    expect(decimalText(-1.25e-8)).toBe('-0.0000000125');
    expect(decimalText(1e21)).toBe('1000000000000000000000');
    expect(decimalText(1.5e22)).toBe('15000000000000000000000');
    expect(decimalText(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('writes every finite number as a decimal that reads back as the same number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const text = decimalText(x);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(x === 0 ? 0 : x);
    }));
  });

  it('divides by tiny and huge numbers without throwing', () => {
    expect(divideMoney(100, 5e-324)).toBeGreaterThan(0);
    expect(multiplyMoney(100, 1e21)).toBe(1e23);
  });
});
