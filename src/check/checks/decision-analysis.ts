import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DecisionAnalysis, OpaqueAtom } from '../../analysis/index.js';
import type { DecisionNode } from '../../graph/graph.js';
import { checkGaps } from './gaps.js';
import { checkOverlaps } from './overlaps.js';
import { checkShadowedBranches } from './shadowed.js';

/**
 * The decision analysis as one check: gaps, overlaps, shadowed branches and the notes on what
 * was not analysed exactly. They share one run of the analysis, given by the caller.
 */
export function analyseDecisions(analysis: DecisionAnalysis): Diagnostic[] {
  return [...checkGaps(analysis), ...checkOverlaps(analysis), ...checkShadowedBranches(analysis), ...checkInexactAnalysis(analysis)];
}

/** One `graph/inexact-analysis` note per condition (or decision) the analysis could not decide. */
export function checkInexactAnalysis(analysis: DecisionAnalysis): Diagnostic[] {
  const byAtom = new Map<string, { atom: OpaqueAtom; decisions: DecisionNode[] }>();
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    if (f.kind !== 'inexact') continue;
    if (f.cause.kind !== 'opaque') {
      out.push(undecidedDecision(f.decision, f.cause.kind));
      continue;
    }
    const entry = byAtom.get(f.cause.atom.text) ?? { atom: f.cause.atom, decisions: [] };
    entry.decisions.push(f.decision);
    byAtom.set(f.cause.atom.text, entry);
  }
  for (const { atom, decisions } of byAtom.values()) out.push(inexactCondition(atom, decisions));
  return out;
}

/** `graph/inexact-analysis` on a condition outside the decided fragment. */
export function inexactCondition(atom: OpaqueAtom, decisions: readonly DecisionNode[]): Diagnostic {
  const names = decisions.slice(0, 3).map((d) => `\`${d.id}\``).join(', ');
  const more = decisions.length > 3 ? ` and ${decisions.length - 3} more` : '';
  return diagnostic('graph/inexact-analysis', atom.expr.span, `\`${atom.text}\` is not analysed exactly: it ${atom.reason}`, {
    help: `gaps, overlaps and shadowed branches that depend on it are not reported (in ${names}${more}); to have it checked, compare one fact, or the difference of two facts, with a constant`,
  });
}

/** `graph/inexact-analysis` on a decision the solver gave up on. */
export function undecidedDecision(decision: DecisionNode, why: 'budget' | 'precision'): Diagnostic {
  const reason = why === 'budget' ? 'has too many combinations of conditions' : 'uses numbers too precise';
  return diagnostic('graph/inexact-analysis', decision.span, `\`${decision.id}\` ${reason} to analyse exactly`, {
    help: why === 'budget'
      ? 'gaps and overlaps in it are not reported; splitting it into smaller decisions helps'
      : 'gaps and overlaps in it are not reported',
  });
}
