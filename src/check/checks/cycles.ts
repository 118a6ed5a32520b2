import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { Branch, DecisionGraph } from '../../graph/graph.js';

/**
 * Finds decisions that reach themselves through their branches. Each cycle is reported once, at the
 * branch that closes it, with the whole loop spelled out.
 */
export function checkCycles(graph: DecisionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: { decision: string; via: Branch | null }[] = [];
  const reported = new Set<string>();

  const visit = (id: string, via: Branch | null): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const from = stack.findIndex((s) => s.decision === id);
      const loop = stack.slice(from).map((s) => s.decision);
      const key = [...loop].sort().join(' ');
      if (!reported.has(key) && via) {
        reported.add(key);
        diagnostics.push(cycle(loop, via));
      }
      return;
    }
    state.set(id, 'open');
    stack.push({ decision: id, via });
    for (const b of graph.decisions[id]?.branches ?? []) if (b.target.kind === 'decision') visit(b.target.id, b);
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [graph.policy.start, ...Object.keys(graph.decisions)]) visit(id, null);
  return diagnostics;
}

function cycle(loop: readonly string[], closing: Branch): Diagnostic {
  const path = [...loop, loop[0]].map((d) => `\`${d}\``).join(' → ');
  return diagnostic('graph/cycle', closing.span, msg('graph.cycle', { decision: code(loop[0]), path }), {
    label: msg('graph.cycle.label'),
    help: msg('graph.cycle.help'),
  });
}
