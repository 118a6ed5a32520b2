import type { CstNode, IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { ExprNodes } from './expr-nodes.js';
import { plainParser } from './parser.js';
import type { OwnerDocs } from './literals.js';

/**
 * The ground floor of lowering (see to-ast.ts): the state of one file's visit and the helpers
 * every rule's method uses to read tokens, spans, strings and partial nodes. The rule methods
 * themselves live in the layers above: expressions, texts and items, declarations.
 */

/** The children of any CST node, for helpers that do not care which rule made it. */
export type Children = Record<string, (IToken | CstNode)[] | undefined>;

/**
 * A CST node the item reader (item-reader.ts) stands in for an expression (an `expr` or a `sum`)
 * that it already built: its AST, and the problems building it found, which lowering reports
 * when it reaches the node, so they come in the same order as when lowering builds it.
 */
export interface BuiltCstNode extends CstNode {
  readonly built: { readonly node: ast.ExprNode; readonly diagnostics: readonly Diagnostic[] };
}

/**
 * Chevrotain's base CST visitor (`getBaseCstVisitorConstructor`) without asking the parser instance
 * for it, which would build the parser at import: `visit` calls the method named for the node's rule.
 */
abstract class CstVisitorBase {
  visit(node: CstNode | CstNode[] | undefined, param?: unknown): unknown {
    const one = Array.isArray(node) ? node[0] : node;
    if (one === undefined) return undefined;
    return this.methods()[one.name](one.children, param);
  }

  /** Throws unless there is a method for every rule of the grammar (run by the tests, as it builds the parser). */
  validateVisitor(): void {
    const missing = Object.keys(plainParser().getGAstProductions()).filter((rule) => typeof this.methods()[rule] !== 'function');
    if (missing.length > 0) throw new Error(`internal error: lowering has no method for the rules ${missing.join(', ')}`);
  }

  private methods(): Record<string, (children: CstNode['children'], param?: unknown) => unknown> {
    return this as unknown as Record<string, (children: CstNode['children'], param?: unknown) => unknown>;
  }
}

/** Lowering state and helpers; error recovery's partial nodes come out as null. */
export abstract class LowerBase extends CstVisitorBase {
  readonly diagnostics: Diagnostic[] = [];
  /** Builds expressions, names and strings; its problems go to `diagnostics`. */
  protected readonly nodes: ExprNodes;

  constructor(
    protected readonly source: SourceFile,
    private readonly docs: ReadonlyMap<number, OwnerDocs>,
  ) {
    super();
    this.nodes = new ExprNodes(source, this.diagnostics);
  }

  /** Lowers a child node, or gives null when it is absent or was only partly parsed. */
  protected lower<T>(node: CstNode | undefined): T | null {
    if (!node || node.recoveredNode) return null;
    const built = (node as Partial<BuiltCstNode>).built;
    if (built) {
      for (const problem of built.diagnostics) this.diagnostics.push(problem);
      return built.node as T;
    }
    return (this.visit(node) as T | null) ?? null;
  }

  protected lowerAll<T>(nodes: CstNode[] | undefined): T[] {
    return (nodes ?? []).map((node) => this.lower<T>(node)).filter((value): value is T => value !== null);
  }

  /** A token the lexer produced (recovery inserts empty tokens with no position). */
  protected token(tokens: IToken[] | undefined, index = 0): IToken | undefined {
    const token = tokens?.[index];
    return token && !token.isInsertedInRecovery && !isNaN(token.startOffset) ? token : undefined;
  }

  protected tokenSpan(token: IToken): Span {
    return this.nodes.tokenSpan(token);
  }

  protected name(tokens: IToken[] | undefined, index = 0): ast.Name | null {
    const token = this.token(tokens, index);
    return token ? this.nodes.name(token) : null;
  }

  /** The span from the first to the last token under these children. */
  protected span(children: Children): Span {
    let start = Infinity;
    let end = -Infinity;
    // Runs for many CST nodes, so it allocates nothing. A token inserted by recovery, or a node
    // without tokens, has NaN offsets; every comparison with NaN is false, so they are skipped.
    for (const key in children) {
      for (const element of children[key] ?? []) {
        const token = 'image' in element;
        const from = token ? element.startOffset : (element.location?.startOffset ?? NaN);
        const to = token ? element.startOffset + element.image.length : (element.location?.endOffset ?? NaN) + 1;
        if (from < start) start = from;
        if (to > end) end = to;
      }
    }
    return { file: this.source.path, start, end };
  }

  protected doc(span: Span): string | null {
    return this.docs.get(span.start)?.doc ?? null;
  }

  protected authorNote(span: Span): string | null {
    return this.docs.get(span.start)?.authorNote ?? null;
  }

  protected stringValue(token: IToken): string {
    return this.nodes.stringValue(token);
  }

  /** Keeps the first of each once-only item and reports the others. */
  protected once<I extends { key: string; span: Span }>(items: I[], onceKeys: readonly string[], where: 'policy' | 'fact' | 'outcome'): I[] {
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
  protected declBase(children: Children & { Identifier?: IToken[]; text?: cst.TextCstNode[] }) {
    const name = this.name(children.Identifier);
    if (!name) return null;
    const span = this.span(children);
    return { name, label: this.lower<ast.TextNode>(children.text?.[0]), doc: this.doc(span), authorNote: this.authorNote(span), span };
  }
}

/** Locale names and tags look like `en` or `zh-CN`. */
export function checkLocale(locale: string, span: Span, diagnostics: Diagnostic[]): void {
  if (!isLocaleName(locale)) diagnostics.push(badLocale(locale, span));
}

/** True for a locale name or tag of the form `en` or `zh-CN`. */
export function isLocaleName(locale: string): boolean {
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(locale);
}

function badLocale(locale: string, span: Span): Diagnostic {
  return diagnostic('syntax/bad-locale', span, msg('syntax.bad-locale', { locale: code(locale) }), {
    help: msg('syntax.bad-locale.help'),
  });
}

function duplicateItem(key: string, where: 'policy' | 'fact' | 'outcome', span: Span, first: Span): Diagnostic {
  return diagnostic('syntax/duplicate-item', span, msg('syntax.duplicate-item', { key: code(key), where: msg(`syntax.where.${where}`) }), {
    help: msg('syntax.duplicate-item.help', { key: code(key) }),
    related: [{ span: first, message: msg('syntax.duplicate-item.first', { key: code(key) }) }],
  });
}
