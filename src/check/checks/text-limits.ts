import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, list, msg } from '../../diagnostics/message.js';
import { limitCanHold, pathConditions, type PathConditions } from '../../analysis/index.js';
import type { DecisionGraph, OutcomeNode, TextLimit } from '../../graph/graph.js';
import { limitsOf } from '../expr-walk.js';

/**
 * A line limited to cases that never reach its outcome is never shown: warns, saying why. A `via`
 * decision or branch that no way to the outcome passes through; a `when` condition no case that
 * reaches the outcome satisfies (proved by the path analysis). Needs an acyclic graph.
 */
export function checkTextLimits(graph: DecisionGraph): Diagnostic[] {
  const limited = Object.values(graph.outcomes).filter((o) => o.limits !== undefined);
  if (limited.length === 0) return [];
  const leads = new WaysTo(graph);
  let pc: PathConditions | undefined;
  const diagnostics: Diagnostic[] = [];
  for (const o of limited) {
    for (const limit of limitsOf(o)) {
      if (limit.via.length > 0 && !limit.via.some((id) => leads.passes(id, o.id))) {
        diagnostics.push(neverVia(o, limit));
        continue;
      }
      if (limit.condition && !limitCanHold(graph, (pc ??= pathConditions(graph)), o.id, limit.condition)) diagnostics.push(neverWhen(o, limit));
    }
  }
  return diagnostics;
}

/** Which decisions and branches, reached from `start`, lead on to an outcome. */
class WaysTo {
  private readonly reached = new Set<string>();
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly graph: DecisionGraph) {
    const queue = [graph.policy.start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (this.reached.has(id) || !graph.decisions[id]) continue;
      this.reached.add(id);
      for (const b of graph.decisions[id].branches) if (b.target.kind === 'decision') queue.push(b.target.id);
    }
  }

  /** Whether some case reaching `outcome` passes through the decision or branch `id`. */
  passes(id: string, outcome: string): boolean {
    const d = this.graph.decisions[id];
    if (d) return this.reached.has(id) && this.leadsTo(id, outcome);
    for (const owner of Object.values(this.graph.decisions)) {
      const b = owner.branches.find((x) => x.id === id);
      if (b) return this.reached.has(owner.id) && (b.target.id === outcome || (b.target.kind === 'decision' && this.leadsTo(b.target.id, outcome)));
    }
    return false;
  }

  private leadsTo(decision: string, outcome: string): boolean {
    const key = `${decision}>${outcome}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, false);
    const yes = (this.graph.decisions[decision]?.branches ?? []).some((b) => b.target.id === outcome || (b.target.kind === 'decision' && this.leadsTo(b.target.id, outcome)));
    this.memo.set(key, yes);
    return yes;
  }
}

function neverVia(o: OutcomeNode, limit: TextLimit): Diagnostic {
  return diagnostic('graph/limit-never-holds', limit.span, msg('graph.limit-never-via', { outcome: code(o.id), via: list(limit.via.map(code), 'or') }), {
    help: msg('graph.limit-never-holds.help'),
  });
}

function neverWhen(o: OutcomeNode, limit: TextLimit): Diagnostic {
  return diagnostic('graph/limit-never-holds', limit.span, msg('graph.limit-never-when', { outcome: code(o.id) }), {
    help: msg('graph.limit-never-holds.help'),
  });
}
