import type { LocaleText, OutcomeNode, TextLimit } from '../graph/graph.js';
import { bracketed, fillTemplate, joinTexts, placeholderWords } from '../graph/text-template.js';
import { isZh } from '../values/locale.js';
import { describeCondition, describeValue, type DescribeContext } from './describe.js';

/**
 * An outcome's texts for the handbook, where no case is known. Each `{name}` becomes the value in
 * words, in corner brackets: the outcome's own value by its label (its formula is listed under the
 * outcome's values), a constant with its amount (「高价值商品门槛（¥500.00）」), a fact or derived
 * value by its name; `{{`/`}}` print as one brace. A line limited to some cases starts with its
 * limit in words: "（仅当经过 1.3 运输破损）", "(only when the kind of problem is wrong item)".
 * `pathWords` names a decision or branch id as the handbook numbers it ("1.4 错发商品 ①").
 */
export function handbookTexts(o: OutcomeNode, ctx: DescribeContext, pathWords: (id: string) => string): Pick<OutcomeNode, 'steps' | 'say' | 'notes'> {
  const named = o.textValues ?? [];
  const limits = o.limits;
  if (named.length === 0 && limits === undefined) return o;
  const zh = isZh(ctx.locale);
  const words = (name: string): string => {
    const t = named.find((n) => n.name === name);
    if (t === undefined || t.kind === 'value') return placeholderWords(ctx.graph, o, name, ctx.locale);
    const phrase = describeValue(t.expr, ctx, { constValues: true });
    return bracketed(phrase, ctx.locale);
  };
  const limitWords = (limit: TextLimit | null | undefined): string => (limit ? `${describeLimit(limit, ctx, pathWords)}${zh ? '' : ' '}` : '');
  // Every locale of a text is filled with the handbook locale's words: only that locale is printed.
  const fill = (text: LocaleText, limit?: TextLimit | null): LocaleText =>
    Object.fromEntries(Object.entries(text).map(([l, s]) => [l, limitWords(limit) + fillTemplate(s, words)]));
  return {
    steps: o.steps.map((t, i) => fill(t, limits?.steps[i])),
    say: limits ? joinTexts(limits.says.map((s) => fill(s.text, s.limit))) : o.say && fill(o.say),
    notes: o.notes.map((t, i) => fill(t, limits?.notes[i])),
  };
}

/** "（仅当经过 1.3 运输破损或 1.4 错发商品 ①，且问题类型为错货）" / "(only via 1.3 Damaged in transit, when …)". */
export function describeLimit(limit: TextLimit, ctx: DescribeContext, pathWords: (id: string) => string): string {
  const zh = isZh(ctx.locale);
  const via = limit.via.map(pathWords).join(zh ? '或' : ' or ');
  const when = limit.condition ? describeCondition(limit.condition, ctx) : '';
  if (zh) return `（仅当${via ? `经过 ${via}` : ''}${via && when ? '，且' : ''}${when}）`;
  return `(only${via ? ` via ${via}` : ''}${when ? ` when ${when}` : ''})`;
}
