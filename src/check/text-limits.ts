import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, list, msg } from '../diagnostics/message.js';
import type { OutcomeDecl, PathRefNode, TextLimitNode, TextNode } from '../syntax/ast.js';
import type { LocaleText, OutcomeLimits, TextLimit } from '../graph/graph.js';
import { kindName, type BoundRules } from './binder.js';
import { branchId } from './branch-ids.js';
import { didYouMean } from './typing-diagnostics.js';
import type { ExprTyper } from './typing.js';

/**
 * Lines of an outcome limited to some cases: `note "…" via transit_damage`, `say "…" when
 * problem == wrong_item`. Resolves the decisions and branches a limit names (an unknown one is an
 * error with the nearest name, or the decision's branch names) and types its condition.
 */
export function resolveLimits(
  d: OutcomeDecl, says: readonly LocaleText[], alwaysSteps: number, bound: BoundRules, typer: ExprTyper, diagnostics: Diagnostic[],
): OutcomeLimits | undefined {
  if (![...d.steps, ...d.says, ...d.notes].some((t) => t.limit)) return undefined;
  const limit = (t: TextNode): TextLimit | null => (t.limit ? resolveLimit(t.limit, bound, typer, diagnostics) : null);
  return {
    steps: [...d.steps.map(limit), ...Array<null>(alwaysSteps).fill(null)],
    notes: d.notes.map(limit),
    says: d.says.map((t, i) => ({ text: says[i], limit: limit(t) })),
  };
}

function resolveLimit(node: TextLimitNode, bound: BoundRules, typer: ExprTyper, diagnostics: Diagnostic[]): TextLimit {
  const via = node.via.map((ref) => resolvePath(ref, bound, diagnostics)).filter((id): id is string => id !== undefined);
  const condition = node.condition ? typer.condition(node.condition) : null;
  return { via, condition, span: node.span };
}

function resolvePath(ref: PathRefNode, bound: BoundRules, diagnostics: Diagnostic[]): string | undefined {
  const decl = bound.symbols.get(ref.decision.text);
  if (decl?.kind !== 'decision') {
    if (bound.duplicated.has(ref.decision.text)) return undefined;
    const suggestion = bound.suggestions.suggest(ref.decision.text, bound.suggestions.namesOf('decision'));
    diagnostics.push(
      diagnostic('resolve/unknown-limit', ref.decision.span, decl
        ? msg('resolve.limit-wrong-kind', { name: code(ref.decision.text), kind: kindName(decl.kind) })
        : msg('resolve.unknown-limit', { name: code(ref.decision.text) }), {
        ...(suggestion ? { help: didYouMean(suggestion), suggestion: { span: ref.decision.span, replacement: suggestion } } : { help: msg('resolve.unknown-limit.help') }),
      }),
    );
    return undefined;
  }
  if (ref.branch === null) return decl.name.text;
  const ids = decl.branches.map((b, i) => branchId(decl.name.text, i, b));
  const id = `${decl.name.text}.${ref.branch.text}`;
  if (ids.includes(id)) return id;
  const names = ids.map((i) => i.slice(decl.name.text.length + 1)).filter((n) => !/^\d+$/.test(n));
  const suggestion = bound.suggestions.suggest(ref.branch.text, names);
  diagnostics.push(
    diagnostic('resolve/unknown-limit', ref.branch.span, msg('resolve.unknown-limit-branch', { decision: code(decl.name.text), branch: code(id) }), {
      help: suggestion ? didYouMean(suggestion) : msg('resolve.unknown-limit-branch.help', { branches: list(names.map(code)) }),
      ...(suggestion ? { suggestion: { span: ref.branch.span, replacement: suggestion } } : {}),
    }),
  );
  return undefined;
}
