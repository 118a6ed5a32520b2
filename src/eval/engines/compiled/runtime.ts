import type { ArithOp, Value, ValueType } from '../../../graph/graph.js';
import { arith, compareValues, isZero, minutesOf, negate } from '../../values.js';
import { dateOf, elapsed, inWindow, shiftTime, timeOf } from '../../../values/time-ops.js';
import { endOfDay, nextClock } from '../../../values/zone.js';
import { secondsOf } from '../../../values/duration.js';

/**
 * What generated evaluator code calls at run time. Generated code represents a known value as the
 * plain run-time value, an unknown one as an `Unknown` carrying the facts that would decide it,
 * and an error as a thrown `Stop` (errors stop evaluation at once, exactly like exceptions do).
 * The arithmetic itself is the interpreter's (values.ts), so both agree to the fen.
 */

/** An unknown result and the missing facts that could decide it, in the order to ask them. */
export class Unknown {
  constructor(readonly needs: readonly string[]) {}
}

/**
 * Why evaluation stopped: a division whose divisor is zero or a result outside the range (`site`
 * is the arithmetic expression's index), or a decision no branch matched (`site` is the
 * decision's index). Preallocated per site and thrown without a stack: it is control flow, not a bug.
 */
export class Stop {
  constructor(readonly kind: 'division' | 'range' | 'gap', readonly site: number) {}
}

/** `a` then the facts of `b` not already in it; one of them may be undefined, never both. */
export function mergeUnknown(a: Unknown | undefined, b: Unknown | undefined): Unknown {
  if (a === undefined) return b as Unknown;
  if (b === undefined) return a;
  const out = [...a.needs];
  for (const id of b.needs) if (!out.includes(id)) out.push(id);
  return new Unknown(out);
}

/** The merged unknowns of two operands, at least one of which is unknown. */
export function unknownOfTwo(a: unknown, b: unknown): Unknown {
  return mergeUnknown(a instanceof Unknown ? a : undefined, b instanceof Unknown ? b : undefined);
}

/** The merged unknowns among values, in order (at least one of them is unknown). */
export function unknownOf(values: readonly unknown[]): Unknown {
  let u: Unknown | undefined;
  for (const v of values) if (v instanceof Unknown) u = mergeUnknown(u, v);
  return u as Unknown;
}

/**
 * Arithmetic the generator does not inline (numbers, money × and ÷ a number, durations): the
 * interpreter's own function; a result out of range throws `range` (that site's Stop).
 */
export function arithSlow(op: ArithOp, left: Value, leftType: ValueType, right: Value, rightType: ValueType, type: ValueType, range: Stop): Value {
  const r = arith(op, left, leftType, right, rightType, type);
  if ('value' in r) return r.value;
  if ('outOfRange' in r) throw range;
  throw new Error('internal error: a division by zero reached arithSlow');
}

/** The helpers generated code receives, by name. */
export const runtime = {
  Unknown, Stop, mergeUnknown, unknownOfTwo, unknownOf, arithSlow, compareValues, minutesOf, negate, isZero,
  dateOf, timeOf, shiftTime, elapsed, inWindow, nextClock, endOfDay, secondsOf,
  /** The memo slot of a derived value not computed yet in this evaluation. */
  NOT_YET: Symbol('not computed yet'),
};

export type Runtime = typeof runtime;
