import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionAnalysis, Witness } from '../../analysis/index.js';
import type { DecisionNode, OutcomeNode } from '../../graph/graph.js';

/** Decisions without `otherwise` that some reaching case falls through, each with a witness case. */
export function checkGaps(analysis: DecisionAnalysis): Diagnostic[] {
  return analysis.findings.flatMap((f) => {
    if (f.kind !== 'gap') return [];
    const outcome = analysis.deadlines.get(f.decision);
    return [outcome ? gapInDeadline(outcome, f.witness) : gapInDecision(f.decision, f.witness)];
  });
}

/** `graph/gap` in a deadline's cases: the witness reaches the outcome and matches no case. */
export function gapInDeadline(outcome: OutcomeNode, witness: Witness | undefined): Diagnostic {
  return diagnostic('graph/gap', outcome.span, msg('graph.deadline-gap', { outcome: code(outcome.id) }), {
    ...(witness ? { witness } : {}),
    help: msg('graph.deadline-gap.help'),
  });
}

/** `graph/gap`: the witness reaches the decision and matches none of its branches. */
export function gapInDecision(decision: DecisionNode, witness: Witness | undefined): Diagnostic {
  return diagnostic('graph/gap', decision.span, msg('graph.gap', { decision: code(decision.id) }), {
    ...(witness ? { witness } : {}),
    help: msg('graph.gap.help'),
  });
}
