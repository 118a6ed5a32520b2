import { tokenMatcher, type CstNode, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import { ExprNodes } from './expr-nodes.js';
import type { BuiltCstNode } from './lower-base.js';
import * as t from './tokens.js';

/**
 * A hand-written twin of the grammar in parser.ts for clean input: it reads one top-level item
 * (an import or a declaration) into the CST Chevrotain's parser builds for it (the same rule
 * names, children under the same keys in the same order, the same tokens and node offsets), except
 * that each expression is built straight into its AST (expr-nodes.ts, as lowering builds it) and
 * sits in the tree as one stand-in node. It gives up (undefined) at the first token that does not
 * fit. It has no error reporting and no recovery: `parseItems` (parser.ts) asks Chevrotain for any
 * item this gives up on, so every error is still found and worded by Chevrotain, and this only
 * makes clean items cheap. Chevrotain spends most of a parse in its general machinery (rule
 * invocation, lookahead functions, the CST stack), and an expression's CST is nine rules deep
 * above each operand; here each rule is a plain function and each choice a look at the next token.
 *
 * It must never accept an item Chevrotain rejects, nor give a different AST or different
 * diagnostics for one both accept: each choice below is the one Chevrotain's lookahead makes (one
 * token decides everywhere in this grammar), and test/syntax/item-reader.test.ts compares both,
 * lowered, on every .sop file of the repository, generated policies and mutants of them. A grammar
 * change in parser.ts needs the same change here; that test fails until it is made.
 */

/** Thrown (never seen outside) when the next token does not fit: the item is left to Chevrotain. */
const MISMATCH = { mismatch: true };

const NONE: readonly Diagnostic[] = [];

type Children = Record<string, (IToken | CstNode)[]>;

/** The tokens that start an item of each block, and of an expression's operand. */
const policyItemStarts = new Set<TokenType>([t.Version, t.Effective, t.Locales, t.Start, t.Timezone, t.Always]);
const outcomeItemStarts = new Set<TokenType>([t.Owner, t.Deadline, t.Do, t.Document, t.Say, t.Note, t.Value]);
const rangeStarts = new Set<TokenType>([t.Minus, t.Yuan, t.NumberLiteral, t.DotDot]);
const declarations = new Map<TokenType, string>([
  [t.Policy, 'policy'], [t.Enum, 'enum'], [t.Department, 'department'], [t.Fact, 'fact'], [t.Const, 'const'],
  [t.Let, 'let'], [t.Decision, 'decision'], [t.Outcome, 'outcome'], [t.Section, 'section'], [t.Require, 'require'],
]);

/** One item read, and how many tokens its longest expression has. */
export interface ReadItem {
  readonly item: CstNode;
  /**
   * An expression nests at most as deep as it has tokens (each of its nodes has a token of its
   * own: an operator, a parenthesis, a literal), so this bounds its depth (nesting.ts).
   */
  readonly longestExpression: number;
}

/**
 * Reads `tokens[start..end)` as one item (`import` or `declaration`, as parser.ts's rules of those
 * names); undefined when they are not exactly one clean item.
 */
export function readItem(source: SourceFile, tokens: readonly IToken[], start: number, end: number): ReadItem | undefined {
  const reader = new ItemReader(source, tokens, start, end);
  try {
    const item = tokens[start].tokenType === t.Import ? reader.import() : reader.declaration();
    return reader.atEnd() ? { item, longestExpression: reader.longestExpression } : undefined;
  } catch (error) {
    if (error === MISMATCH) return undefined;
    throw error;
  }
}

class ItemReader {
  /** The most tokens an expression of the item has had so far. */
  longestExpression = 0;
  /** What building expressions found wrong, until the expression's stand-in takes it. */
  private readonly problems: Diagnostic[] = [];
  private readonly nodes: ExprNodes;

  constructor(
    source: SourceFile,
    private readonly tokens: readonly IToken[],
    private pos: number,
    private readonly end: number,
  ) {
    this.nodes = new ExprNodes(source, this.problems);
  }

  atEnd(): boolean {
    return this.pos === this.end;
  }

  // ---------- reading tokens and building nodes as Chevrotain does ----------

  /** Does the next token match `type` (by Chevrotain's rule: its type or one of its categories)? */
  private is(type: TokenType): boolean {
    return this.pos < this.end && tokenMatcher(this.tokens[this.pos], type);
  }

  private nextIn(types: ReadonlySet<TokenType>): boolean {
    return this.pos < this.end && types.has(this.tokens[this.pos].tokenType);
  }

  /** CONSUME: the token goes under the key of the type asked for (a category's name for a category). */
  private consume(node: CstNode, type: TokenType): void {
    if (!this.is(type)) throw MISMATCH;
    add(node, type.name, this.tokens[this.pos++]);
  }

  /** A rule's node starts at the next token (Chevrotain's `onlyOffset` tracking without recovery). */
  private open(name: string): CstNode {
    if (this.pos >= this.end) throw MISMATCH;
    return { name, children: {} as Children, location: { startOffset: this.tokens[this.pos].startOffset, endOffset: NaN } };
  }

  /**
   * …and ends at the last token it consumed; `parent` gets it under the rule's name. (The lexer's
   * tokens are in order, so the start is never after that token; the test's token mutants are not.)
   */
  private close(node: CstNode, parent?: CstNode): CstNode {
    const last = this.tokens[this.pos - 1];
    const location = node.location!;
    if (location.startOffset <= last.startOffset) location.endOffset = last.endOffset;
    else location.startOffset = NaN;
    if (parent) add(parent, node.name, node);
    return node;
  }

  // ---------- items ----------

  import(): CstNode {
    const node = this.open('import');
    this.consume(node, t.Import);
    this.consume(node, t.StringLiteral);
    return this.close(node);
  }

  declaration(): CstNode {
    const node = this.open('declaration');
    switch (declarations.get(this.tokens[this.pos].tokenType)) {
      case 'policy': this.policy(node); break;
      case 'enum': this.enum(node); break;
      case 'department': this.department(node); break;
      case 'fact': this.fact(node); break;
      case 'const': this.definition(node, 'const', t.Const, t.Assign); break;
      case 'let': this.definition(node, 'let', t.Let, t.Assign); break;
      case 'decision': this.decision(node); break;
      case 'outcome': this.outcome(node); break;
      case 'section': this.section(node); break;
      case 'require': this.definition(node, 'require', t.Require, t.Colon); break;
      default: throw MISMATCH;
    }
    return this.close(node);
  }

  private text(parent: CstNode): void {
    const node = this.open('text');
    this.consume(node, t.StringLiteral);
    while (this.is(t.LocaleTag)) {
      this.consume(node, t.LocaleTag);
      this.consume(node, t.StringLiteral);
    }
    this.close(node, parent);
  }

  private optionalText(node: CstNode): void {
    if (this.is(t.StringLiteral)) this.text(node);
  }

  // ---------- the policy header ----------

  private policy(parent: CstNode): void {
    const node = this.open('policy');
    this.consume(node, t.Policy);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.consume(node, t.LCurly);
    while (this.nextIn(policyItemStarts)) this.policyItem(node);
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  private policyItem(parent: CstNode): void {
    const node = this.open('policyItem');
    const type = this.tokens[this.pos].tokenType;
    this.consume(node, type);
    if (type === t.Version || type === t.Effective || type === t.Timezone) this.consume(node, t.StringLiteral);
    else if (type === t.Start) this.consume(node, t.Identifier);
    else if (type === t.Always) this.text(node);
    else {
      this.localeName(node);
      while (this.is(t.Comma)) {
        this.consume(node, t.Comma);
        this.localeName(node);
      }
    }
    this.close(node, parent);
  }

  private localeName(parent: CstNode): void {
    const node = this.open('localeName');
    this.consume(node, t.Identifier);
    if (this.is(t.Minus)) {
      this.consume(node, t.Minus);
      this.consume(node, t.Identifier);
    }
    this.close(node, parent);
  }

  // ---------- vocabulary ----------

  private enum(parent: CstNode): void {
    const node = this.open('enum');
    this.consume(node, t.Enum);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.consume(node, t.LCurly);
    while (this.is(t.Identifier)) this.member(node);
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  private member(parent: CstNode): void {
    const node = this.open('member');
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.close(node, parent);
  }

  private department(parent: CstNode): void {
    const node = this.open('department');
    this.consume(node, t.Department);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.close(node, parent);
  }

  private fact(parent: CstNode): void {
    const node = this.open('fact');
    this.consume(node, t.Fact);
    this.consume(node, t.Identifier);
    this.consume(node, t.Colon);
    this.type(node);
    this.optionalText(node);
    if (this.is(t.LCurly)) {
      this.consume(node, t.LCurly);
      while (this.is(t.Ask) || this.is(t.Note)) {
        const item = this.open('factItem');
        this.consume(item, this.tokens[this.pos].tokenType);
        this.text(item);
        this.close(item, node);
      }
      this.consume(node, t.RCurly);
    }
    this.close(node, parent);
  }

  private type(parent: CstNode): void {
    const node = this.open('type');
    if (this.is(t.Money)) {
      this.consume(node, t.Money);
      this.optionalRange(node);
    } else if (this.is(t.Signed)) {
      this.consume(node, t.Signed);
      this.consume(node, t.Money);
      this.optionalRange(node);
    } else if (this.is(t.Whole) || this.is(t.Number)) {
      if (this.is(t.Whole)) this.consume(node, t.Whole);
      this.consume(node, t.Number);
      this.optionalRange(node);
    } else if (this.is(t.Bool)) this.consume(node, t.Bool);
    else if (this.is(t.Text)) this.consume(node, t.Text);
    else this.consume(node, t.Identifier);
    this.close(node, parent);
  }

  private optionalRange(parent: CstNode): void {
    if (!this.nextIn(rangeStarts)) return;
    const node = this.open('range');
    if (!this.is(t.DotDot)) this.bound(node);
    this.consume(node, t.DotDot);
    if (this.is(t.Minus) || this.is(t.Yuan) || this.is(t.NumberLiteral)) this.bound(node);
    if (this.is(t.Identifier)) this.consume(node, t.Identifier);
    this.close(node, parent);
  }

  private bound(parent: CstNode): void {
    const node = this.open('bound');
    if (this.is(t.Minus)) this.consume(node, t.Minus);
    if (this.is(t.Yuan)) this.consume(node, t.Yuan);
    this.consume(node, t.NumberLiteral);
    this.close(node, parent);
  }

  /** const and let (`name = expr text?`), require (`name: expr text?`). */
  private definition(parent: CstNode, name: string, keyword: TokenType, separator: TokenType): void {
    const node = this.open(name);
    this.consume(node, keyword);
    this.consume(node, t.Identifier);
    this.consume(node, separator);
    this.expr(node);
    this.optionalText(node);
    this.close(node, parent);
  }

  // ---------- decisions ----------

  private decision(parent: CstNode): void {
    const node = this.open('decision');
    this.consume(node, t.Decision);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    if (this.is(t.First) || this.is(t.Unique)) {
      const hit = this.open('hitPolicy');
      this.consume(hit, this.tokens[this.pos].tokenType);
      this.close(hit, node);
    }
    this.consume(node, t.LCurly);
    while (this.is(t.When)) this.branch(node);
    if (this.is(t.Otherwise)) {
      const otherwise = this.open('otherwise');
      this.consume(otherwise, t.Otherwise);
      this.consume(otherwise, t.Arrow);
      this.consume(otherwise, t.Identifier);
      this.close(otherwise, node);
    }
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  private branch(parent: CstNode): void {
    const node = this.open('branch');
    this.consume(node, t.When);
    this.expr(node);
    this.consume(node, t.Arrow);
    this.consume(node, t.Identifier);
    if (this.is(t.As)) {
      this.consume(node, t.As);
      this.consume(node, t.Identifier);
    }
    this.close(node, parent);
  }

  // ---------- outcomes ----------

  private outcome(parent: CstNode): void {
    const node = this.open('outcome');
    this.consume(node, t.Outcome);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.consume(node, t.LCurly);
    while (this.nextIn(outcomeItemStarts)) this.outcomeItem(node);
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  private outcomeItem(parent: CstNode): void {
    const node = this.open('outcomeItem');
    const type = this.tokens[this.pos].tokenType;
    this.consume(node, type);
    if (type === t.Owner) this.consume(node, t.Identifier);
    else if (type === t.Deadline) {
      if (this.is(t.LCurly)) this.deadlineCases(node);
      else this.due(node);
    } else if (type === t.Value) {
      this.consume(node, t.Identifier);
      this.consume(node, t.Assign);
      this.expr(node);
      this.optionalText(node);
    } else {
      this.text(node);
      if (type !== t.Document && (this.is(t.Via) || this.is(t.When))) this.textLimit(node);
    }
    this.close(node, parent);
  }

  private textLimit(parent: CstNode): void {
    const node = this.open('textLimit');
    if (this.is(t.Via)) {
      this.consume(node, t.Via);
      this.pathRef(node);
      while (this.is(t.Comma)) {
        this.consume(node, t.Comma);
        this.pathRef(node);
      }
    }
    // After `via …` the condition is optional; alone it is the whole limit.
    if (this.is(t.When) || !node.children.Via) {
      this.consume(node, t.When);
      this.expr(node);
    }
    this.close(node, parent);
  }

  private pathRef(parent: CstNode): void {
    const node = this.open('pathRef');
    this.consume(node, t.Identifier);
    if (this.is(t.Dot)) {
      this.consume(node, t.Dot);
      this.consume(node, this.is(t.Otherwise) ? t.Otherwise : t.Identifier);
    }
    this.close(node, parent);
  }

  private due(parent: CstNode): void {
    const node = this.open('due');
    if (this.is(t.At)) this.consume(node, t.At);
    this.built(node, 'sum', this.sum);
    if (this.is(t.After)) {
      this.consume(node, t.After);
      this.built(node, 'sum', this.sum);
    }
    this.close(node, parent);
  }

  private deadlineCases(parent: CstNode): void {
    const node = this.open('deadlineCases');
    this.consume(node, t.LCurly);
    while (this.is(t.When)) {
      this.consume(node, t.When);
      this.expr(node);
      this.consume(node, t.Arrow);
      this.due(node);
    }
    if (this.is(t.Otherwise)) {
      this.consume(node, t.Otherwise);
      this.consume(node, t.Arrow);
      this.due(node);
    }
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  // ---------- handbook prose ----------

  private section(parent: CstNode): void {
    const node = this.open('section');
    this.consume(node, t.Section);
    this.consume(node, t.Identifier);
    this.optionalText(node);
    this.consume(node, t.LCurly);
    while (this.is(t.StringLiteral)) this.text(node);
    this.consume(node, t.RCurly);
    this.close(node, parent);
  }

  // ---------- expressions, loosest binding first, built straight into the AST ----------

  /**
   * An expression where the grammar has an `expr` (or, in a deadline's due, a `sum`): read and
   * built by the functions below, and put in the CST as one node standing in for that rule's
   * subtree (lower-base.ts lowers it to what it holds). An expression is most of a policy's CST
   * nodes (nine levels of rules above each operand), so this is most of what the reader saves.
   */
  private built(parent: CstNode, name: 'expr' | 'sum', read: () => ast.ExprNode): void {
    if (this.pos >= this.end) throw MISMATCH;
    const first = this.pos;
    const startOffset = this.tokens[first].startOffset;
    const node = read.call(this);
    if (this.pos - first > this.longestExpression) this.longestExpression = this.pos - first;
    const diagnostics = this.problems.length === 0 ? NONE : this.problems.splice(0);
    const standIn: BuiltCstNode = { name, children: {}, location: { startOffset, endOffset: NaN }, built: { node, diagnostics } };
    this.close(standIn, parent);
  }

  private expr(parent: CstNode): void {
    this.built(parent, 'expr', this.orExpr);
  }

  /** The next token, which must match `type`. */
  private take(type: TokenType): IToken {
    if (!this.is(type)) throw MISMATCH;
    return this.tokens[this.pos++];
  }

  /** From the token at `start` to the last one read, as lowering's span of a node's children. */
  private spanFrom(start: number): Span {
    const last = this.tokens[this.pos - 1];
    return { file: this.nodes.source.path, start: this.tokens[start].startOffset, end: last.startOffset + last.image.length };
  }

  private orExpr(): ast.ExprNode {
    const first = this.andExpr();
    if (!this.is(t.Or)) return first;
    const operands = [first];
    while (this.is(t.Or)) {
      this.pos++;
      operands.push(this.andExpr());
    }
    return this.nodes.junction('or', operands);
  }

  private andExpr(): ast.ExprNode {
    const first = this.notExpr();
    if (!this.is(t.And)) return first;
    const operands = [first];
    while (this.is(t.And)) {
      this.pos++;
      operands.push(this.notExpr());
    }
    return this.nodes.junction('and', operands);
  }

  private notExpr(): ast.ExprNode {
    if (!this.is(t.Not)) return this.comparison();
    const start = this.pos++;
    const operand = this.notExpr();
    return this.nodes.not(operand, this.spanFrom(start));
  }

  private comparison(): ast.ExprNode {
    const start = this.pos;
    const left = this.sum();
    if (this.is(t.ComparisonOperator)) {
      const op = this.tokens[this.pos++].image as ast.CompareOp;
      return this.nodes.compare(op, left, this.sum());
    }
    if (this.is(t.Between)) {
      this.pos++;
      const from = this.sum();
      this.take(t.And);
      return this.nodes.between(left, from, this.sum());
    }
    if (this.is(t.Not) || this.is(t.In)) {
      const negated = this.is(t.Not);
      if (negated) this.pos++;
      this.take(t.In);
      this.take(t.LCurly);
      const members = [this.setMember()];
      while (this.is(t.Comma)) {
        this.pos++;
        members.push(this.setMember());
      }
      this.take(t.RCurly);
      return this.nodes.in(left, members, negated, this.spanFrom(start));
    }
    return left;
  }

  private setMember(): ast.SetMember {
    const first = this.nodes.name(this.take(t.Identifier));
    if (!this.is(t.Dot)) return this.nodes.setMember(first, null);
    this.pos++;
    return this.nodes.setMember(first, this.nodes.name(this.take(t.Identifier)));
  }

  private sum(): ast.ExprNode {
    let left = this.product();
    while (this.is(t.AdditiveOperator)) {
      const op = this.tokens[this.pos++].image as ast.ArithOp;
      left = this.nodes.arith(op, left, this.product());
    }
    return left;
  }

  private product(): ast.ExprNode {
    let left = this.unary();
    while (this.is(t.MultiplicativeOperator)) {
      const op = this.tokens[this.pos++].image as ast.ArithOp;
      left = this.nodes.arith(op, left, this.unary());
    }
    return left;
  }

  private unary(): ast.ExprNode {
    if (!this.is(t.Minus)) return this.atom();
    const start = this.pos++;
    const operand = this.unary();
    return this.nodes.neg(operand, this.spanFrom(start));
  }

  private atom(): ast.ExprNode {
    if (this.pos >= this.end) throw MISMATCH;
    const start = this.pos;
    const token = this.tokens[this.pos++];
    const type = token.tokenType;
    if (type === t.NumberLiteral) {
      if (this.is(t.Identifier)) return this.nodes.numberWithUnit(token, this.tokens[this.pos++]);
      if (this.is(t.Percent)) return this.nodes.percent(token, this.tokens[this.pos++]);
      return this.nodes.numberWithUnit(token, undefined);
    }
    if (type === t.Identifier) {
      const name = this.nodes.name(token);
      if (!this.is(t.Dot)) return this.nodes.ref(name, null);
      this.pos++;
      return this.nodes.ref(name, this.nodes.name(this.take(t.Identifier)));
    }
    if (type === t.Yuan) return this.nodes.yuan(token, this.take(t.NumberLiteral));
    if (type === t.Min || type === t.Max) {
      this.take(t.LParen);
      const args = [this.orExpr()];
      while (this.is(t.Comma)) {
        this.pos++;
        args.push(this.orExpr());
      }
      this.take(t.RParen);
      return this.nodes.call(type === t.Min ? 'min' : 'max', args, this.spanFrom(start));
    }
    if (type === t.LParen) {
      const inner = this.orExpr();
      this.take(t.RParen);
      return this.nodes.paren(inner, this.spanFrom(start));
    }
    if (tokenMatcher(token, t.StringLiteral)) return this.nodes.string(token);
    if (type === t.SameDay) return this.nodes.sameDay(token);
    if (type === t.DateLiteral) return this.nodes.dateOrTime('date', token);
    if (type === t.TimeLiteral) return this.nodes.dateOrTime('time', token);
    if (type === t.True) return this.nodes.bool(true, token);
    if (type === t.False) return this.nodes.bool(false, token);
    throw MISMATCH;
  }
}

/** Chevrotain's addTerminalToCst / addNoneTerminalToCst: children in order under their key. */
function add(node: CstNode, key: string, child: IToken | CstNode): void {
  const children = node.children as Children;
  const list = children[key];
  if (list === undefined) children[key] = [child];
  else list.push(child);
}
