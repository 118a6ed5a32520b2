import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/graph/graph.js';
import { factsOf } from '../../../src/analysis/solver/formula.js';
import { solve, type SolveResult } from '../../../src/analysis/solver/search.js';
import { Translator } from '../../../src/analysis/solver/translate.js';
import { holds, witnessOf } from '../../../src/analysis/solver/witness.js';
import { integerRange } from '../../../src/analysis/solver/time-domain.js';
import { MAX_FEN } from '../../../src/values/range.js';
import {
  and, arith, cmp, cny, constRef, fact, graphOf, isIn, letRef, lit, max, member, min, neg, not, num, or, T,
} from './builders.js';

const graph = graphOf({
  facts: {
    x: T.money, y: T.money, z: T.money, s: T.signed, n: T.number, m: T.number,
    flag: T.bool, other: T.bool, k: T.enum('kind'), t: T.text, u: T.text,
  },
  enums: { kind: ['a', 'b', 'c'] },
  constants: { limit: [50000, T.money], third: [0.5, T.number], deadline: [{ amount: 3, unit: 'day' }, T.duration] },
  lets: {
    cap: min(fact('x', T.money), fact('y', T.money)),
    over: cmp(fact('x', T.money), '>=', constRef('limit', T.money)),
  },
  decisions: { d: { branches: [[null, 'done']] } },
});

const x = fact('x', T.money);
const y = fact('y', T.money);
const z = fact('z', T.money);
const n = fact('n', T.number);
const m = fact('m', T.number);
const k = fact('k', T.enum('kind'));
const t = fact('t', T.text);
const flag = fact('flag', T.bool);
const other = fact('other', T.bool);

/** Solves the conjunction of the conditions; the witness is checked to satisfy them. */
function decide(...conditions: Expr[]): SolveResult & { witness?: Record<string, string> } {
  const tr = new Translator(graph);
  const parts = conditions.map((c) => tr.condition(c));
  const r = solve(parts, { intRange: (v) => integerRange(graph, v) });
  if (r.status !== 'sat') return r;
  for (const p of parts) expect(holds(p, r.model!)).toBe(true);
  const facts = new Set(parts.flatMap((p) => [...factsOf(p)]));
  return { ...r, witness: witnessOf(graph, r.model!, facts) };
}

describe('money (whole fen)', () => {
  it('finds no money strictly between 30 CNY and 30.01 CNY', () => {
    expect(decide(cmp(x, '>', cny(30)), cmp(x, '<', cny(30.01))).status).toBe('unsat');
  });

  it('gives the bound plus one fen as the witness of a strict lower bound', () => {
    expect(decide(cmp(x, '>', cny(30)), cmp(x, '<=', cny(30.01))).witness).toEqual({ x: '30.01' });
  });

  it('keeps unsigned money at zero or above and lets signed money go below', () => {
    expect(decide(cmp(x, '<', cny(0))).status).toBe('unsat');
    expect(decide(cmp(fact('s', T.signed), '<', cny(0))).witness).toEqual({ s: '-0.01' });
  });

  it('prefers small readable values', () => {
    expect(decide(cmp(x, '>=', constRef('limit', T.money)), cmp(y, '<', cny(30))).witness).toEqual({ x: '500', y: '0' });
  });

  it('decides differences of two facts with a constant', () => {
    expect(decide(cmp(x, '>', arith(y, '+', cny(10)))).witness).toEqual({ x: '10.01', y: '0' });
    expect(decide(cmp(arith(x, '-', y), '>', cny(10)), cmp(y, '>=', x)).status).toBe('unsat');
    expect(decide(cmp(x, '>', y), cmp(y, '>', z), cmp(z, '>', x)).status).toBe('unsat');
    expect(decide(cmp(x, '>', y), cmp(y, '>', z), cmp(x, '<=', arith(z, '+', cny(0.01)))).status).toBe('unsat');
  });

  it('folds constant arithmetic and moves constants across', () => {
    expect(decide(cmp(arith(x, '+', cny(5)), '<=', arith(constRef('limit', T.money), '-', cny(495))), cmp(x, '>', cny(5))).status).toBe('unsat');
    expect(decide(cmp(neg(x), '>=', neg(cny(30))), cmp(x, '>', cny(30))).status).toBe('unsat');
  });

  it('decides money times a whole number exactly', () => {
    expect(decide(cmp(arith(x, '*', num(2), T.money), '>', cny(100)), cmp(x, '<=', cny(50))).status).toBe('unsat');
  });

  it('rounds constant money arithmetic half away from zero', () => {
    // 0.05 CNY * 0.5 = 2.5 fen, rounded to 3 fen.
    expect(decide(cmp(arith(cny(0.05), '*', num(0.5), T.money), '==', cny(0.03))).status).toBe('sat');
  });
});

