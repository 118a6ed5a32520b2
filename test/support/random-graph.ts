import fc from 'fast-check';
import type { ArithOp, CompareOp, DecisionGraph, Duration, Expr, Value, ValueType } from '../../src/graph/graph.js';
import { buildGraph, span, types } from '../eval/graph-builder.js';

/**
 * fast-check arbitraries of decision graphs built directly (not from source), reaching every
 * expression kind the evaluator knows: Kleene and/or/not, comparisons of every type, money and
 * duration arithmetic (division by zero included), min/max, `in`, derived values (memoised, with
 * errors), outcome values, `unique` decisions and decisions without `otherwise` (gaps). Graphs are
 * well-typed but unchecked, so they also hold what the checker would refuse. Used by the
 * differential test of the compiled evaluator against the interpreter.
 */

const COLOURS = ['red', 'green', 'blue'];

/** The facts every random graph has, by type. */
export const randomFacts: Readonly<Record<string, ValueType>> = {
  b1: types.bool,
  b2: types.bool,
  m1: types.money,
  m2: types.money,
  s1: types.signedMoney,
  n1: types.number,
  n2: types.number,
  c1: types.enumOf('colour'),
  c2: types.enumOf('colour'),
  t1: types.text,
  d1: types.duration,
};

/** Derived values every random graph has; their expressions are generated (over facts only). */
const LETS: Readonly<Record<string, ValueType>> = { lb: types.bool, lm: types.money, ln: types.number };

const e = <T extends Expr['kind']>(x: Extract<Expr, { kind: T }>): Expr => x;
const fact = (id: string): Expr => e<'fact'>({ kind: 'fact', id, type: randomFacts[id], span });
const letRef = (id: string): Expr => e<'let'>({ kind: 'let', id, type: LETS[id], span });
const lit = (value: Value, type: ValueType): Expr => e<'literal'>({ kind: 'literal', value, type, span });
const BOOL = { kind: 'bool' } as const;
const compare = (op: CompareOp, left: Expr, right: Expr): Expr => e<'compare'>({ kind: 'compare', op, left, right, type: BOOL, span });
const arith = (op: ArithOp, left: Expr, right: Expr, type: ValueType): Expr => e<'arith'>({ kind: 'arith', op, left, right, type, span });

const compareOp = fc.constantFrom<CompareOp>('==', '!=', '<', '<=', '>', '>=');
const duration = fc.record({ amount: fc.constantFrom(0, 1, 2, 24, 0.5), unit: fc.constantFrom<Duration['unit']>('day', 'hour', 'minute') });

interface Exprs {
  bool: Expr;
  money: Expr;
  number: Expr;
  colour: Expr;
  text: Expr;
  duration: Expr;
}

