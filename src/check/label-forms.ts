import type { LocaleText } from '../graph/graph.js';

/**
 * The grammatical forms a label may declare, written in the label itself so no new syntax is
 * needed and every locale says it its own way:
 *
 * - a statement's negation, in braces: `"退回的商品{不}完好"` reads "退回的商品完好", negated
 *   "退回的商品不完好"; `"The order has {not} shipped"`; `{neg|pos}` picks a word for each side:
 *   `"What arrived {does not match|matches} the order"`, `"{未|已}发货"`;
 * - the noun phrase a condition uses for it, in brackets at the end: `"Kind of problem [the problem]"`
 *   stays "Kind of problem" as a term and reads "the problem is …" in a condition; an enum
 *   member `"Complaint [a complaint]"` reads "the problem is a complaint".
 *
 * A label without them reads as before. The forms are split off when the graph is built, so
 * everything else sees the plain label.
 */

export interface LabelForms {
  /** The label as a term: markers removed, the positive side of each choice kept. */
  readonly label: LocaleText;
  /** The statement negated, for the locales that declare it. */
  readonly negation?: LocaleText;
  /** The noun phrase a condition names it by, for the locales that declare it. */
  readonly phrase?: LocaleText;
}

const phraseMarker = /\s*\[([^\]]+)\]\s*$/;
const negationMarker = /\{([^{}|]*)(?:\|([^{}]*))?\}/g;

/** Spaces a removed word leaves behind: none doubled, none at the ends. */
const tidy = (s: string): string => s.replace(/ {2,}/g, ' ').trim();

/** One locale's label split into its forms. */
function formsOf(text: string): { label: string; negation?: string; phrase?: string } {
  let label = text;
  let phrase: string | undefined;
  const m = phraseMarker.exec(label);
  if (m) {
    phrase = m[1]!.trim();
    label = label.slice(0, m.index);
  }
  if (!negationMarker.test(label)) return { label, ...(phrase === undefined ? {} : { phrase }) };
  negationMarker.lastIndex = 0;
  const positive = tidy(label.replace(negationMarker, (_all, _neg: string, pos: string | undefined) => pos ?? ''));
  const negative = tidy(label.replace(negationMarker, (_all, neg: string) => neg));
  return { label: positive, negation: negative, ...(phrase === undefined ? {} : { phrase }) };
}

/** A label's forms in every locale it is written in; `negation` and `phrase` only where written. */
export function labelForms(text: LocaleText): LabelForms {
  const label: Record<string, string> = {};
  const negation: Record<string, string> = {};
  const phrase: Record<string, string> = {};
  for (const [locale, s] of Object.entries(text)) {
    const f = formsOf(s);
    label[locale] = f.label;
    if (f.negation !== undefined) negation[locale] = f.negation;
    if (f.phrase !== undefined) phrase[locale] = f.phrase;
  }
  return {
    label,
    ...(Object.keys(negation).length > 0 ? { negation } : {}),
    ...(Object.keys(phrase).length > 0 ? { phrase } : {}),
  };
}
