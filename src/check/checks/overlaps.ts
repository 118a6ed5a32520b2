import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
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
  const more = earlier.length > 1 ? ` (and ${earlier.length - 1} more)` : '';
  return diagnostic(
    'graph/overlap',
    branch.span,
    `\`${describeBranch(branch)}\` overlaps \`${describeBranch(earlier[0])}\`${more} in unique decision \`${decision.id}\``,
    {
      label: earlier.length > 1 ? 'earlier branches match some of its cases too' : 'an earlier branch matches some of its cases too',
      ...(witness ? { witness } : {}),
      help: 'in a `unique` decision at most one branch may match a case: narrow one of the conditions, or drop `unique` so the first match wins',
      related: earlier.map((b) => ({ span: b.span, message: 'overlapping branch' })),
    },
  );
}