describe('numbers (rationals)', () => {
  it('finds a number strictly between two close bounds', () => {
    const r = decide(cmp(n, '>', num(1)), cmp(n, '<', num(1.01)));
    expect(r.status).toBe('sat');
    expect(Number(r.witness!.n)).toBeGreaterThan(1);
    expect(Number(r.witness!.n)).toBeLessThan(1.01);
  });

  it('treats strict and non-strict bounds exactly', () => {
    expect(decide(cmp(n, '>', num(0.3)), cmp(n, '<=', num(0.3))).status).toBe('unsat');
    expect(decide(cmp(n, '>=', num(0.3)), cmp(n, '<=', num(0.3))).witness).toEqual({ n: '0.3' });
    expect(decide(cmp(n, '>', arith(m, '+', num(0.1))), cmp(m, '>', arith(n, '-', num(0.1)))).status).toBe('unsat');
  });

  it('adds decimal constants without floating-point error', () => {
    expect(decide(cmp(n, '>', arith(num(0.1), '+', num(0.2))), cmp(n, '<=', num(0.3))).status).toBe('unsat');
  });

  it('allows negative numbers', () => {
    expect(decide(cmp(n, '<', num(-2))).witness).toEqual({ n: '-3' });
  });

  it('scales a single fact by a constant', () => {
    expect(decide(cmp(arith(num(3), '*', n), '>', num(1)), cmp(n, '<=', arith(num(1), '/', num(3)))).status).toBe('unsat');
    expect(decide(cmp(arith(n, '*', constRef('third', T.number)), '>=', num(2)), cmp(n, '<', num(4))).status).toBe('unsat');
  });

  it('compares money ratios exactly', () => {
    const ratio = arith(x, '/', cny(100), T.number);
    expect(decide(cmp(ratio, '>', num(0.5)), cmp(x, '<=', cny(50))).status).toBe('unsat');
  });
});

describe('min and max', () => {
  it('expands min below a bound into or, above into and', () => {
    expect(decide(cmp(min(x, y), '>=', cny(100)), cmp(x, '<', cny(100))).status).toBe('unsat');
    expect(decide(cmp(min(x, y), '<', cny(100)), cmp(x, '>=', cny(100)), cmp(y, '>=', cny(100))).status).toBe('unsat');
    expect(decide(cmp(min(x, y), '<', cny(100)), cmp(x, '>=', cny(100))).witness).toEqual({ x: '100', y: '0' });
  });

  it('expands max dually', () => {
    expect(decide(cmp(max(x, y), '<=', cny(50)), cmp(x, '>', cny(50))).status).toBe('unsat');
    expect(decide(cmp(max(x, y), '>', cny(50)), cmp(x, '<=', cny(50)), cmp(y, '<=', cny(50))).status).toBe('unsat');
  });

  it('decides equality with min and max through a let', () => {
    const r = decide(cmp(letRef('cap', T.money), '==', cny(100)), cmp(x, '>', cny(100)));
    expect(r.witness).toEqual({ x: '100.01', y: '100' });
    expect(decide(cmp(letRef('cap', T.money), '!=', cny(100)), cmp(x, '==', cny(100)), cmp(y, '==', cny(100))).status).toBe('unsat');
  });

  it('distributes sums over min and max', () => {
    // min(x, y) + 10 CNY > max(x, y)  means  |x - y| < 10 CNY.
    const close = cmp(arith(min(x, y), '+', cny(10)), '>', max(x, y));
    expect(decide(close, cmp(x, '>=', arith(y, '+', cny(10)))).status).toBe('unsat');
    expect(decide(close, cmp(x, '>', y)).witness).toEqual({ x: '0.01', y: '0' });
  });
});

