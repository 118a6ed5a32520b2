import type { DecisionGraph, DecisionNode, OutcomeNode } from '../graph/graph.js';

/**
 * The order things appear in the handbook. Decisions come in the order a case meets them,
 * depth-first from `start` with branches in order, so a sub-decision follows the decision that
 * leads to it; then any no path reaches, in declaration order.
 * Outcomes keep declaration order: the author's order is the reading order.
 */

/** The decisions in handbook order. */
export function orderedDecisions(graph: DecisionGraph): DecisionNode[] {
  const seen = new Set<string>();
  const order: DecisionNode[] = [];
  // Pre-order on an explicit stack (graphs may be deep): the first branch's subtree comes first.
  const stack: string[] = [graph.policy.start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const node = graph.decisions[id];
    if (!node || seen.has(id)) continue;
    seen.add(id);
    order.push(node);
    const next = node.branches.filter((b) => b.target.kind === 'decision').map((b) => b.target.id);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  for (const node of Object.values(graph.decisions)) if (!seen.has(node.id)) order.push(node);
  return order;
}

/** The outcomes in handbook order. */
export function orderedOutcomes(graph: DecisionGraph): OutcomeNode[] {
  return Object.values(graph.outcomes);
}

/** Anchors (HTML ids) of handbook parts; graph ids are ASCII identifiers, so they are safe as they are. */
export const anchors = {
  section: (id: string): string => `section-${id}`,
  decision: (id: string): string => `decision-${id}`,
  outcome: (id: string): string => `outcome-${id}`,
  fact: (id: string): string => `fact-${id}`,
  constant: (id: string): string => `constant-${id}`,
  derived: (id: string): string => `derived-${id}`,
} as const;
