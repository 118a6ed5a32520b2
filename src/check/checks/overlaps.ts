import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import { describeBranch, type DecisionAnalysis, type Witness } from '../../analysis/index.js';
import type { Branch, DecisionNode } from '../../graph/graph.js';

/** Branches of `unique` decisions that match a case together with an earlier branch. */
export function checkOverlaps(analysis: DecisionAnalysis): Diagnostic[] {
  return analysis.findings.flatMap((f) =>
    f.kind === 'overlap' ? [overlappingBranches(f.decision, f.branch, f.earlier, f.witness)] : [],
  );
}

/** `graph/overlap` on the later branch; the witness matches it and `earlier[0]`. */
export function overlappingBranches(decision: DecisionNode, branch: Branch, earlier: readonly Branch[], witness: Witness | undefined): Diagnostic {
  const more = earlier.length > 1 ? msg('graph.overlap.more', { count: earlier.length - 1 }) : '';
  return diagnostic(
    'graph/overlap',
    branch.span,
    msg('graph.overlap', { branch: code(describeBranch(branch)), earlier: code(describeBranch(earlier[0])), more, decision: code(decision.id) }),
    {
      label: earlier.length > 1 ? msg('graph.overlap.label-many') : msg('graph.overlap.label-one'),
      ...(witness ? { witness } : {}),
      help: msg('graph.overlap.help'),
      related: earlier.map((b) => ({ span: b.span, message: msg('graph.overlap.related') })),
    },
  );
}
