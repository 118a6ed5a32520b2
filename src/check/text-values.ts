import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { Name, TextNode } from '../syntax/ast.js';
import type { OutcomeValue, TextValue } from '../graph/graph.js';
import { kindName, type BoundRules } from './binder.js';
import { didYouMean } from './typing-diagnostics.js';
import type { ExprTyper } from './typing.js';

/**
 * Resolves the values texts name (`{refund_cap}`, found by src/syntax/text-holes.ts): the outcome's
 * own values first, then any fact, constant or derived value. Anything else is an error pointing at
 * the name inside the string, with the nearest name that would do.
 */
export function resolveTextValues(
  texts: readonly TextNode[], own: readonly OutcomeValue[], bound: BoundRules, typer: ExprTyper, diagnostics: Diagnostic[],
): TextValue[] {
  const out = new Map<string, TextValue>();
  for (const text of texts) {
    for (const part of text.parts) {
      for (const hole of part.holes ?? []) {
        const value = resolveOne(hole, own, bound, typer, diagnostics);
        if (value !== undefined && !out.has(value.name)) out.set(value.name, value);
      }
    }
  }
  return [...out.values()];
}

function resolveOne(hole: Name, own: readonly OutcomeValue[], bound: BoundRules, typer: ExprTyper, diagnostics: Diagnostic[]): TextValue | undefined {
  if (own.some((v) => v.id === hole.text)) return { name: hole.text, kind: 'value' };
  const decl = bound.symbols.get(hole.text);
  if (decl?.kind === 'fact' || decl?.kind === 'const' || decl?.kind === 'let') {
    const expr = typer.expr({ kind: 'ref', name: hole, member: null, span: hole.span });
    return expr ? { name: hole.text, kind: 'expr', expr } : undefined;
  }
  if (bound.duplicated.has(hole.text)) return undefined; // the duplicate declaration is the error
  const candidates = [...own.map((v) => v.id), ...bound.suggestions.namesOf('fact', 'const', 'let')];
  const suggestion = bound.suggestions.suggest(hole.text, candidates);
  const message = decl
    ? msg('resolve.text-value-wrong-kind', { name: code(hole.text), kind: kindName(decl.kind) })
    : msg('resolve.unknown-text-value', { name: code(hole.text) });
  diagnostics.push(
    diagnostic('resolve/unknown-text-value', hole.span, message, {
      label: msg('resolve.unknown-text-value.label'),
      ...(suggestion
        ? { help: didYouMean(suggestion), suggestion: { span: hole.span, replacement: suggestion } }
        : { help: msg('resolve.unknown-text-value.help') }),
    }),
  );
  return undefined;
}
