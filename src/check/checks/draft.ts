import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionGraph, DecisionNode } from '../../graph/graph.js';

/**
 * Judging a policy that has errors: the decisions the errors do not touch are judged as usual,
 * the others are set aside and named. A decision is touched when one of its conditions has
 * errors, or when a case can reach it through such a decision: its path condition would then
 * include a condition nobody can read, so a gap or an overlap found there could be false.
 */

/** The draft graph without the touched decisions (branches into them end there), and why each was set aside. */
export function judgeablePart(draft: DecisionGraph, broken: ReadonlySet<string>): { graph: DecisionGraph; skipped: Map<string, string> } {
  // skipped: decision id → the broken decision it is reached through (itself when its own conditions have errors).
  const skipped = new Map<string, string>([...broken].filter((id) => draft.decisions[id]).map((id) => [id, id]));
  for (const id of broken) {
    const queue = (draft.decisions[id]?.branches ?? []).flatMap((b) => (b.target.kind === 'decision' ? [b.target.id] : []));
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (skipped.has(at) || !draft.decisions[at]) continue;
      skipped.set(at, id);
      for (const b of draft.decisions[at].branches) if (b.target.kind === 'decision') queue.push(b.target.id);
    }
  }
  const decisions: Record<string, DecisionNode> = {};
  for (const [id, d] of Object.entries(draft.decisions)) {
    if (skipped.has(id)) continue;
    // A branch into a decision set aside ends there, as if at an outcome: the analysis stops at it.
    decisions[id] = { ...d, branches: d.branches.map((b) => (b.target.kind === 'decision' && skipped.has(b.target.id) ? { ...b, target: { kind: 'outcome', id: b.target.id } } : b)) };
  }
  return { graph: { ...draft, decisions }, skipped };
}

/** `graph/not-judged` on each decision set aside, saying which errors kept it from being judged. */
export function notJudged(draft: DecisionGraph, skipped: ReadonlyMap<string, string>): Diagnostic[] {
  return [...skipped].map(([id, through]) => {
    const decision = draft.decisions[id];
    const message = id === through
      ? msg('graph.not-judged.own', { decision: code(id) })
      : msg('graph.not-judged.upstream', { decision: code(id), through: code(through) });
    return diagnostic('graph/not-judged', decision.span, message, { help: msg('graph.not-judged.help') });
  });
}
