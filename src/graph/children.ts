import type { DueRule, Expr } from './graph.js';

/** What a leaf has inside: one shared empty list, as walks over a large policy visit many leaves. */
const NONE: readonly Expr[] = [];

/** The expressions directly inside an expression, left to right (do not modify the list). */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'compare':
    case 'arith':
    case 'elapsed':
      return [e.left, e.right];
    case 'shift':
      return [e.base, e.by];
    case 'neg':
    case 'not':
    case 'date-of':
    case 'time-of':
      return [e.operand];
    case 'minmax':
      return e.args;
    case 'and':
    case 'or':
      return e.operands;
    case 'in':
      return [e.subject];
    case 'between':
      return [e.subject, e.from, e.to];
    case 'fact':
    case 'const':
    case 'let':
    case 'literal':
      return NONE;
  }
}

/** The expressions of a due rule: the moment it counts from (when not `now`), and its amount, clock time or moment. */
export function dueExprs(rule: DueRule): readonly Expr[] {
  switch (rule.kind) {
    case 'after': return rule.from ? [rule.amount, rule.from] : [rule.amount];
    case 'at': return rule.from ? [rule.clock, rule.from] : [rule.clock];
    case 'end-of-day': return rule.from ? [rule.from] : [];
    case 'moment': return [rule.moment];
  }
}
