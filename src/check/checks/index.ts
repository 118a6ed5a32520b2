import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { analyseGraph } from '../../analysis/index.js';
import type { DecisionGraph } from '../../graph/graph.js';
import { checkCycles } from './cycles.js';
import { analyseDecisions } from './decision-analysis.js';
import { checkReachability } from './reachability.js';
import { checkUnused } from './unused.js';
import { checkTextValues } from './text-values.js';
import { checkNegativeValues } from './negative-values.js';
import { checkTextLimits } from './text-limits.js';
import { verifyWitnesses } from './witnesses.js';
import { judgeablePart, notJudged } from './draft.js';

/**
 * The graph checks, in order. Like a compiler's stage table: each entry is a small named function,
 * and the comments say why an entry must come where it is.
 */
export function runChecks(graph: DecisionGraph): Diagnostic[] {
  // Cycles first: every later check walks paths from `start` and assumes they end.
  const cycles = checkCycles(graph);
  if (hasErrors(cycles)) return cycles;
  return [
    // Gaps, overlaps, shadowed branches, inexact conditions: needs an acyclic graph (path conditions
    // are built in topological order); one run of the analysis serves all four kinds of finding.
    // Witnesses are verified (and trimmed to the facts read) by the reference evaluator.
    ...analyseDecisions(verifyWitnesses(graph, analyseGraph(graph))),
    // Reachability and unused names read the graph alone; their order does not matter.
    ...checkReachability(graph),
    ...checkUnused(graph),
    // Facts texts name must be asked on the way to their outcome; reads the graph alone.
    ...checkTextValues(graph),
    // Amounts below zero: needs an acyclic graph (path conditions), like the decision analysis.
    ...checkNegativeValues(graph),
    // Lines limited to cases that never reach their outcome (a solver query per `when` limit).
    ...checkTextLimits(graph),
  ];
}

/**
 * The checks that still mean something when the rules have errors: cycles, and the decision
 * analysis of every decision the errors do not touch (the others are named, `graph/not-judged`).
 * Reachability and unused names are left out: an error hides uses and paths, so they would mislead.
 */
export function runDraftChecks(draft: DecisionGraph, broken: ReadonlySet<string>): Diagnostic[] {
  const cycles = checkCycles(draft);
  if (hasErrors(cycles)) return cycles;
  const { graph, skipped } = judgeablePart(draft, broken);
  return [...analyseDecisions(analyseGraph(graph)), ...notJudged(draft, skipped)];
}