describe('enums, bools and text', () => {
  it('knows an enum has no member outside its list', () => {
    expect(decide(not(or(cmp(k, '==', member('kind', 'a')), isIn(k, ['b', 'c'])))).status).toBe('unsat');
    expect(decide(cmp(k, '!=', member('kind', 'a')), isIn(k, ['b'], true)).witness).toEqual({ k: 'c' });
  });

  it('decides bools and equality of two bools', () => {
    expect(decide(cmp(flag, '==', other), flag, not(other)).status).toBe('unsat');
    expect(decide(cmp(flag, '!=', other), flag).witness).toEqual({ flag: 'true', other: 'false' });
    expect(decide(cmp(flag, '==', lit(true, T.bool)), not(flag)).status).toBe('unsat');
  });

  it('decides text compared with string literals', () => {
    expect(decide(cmp(t, '==', lit('a', T.text)), cmp(t, '!=', lit('a', T.text))).status).toBe('unsat');
    expect(decide(cmp(t, '!=', lit('other', T.text))).witness).toEqual({ t: 'other2' });
    expect(decide(cmp(t, '==', lit('a', T.text)), cmp(t, '==', lit('b', T.text))).status).toBe('unsat');
  });

  it('inlines bool lets and folds duration constants', () => {
    expect(decide(letRef('over', T.bool), cmp(x, '<', cny(500))).status).toBe('unsat');
    expect(decide(cmp(constRef('deadline', T.duration), '>', lit({ amount: 2, unit: 'day' }, T.duration))).status).toBe('sat');
    expect(decide(cmp(constRef('deadline', T.duration), '<', lit({ amount: 24, unit: 'hour' }, T.duration))).status).toBe('unsat');
  });
});

describe('conditions outside the fragment', () => {
  it.each([
    [cmp(arith(x, '*', fact('n', T.number), T.money), '>', cny(100)), 'multiplies two facts'],
    [cmp(arith(n, '*', num(2)), '>', m), 'compares a multiple of one fact with another'],
    [cmp(arith(x, '+', y), '>', cny(100)), 'adds two facts'],
    [cmp(arith(arith(x, '+', y), '-', z), '>', cny(0)), 'compares more than two facts'],
    [cmp(arith(x, '/', y, T.number), '>', num(1)), 'divides by a fact'],
    [cmp(arith(x, '*', num(0.5), T.money), '>', cny(1)), 'multiplies money by a fraction, which rounds to the fen'],
    [cmp(t, '==', fact('u', T.text)), 'compares two text facts'],
    [cmp(n, '>', arith(x, '/', cny(1), T.number)), 'compares money with a number'],
  ])('treats %# as opaque: it %s', (condition, reason) => {
    const tr = new Translator(graph);
    const f = tr.condition(condition);
    expect(f.kind === 'lit' && f.atom.kind === 'opaque' && f.atom.reason).toBe(reason);
    const r = decide(condition);
    expect(r.status).toBe('unknown');
    expect(r.cause?.kind === 'opaque' && r.cause.atom.reason).toBe(reason);
  });

  it('still decides what does not hang on the opaque condition', () => {
    const opaque = cmp(arith(x, '*', fact('n', T.number), T.money), '>', cny(100));
    expect(decide(or(opaque, flag), not(flag), cmp(k, '==', member('kind', 'a')), cmp(k, '==', member('kind', 'b'))).status).toBe('unsat');
    expect(decide(or(opaque, flag)).status).toBe('sat');
  });

  it('gives up with unknown when the search exceeds its budget', () => {
    const tr = new Translator(graph);
    const bits = ['x', 'y', 'z'].map((f) => fact(f, T.money));
    // Pigeonhole-style: each of 3 facts below 1 fen but pairwise different.
    const parts = [
      ...bits.map((b) => tr.condition(cmp(b, '<=', cny(0.01)))),
      ...[[0, 1], [0, 2], [1, 2]].map(([i, j]) => tr.condition(cmp(bits[i], '!=', bits[j]))),
    ];
    expect(solve(parts, { intRange: () => [0, MAX_FEN] }).status).toBe('unsat');
    expect(solve(parts, { intRange: () => [0, MAX_FEN], budget: 1 }).status).toBe('unknown');
  });
});
