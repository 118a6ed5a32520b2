import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinSpans, type SourceFile } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { docCommentsByOwner, type OwnerDocs } from './literals.js';
import type { Children } from './lower-base.js';
import { ItemLowering, type FactItem, type OutcomeItem, type PolicyItem } from './lower-items.js';
import type { ItemCstNode } from './parser.js';

/**
 * Lowering: the CST visitor that builds the AST (style guide 2.5: the grammar only recognises,
 * meaning lives here). Error recovery leaves partial CST nodes behind; every method returns null
 * for a node it cannot complete, and the parent drops it. The parser already reported why, so
 * lowering adds no diagnostic of its own for a missing piece.
 *
 * The visitor is one class built in layers, one file each: lower-base.ts (state and helpers),
 * lower-expressions.ts, lower-items.ts (texts and block items), and here the file and its
 * declarations. `validateVisitor()` checks that together they have a method for every rule (a
 * test runs it: it needs the parser, which a clean file never builds).
 */

/** What lowering one file gives. */
export interface LowerResult {
  readonly ast: ast.RuleFile;
  readonly diagnostics: Diagnostic[];
}

/** Lowering of one file fed an item at a time, as `parseItems` (parser.ts) parses them. */
export interface FileLowering {
  /** Lowers one import or declaration and keeps its AST; its CST is not needed afterwards. */
  add(item: ItemCstNode): void;
  /** The file's AST from the items added so far, in the order they were added. */
  finish(): LowerResult;
}

/** Starts lowering a file item by item, with its `##` doc comments; never throws for user mistakes. */
export function lowerItems(file: SourceFile, docComments: readonly IToken[]): FileLowering {
  return new AstBuilder(file, docCommentsByOwner(file.text, docComments));
}

/** Builds the AST of one file from its whole CST and its `##` doc comments; never throws for user mistakes. */
export function lowerToAst(file: SourceFile, tree: cst.FileCstNode, docComments: readonly IToken[]): LowerResult {
  const builder = new AstBuilder(file, docCommentsByOwner(file.text, docComments));
  builder.file(tree.children);
  return builder.finish();
}

class AstBuilder extends ItemLowering implements cst.ICstNodeVisitor<void, unknown>, FileLowering {
  private readonly imports: ast.ImportNode[] = [];
  private readonly broken: ast.BrokenDecl[] = [];

  /** Keeps the kind and name of a declaration recovery could not complete (see RuleFile.broken). */
  private noteBroken(item: ItemCstNode): void {
    const [inner] = (Object.values(item.children) as CstNode[][])[0] ?? [];
    const name = this.token((inner?.children as { Identifier?: IToken[] } | undefined)?.Identifier);
    const kind = inner?.name.replace(/Decl$/, '') as ast.Declaration['kind'] | undefined;
    if (name && kind) this.broken.push({ kind, name: name.image });
  }
  private readonly declarations: ast.Declaration[] = [];

  constructor(source: SourceFile, docs: ReadonlyMap<number, OwnerDocs>) {
    super(source, docs);
  }

  add(item: ItemCstNode): void {
    if (item.name === 'import') {
      const node = this.lower<ast.ImportNode>(item);
      if (node) this.imports.push(node);
    } else {
      const node = this.lower<ast.Declaration>(item);
      if (node) this.declarations.push(node);
      else this.noteBroken(item);
    }
  }

  finish(): LowerResult {
    const file: ast.RuleFile = {
      kind: 'file',
      path: this.source.path,
      imports: this.imports,
      declarations: this.declarations,
      ...(this.broken.length > 0 ? { broken: this.broken } : {}),
      span: { file: this.source.path, start: 0, end: this.source.text.length },
    };
    return { ast: file, diagnostics: this.diagnostics };
  }

  // ---------- files ----------

