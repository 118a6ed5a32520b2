import { Rat, rat } from '../values/rational.js';
import type { DecisionGraph } from './graph.js';

/**
 * A decision graph that crossed a thread boundary (structured clone keeps data, not classes)
 * made whole again: every exact number `{ n, d }` becomes a Rat. The walk uses its own stack, so
 * no depth of expression can exhaust the JavaScript one.
 */
export function reviveGraph(graph: DecisionGraph): DecisionGraph {
  const stack: unknown[] = [graph];
  while (stack.length > 0) {
    const o = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (typeof v !== 'object' || v === null || v instanceof Rat) continue;
      const r = v as { n?: unknown; d?: unknown };
      if (typeof r.n === 'bigint' && typeof r.d === 'bigint') o[key] = rat(r.n, r.d);
      else stack.push(v);
    }
  }
  return graph;
}
