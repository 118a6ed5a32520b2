import type { CstNode, IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { docCommentsByOwner, readString } from './literals.js';
import { checkNumber, readUnit } from './numbers.js';
import { parser } from './parser.js';

/**
 * Lowering: the CST visitor that builds the AST (style guide 2.5: the grammar only recognises,
 * meaning lives here). Error recovery leaves partial CST nodes behind; every method returns null
 * for a node it cannot complete, and the parent drops it. The parser already reported why, so
 * lowering adds no diagnostic of its own for a missing piece.
 */

/** What lowering one file gives. */
export interface LowerResult {
  readonly ast: ast.RuleFile;
  readonly diagnostics: Diagnostic[];
}

/** Builds the AST of one file from its CST and its `##` doc comments; never throws for user mistakes. */
export function lowerToAst(file: SourceFile, tree: cst.FileCstNode, docComments: readonly IToken[]): LowerResult {
  const builder = new AstBuilder(file, docCommentsByOwner(file.text, docComments));
  const result = builder.file(tree.children);
  return { ast: result, diagnostics: builder.diagnostics };
}

type Children = Record<string, (IToken | CstNode)[] | undefined>;
/** One item of a block; distributes over `K`, so `Item<'do' | 'say', T>` is two members a key can pick. */
type Item<K extends string, V> = K extends string ? { readonly key: K; readonly value: V; readonly span: Span } : never;
type PolicyItem =
  | Item<'version' | 'effective', { readonly value: string; readonly span: Span }>
  | Item<'locales', ast.Name[]>
  | Item<'start', ast.Name>
  | Item<'always', ast.TextNode>;
type FactItem = Item<'ask' | 'note', ast.TextNode>;
type OutcomeItem =
  | Item<'owner', ast.Name>
  | Item<'deadline', ast.DeadlineNode>
  | Item<'do' | 'document' | 'say' | 'note', ast.TextNode>
  | Item<'value', ast.OutcomeValueNode>;

const BaseVisitor = parser.getBaseCstVisitorConstructor<void, unknown>();

class AstBuilder extends BaseVisitor implements cst.ICstNodeVisitor<void, unknown> {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly source: SourceFile,
    private readonly docs: ReadonlyMap<number, string>,
  ) {
    super();
    this.validateVisitor();
  }

  // ---------- helpers ----------

  /** Lowers a child node, or gives null when it is absent or was only partly parsed. */
  private lower<T>(node: CstNode | undefined): T | null {
    if (!node || node.recoveredNode) return null;
    return (this.visit(node) as T | null) ?? null;
  }

  private lowerAll<T>(nodes: CstNode[] | undefined): T[] {
    return (nodes ?? []).map((node) => this.lower<T>(node)).filter((value): value is T => value !== null);
  }

  /** A token the lexer produced (recovery inserts empty tokens with no position). */
  private token(tokens: IToken[] | undefined, index = 0): IToken | undefined {
    const token = tokens?.[index];
    return token && !token.isInsertedInRecovery && !isNaN(token.startOffset) ? token : undefined;
  }

  private tokenSpan(token: IToken): Span {
    return { file: this.source.path, start: token.startOffset, end: token.startOffset + token.image.length };
  }

  private name(tokens: IToken[] | undefined, index = 0): ast.Name | null {
    const token = this.token(tokens, index);
    return token ? { text: token.image, span: this.tokenSpan(token) } : null;
  }

  /** The span from the first to the last token under these children. */
  private span(children: Children): Span {
    let start = Infinity;
    let end = -Infinity;
    for (const elements of Object.values(children)) {
      for (const element of elements ?? []) {
        const [from, to] = 'image' in element
          ? [element.startOffset, element.startOffset + element.image.length]
          : [element.location?.startOffset ?? NaN, (element.location?.endOffset ?? NaN) + 1];
        if (!isNaN(from)) start = Math.min(start, from);
        if (!isNaN(to)) end = Math.max(end, to);
      }
    }
    return { file: this.source.path, start, end };
  }

  private doc(span: Span): string | null {
    return this.docs.get(span.start) ?? null;
  }

  private stringValue(token: IToken): string {
    const { value, badEscapes } = readString(token);
    for (const bad of badEscapes) this.diagnostics.push(badEscape({ file: this.source.path, ...bad }, this.source));
    return value;
  }

  /** Keeps the first of each once-only item and reports the others. */
  private once<I extends { key: string; span: Span }>(items: I[], onceKeys: readonly string[], where: string): I[] {
    const first = new Map<string, Span>();
    return items.filter((item) => {
      if (!onceKeys.includes(item.key)) return true;
      const earlier = first.get(item.key);
      if (earlier) this.diagnostics.push(duplicateItem(item.key, where, item.span, earlier));
      else first.set(item.key, item.span);
      return !earlier;
    });
  }

  /** The fields every declaration has, or null when it has no usable name. */
  private declBase(children: Children & { Identifier?: IToken[]; text?: cst.TextCstNode[] }) {
    const name = this.name(children.Identifier);
    if (!name) return null;
    const span = this.span(children);
    return { name, label: this.lower<ast.TextNode>(children.text?.[0]), doc: this.doc(span), span };
  }

  // ---------- files ----------

  file(children: cst.FileCstChildren): ast.RuleFile {
    return {
      kind: 'file',
      path: this.source.path,
      imports: this.lowerAll<ast.ImportNode>(children.import),
      declarations: this.lowerAll<ast.Declaration>(children.declaration),
      span: { file: this.source.path, start: 0, end: this.source.text.length },
    };
  }

  import(children: cst.ImportCstChildren): ast.ImportNode | null {
    // The span is the path string's: "cannot be read" and "imports each other" underline the path.
    const path = this.token(children.StringLiteral);
    return path ? { path: this.stringValue(path), span: this.tokenSpan(path) } : null;
  }

  declaration(children: cst.DeclarationCstChildren): ast.Declaration | null {
    const [node] = Object.values(children as Children) as CstNode[][];
    return this.lower<ast.Declaration>(node?.[0]);
  }

  text(children: cst.TextCstChildren): ast.TextNode | null {
    const strings = children.StringLiteral.map((token) => this.token([token]));
    const tags = (children.LocaleTag ?? []).map((token) => this.token([token]));
    if (strings.some((s) => !s) || tags.some((s) => !s) || tags.length !== strings.length - 1) return null;
    const parts = strings.map((token, i): ast.TextPart => {
      const tag = i > 0 ? tags[i - 1]! : null;
      const span = this.tokenSpan(token!);
      if (tag) checkLocale(tag.image.slice(1), this.tokenSpan(tag), this.diagnostics);
      return {
        locale: tag ? tag.image.slice(1) : null,
        value: this.stringValue(token!),
        span: tag ? { ...span, start: tag.startOffset } : span,
      };
    });
    return { kind: 'text', parts, span: this.span(children) };
  }

  // ---------- the policy header ----------

  policy(children: cst.PolicyCstChildren): ast.PolicyDecl | null {
    const base = this.declBase(children);
    if (!base) return null;
    const items = this.once(this.lowerAll<PolicyItem>(children.policyItem), ['version', 'effective', 'locales', 'start'], 'policy');
    const pick = (key: PolicyItem['key']) => items.find((item) => item.key === key)?.value ?? null;
    return {
      kind: 'policy',
      ...base,
      version: pick('version') as ast.PolicyDecl['version'],
      effective: pick('effective') as ast.PolicyDecl['effective'],
      locales: (pick('locales') ?? []) as ast.Name[],
      start: pick('start') as ast.Name | null,
      always: items.filter((item) => item.key === 'always').map((item) => item.value as ast.TextNode),
    };
  }

  policyItem(children: cst.PolicyItemCstChildren): PolicyItem | null {
    const span = this.span(children);
    const string = this.token(children.StringLiteral);
    if (children.Version || children.Effective) {
      if (!string) return null;
      const value = { value: this.stringValue(string), span: this.tokenSpan(string) };
      return { key: children.Version ? 'version' : 'effective', value, span };
    }
    if (children.Locales) {
      const names = this.lowerAll<ast.Name>(children.localeName);
      return names.length > 0 ? { key: 'locales', value: names, span } : null;
    }
    if (children.Start) {
      const name = this.name(children.Identifier);
      return name ? { key: 'start', value: name, span } : null;
    }
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    return text ? { key: 'always', value: text, span } : null;
  }

  localeName(children: cst.LocaleNameCstChildren): ast.Name | null {
    const [first, second] = [this.token(children.Identifier, 0), this.token(children.Identifier, 1)];
    if (!first || (children.Minus && !second)) return null;
    const span = this.span(children);
    const text = this.source.text.slice(span.start, span.end);
    checkLocale(text, span, this.diagnostics);
    return { text, span };
  }

  // ---------- vocabulary ----------

  enum(children: cst.EnumCstChildren): ast.EnumDecl | null {
    const base = this.declBase(children);
    return base && { kind: 'enum', ...base, members: this.lowerAll<ast.EnumMember>(children.member) };
  }

  member(children: cst.MemberCstChildren): ast.EnumMember | null {
    return this.declBase(children);
  }

  department(children: cst.DepartmentCstChildren): ast.DepartmentDecl | null {
    const base = this.declBase(children);
    return base && { kind: 'department', ...base };
  }

  fact(children: cst.FactCstChildren): ast.FactDecl | null {
    const base = this.declBase(children);
    const type = this.lower<ast.TypeNode>(children.type[0]);
    if (!base || !type) return null;
    const items = this.once(this.lowerAll<FactItem>(children.factItem), ['ask'], 'fact');
    return {
      kind: 'fact',
      ...base,
      type,
      ask: items.find((item) => item.key === 'ask')?.value ?? null,
      notes: items.filter((item) => item.key === 'note').map((item) => item.value),
    };
  }

  type(children: cst.TypeCstChildren): ast.TypeNode | null {
    const span = this.span(children);
    if (children.Signed) return { kind: 'signed-money', span };
    if (children.Bool) return { kind: 'bool', span };
    if (children.Money) return { kind: 'money', span };
    if (children.Number) return { kind: 'number', span };
    if (children.Text) return { kind: 'text', span };
    const name = this.name(children.Identifier);
    return name && { kind: 'named', name, span };
  }

  factItem(children: cst.FactItemCstChildren): FactItem | null {
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    return text && { key: children.Ask ? 'ask' : 'note', value: text, span: this.span(children) };
  }

  const(children: cst.ConstCstChildren): ast.ConstDecl | null {
    const base = this.declBase(children);
    const value = this.lower<ast.ExprNode>(children.expr[0]);
    return base && value && { kind: 'const', ...base, value };
  }

  let(children: cst.LetCstChildren): ast.LetDecl | null {
    const base = this.declBase(children);
    const value = this.lower<ast.ExprNode>(children.expr[0]);
    return base && value && { kind: 'let', ...base, value };
  }

  // ---------- decisions ----------

  decision(children: cst.DecisionCstChildren): ast.DecisionDecl | null {
    const base = this.declBase(children);
    if (!base) return null;
    const hitPolicy = this.lower<'first' | 'unique'>(children.hitPolicy?.[0]) ?? 'first';
    const branches = this.lowerAll<ast.BranchNode>([...(children.branch ?? []), ...(children.otherwise ?? [])]);
    return { kind: 'decision', ...base, hitPolicy, branches };
  }

  hitPolicy(children: cst.HitPolicyCstChildren): 'first' | 'unique' {
    return children.Unique ? 'unique' : 'first';
  }

  branch(children: cst.BranchCstChildren): ast.BranchNode | null {
    const condition = this.lower<ast.ExprNode>(children.expr[0]);
    const target = this.name(children.Identifier);
    return condition && target && { condition, target, span: this.span(children) };
  }

  otherwise(children: cst.OtherwiseCstChildren): ast.BranchNode | null {
    const target = this.name(children.Identifier);
    return target && { condition: null, target, span: this.span(children) };
  }

  // ---------- outcomes ----------

  outcome(children: cst.OutcomeCstChildren): ast.OutcomeDecl | null {
    const base = this.declBase(children);
    if (!base) return null;
    const items = this.once(this.lowerAll<OutcomeItem>(children.outcomeItem), ['owner', 'deadline', 'say'], 'outcome');
    const all = (key: OutcomeItem['key']) => items.filter((item) => item.key === key).map((item) => item.value);
    const texts = (key: OutcomeItem['key']) => all(key) as ast.TextNode[];
    return {
      kind: 'outcome',
      ...base,
      owner: (all('owner')[0] ?? null) as ast.Name | null,
      deadline: (all('deadline')[0] ?? null) as ast.DeadlineNode | null,
      steps: texts('do'),
      documents: texts('document'),
      say: texts('say')[0] ?? null,
      notes: texts('note'),
      values: all('value') as ast.OutcomeValueNode[],
    };
  }

  outcomeItem(children: cst.OutcomeItemCstChildren): OutcomeItem | null {
    const span = this.span(children);
    if (children.Owner) {
      const name = this.name(children.Identifier);
      return name && { key: 'owner', value: name, span };
    }
    if (children.Deadline) return this.deadline(children, span);
    if (children.Value) return this.outcomeValue(children, span);
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    const key = children.Do ? 'do' : children.Document ? 'document' : children.Say ? 'say' : 'note';
    return text && { key, value: text, span };
  }

  private deadline(children: cst.OutcomeItemCstChildren, span: Span): OutcomeItem | null {
    const ref = this.name(children.Identifier);
    if (ref) return { key: 'deadline', value: { kind: 'ref', name: ref, span: ref.span }, span };
    const value = this.lower<ast.ExprNode>(children.duration?.[0]);
    return value && { key: 'deadline', value: { kind: 'duration', value, span: value.span }, span };
  }

  private outcomeValue(children: cst.OutcomeItemCstChildren, span: Span): OutcomeItem | null {
    const name = this.name(children.Identifier);
    const value = this.lower<ast.ExprNode>(children.expr?.[0]);
    if (!name || !value) return null;
    const label = this.lower<ast.TextNode>(children.text?.[0]);
    return { key: 'value', value: { name, value, label, span }, span };
  }

  duration(children: cst.DurationCstChildren): ast.ExprNode | null {
    const span = this.span(children);
    if (children.SameDay) return { kind: 'same-day', span };
    return this.numberWithUnit(children.NumberLiteral, children.Identifier, span);
  }

  // ---------- handbook prose ----------

  section(children: cst.SectionCstChildren): ast.SectionDecl | null {
    // The label and the paragraphs are both `text`: the label is the one before `{`.
    const open = this.token(children.LCurly)?.startOffset ?? -1;
    const isLabel = (node: CstNode) => (node.location?.startOffset ?? Infinity) < open;
    const labelNodes = (children.text ?? []).filter(isLabel);
    const base = this.declBase({ ...children, text: labelNodes });
    if (!base) return null;
    const paragraphs = this.lowerAll<ast.TextNode>((children.text ?? []).filter((node) => !isLabel(node)));
    return { kind: 'section', ...base, span: this.span(children), paragraphs };
  }

  // ---------- expressions ----------

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
    const operands = nodes.map((node) => this.lower<ast.ExprNode>(node));
    if (operands.some((operand) => !operand)) return null;
    return operands.length === 1 ? operands[0] : { kind, operands: operands as ast.ExprNode[], span: this.span(children) };
  }

  notExpr(children: cst.NotExprCstChildren): ast.ExprNode | null {
    if (!children.Not) return this.lower(children.comparison?.[0]);
    const operand = this.lower<ast.ExprNode>(children.notExpr?.[0]);
    return operand && { kind: 'not', operand, span: this.span(children) };
  }

  comparison(children: cst.ComparisonCstChildren): ast.ExprNode | null {
    const left = this.lower<ast.ExprNode>(children.sum[0]);
    if (!left) return null;
    const span = this.span(children);
    if (children.compareOp) {
      const op = this.lower<ast.CompareOp>(children.compareOp[0]);
      const right = this.lower<ast.ExprNode>(children.sum[1]);
      return op && right && { kind: 'compare', op, left, right, span };
    }
    if (children.In) {
      const members = (children.Identifier ?? []).map((_, i) => this.name(children.Identifier, i));
      if (members.length === 0 || members.some((member) => !member)) return null;
      return { kind: 'in', subject: left, members: members as ast.Name[], negated: Boolean(children.Not), span };
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

/** Locale names and tags look like `en` or `zh-CN`. */
function checkLocale(locale: string, span: Span, diagnostics: Diagnostic[]): void {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(locale)) diagnostics.push(badLocale(locale, span));
}

function badLocale(locale: string, span: Span): Diagnostic {
  return diagnostic('syntax/bad-locale', span, `\`${locale}\` is not a locale`, {
    help: 'write a language code, optionally with a region: `en`, `zh-CN`',
  });
}

function badEscape(span: Span, source: SourceFile): Diagnostic {
  const written = source.text.slice(span.start, span.end);
  return diagnostic('syntax/bad-escape', span, `unknown escape \`${written}\` in a string`, {
    help: 'the escapes are `\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash',
  });
}

function duplicateItem(key: string, where: string, span: Span, first: Span): Diagnostic {
  return diagnostic('syntax/duplicate-item', span, `\`${key}\` is given more than once in this ${where}`, {
    help: `keep one \`${key}\` and remove the others`,
    related: [{ span: first, message: `first \`${key}\` here` }],
  });
}
