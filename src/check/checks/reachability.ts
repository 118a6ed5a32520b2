import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionGraph } from '../../graph/graph.js';

/**
 * Reports decisions and outcomes that no path from `start` reaches. `liveBranches`, when given, is
 * the set of branch ids some input can take (from the path analysis), so a target reached only by a
 * shadowed branch counts as unreachable too.
 */
export function checkReachability(graph: DecisionGraph, liveBranches?: ReadonlySet<string>): Diagnostic[] {
  const seen = new Set<string>();
  const queue = [graph.policy.start];
  const outcomes = new Set<string>();
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const b of graph.decisions[id]?.branches ?? []) {
      if (liveBranches && !liveBranches.has(b.id)) continue;
      if (b.target.kind === 'decision') queue.push(b.target.id);
      else outcomes.add(b.target.id);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const d of Object.values(graph.decisions)) {
    if (!seen.has(d.id))
      diagnostics.push(diagnostic('graph/unreachable-decision', d.span, msg('graph.unreachable-decision', { decision: code(d.id) }), {
        help: msg('graph.unreachable-decision.help', { start: code(graph.policy.start) }),
      }));
  }
  for (const o of Object.values(graph.outcomes)) {
    if (!outcomes.has(o.id))
      diagnostics.push(diagnostic('graph/unreachable-outcome', o.span, msg('graph.unreachable-outcome', { outcome: code(o.id) }), {
        help: msg('graph.unreachable-outcome.help'),
      }));
  }
  return diagnostics;
}
