import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { describeBranch, type DecisionAnalysis } from '../../analysis/index.js';
import type { Branch, DecisionNode } from '../../graph/graph.js';

/** Branches no case reaching their decision can take: covered by earlier ones, or impossible. */
export function checkShadowedBranches(analysis: DecisionAnalysis): Diagnostic[] {
  return analysis.findings.flatMap((f) => {
    switch (f.kind) {
      case 'shadowed': return [shadowedBranch(f.decision, f.branch, f.covering)];
      case 'impossible': return [impossibleBranch(f.decision, f.branch, f.contradicts)];
      case 'unreachable-otherwise': return [unreachableOtherwise(f.decision, f.branch)];
      default: return [];
    }
  });
}

/** `graph/shadowed-branch`: the earlier `covering` branches catch every case `branch` matches. */
export function shadowedBranch(decision: DecisionNode, branch: Branch, covering: readonly Branch[]): Diagnostic {
  const names = covering.map((b) => `\`${describeBranch(b)}\``);
  const who = names.length === 1 ? names[0] : `the branches ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return diagnostic('graph/shadowed-branch', branch.span, `\`${describeBranch(branch)}\` in \`${decision.id}\` is never taken: ${who} ${names.length === 1 ? 'catches' : 'catch'} every case it matches`, {
    help: 'remove the branch, or move it above the branches that catch its cases',
    related: covering.map((b) => ({ span: b.span, message: 'catches these cases first' })),
  });
}

/** `graph/shadowed-branch`: the condition contradicts itself, or the path into the decision. */
export function impossibleBranch(decision: DecisionNode, branch: Branch, contradicts: 'itself' | 'path'): Diagnostic {
  const what = `\`${describeBranch(branch)}\` in \`${decision.id}\` is never taken`;
  return contradicts === 'itself'
    ? diagnostic('graph/shadowed-branch', branch.span, `${what}: its condition can never hold`, {
        label: 'the condition contradicts itself',
        help: 'fix the condition or remove the branch',
      })
    : diagnostic('graph/shadowed-branch', branch.span, `${what}: its condition cannot hold for any case that reaches \`${decision.id}\``, {
        label: 'contradicts the conditions on the way here',
        help: `the branches leading to \`${decision.id}\` already rule these cases out; fix the condition or remove the branch`,
      });
}

/** `graph/shadowed-branch` on an `otherwise` no case reaches. */
export function unreachableOtherwise(decision: DecisionNode, branch: Branch): Diagnostic {
  return diagnostic('graph/shadowed-branch', branch.span, `\`otherwise\` in \`${decision.id}\` is never taken: earlier branches cover every case`, {
    help: 'remove the `otherwise` branch',
  });
}