/** Typed expression arbitraries; `withLets` lets them read the derived values. */
function expressions(withLets: boolean): fc.LetrecValue<Exprs> {
  const lets = (type: keyof typeof LETS) => (withLets ? [fc.constant(letRef(type))] : []);
  return fc.letrec<Exprs>((untyped) => {
    const tie = (key: keyof Exprs) => untyped(key) as fc.Arbitrary<Expr>;
    return {
      bool: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('b1', 'b2').map(fact),
        fc.boolean().map((v) => lit(v, types.bool)),
        ...lets('lb'),
        fc.tuple(compareOp, tie('money'), tie('money')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(compareOp, tie('number'), tie('number')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(compareOp, tie('colour'), tie('colour')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(compareOp, tie('text'), tie('text')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(compareOp, tie('duration'), tie('duration')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(compareOp, tie('bool'), tie('bool')).map(([op, l, r]) => compare(op, l, r)),
        fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(tie('bool'), { minLength: 1, maxLength: 3 }))
          .map(([kind, operands]) => ({ kind, operands, type: BOOL, span }) as Expr),
        tie('bool').map((operand) => e<'not'>({ kind: 'not', operand, type: BOOL, span })),
        fc.tuple(tie('colour'), fc.subarray(COLOURS), fc.boolean())
          .map(([subject, members, negated]) => e<'in'>({ kind: 'in', subject, enum: 'colour', members, negated, type: BOOL, span })),
      ),
      money: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('m1', 'm2', 's1').map(fact),
        fc.constantFrom(0, 1, 3000, 50000).map((v) => lit(v, types.money)),
        ...lets('lm'),
        fc.tuple(fc.constantFrom<ArithOp>('+', '-'), tie('money'), tie('money')).map(([op, l, r]) => arith(op, l, r, types.signedMoney)),
        fc.tuple(tie('money'), tie('number')).map(([l, r]) => arith('*', l, r, types.signedMoney)),
        fc.tuple(tie('number'), tie('money')).map(([l, r]) => arith('*', l, r, types.signedMoney)),
        fc.tuple(tie('money'), tie('number')).map(([l, r]) => arith('/', l, r, types.signedMoney)),
        tie('money').map((operand) => e<'neg'>({ kind: 'neg', operand, type: types.signedMoney, span })),
        fc.tuple(fc.constantFrom<'min' | 'max'>('min', 'max'), fc.array(tie('money'), { minLength: 1, maxLength: 3 }))
          .map(([fn, args]) => e<'minmax'>({ kind: 'minmax', fn, args, type: types.money, span })),
      ),
      number: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('n1', 'n2').map(fact),
        fc.constantFrom(0, 1, 2, 0.5, 3).map((v) => lit(v, types.number)),
        ...lets('ln'),
        fc.tuple(fc.constantFrom<ArithOp>('+', '-', '*', '/'), tie('number'), tie('number')).map(([op, l, r]) => arith(op, l, r, types.number)),
        fc.tuple(tie('money'), tie('money')).map(([l, r]) => arith('/', l, r, types.number)),
        fc.tuple(tie('duration'), tie('duration')).map(([l, r]) => arith('/', l, r, types.number)),
        tie('number').map((operand) => e<'neg'>({ kind: 'neg', operand, type: types.number, span })),
        fc.tuple(fc.constantFrom<'min' | 'max'>('min', 'max'), fc.array(tie('number'), { minLength: 1, maxLength: 3 }))
          .map(([fn, args]) => e<'minmax'>({ kind: 'minmax', fn, args, type: types.number, span })),
      ),
      colour: fc.oneof(fc.constantFrom('c1', 'c2').map(fact), fc.constantFrom(...COLOURS).map((v) => lit(v, types.enumOf('colour')))),
      text: fc.oneof(fc.constant(fact('t1')), fc.constantFrom('', 'abc', 'abd').map((v) => lit(v, types.text))),
      duration: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(fact('d1')),
        duration.map((v) => lit(v, types.duration)),
        fc.tuple(fc.constantFrom<ArithOp>('+', '-'), tie('duration'), tie('duration')).map(([op, l, r]) => arith(op, l, r, types.duration)),
        fc.tuple(fc.constantFrom<ArithOp>('*', '/'), tie('duration'), tie('number')).map(([op, l, r]) => arith(op, l, r, types.duration)),
        tie('duration').map((operand) => e<'neg'>({ kind: 'neg', operand, type: types.duration, span })),
        fc.tuple(fc.constantFrom<'min' | 'max'>('min', 'max'), fc.array(tie('duration'), { minLength: 1, maxLength: 3 }))
          .map(([fn, args]) => e<'minmax'>({ kind: 'minmax', fn, args, type: types.duration, span })),
      ),
    };
  });
}

const withLets = expressions(true);
const factsOnly = expressions(false);
const valueExpr = fc.oneof(withLets.money, withLets.number, withLets.bool, withLets.duration, withLets.colour);

/** A random decision graph: 1–4 decisions, each leading only to later ones or to one of three outcomes. */
export const randomGraph: fc.Arbitrary<DecisionGraph> = fc
  .record({
    lets: fc.record({ lb: factsOnly.bool, lm: factsOnly.money, ln: factsOnly.number }),
    decisions: fc.array(
      fc.record({
        unique: fc.boolean(),
        branches: fc.array(fc.tuple(withLets.bool, fc.nat()), { minLength: 1, maxLength: 4 }),
        otherwise: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    outcomes: fc.array(fc.array(valueExpr, { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ lets, decisions, outcomes }) => {
    const target = (from: number, pick: number): string => {
      const later = decisions.length - from - 1;
      const choice = pick % (later + 3);
      return choice < later ? `d${from + 1 + choice}` : `o${choice - later}`;
    };
    return buildGraph({
      facts: randomFacts,
      enums: { colour: COLOURS },
      lets,
      decisions: Object.fromEntries(
        decisions.map((d, i) => [
          `d${i}`,
          {
            hit: d.unique ? 'unique' : 'first',
            branches: [
              ...d.branches.map(([when, pick]) => ({ when, to: target(i, pick) })),
              ...(d.otherwise === undefined ? [] : [{ when: null, to: target(i, d.otherwise) }]),
            ],
          },
        ]),
      ),
      outcomes: Object.fromEntries(outcomes.map((values, i) => [`o${i}`, Object.fromEntries(values.map((v, j) => [`v${j}`, v]))])),
    });
  });

/** A random case for the random graphs: each fact absent or one of a few values (equal values likely). */
export const randomCase: fc.Arbitrary<Record<string, Value>> = fc
  .record(
    {
      b1: fc.boolean(),
      b2: fc.boolean(),
      m1: fc.constantFrom(0, 1, 3000, 3001, 50000),
      m2: fc.constantFrom(0, 3000, 2999),
      s1: fc.constantFrom(-100, 0, 100),
      n1: fc.constantFrom(0, 1, 2, 0.5, -1),
      n2: fc.constantFrom(0, 2, 0.1),
      c1: fc.constantFrom(...COLOURS),
      c2: fc.constantFrom(...COLOURS),
      t1: fc.constantFrom('', 'abc', 'abd'),
      d1: duration,
    },
    { requiredKeys: [] },
  )
  .map((r) => r as Record<string, Value>);
