import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, list, msg, type MessageRef } from '../../diagnostics/message.js';
import { reasonMessages } from '../../diagnostics/messages/reasons.js';
import type { DecisionAnalysis, OpaqueAtom } from '../../analysis/index.js';
import type { DecisionNode, OutcomeValue } from '../../graph/graph.js';
import type { UnknownCause } from '../../analysis/solver/search.js';
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
  const names = list(decisions.slice(0, 3).map((d) => code(d.id)), 'comma');
  const more = decisions.length > 3 ? msg('graph.inexact-condition.more', { count: decisions.length - 3 }) : '';
  return diagnostic('graph/inexact-analysis', atom.expr.span, msg('graph.inexact-condition', { condition: code(atom.text), reason: reasonMessage(atom.reason) }), {
    help: msg('graph.inexact-condition.help', { decisions: names, more }),
  });
}

/** `graph/inexact-analysis` on a decision the solver gave up on. */
export function undecidedDecision(decision: DecisionNode, why: 'budget' | 'precision'): Diagnostic {
  return diagnostic('graph/inexact-analysis', decision.span, msg(`graph.inexact-decision.${why}`, { decision: code(decision.id) }), {
    help: why === 'budget' ? msg('graph.inexact-decision.budget-help') : msg('graph.inexact-decision.help'),
  });
}

/** `graph/inexact-analysis` on an outcome value whose sign the analysis could not decide (`graph/negative-value` not judged). */
export function undecidedValue(value: OutcomeValue, cause: UnknownCause): Diagnostic {
  const reason = cause.kind === 'opaque' ? reasonMessage(cause.atom.reason) : msg(cause.kind === 'budget' ? 'graph.inexact-value.budget' : 'graph.inexact-value.precision');
  return diagnostic('graph/inexact-analysis', value.span, msg('graph.inexact-value', { value: code(value.id), reason }), {
    help: msg('graph.inexact-value.help'),
  });
}

/** The registry message whose English text is the analysis's reason (the analysis speaks English phrases). */
function reasonMessage(reason: string): MessageRef | string {
  const id = (Object.keys(reasonMessages) as (keyof typeof reasonMessages)[]).find((k) => reasonMessages[k].en === reason);
  return id ? msg(id) : reason;
}
