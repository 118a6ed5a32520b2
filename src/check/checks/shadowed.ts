import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, list, msg } from '../../diagnostics/message.js';
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
  const names = covering.map((b) => code(describeBranch(b)));
  const who = names.length === 1 ? msg('graph.shadowed.one', { branch: names[0] }) : msg('graph.shadowed.many', { branches: list(names) });
  return diagnostic('graph/shadowed-branch', branch.span, msg('graph.shadowed', { branch: code(describeBranch(branch)), decision: code(decision.id), who }), {
    help: msg('graph.shadowed.help'),
    related: covering.map((b) => ({ span: b.span, message: msg('graph.shadowed.related') })),
  });
}

/** `graph/shadowed-branch`: the condition contradicts itself, or the path into the decision. */
export function impossibleBranch(decision: DecisionNode, branch: Branch, contradicts: 'itself' | 'path'): Diagnostic {
  const args = { branch: code(describeBranch(branch)), decision: code(decision.id) };
  return contradicts === 'itself'
    ? diagnostic('graph/shadowed-branch', branch.span, msg('graph.impossible', args), {
        label: msg('graph.impossible.label'),
        help: msg('graph.impossible.help'),
      })
    : diagnostic('graph/shadowed-branch', branch.span, msg('graph.contradicts-path', args), {
        label: msg('graph.contradicts-path.label'),
        help: msg('graph.contradicts-path.help', { decision: code(decision.id) }),
      });
}

/** `graph/shadowed-branch` on an `otherwise` no case reaches. */
export function unreachableOtherwise(decision: DecisionNode, branch: Branch): Diagnostic {
  return diagnostic('graph/shadowed-branch', branch.span, msg('graph.unreachable-otherwise', { decision: code(decision.id) }), {
    help: msg('graph.unreachable-otherwise.help'),
  });
}
