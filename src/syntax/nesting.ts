import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../diagnostics/message.js';
import type { SourceFile } from '../source/source-file.js';
import type { ExprNode, RuleFile } from './ast.js';
import { LParen, Minus, Not, RParen } from './tokens.js';

/**
 * The documented limits on how deeply an expression may nest. The parser and every later stage
 * walk expressions recursively, so depth is bounded here, before parsing, with a diagnostic at
 * the text that goes too deep, rather than by the JavaScript stack. No hand-written policy comes
 * near them; split a deeper expression into `let`s.
 */

/** Parentheses plus prefix operators (`not`, unary `-`) open at any point of an expression. */
export const MAX_NESTING = 64;

/** The depth of an expression tree: a chain `a + b + c` is as deep as it has operators. */
export const MAX_EXPRESSION_DEPTH = 256;

/** The first token that opens a level beyond MAX_NESTING, as a diagnostic; undefined when none does. */
export function tooDeeplyNested(file: SourceFile, tokens: readonly IToken[]): Diagnostic | undefined {
  // Prefix operators before each open parenthesis, so they count again when it closes.
  const prefixes: number[] = [];
  let outer = 0;
  let prefix = 0;
  for (const t of tokens) {
    if (t.tokenType === LParen) {
      prefixes.push(prefix);
      outer += prefix + 1;
      prefix = 0;
    } else if (t.tokenType === RParen) {
      const p = prefixes.pop();
      if (p !== undefined) outer -= p + 1;
      prefix = 0;
    } else if (t.tokenType === Not || t.tokenType === Minus) prefix++;
    else prefix = 0;
    if (outer + prefix > MAX_NESTING) {
      const span = { file: file.path, start: t.startOffset, end: t.startOffset + t.image.length };
      return diagnostic('syntax/too-deep', span, msg('syntax.too-deeply-nested', { max: MAX_NESTING }), { help: msg('syntax.too-deep.help') });
    }
  }
  return undefined;
}

/**
 * Each expression deeper than MAX_EXPRESSION_DEPTH (the outermost one), as a diagnostic; walked with
 * a stack of its own (three parallel arrays: this visits every node of every file once, at
 * start-up, and an object per node was most of its cost).
 */
export function tooDeepExpressions(ast: RuleFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes: unknown[] = [ast];
  const depths: number[] = [0];
  const roots: (ExprNode | null)[] = [null];
  const reported = new Set<ExprNode>();
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const depth = depths.pop()!;
    const root = roots.pop()!;
    const isExpr = isExprNode(node);
    const here = isExpr ? depth + 1 : depth;
    const top = isExpr && root === null ? (node as ExprNode) : root;
    if (here > MAX_EXPRESSION_DEPTH && top !== null) {
      if (!reported.has(top)) {
        reported.add(top);
        out.push(diagnostic('syntax/too-deep', top.span, msg('syntax.too-deep-expression', { max: MAX_EXPRESSION_DEPTH }), { help: msg('syntax.too-deep.help') }));
      }
      continue;
    }
    // Children in the order Object.values gives them, so diagnostics come out in the same order.
    const childDepth = isExpr ? here : 0;
    const childRoot = isExpr ? top : null;
    const values = Array.isArray(node) ? node : Object.values(node);
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      if (typeof value === 'object' && value !== null) {
        nodes.push(value);
        depths.push(childDepth);
        roots.push(childRoot);
      }
    }
  }
  return out;
}

const EXPR_KINDS = new Set(['number', 'yuan', 'same-day', 'date', 'time', 'between', 'string', 'bool', 'ref', 'call', 'neg', 'arith', 'compare', 'in', 'not', 'and', 'or', 'paren']);

function isExprNode(node: object): boolean {
  const kind = (node as { kind?: unknown }).kind;
  return typeof kind === 'string' && EXPR_KINDS.has(kind) && 'span' in node;
}
