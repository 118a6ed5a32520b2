/**
 * The formatters front ends print workflow results with, gathered here so that a front end
 * depends on the workflows (and on src/diagnostics for diagnostics) and never on a stage.
 */
import type { DecisionGraph } from '../graph/graph.js';
import type { SourceFile } from '../source/source-file.js';
import { formatResultText as evalText, toJsonResult as evalJson, type JsonEvalResult, type TextResultOptions } from '../eval/format-result.js';
import type { EvalResult } from '../eval/trace.js';
import { pathStepInWords } from '../render/branch-words.js';
export type { JsonEvalResult };
export { testMessages, type TestMessages } from '../eval/messages.js';
export { formatTestReport, toJsonTestReport } from '../eval/testing/test-report.js';
export type { BatchProgress, LineProblem, Tally } from '../eval/batch/index.js';
export { graphFormats, type GraphFormat } from '../render/graph-export.js';
export { handbookLocales } from '../render/i18n.js';

/** The path of a result in the handbook's words, one line per decision ("运输破损 → 商品价值不低于高价值商品门槛（¥500.00）"). */
export function whyInWords(graph: DecisionGraph, result: EvalResult, locale: string): string[] {
  return result.path.map((step) => pathStepInWords(graph, step.decision, step.branch, locale));
}

/** The answer for people (`eval`, `ask`), its "why" in the handbook's words. */
export function formatResultText(graph: DecisionGraph, result: EvalResult, locale: string, options: TextResultOptions = {}): string {
  return evalText(graph, result, locale, { ...options, why: whyInWords(graph, result, locale) });
}

/** `eval --json`: the stable shape, plus `why`, the path in the handbook's words. */
export function toJsonResult(
  graph: DecisionGraph, result: EvalResult, locale: string, sources?: ReadonlyMap<string, SourceFile>,
): JsonEvalResult & { readonly why: readonly string[] } {
  const { trace, ...json } = evalJson(graph, result, locale, sources);
  return { ...json, why: whyInWords(graph, result, locale), ...(trace !== undefined ? { trace } : {}) };
}
