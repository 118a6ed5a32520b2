import { isZh } from '../values/locale.js';
import { localize, type DecisionGraph, type LocaleText, type OutcomeNode } from './graph.js';

/**
 * The placeholders of an outcome's texts: `{name}` names a value, `{{` and `}}` are literal braces
 * (the syntax checked them: src/syntax/text-holes.ts). Every back end that shows such a text fills
 * it here: eval with the case's values, the handbook with the values' names in words.
 */

const TOKEN = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Whether a text may hold a placeholder or an escaped brace (a text without braces is shown as written). */
export function hasBraces(text: string): boolean {
  return text.includes('{') || text.includes('}');
}

/** The text with each `{name}` replaced by `fill(name)` (or kept as written when it gives undefined), and `{{`/`}}` as one brace. */
export function fillTemplate(text: string, fill: (name: string) => string | undefined): string {
  if (!hasBraces(text)) return text;
  return text.replace(TOKEN, (whole, name: string | undefined) => (name === undefined ? whole[0] : fill(name) ?? whole));
}

/** The names a text's placeholders use, in order (repeats kept). */
export function templateNames(text: string): string[] {
  if (!hasBraces(text)) return [];
  return [...text.matchAll(TOKEN)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

/**
 * What a placeholder stands for, in words: the label of the outcome's value, fact, constant or
 * derived value it names, in corner brackets (「部分退款上限」, [Partial refund cap]). The handbook
 * prints this; `eval` prints it for a value the case does not know.
 */
export function placeholderWords(graph: DecisionGraph, outcome: OutcomeNode, name: string, locale: string): string {
  const own = outcome.values.find((v) => v.id === name);
  const el = own ?? graph.facts[name] ?? graph.constants[name] ?? graph.lets[name];
  const label = el ? localize(el.label, locale, graph.policy.locales) : name;
  return bracketed(label, locale);
}

/** A value's words set apart in a text: 「部分退款上限」, [Partial refund cap]. */
export function bracketed(words: string, locale: string): string {
  return isZh(locale) ? `「${words}」` : `[${words}]`;
}

/** Several texts as one (an outcome's `say`s), each locale's joined by a line break; null for none. */
export function joinTexts(texts: readonly LocaleText[]): LocaleText | null {
  if (texts.length <= 1) return texts[0] ?? null;
  const out: Record<string, string> = {};
  for (const t of texts) for (const [locale, s] of Object.entries(t)) out[locale] = locale in out ? `${out[locale]}\n${s}` : s;
  return out;
}
