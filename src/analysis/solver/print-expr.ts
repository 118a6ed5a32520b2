import { clockText, isoDateOfDay } from '../../values/calendar.js';
import type { Branch, Expr, Value, ValueType } from '../../graph/graph.js';
import { exactText, Rat, rat, toDecimal } from '../../values/rational.js';
import { formatPercent } from '../../values/format.js';

/**
 * Writes a resolved expression back in the rule language (`x * y > 100 CNY`), so messages can
 * quote a condition without the source text. Parentheses appear only where precedence needs them.
 */
export function printExpr(expr: Expr): string {
  return print(expr, Prec.None);
}

/** Binding strength, loosest first, as in grammar/sopwright.ebnf. */
const enum Prec { None = 0, Or, And, Not, Compare, Sum, Product, Unary, Atom }

function precOf(e: Expr): Prec {
  switch (e.kind) {
    case 'or': return Prec.Or;
    case 'and': return Prec.And;
    case 'not': return Prec.Not;
    case 'compare': case 'in': case 'between': return Prec.Compare;
    case 'elapsed': case 'shift': return Prec.Sum;
    case 'arith': return e.op === '+' || e.op === '-' ? Prec.Sum : Prec.Product;
    case 'neg': return Prec.Unary;
    default: return Prec.Atom;
  }
}

function print(e: Expr, outer: Prec): string {
  const text = printBare(e);
  return precOf(e) < outer ? `(${text})` : text;
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'fact': case 'const': case 'let': return e.id;
    case 'literal': return e.percent ? formatPercent(e.value as Rat) : printValue(e.value, e.type);
    case 'compare': return `${print(e.left, Prec.Sum)} ${e.op} ${print(e.right, Prec.Sum)}`;
    case 'arith': {
      const p = precOf(e);
      // Left-associative: the right operand of `a - (b - c)` keeps its parentheses.
      return `${print(e.left, p)} ${e.op} ${print(e.right, p + 1)}`;
    }
    case 'neg': return `-${print(e.operand, Prec.Unary)}`;
    case 'minmax': return `${e.fn}(${e.args.map((a) => print(a, Prec.None)).join(', ')})`;
    case 'in': return `${print(e.subject, Prec.Sum)} ${e.negated ? 'not in' : 'in'} {${e.members.join(', ')}}`;
    case 'not': return `not ${print(e.operand, Prec.Not)}`;
    case 'and': case 'or': {
      const p = precOf(e);
      return e.operands.map((o) => print(o, p + 1)).join(` ${e.kind} `);
    }
    case 'date-of': return `${print(e.operand, Prec.Unary)}.date`;
    case 'time-of': return `${print(e.operand, Prec.Unary)}.time`;
    case 'elapsed': return `${print(e.left, Prec.Sum)} - ${print(e.right, Prec.Sum + 1)}`;
    case 'shift': return `${print(e.base, Prec.Sum)} ${e.sign === 1 ? '+' : '-'} ${print(e.by, Prec.Sum + 1)}`;
    case 'between': return `${print(e.subject, Prec.Sum)} between ${print(e.from, Prec.Sum)} and ${print(e.to, Prec.Sum)}`;
  }
}

/** A value as a literal in the rule language: money in yuan with `CNY`, durations with units. */
export function printValue(value: Value, type: ValueType): string {
  if (value instanceof Rat) return exactText(value);
  if (typeof value === 'object') {
    if (value.amount === 0 && value.unit === 'day') return 'same day';
    return `${value.amount} ${value.unit}${value.amount === 1 ? '' : 's'}`;
  }
  if (type.kind === 'money' && typeof value === 'number') return `${formatYuan(value)} CNY`;
  if (type.kind === 'date' && typeof value === 'number') return isoDateOfDay(value);
  if (type.kind === 'time' && typeof value === 'number') return clockText(value);
  if (type.kind === 'text') return JSON.stringify(value);
  return String(value);
}

/** Fen as yuan the way a user types it: `3000` → `30`, `3001` → `30.01`, `3010` → `30.1`. */
export function formatYuan(fen: number | bigint): string {
  return toDecimal(rat(BigInt(fen), 100n));
}

/** Longest condition quoted in full in a message; longer ones are cut with `…`. */
const MAX_QUOTE = 60;

/** A branch as messages quote it: `when x > y` or `otherwise`. */
export function describeBranch(branch: Branch): string {
  if (branch.condition === null) return 'otherwise';
  const text = printExpr(branch.condition);
  return `when ${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text}`;
}
