import { localize, type Branch, type DecisionGraph } from '../graph/graph.js';
import { describeCondition, type DescribeContext } from './describe.js';
import { uiStrings } from './i18n.js';

/**
 * A branch of a decision as the handbook words it: its condition in words ("商品价值不低于高价值
 * 商品门槛（¥500.00）"), or "其他情况" / "otherwise". The handbook's rules tables and the "why" of
 * an answer (eval, ask, the desk) use this one wording, so staff read the same sentence in both.
 */
export function branchInWords(graph: DecisionGraph, decisionId: string, branchId: string, locale: string): string {
  const branch = graph.decisions[decisionId]?.branches.find((b) => b.id === branchId);
  return branch === undefined ? branchId : branchCondition(branch, { graph, locale });
}

/** A branch's condition in words, or "其他情况" / "otherwise" for its `otherwise`. */
export function branchCondition(branch: Branch, ctx: DescribeContext): string {
  return branch.condition === null ? uiStrings(ctx.locale).otherwise : describeCondition(branch.condition, ctx);
}

/** The steps already worded, per graph (graphs are immutable): every answer of the API words its path. */
const worded = new WeakMap<DecisionGraph, Map<string, string>>();

/** One step of a path in the handbook's words: "运输破损 → 商品价值不低于高价值商品门槛（¥500.00）". */
export function pathStepInWords(graph: DecisionGraph, decisionId: string, branchId: string, locale: string): string {
  let cache = worded.get(graph);
  if (cache === undefined) worded.set(graph, (cache = new Map()));
  const key = `${locale}\u0000${decisionId}\u0000${branchId}`;
  let text = cache.get(key);
  if (text === undefined) {
    const decision = graph.decisions[decisionId];
    const name = decision ? localize(decision.label, locale, graph.policy.locales) : decisionId;
    text = `${name} → ${branchInWords(graph, decisionId, branchId, locale)}`;
    cache.set(key, text);
  }
  return text;
}
