import { msg, type MessageRef } from '../diagnostics/message.js';
import { isDuration, type Expr, type Value, type ValueType } from '../graph/graph.js';
import { neg, Rat } from '../values/rational.js';

/** The typing rules of operators: which types combine, and what they give. */

/** Narrows away the null of an expression that failed to type. */
export function isExpr(e: Expr | null): e is Expr {
  return e !== null;
}

/** Money, numbers and durations: the types that order and add up. */
export function isQuantity(type: ValueType): boolean {
  return type.kind === 'money' || type.kind === 'number' || type.kind === 'duration';
}

/** The result type of `left op right`, or null when the operation means nothing for these types. */
export function arithmeticType(op: string, left: ValueType, right: ValueType): ValueType | null {
  const k = `${left.kind} ${op} ${right.kind}`;
  switch (k) {
    case 'money + money':
      return { kind: 'money', signed: (left.kind === 'money' && left.signed) || (right.kind === 'money' && right.signed) };
    case 'money - money':
    case 'money * number':
    case 'number * money':
    case 'money / number':
      return { kind: 'money', signed: true };
    case 'money / money':
    case 'number + number':
    case 'number - number':
    case 'number * number':
    case 'number / number':
    case 'duration / duration':
      return { kind: 'number' };
    case 'duration + duration':
    case 'duration - duration':
    case 'duration * number':
    case 'number * duration':
    case 'duration / number':
      return { kind: 'duration' };
    default:
      return null;
  }
}

/** Why an operation on these types means nothing, when there is something useful to say. */
export function arithmeticHelp(left: ValueType, right: ValueType): MessageRef | undefined {
  if (left.kind === 'enum' || right.kind === 'enum') return msg('type.enum-arithmetic.help');
  if (left.kind === 'bool' || right.kind === 'bool') return msg('type.bool-arithmetic.help');
  if ((left.kind === 'money' && right.kind === 'duration') || (left.kind === 'duration' && right.kind === 'money'))
    return msg('type.duration-as-money.help');
  return undefined;
}

/** The literal value of a constant-like expression (`500 CNY`, `-3`, `same day`), or undefined. */
export function literalValue(expr: Expr): Value | undefined {
  if (expr.kind === 'literal') return expr.value;
  if (expr.kind === 'neg' && expr.operand.kind === 'literal') {
    const v = expr.operand.value;
    if (typeof v === 'number') return v === 0 ? 0 : -v;
    if (v instanceof Rat) return neg(v);
    if (isDuration(v)) return { amount: -v.amount, unit: v.unit };
  }
  return undefined;
}

/** The bare number literal of a money or duration operation (`item_value + 10`), if that is the mistake. */
export function bareNumberAgainstMoney(left: Expr, right: Expr): Expr | undefined {
  const isBare = (e: Expr) => e.kind === 'literal' && e.type.kind === 'number';
  const needsUnit = (t: ValueType) => t.kind === 'money' || t.kind === 'duration';
  if (isBare(right) && needsUnit(left.type)) return right;
  if (isBare(left) && needsUnit(right.type)) return left;
  return undefined;
}

