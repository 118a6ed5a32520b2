import type { DecisionGraph } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../../diagnostics/suggest.js';
import type { Span } from '../../source/source-file.js';
import { messages, testMessages } from '../messages.js';

/**
 * A test's `path:` names branches by id (check/branch-ids.ts). When an id no longer exists, most
 * often because a branch was inserted, renamed or named, the test fails with the ids it could
 * mean: the branches of that decision, or the decisions when the decision itself is unknown.
 */

/** Every branch id of the policy, in declaration order. */
export function allBranchIds(graph: DecisionGraph): string[] {
  return Object.values(graph.decisions).flatMap((d) => d.branches.map((b) => b.id));
}

/** The `case/schema` error for a `path:` entry that is not a branch id of the policy. */
export function unknownBranch(graph: DecisionGraph, id: string, span: Span, locale?: string): Diagnostic {
  const t = testMessages(locale);
  const dot = id.indexOf('.');
  const decision = dot > 0 ? graph.decisions[id.slice(0, dot)] : undefined;
  const candidates = decision ? decision.branches.map((b) => b.id) : allBranchIds(graph);
  const suggestion = spellingSuggestion(id, candidates);
  const valid = decision
    ? t.branchesOf(decision.id, decision.branches.map((b) => b.id))
    : t.branchIdForm(Object.keys(graph.decisions));
  const help = suggestion ? t.suggestAmong(messages(locale).didYouMean(suggestion), valid) : valid;
  const message = decision ? t.noSuchBranch(decision.id, id) : t.unknownId('branch', id);
  return diagnostic('case/schema', span, message, { help, ...(suggestion ? { suggestion: { span, replacement: suggestion } } : {}) });
}
