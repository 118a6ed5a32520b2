import type { CstNode, IToken } from 'chevrotain';
import { joinSpans } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { LowerBase } from './lower-base.js';
import { checkDateOrTime, checkNumber, readUnit } from './numbers.js';

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
    return this.junction('or', children.andExpr);
  }

  andExpr(children: cst.AndExprCstChildren): ast.ExprNode | null {
    return this.junction('and', children.notExpr);
  }

  private junction(kind: 'and' | 'or', nodes: CstNode[]): ast.ExprNode | null {
    if (nodes.length === 1) return this.lower(nodes[0]);
    const operands = nodes.map((node) => this.lower<ast.ExprNode>(node));
    if (operands.some((operand) => !operand)) return null;
    const span = joinSpans(operands[0]!.span, operands[operands.length - 1]!.span);
    return { kind, operands: operands as ast.ExprNode[], span };
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
      return op && right && { kind: 'compare', op, left, right, span: joinSpans(left.span, right.span) };
    }
    if (children.Between) {
      const [from, to] = [this.lower<ast.ExprNode>(children.sum[1]), this.lower<ast.ExprNode>(children.sum[2])];
      return from && to && { kind: 'between', subject: left, from, to, span: joinSpans(left.span, to.span) };
    }
    if (children.In) {
      const members: ast.SetMember[] = [];
      for (const node of children.setMember ?? []) {
        const member = this.lower<ast.SetMember>(node);
        if (!member) return null;
        members.push(member);
      }
      if (members.length === 0) return null;
      return { kind: 'in', subject: left, members, negated: Boolean(children.Not), span: this.span(children) };
    }
    return left;
  }

  /** `minor` is the member `minor`; `damage_level.minor` also names its enum, which must be the subject's. */
  setMember(children: cst.SetMemberCstChildren): ast.SetMember | null {
    const first = this.name(children.Identifier, 0);
    if (!first) return null;
    if (!children.Dot) return { ...first, enum: null };
    const member = this.name(children.Identifier, 1);
    return member && { ...member, enum: first };
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

  // Atoms are the most numerous nodes: the common ones take their span from the tokens they hold
  // (all real: the node is dropped otherwise) rather than from a walk over their children.
  atom(children: cst.AtomCstChildren): ast.ExprNode | null {
    if (children.Yuan) return this.yuan(children.Yuan[0], children.NumberLiteral);
    if (children.Percent) return this.percent(children.NumberLiteral, children.Percent[0]);
    if (children.NumberLiteral) return this.numberWithUnit(children.NumberLiteral, children.Identifier);
    if (children.SameDay) return { kind: 'same-day', span: this.tokenSpan(children.SameDay[0]) };
    if (children.DateLiteral) return this.dateOrTime('date', children.DateLiteral[0]);
    if (children.TimeLiteral) return this.dateOrTime('time', children.TimeLiteral[0]);
    if (children.True) return { kind: 'bool', value: true, span: this.tokenSpan(children.True[0]) };
    if (children.False) return { kind: 'bool', value: false, span: this.tokenSpan(children.False[0]) };
    const string = this.token(children.StringLiteral);
    if (children.StringLiteral) return string ? { kind: 'string', value: this.stringValue(string), span: this.tokenSpan(string) } : null;
    if (children.Min || children.Max) {
      const args = (children.expr ?? []).map((node) => this.lower<ast.ExprNode>(node));
      if (args.length === 0 || args.some((arg) => !arg)) return null;
      return { kind: 'call', fn: children.Min ? 'min' : 'max', args: args as ast.ExprNode[], span: this.span(children) };
    }
    if (children.LParen) {
      const inner = this.lower<ast.ExprNode>(children.expr?.[0]);
      return inner && { kind: 'paren', inner, span: this.span(children) };
    }
    const name = this.name(children.Identifier, 0);
    const member = children.Dot ? this.name(children.Identifier, 1) : null;
    if (!name || (children.Dot && !member)) return null;
    return { kind: 'ref', name, member, span: member ? joinSpans(name.span, member.span) : name.span };
  }

  /** A date or clock time literal; one that does not exist (2026-02-30, 24:00) is reported. */
  private dateOrTime(kind: 'date' | 'time', token: IToken): ast.ExprNode {
    const span = this.tokenSpan(token);
    checkDateOrTime(kind, token.image, span, this.diagnostics);
    return { kind, text: token.image, span };
  }

  private yuan(sign: IToken, numbers: IToken[] | undefined): ast.ExprNode | null {
    const number = this.token(numbers);
    if (!number) return null;
    const span = this.tokenSpan(number);
    checkNumber(number.image, true, span, this.diagnostics);
    return { kind: 'yuan', text: number.image, span: joinSpans(this.tokenSpan(sign), span) };
  }

  /** `30%`: the number 30/100, kept as written so the handbook can print it so. */
  private percent(numbers: IToken[] | undefined, sign: IToken): ast.ExprNode | null {
    const number = this.token(numbers);
    if (!number) return null;
    const span = joinSpans(this.tokenSpan(number), this.tokenSpan(sign));
    checkNumber(number.image, false, span, this.diagnostics);
    return { kind: 'number', text: number.image, unit: null, percent: true, span };
  }

  private numberWithUnit(numbers: IToken[] | undefined, units: IToken[] | undefined): ast.ExprNode | null {
    const number = this.token(numbers);
    if (!number || (units && !this.token(units))) return null;
    const written = this.name(units);
    const unit = written && readUnit(written, this.diagnostics);
    const span = written ? joinSpans(this.tokenSpan(number), written.span) : this.tokenSpan(number);
    checkNumber(number.image, unit?.text === 'CNY', span, this.diagnostics);
    return { kind: 'number', text: number.image, unit, span };
  }
}
