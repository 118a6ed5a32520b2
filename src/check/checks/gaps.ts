import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionAnalysis, Witness } from '../../analysis/index.js';
import type { DecisionNode } from '../../graph/graph.js';

/** Decisions without `otherwise` that some reaching case falls through, each with a witness case. */
export function checkGaps(analysis: DecisionAnalysis): Diagnostic[] {
  return analysis.findings.flatMap((f) => (f.kind === 'gap' ? [gapInDecision(f.decision, f.witness)] : []));
}

/** `graph/gap`: the witness reaches the decision and matches none of its branches. */
export function gapInDecision(decision: DecisionNode, witness: Witness | undefined): Diagnostic {
  return diagnostic('graph/gap', decision.span, msg('graph.gap', { decision: code(decision.id) }), {
    ...(witness ? { witness } : {}),
    help: msg('graph.gap.help'),
  });
}
