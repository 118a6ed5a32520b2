import type { LocaleText, OutcomeNode } from '../graph/graph.js';
import { fillTemplate, placeholderWords } from '../graph/text-template.js';
import { describeValue, type DescribeContext } from './describe.js';

/**
 * An outcome's texts for the handbook, where no case is known: each `{name}` becomes the value in
 * words, in corner brackets: the outcome's own value by its label (its formula is listed under
 * the outcome's values), a constant with its amount (「高价值商品门槛（¥500.00）」), a fact or
 * derived value by its name; `{{`/`}}` print as one brace.
 */
export function handbookTexts(o: OutcomeNode, ctx: DescribeContext): Pick<OutcomeNode, 'steps' | 'say' | 'notes'> {
  const named = o.textValues ?? [];
  if (named.length === 0) return o;
  const zh = ctx.locale.toLowerCase().startsWith('zh');
  const words = (name: string): string => {
    const t = named.find((n) => n.name === name);
    if (t === undefined || t.kind === 'value') return placeholderWords(ctx.graph, o, name, ctx.locale);
    const phrase = describeValue(t.expr, ctx, { constValues: true });
    return zh ? `「${phrase}」` : `[${phrase}]`;
  };
  // Every locale of a text is filled with the handbook's locale words: only that locale is printed.
  const fill = (text: LocaleText): LocaleText => Object.fromEntries(Object.entries(text).map(([l, s]) => [l, fillTemplate(s, words)]));
  return { steps: o.steps.map(fill), say: o.say && fill(o.say), notes: o.notes.map(fill) };
}
