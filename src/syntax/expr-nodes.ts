import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import { joinSpans, type SourceFile, type Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import { readString } from './literals.js';
import { checkDateOrTime, checkNumber, readUnit } from './numbers.js';

/**
 * Builds the AST nodes of expressions (and names and strings) from their tokens and operands: the
 * one place their shape, spans and literal checks (`3 dayz`, money with three decimals, a date that
 * does not exist, a bad escape) are written. Both readers of expressions call it: lowering of a
 * Chevrotain CST (lower-expressions.ts) and the item reader, which builds expressions without a
 * CST (item-reader.ts). Problems go to `diagnostics`, in the order the builders are called.
 */
export class ExprNodes {
  constructor(
    readonly source: SourceFile,
    readonly diagnostics: Diagnostic[],
  ) {}

  tokenSpan(token: IToken): Span {
    return { file: this.source.path, start: token.startOffset, end: token.startOffset + token.image.length };
  }

  name(token: IToken): ast.Name {
    return { text: token.image, span: this.tokenSpan(token) };
  }

  stringValue(token: IToken): string {
    const { value, badEscapes } = readString(token);
    for (const bad of badEscapes) this.diagnostics.push(badEscape({ file: this.source.path, ...bad }, this.source));
    return value;
  }

  junction(kind: 'and' | 'or', operands: ast.ExprNode[]): ast.ExprNode {
    return { kind, operands, span: joinSpans(operands[0].span, operands[operands.length - 1].span) };
  }

  not(operand: ast.ExprNode, span: Span): ast.ExprNode {
    return { kind: 'not', operand, span };
  }

  compare(op: ast.CompareOp, left: ast.ExprNode, right: ast.ExprNode): ast.ExprNode {
    return { kind: 'compare', op, left, right, span: joinSpans(left.span, right.span) };
  }

  between(subject: ast.ExprNode, from: ast.ExprNode, to: ast.ExprNode): ast.ExprNode {
    return { kind: 'between', subject, from, to, span: joinSpans(subject.span, to.span) };
  }

  in(subject: ast.ExprNode, members: ast.SetMember[], negated: boolean, span: Span): ast.ExprNode {
    return { kind: 'in', subject, members, negated, span };
  }

  /** `minor` is the member `minor`; `damage_level.minor` also names its enum, which must be the subject's. */
  setMember(first: ast.Name, member: ast.Name | null): ast.SetMember {
    return member ? { ...member, enum: first } : { ...first, enum: null };
  }

  /** `a - b - c` is `(a - b) - c`: called left to right. */
  arith(op: ast.ArithOp, left: ast.ExprNode, right: ast.ExprNode): ast.ExprNode {
    return { kind: 'arith', op, left, right, span: { ...left.span, end: right.span.end } };
  }

  neg(operand: ast.ExprNode, span: Span): ast.ExprNode {
    return { kind: 'neg', operand, span };
  }

  sameDay(token: IToken): ast.ExprNode {
    return { kind: 'same-day', span: this.tokenSpan(token) };
  }

  bool(value: boolean, token: IToken): ast.ExprNode {
    return { kind: 'bool', value, span: this.tokenSpan(token) };
  }

  string(token: IToken): ast.ExprNode {
    return { kind: 'string', value: this.stringValue(token), span: this.tokenSpan(token) };
  }

  call(fn: 'min' | 'max', args: ast.ExprNode[], span: Span): ast.ExprNode {
    return { kind: 'call', fn, args, span };
  }

  paren(inner: ast.ExprNode, span: Span): ast.ExprNode {
    return { kind: 'paren', inner, span };
  }

  ref(name: ast.Name, member: ast.Name | null): ast.ExprNode {
    return { kind: 'ref', name, member, span: member ? joinSpans(name.span, member.span) : name.span };
  }

  /** A date or clock time literal; one that does not exist (2026-02-30, 24:00) is reported. */
  dateOrTime(kind: 'date' | 'time', token: IToken): ast.ExprNode {
    const span = this.tokenSpan(token);
    checkDateOrTime(kind, token.image, span, this.diagnostics);
    return { kind, text: token.image, span };
  }

  yuan(sign: IToken, number: IToken): ast.ExprNode {
    const span = this.tokenSpan(number);
    checkNumber(number.image, true, span, this.diagnostics);
    return { kind: 'yuan', text: number.image, span: joinSpans(this.tokenSpan(sign), span) };
  }

  /** `30%`: the number 30/100, kept as written so the handbook can print it so. */
  percent(number: IToken, sign: IToken): ast.ExprNode {
    const span = joinSpans(this.tokenSpan(number), this.tokenSpan(sign));
    checkNumber(number.image, false, span, this.diagnostics);
    return { kind: 'number', text: number.image, unit: null, percent: true, span };
  }

  numberWithUnit(number: IToken, unitToken: IToken | undefined): ast.ExprNode {
    const written = unitToken ? this.name(unitToken) : null;
    const unit = written && readUnit(written, this.diagnostics);
    const span = written ? joinSpans(this.tokenSpan(number), written.span) : this.tokenSpan(number);
    checkNumber(number.image, unit?.text === 'CNY', span, this.diagnostics);
    return { kind: 'number', text: number.image, unit, span };
  }
}

function badEscape(span: Span, source: SourceFile): Diagnostic {
  const written = source.text.slice(span.start, span.end);
  return diagnostic('syntax/bad-escape', span, msg('syntax.bad-escape', { written: code(written) }), {
    help: msg('syntax.bad-escape.help'),
  });
}
