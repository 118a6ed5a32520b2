import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { and, arith, buildGraph, cmp, fact, letRef, lit, minOf, not, or, types } from './graph-builder.js';

const a = fact('a');
const b = fact('b');
const c = fact('c');

/** One decision `d` with the given branches; outcomes `yes` and `no`. */
function oneDecision(branches: { when: ReturnType<typeof fact> | null; to: string }[], hit: 'first' | 'unique' = 'first') {
  return buildGraph({ facts: { a: types.bool, b: types.bool, c: types.bool }, decisions: { d: { hit, branches } }, outcomes: { yes: {}, no: {} } });
}

describe('three-valued conditions', () => {
  const g = oneDecision([{ when: and(a, b), to: 'yes' }, { when: null, to: 'no' }]);

  it('treats `a and b` as false when b is false, even with a unknown', () => {
    const r = evaluate(g, new Map([['b', false]]));
    expect(r.status).toBe('decided');
    expect(r.outcome?.id).toBe('no');
    expect(r.path).toEqual([{ decision: 'd', branch: 'd.otherwise', facts: [{ id: 'b', value: false }] }]);
  });

  it('never treats a missing fact as false: `a and b` with b true and a missing is undecided', () => {
    const r = evaluate(g, new Map([['b', true]]));
    expect(r).toMatchObject({ status: 'undecided', outcome: null, needs: ['a'], path: [] });
  });

  it('asks for the missing facts in order of first appearance', () => {
    expect(evaluate(g, new Map()).needs).toEqual(['a', 'b']);
  });

  it('treats `a or b` as true when b is true, even with a unknown', () => {
    const h = oneDecision([{ when: or(a, b), to: 'yes' }, { when: null, to: 'no' }]);
    expect(evaluate(h, { b: true }).outcome?.id).toBe('yes');
    expect(evaluate(h, { b: false }).needs).toEqual(['a']);
  });

  it('leaves out facts that cannot change the answer: `(a and b) or c` with b false asks only c', () => {
    const h = oneDecision([{ when: or(and(a, b), c), to: 'yes' }, { when: null, to: 'no' }]);
    expect(evaluate(h, { b: false }).needs).toEqual(['c']);
  });

  it('keeps `not` unknown when its operand is', () => {
    const h = oneDecision([{ when: not(a), to: 'yes' }, { when: null, to: 'no' }]);
    expect(evaluate(h, {}).needs).toEqual(['a']);
    expect(evaluate(h, { a: false }).outcome?.id).toBe('yes');
  });

  it('reads facts lazily: a later branch is not evaluated once an earlier one is taken', () => {
    const h = oneDecision([{ when: a, to: 'yes' }, { when: b, to: 'no' }]);
    const r = evaluate(h, { a: true, b: true });
    expect(r.path[0].facts).toEqual([{ id: 'a', value: true }]);
  });

  it('records the facts of the earlier false branches with the branch taken', () => {
    const h = oneDecision([{ when: a, to: 'yes' }, { when: b, to: 'no' }]);
    expect(evaluate(h, { a: false, b: true }).path[0]).toEqual({
      decision: 'd', branch: 'd.2', facts: [{ id: 'a', value: false }, { id: 'b', value: true }],
    });
  });

  it('stops at an unknown branch of a `first` decision even if a later one would hold', () => {
    const h = oneDecision([{ when: a, to: 'yes' }, { when: b, to: 'no' }]);
    expect(evaluate(h, { b: true })).toMatchObject({ status: 'undecided', needs: ['a'] });
  });

  it('ignores a `null` fact in a plain object as missing', () => {
    const h = oneDecision([{ when: a, to: 'yes' }, { when: null, to: 'no' }]);
    expect(evaluate(h, { a: null } as never).needs).toEqual(['a']);
  });

  it('does not read inherited properties as facts', () => {
    const h = buildGraph({ facts: { constructor: types.bool }, decisions: { d: { branches: [{ when: fact('constructor'), to: 'yes' }, { when: null, to: 'no' }] } }, outcomes: { yes: {}, no: {} } });
    expect(evaluate(h, {}).needs).toEqual(['constructor']);
  });
});

