import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { BranchNode, DecisionDecl } from '../syntax/ast.js';

/**
 * Branch identity: the id traces, coverage reports, policy tests (`path:`) and later diffs name a
 * branch by.
 * - `<decision>.<name>` for a branch named with `as name` (`triage.wrong_item`);
 * - `<decision>.otherwise` for the `otherwise` branch;
 * - `<decision>.<n>` for any other branch, n its 1-based position among the decision's branches.
 * A position moves when a branch is inserted above it; a name does not. A named branch has only its
 * named id, so a test that still says `triage.3` fails with the list of valid ids instead of
 * silently meaning whatever branch is third now.
 */
export function branchId(decision: string, index: number, branch: BranchNode): string {
  if (branch.condition === null) return `${decision}.otherwise`;
  return `${decision}.${branch.name?.text ?? index + 1}`;
}

/** One error for each branch whose name an earlier branch of the same decision already has. */
export function duplicateBranchNames(d: DecisionDecl): Diagnostic[] {
  const first = new Map<string, BranchNode>();
  const diagnostics: Diagnostic[] = [];
  for (const b of d.branches) {
    if (!b.name) continue;
    const earlier = first.get(b.name.text);
    if (earlier?.name) diagnostics.push(duplicateBranchName(d, b.name.text, b.name.span, earlier.name.span));
    else first.set(b.name.text, b);
  }
  return diagnostics;
}

function duplicateBranchName(d: DecisionDecl, name: string, span: BranchNode['span'], firstSpan: BranchNode['span']): Diagnostic {
  return diagnostic('resolve/duplicate-branch-name', span, msg('resolve.duplicate-branch-name', { decision: code(d.name.text), name: code(name) }), {
    label: msg('resolve.duplicate-branch-name.label'),
    related: [{ span: firstSpan, message: msg('resolve.duplicate-branch-name.first', { id: code(`${d.name.text}.${name}`) }) }],
    help: msg('resolve.duplicate-branch-name.help'),
  });
}
