import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DecisionAnalysis, Witness } from '../../analysis/index.js';
import type { DecisionNode } from '../../graph/graph.js';

/** Decisions without `otherwise` that some reaching case falls through, each with a witness case. */
export function checkGaps(analysis: DecisionAnalysis): Diagnostic[] {
  return analysis.findings.flatMap((f) => (f.kind === 'gap' ? [gapInDecision(f.decision, f.witness)] : []));
}

/** `graph/gap`: the witness reaches the decision and matches none of its branches. */
export function gapInDecision(decision: DecisionNode, witness: Witness | undefined): Diagnostic {
  return diagnostic('graph/gap', decision.span, `some cases reach \`${decision.id}\` and match no branch`, {
    ...(witness ? { witness } : {}),
    help: 'add an `otherwise ->` branch or a branch for these cases',
  });
}
