import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { DecisionDecl, ExprNode, LetDecl } from '../syntax/ast.js';
import { MAX_EXPRESSION_DEPTH } from '../syntax/nesting.js';
import type { BoundRules } from './binder.js';

/**
 * The documented limits on chains that span declarations. syntax/nesting.ts bounds one expression;
 * but a `let` used inside another grows the expression that typing, the solver and both evaluators
 * walk recursively, and each decision a branch leads to adds to the path every later stage follows.
 * Without a bound, a generated policy (3,000 chained `let`s, 10,000 chained decisions) overflowed the
 * JavaScript stack. These are computed here with stacks of our own, before anything recursive runs,
 * and a policy beyond them is reported at the declaration where the chain crosses the limit.
 * Hand-written policies are nowhere near them.
 */

/** How deep an expression may be with the `let`s it uses written out in place. */
export const MAX_EXPANDED_DEPTH = 2 * MAX_EXPRESSION_DEPTH;

/** How many decisions one path may pass through. */
export const MAX_DECISION_CHAIN = 1000;

/** The diagnostics of every chain beyond its limit (none for any policy a person writes). */
export function chainsTooDeep(bound: BoundRules): Diagnostic[] {
  return [...letsTooDeep(bound), ...decisionsTooDeep(bound)];
}

/** Each `let` whose expanded depth crosses MAX_EXPANDED_DEPTH where none of the lets it uses does. */
function letsTooDeep(bound: BoundRules): Diagnostic[] {
  const lets = new Map<string, LetDecl>();
  for (const d of bound.symbols.values()) if (d.kind === 'let') lets.set(d.name.text, d);
  const depth = new Map<string, number>();
  const out: Diagnostic[] = [];
  // A let reached again while open is a cycle, which typing reports (resolve/let-cycle): depth 0 here.
  postOrder(lets, (decl) => letsUsed(decl.value, lets), (name, decl) => {
    const own = expandedDepth(decl.value, (used) => depth.get(used) ?? 0);
    depth.set(name, own);
    const usedTooDeep = [...letsUsed(decl.value, lets)].some((u) => (depth.get(u) ?? 0) > MAX_EXPANDED_DEPTH);
    if (own > MAX_EXPANDED_DEPTH && !usedTooDeep) {
      out.push(diagnostic('resolve/too-deep', decl.name.span, msg('resolve.let-too-deep', { name: code(decl.name.text), max: MAX_EXPANDED_DEPTH }), {
        help: msg('resolve.let-too-deep.help'),
      }));
    }
  });
  return out;
}

/** Each decision from which a path passes through more than MAX_DECISION_CHAIN decisions, where the next one on it does not. */
function decisionsTooDeep(bound: BoundRules): Diagnostic[] {
  const decisions = new Map<string, DecisionDecl>();
  for (const d of bound.symbols.values()) if (d.kind === 'decision') decisions.set(d.name.text, d);
  const next = (d: DecisionDecl): string[] => d.branches.map((b) => b.target.text).filter((t) => decisions.has(t));
  // The longest path (in decisions) from each decision; cycles are reported elsewhere (graph/cycle) and cut here.
  const length = new Map<string, number>();
  postOrder(decisions, next, (name, decl) => length.set(name, 1 + next(decl).reduce((m, n) => Math.max(m, length.get(n) ?? 0), 0)));
  return [...decisions.values()]
    .filter((d) => length.get(d.name.text) === MAX_DECISION_CHAIN + 1)
    .map((d) => diagnostic('resolve/too-deep', d.name.span, msg('resolve.decision-chain-too-long', { name: code(d.name.text), max: MAX_DECISION_CHAIN }), {
      help: msg('resolve.decision-chain-too-long.help'),
    }));
}

/**
 * Calls `visit` on every node after the nodes it leads to (those in `nodes`), depth-first on an
 * explicit stack, so a chain of any length cannot overflow the JavaScript stack. A node met again
 * while still open (a cycle) is skipped; each node is visited once.
 */
function postOrder<T>(nodes: ReadonlyMap<string, T>, next: (node: T) => Iterable<string>, visit: (name: string, node: T) => void): void {
  const done = new Set<string>();
  const open = new Set<string>();
  for (const root of nodes.keys()) {
    const stack: { name: string; expanded: boolean }[] = [{ name: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (done.has(top.name)) {
        stack.pop();
        continue;
      }
      const node = nodes.get(top.name)!;
      if (!top.expanded) {
        top.expanded = true;
        open.add(top.name);
        for (const n of next(node)) if (nodes.has(n) && !done.has(n) && !open.has(n)) stack.push({ name: n, expanded: false });
        continue;
      }
      stack.pop();
      open.delete(top.name);
      done.add(top.name);
      visit(top.name, node);
    }
  }
}

/** The lets an expression names directly. */
function letsUsed(expr: ExprNode, lets: ReadonlyMap<string, LetDecl>): Set<string> {
  const used = new Set<string>();
  const stack = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'ref' && lets.has(e.name.text)) used.add(e.name.text); // `l` or `l.date`
    stack.push(...children(e));
  }
  return used;
}

/** The depth of an expression with each let it names counted as `letDepth` deep. */
function expandedDepth(expr: ExprNode, letDepth: (name: string) => number): number {
  let deepest = 0;
  const stack: { e: ExprNode; at: number }[] = [{ e: expr, at: 1 }];
  while (stack.length > 0) {
    const { e, at } = stack.pop()!;
    const here = e.kind === 'ref' ? at - 1 + Math.max(1, letDepth(e.name.text)) : at;
    if (here > deepest) deepest = here;
    for (const c of children(e)) stack.push({ e: c, at: at + 1 });
  }
  return deepest;
}

function children(e: ExprNode): readonly ExprNode[] {
  switch (e.kind) {
    case 'between':
      return [e.subject, e.from, e.to];
    case 'call':
      return e.args;
    case 'neg':
    case 'not':
      return [e.operand];
    case 'arith':
    case 'compare':
      return [e.left, e.right];
    case 'in':
      return [e.subject];
    case 'and':
    case 'or':
      return e.operands;
    case 'paren':
      return [e.inner];
    default:
      return [];
  }
}