describe('unique decisions', () => {
  it('takes the branch that holds even when an earlier one is unknown', () => {
    const g = oneDecision([{ when: a, to: 'yes' }, { when: b, to: 'no' }], 'unique');
    expect(evaluate(g, { b: true })).toMatchObject({ status: 'decided', outcome: { id: 'no' } });
  });

  it('asks for the facts of every unknown branch when none holds', () => {
    const g = oneDecision([{ when: a, to: 'yes' }, { when: b, to: 'no' }, { when: c, to: 'no' }], 'unique');
    expect(evaluate(g, { b: false }).needs).toEqual(['a', 'c']);
  });

  it('reports a gap when no branch holds and there is no otherwise', () => {
    const g = oneDecision([{ when: a, to: 'yes' }], 'unique');
    const r = evaluate(g, { a: false });
    expect(r.status).toBe('error');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['graph/gap']);
  });
});

describe('derived values and outcome values', () => {
  const v = fact('v', types.money);
  const n = fact('n', types.number);
  const g = buildGraph({
    facts: { v: types.money, n: types.number, p: types.money, s: types.money },
    lets: { cheap: cmp('<=', v, lit(3000, types.money)), each: arith('/', v, n, types.signedMoney) },
    decisions: {
      d: { branches: [{ when: and(letRef('cheap'), letRef('cheap')), to: 'small' }, { when: null, to: 'big' }] },
    },
    outcomes: {
      small: { cap: minOf(fact('p', types.money), fact('s', types.money)), each: letRef('each', types.signedMoney) },
      big: {},
    },
  });

  it('counts the facts a `let` reads as read by the condition that uses it', () => {
    const r = evaluate(g, { v: 3000, n: 2, p: 500, s: 700 });
    expect(r.path[0].facts).toEqual([{ id: 'v', value: 3000 }]);
  });

  it('computes outcome values, money exact to the fen', () => {
    const r = evaluate(g, { v: 1000, n: 3, p: 500, s: 700 });
    expect(r.outcome?.values).toEqual({ cap: 500, each: 333 });
  });

  it('keeps the outcome and lists the facts a value still needs', () => {
    const r = evaluate(g, { v: 1000, n: 3, p: 500 });
    expect(r).toMatchObject({ status: 'undecided', outcome: { id: 'small', values: { cap: null, each: 333 } }, needs: ['s'] });
  });

  it('reports division by zero as a diagnostic, not a crash', () => {
    const r = evaluate(g, { v: 1000, n: 0, p: 1, s: 2 });
    expect(r.status).toBe('error');
    expect(r.outcome?.values.each).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['eval/division-by-zero']);
  });

  it('reports division by zero even before the dividend is known', () => {
    const h = buildGraph({
      facts: { v: types.money, n: types.number },
      decisions: { d: { branches: [{ when: cmp('>', arith('/', v, n, types.signedMoney), lit(0, types.money)), to: 'x' }, { when: null, to: 'x' }] } },
      outcomes: { x: {} },
    });
    expect(evaluate(h, { n: 0 }).diagnostics.map((d) => d.code)).toEqual(['eval/division-by-zero']);
    expect(evaluate(h, { n: 2 }).needs).toEqual(['v']);
  });

  it('writes the division-by-zero message in the requested locale', () => {
    const r = evaluate(g, { v: 1000, n: 0, p: 1, s: 2 }, { locale: 'zh-CN' });
    expect(r.diagnostics[0].message).toMatch(/除以零/);
  });
});

describe('trace', () => {
  const g = oneDecision([{ when: a, to: 'yes' }, { when: and(b, c), to: 'no' }, { when: null, to: 'no' }]);

  it('is absent unless asked for', () => {
    expect(evaluate(g, { a: false, b: false }).trace).toBeUndefined();
  });

  it('records every condition tried, with its result and facts', () => {
    const r = evaluate(g, { a: false, c: false }, { trace: true });
    expect(r.trace?.decisions).toEqual([
      {
        decision: 'd',
        taken: 'd.otherwise',
        branches: [
          { branch: 'd.1', result: false, facts: [{ id: 'a', value: false }], needs: [] },
          { branch: 'd.2', result: false, facts: [{ id: 'c', value: false }], needs: [] },
        ],
      },
    ]);
  });

  it('gives the same outcome, values, needs and path with and without a trace', () => {
    const inputs: Record<string, boolean>[] = [{}, { a: true }, { a: false }, { a: false, b: true }, { a: false, b: true, c: true }];
    for (const input of inputs) {
      const { trace, ...plain } = evaluate(g, input, { trace: true });
      expect(trace).toBeDefined();
      expect(plain).toEqual(evaluate(g, input));
    }
  });
});
