import type { CstNode, IToken } from 'chevrotain';
import type { Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { LowerBase, type Children } from './lower-base.js';
import { checkNumber, readUnit } from './numbers.js';

/**
 * Lowering of expressions, loosest binding first as in the grammar: `or`, `and`, `not`,
 * comparisons and `in`, sums, products, unary minus, atoms. Number literals and their units are
 * checked here (`3 dayz`, money with three decimals), and durations are literals too.
 */
export abstract class ExpressionLowering extends LowerBase {
  expr(children: cst.ExprCstChildren): ast.ExprNode | null {
    return this.lower(children.orExpr[0]);
  }

  orExpr(children: cst.OrExprCstChildren): ast.ExprNode | null {
    return this.junction('or', children.andExpr, children);
  }

  andExpr(children: cst.AndExprCstChildren): ast.ExprNode | null {
    return this.junction('and', children.notExpr, children);
  }

  private junction(kind: 'and' | 'or', nodes: CstNode[], children: Children): ast.ExprNode | null {
    if (nodes.length === 1) return this.lower(nodes[0]);
    const operands = nodes.map((node) => this.lower<ast.ExprNode>(node));
    if (operands.some((operand) => !operand)) return null;
    return { kind, operands: operands as ast.ExprNode[], span: this.span(children) };
  }

  notExpr(children: cst.NotExprCstChildren): ast.ExprNode | null {
    if (!children.Not) return this.lower(children.comparison?.[0]);
    const operand = this.lower<ast.ExprNode>(children.notExpr?.[0]);
    return operand && { kind: 'not', operand, span: this.span(children) };
  }

  comparison(children: cst.ComparisonCstChildren): ast.ExprNode | null {
    const left = this.lower<ast.ExprNode>(children.sum[0]);
    if (!left) return null;
    if (children.compareOp) {
      const op = this.lower<ast.CompareOp>(children.compareOp[0]);
      const right = this.lower<ast.ExprNode>(children.sum[1]);
      return op && right && { kind: 'compare', op, left, right, span: this.span(children) };
    }
    if (children.In) {
      const members = (children.Identifier ?? []).map((_, i) => this.name(children.Identifier, i));
      if (members.length === 0 || members.some((member) => !member)) return null;
      return { kind: 'in', subject: left, members: members as ast.Name[], negated: Boolean(children.Not), span: this.span(children) };
    }
    return left;
  }

  compareOp(children: cst.CompareOpCstChildren): ast.CompareOp | null {
    return (this.token(children.ComparisonOperator)?.image as ast.CompareOp | undefined) ?? null;
  }

  sum(children: cst.SumCstChildren): ast.ExprNode | null {
    return this.leftFold(children.product, children.AdditiveOperator);
  }

  product(children: cst.ProductCstChildren): ast.ExprNode | null {
    return this.leftFold(children.unary, children.MultiplicativeOperator);
  }

  /** `a - b - c` is `(a - b) - c`. */
  private leftFold(nodes: CstNode[], operators: IToken[] | undefined): ast.ExprNode | null {
    let left = this.lower<ast.ExprNode>(nodes[0]);
    for (let i = 1; i < nodes.length && left; i++) {
      const op = this.token(operators, i - 1)?.image as ast.ArithOp | undefined;
      const right = this.lower<ast.ExprNode>(nodes[i]);
      left = op && right ? { kind: 'arith', op, left, right, span: { ...left.span, end: right.span.end } } : null;
    }
    return left;
  }

  unary(children: cst.UnaryCstChildren): ast.ExprNode | null {
    if (!children.Minus) return this.lower(children.atom?.[0]);
    const operand = this.lower<ast.ExprNode>(children.unary?.[0]);
    return operand && { kind: 'neg', operand, span: this.span(children) };
  }

  atom(children: cst.AtomCstChildren): ast.ExprNode | null {
    const span = this.span(children);
    if (children.Yuan) return this.yuan(children.NumberLiteral, span);
    if (children.NumberLiteral) return this.numberWithUnit(children.NumberLiteral, children.Identifier, span);
    if (children.SameDay) return { kind: 'same-day', span };
    if (children.True || children.False) return { kind: 'bool', value: Boolean(children.True), span };
    const string = this.token(children.StringLiteral);
    if (children.StringLiteral) return string ? { kind: 'string', value: this.stringValue(string), span } : null;
    if (children.Min || children.Max) {
      const args = (children.expr ?? []).map((node) => this.lower<ast.ExprNode>(node));
      if (args.length === 0 || args.some((arg) => !arg)) return null;
      return { kind: 'call', fn: children.Min ? 'min' : 'max', args: args as ast.ExprNode[], span };
    }
    if (children.LParen) {
      const inner = this.lower<ast.ExprNode>(children.expr?.[0]);
      return inner && { kind: 'paren', inner, span };
    }
    const name = this.name(children.Identifier, 0);
    const member = children.Dot ? this.name(children.Identifier, 1) : null;
    if (!name || (children.Dot && !member)) return null;
    return { kind: 'ref', name, member, span };
  }

  /** A deadline's duration literal: `3 days` or `same day`. */
  duration(children: cst.DurationCstChildren): ast.ExprNode | null {
    const span = this.span(children);
    if (children.SameDay) return { kind: 'same-day', span };
    return this.numberWithUnit(children.NumberLiteral, children.Identifier, span);
  }

  private yuan(numbers: IToken[] | undefined, span: Span): ast.ExprNode | null {
    const number = this.token(numbers);
    if (!number) return null;
    checkNumber(number.image, true, this.tokenSpan(number), this.diagnostics);
    return { kind: 'yuan', text: number.image, span };
  }

  private numberWithUnit(numbers: IToken[] | undefined, units: IToken[] | undefined, span: Span): ast.ExprNode | null {
    const number = this.token(numbers);
    if (!number || (units && !this.token(units))) return null;
    const written = this.name(units);
    const unit = written && readUnit(written, this.diagnostics);
    checkNumber(number.image, unit?.text === 'CNY', span, this.diagnostics);
    return { kind: 'number', text: number.image, unit, span };
  }
}
