import type { CstNode, IToken } from 'chevrotain';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { LowerBase } from './lower-base.js';

/**
 * Lowering of expressions, loosest binding first as in the grammar: `or`, `and`, `not`,
 * comparisons and `in`, sums, products, unary minus, atoms. The nodes themselves, and the checks
 * of number literals and their units (`3 dayz`, money with three decimals), are made by
 * expr-nodes.ts, which the item reader shares; this layer only reads a Chevrotain CST.
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
    return this.nodes.junction(kind, operands as ast.ExprNode[]);
  }

  notExpr(children: cst.NotExprCstChildren): ast.ExprNode | null {
    if (!children.Not) return this.lower(children.comparison?.[0]);
    const operand = this.lower<ast.ExprNode>(children.notExpr?.[0]);
    return operand && this.nodes.not(operand, this.span(children));
  }

  comparison(children: cst.ComparisonCstChildren): ast.ExprNode | null {
    const left = this.lower<ast.ExprNode>(children.sum[0]);
    if (!left) return null;
    if (children.compareOp) {
      const op = this.lower<ast.CompareOp>(children.compareOp[0]);
      const right = this.lower<ast.ExprNode>(children.sum[1]);
      return op && right && this.nodes.compare(op, left, right);
    }
    if (children.Between) {
      const [from, to] = [this.lower<ast.ExprNode>(children.sum[1]), this.lower<ast.ExprNode>(children.sum[2])];
      return from && to && this.nodes.between(left, from, to);
    }
    if (children.In) {
      const members: ast.SetMember[] = [];
      for (const node of children.setMember ?? []) {
        const member = this.lower<ast.SetMember>(node);
        if (!member) return null;
        members.push(member);
      }
      if (members.length === 0) return null;
      return this.nodes.in(left, members, Boolean(children.Not), this.span(children));
    }
    return left;
  }

  setMember(children: cst.SetMemberCstChildren): ast.SetMember | null {
    const first = this.name(children.Identifier, 0);
    if (!first) return null;
    if (!children.Dot) return this.nodes.setMember(first, null);
    const member = this.name(children.Identifier, 1);
    return member && this.nodes.setMember(first, member);
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

  private leftFold(nodes: CstNode[], operators: IToken[] | undefined): ast.ExprNode | null {
    let left = this.lower<ast.ExprNode>(nodes[0]);
    for (let i = 1; i < nodes.length && left; i++) {
      const op = this.token(operators, i - 1)?.image as ast.ArithOp | undefined;
      const right = this.lower<ast.ExprNode>(nodes[i]);
      left = op && right ? this.nodes.arith(op, left, right) : null;
    }
    return left;
  }

  unary(children: cst.UnaryCstChildren): ast.ExprNode | null {
    if (!children.Minus) return this.lower(children.atom?.[0]);
    const operand = this.lower<ast.ExprNode>(children.unary?.[0]);
    return operand && this.nodes.neg(operand, this.span(children));
  }

  // Atoms are the most numerous nodes: the common ones take their span from the tokens they hold
  // (all real: the node is dropped otherwise) rather than from a walk over their children.
  atom(children: cst.AtomCstChildren): ast.ExprNode | null {
    if (children.Yuan) {
      const number = this.token(children.NumberLiteral);
      return number ? this.nodes.yuan(children.Yuan[0], number) : null;
    }
    if (children.Percent) {
      const number = this.token(children.NumberLiteral);
      return number ? this.nodes.percent(number, children.Percent[0]) : null;
    }
    if (children.NumberLiteral) {
      const number = this.token(children.NumberLiteral);
      const unit = children.Identifier && this.token(children.Identifier);
      return number && (!children.Identifier || unit) ? this.nodes.numberWithUnit(number, unit) : null;
    }
    if (children.SameDay) return this.nodes.sameDay(children.SameDay[0]);
    if (children.DateLiteral) return this.nodes.dateOrTime('date', children.DateLiteral[0]);
    if (children.TimeLiteral) return this.nodes.dateOrTime('time', children.TimeLiteral[0]);
    if (children.True) return this.nodes.bool(true, children.True[0]);
    if (children.False) return this.nodes.bool(false, children.False[0]);
    const string = this.token(children.StringLiteral);
    if (children.StringLiteral) return string ? this.nodes.string(string) : null;
    if (children.Min || children.Max) {
      const args = (children.expr ?? []).map((node) => this.lower<ast.ExprNode>(node));
      if (args.length === 0 || args.some((arg) => !arg)) return null;
      return this.nodes.call(children.Min ? 'min' : 'max', args as ast.ExprNode[], this.span(children));
    }
    if (children.LParen) {
      const inner = this.lower<ast.ExprNode>(children.expr?.[0]);
      return inner && this.nodes.paren(inner, this.span(children));
    }
    const name = this.name(children.Identifier, 0);
    const member = children.Dot ? this.name(children.Identifier, 1) : null;
    if (!name || (children.Dot && !member)) return null;
    return this.nodes.ref(name, member);
  }
}
