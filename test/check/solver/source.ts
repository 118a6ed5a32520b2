import { bind } from '../../../src/check/binder.js';
import { buildGraph } from '../../../src/check/build-graph.js';
import type { DecisionGraph } from '../../../src/graph/graph.js';
import { loadFiles } from '../../../src/check/load-files.js';
import { hasErrors, type Diagnostic } from '../../../src/diagnostics/diagnostic.js';

/**
 * Test helpers for the decision analysis from `.sop` text. The graph is built by the stages
 * before the checks, so the analysis under test runs on it whatever the check table holds.
 */

/** Common header: a policy, an enum, and facts of each kind the analysis decides. */
export const header = `policy p "P" { locales zh-CN  start d }
enum kind "类型" { a "A"  b "B"  c "C" }
fact k: kind "类型"
fact x: money "金额"
fact y: money "运费"
fact s: signed money "差额"
fact n: number "数量"
fact flag: bool "标志"
fact other: bool "其他"
fact t: text "备注"
const limit = 500 CNY "门槛"
let cap = min(x, y) "上限"
outcome done "完成" { }
outcome other_done "其他" { }
`;

/** Builds the graph of a policy; fails the test on any error before the checks. */
export function graphFromSource(text: string): DecisionGraph {
  const loaded = loadFiles('policy.sop', { readFile: (p) => (p === 'policy.sop' ? text : undefined) });
  const bound = bind(loaded.value.files);
  const built = buildGraph(bound.value);
  const errors = [...loaded.diagnostics, ...bound.diagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
  if (hasErrors(errors) || !built.value) throw new Error(`the fixture does not compile: ${errors.map((d) => d.message).join('; ')}`);
  return built.value;
}

/**
 * A policy whose decisions follow `header`, with `<|…|>` around the text each expected diagnostic
 * underlines. Returns the graph and the marked texts in order.
 */
export function markedPolicy(decisions: string): { graph: DecisionGraph; text: string; marks: string[] } {
  const raw = header + decisions;
  const marks: string[] = [];
  const text = raw.replace(/<\|([\s\S]*?)\|>/g, (_, inner: string) => {
    marks.push(inner);
    return inner;
  });
  return { graph: graphFromSource(text), text, marks };
}

/** `code: underlined text` for each diagnostic, in source order. */
export function underlinedBy(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.span.start - b.span.start)
    .map((d) => `${d.code}: ${text.slice(d.span.start, d.span.end)}`);
}