  /** Adds the items of a whole file's CST: its imports first, then its declarations. */
  file(children: cst.FileCstChildren): void {
    for (const item of children.import ?? []) this.add(item);
    for (const item of children.declaration ?? []) this.add(item);
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

  // ---------- the policy header ----------

  policy(children: cst.PolicyCstChildren): ast.PolicyDecl | null {
    const base = this.declBase(children);
    if (!base) return null;
    const items = this.once(this.lowerAll<PolicyItem>(children.policyItem), ['version', 'effective', 'locales', 'start', 'timezone'], 'policy');
    const pick = (key: PolicyItem['key']) => items.find((item) => item.key === key)?.value ?? null;
    return {
      kind: 'policy',
      ...base,
      version: pick('version') as ast.PolicyDecl['version'],
      effective: pick('effective') as ast.PolicyDecl['effective'],
      locales: (pick('locales') ?? []) as ast.Name[],
      start: pick('start') as ast.Name | null,
      timezone: pick('timezone') as ast.PolicyDecl['timezone'],
      always: items.filter((item) => item.key === 'always').map((item) => item.value as ast.TextNode),
    };
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
    const range = children.range ? this.lower<ast.RangeNode>(children.range[0]) : undefined;
    if (range === null) return null;
    const bounded = range ? { range } : {};
    if (children.Signed) return { kind: 'signed-money', ...bounded, span };
    if (children.Bool) return { kind: 'bool', span };
    if (children.Money) return { kind: 'money', ...bounded, span };
    if (children.Number) return { kind: 'number', ...(children.Whole ? { whole: true as const } : {}), ...bounded, span };
    if (children.Text) return { kind: 'text', span };
    const name = this.name(children.Identifier);
    return name && { kind: 'named', name, span };
  }

  range(children: cst.RangeCstChildren): ast.RangeNode | null {
    const [first, second] = children.bound ?? [];
    const dots = this.tokenSpan(children.DotDot[0]);
    // Which bound is which: the one written before `..` is the least.
    const before = first && first.location && first.location.startOffset < dots.start ? first : undefined;
    const after = before ? second : first;
    const min = before ? this.lower<ast.BoundNode>(before) : null;
    const max = after ? this.lower<ast.BoundNode>(after) : null;
    if ((before && !min) || (after && !max)) return null;
    const unit = children.Identifier ? this.name(children.Identifier) : null;
    return { min, max, unit, span: this.span(children) };
  }

  bound(children: cst.BoundCstChildren): ast.BoundNode | null {
    const number = this.token(children.NumberLiteral);
    if (!number) return null;
    return { text: (children.Minus ? '-' : '') + number.image, yuan: Boolean(children.Yuan), span: this.span(children) };
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

  require(children: cst.RequireCstChildren): ast.RequireDecl | null {
    const base = this.declBase(children);
    const condition = this.lower<ast.ExprNode>(children.expr[0]);
    return base && condition && { kind: 'require', ...base, condition };
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
    const name = children.As ? this.name(children.Identifier, 1) : null;
    // From `when` (which chose this rule, so the lexer made it) to the target, or to the name.
    return condition && target && { condition, target, name, span: joinSpans(this.tokenSpan(children.When[0]), (name ?? target).span) };
  }

  otherwise(children: cst.OtherwiseCstChildren): ast.BranchNode | null {
    const target = this.name(children.Identifier);
    return target && { condition: null, target, name: null, span: joinSpans(this.tokenSpan(children.Otherwise[0]), target.span) };
  }

  // ---------- outcomes ----------

  outcome(children: cst.OutcomeCstChildren): ast.OutcomeDecl | null {
    const base = this.declBase(children);
    if (!base) return null;
    const lowered = this.lowerAll<OutcomeItem>(children.outcomeItem);
    // Several `say`s are allowed once one of them is limited to some cases (`via …`, `when …`):
    // the case's message is the ones that apply, in order.
    const limitedSays = lowered.some((item) => item.key === 'say' && item.value.limit !== undefined);
    const items = this.once(lowered, limitedSays ? ['owner', 'deadline'] : ['owner', 'deadline', 'say'], 'outcome');
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
      says: texts('say'),
      notes: texts('note'),
      values: all('value') as ast.OutcomeValueNode[],
    };
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
}
