import type { DecisionGraph, FactDef } from '../../graph/graph.js';
import { plainTime } from './time-fields.js';
import { timeAnswer, type TimeProblem } from './time-answers.js';

/**
 * Answers as staff type them. Customer-service staff answer `运输破损` rather than
 * `transit_damage`, `是` rather than `true`, `30元` or `¥30` rather than `30`. This module turns
 * such an answer into the canonical case value (the member id, the boolean, the decimal string in
 * yuan), which the case reader then validates like any other. Nothing is guessed: a word that
 * could mean two members is `ambiguous` and the reader refuses it, listing the allowed answers;
 * a word that means nothing is left as it is, and the reader explains what is allowed.
 */

/** The canonical value of an answer, or the members an ambiguous answer could mean. */
export type CanonicalAnswer =
  | { readonly value: unknown }
  | { readonly ambiguous: readonly string[] }
  /** A time answer that cannot be read without guessing (`12月3日`: which year?). */
  | { readonly timeProblem: TimeProblem };

/** Words for yes and no, compared after `normalizeWord`. */
export const YES_WORDS: readonly string[] = ['true', 'yes', 'y', '是', '是的', '对', '对的'];
export const NO_WORDS: readonly string[] = ['false', 'no', 'n', '否', '不是', '不对', '不'];

const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/**
 * A word as staff may type it, for comparison: full-width forms folded to ASCII (NFKC: `１２` →
 * `12`, `ｙｅｓ` → `yes`), case ignored, spaces at the ends dropped and runs of spaces made one.
 */
export function normalizeWord(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// A yuan amount with an optional sign; its decimals are checked by the money reader.
const AMOUNT = '(-?\\d+(?:\\.\\d+)?)';
// `¥30`, `-¥30`, `¥ 30.5`; `30元`, `30 块`, `30块钱`, `30 CNY`, `30 RMB` (NFKC has already turned `￥` into `¥`).
const MONEY_FORMS = [
  new RegExp(`^(-?)¥\\s*(\\d+(?:\\.\\d+)?)(?:\\s*元)?$`),
  new RegExp(`^${AMOUNT}\\s*(?:元|块|块钱|cny|rmb|yuan)?$`),
];

/** An amount of money as staff type it (`30元`, `¥30`, `３０.５`), as a decimal string in yuan; undefined when it is not one. */
export function moneyAnswer(text: string): string | undefined {
  const t = normalizeWord(text);
  const sym = MONEY_FORMS[0].exec(t);
  if (sym) return `${sym[1]}${sym[2]}`;
  const plain = MONEY_FORMS[1].exec(t);
  return plain ? plain[1] : undefined;
}

/** A yes/no answer as a boolean; undefined when the word is neither. */
export function boolAnswer(text: string): boolean | undefined {
  const w = normalizeWord(text);
  return YES.has(w) ? true : NO.has(w) ? false : undefined;
}

/** The members of an enum an answer names: its id exactly, else its id or a label in any locale, ignoring case and width. */
export function enumMatches(graph: DecisionGraph, enumId: string, text: string): readonly string[] {
  const members = graph.enums[enumId]?.members ?? [];
  // An id written exactly always means that member: machine input never becomes ambiguous.
  if (members.some((m) => m.id === text)) return [text];
  const w = normalizeWord(text);
  if (w === '') return [];
  return members.filter((m) => normalizeWord(m.id) === w || Object.values(m.label).some((l) => normalizeWord(l) === w)).map((m) => m.id);
}

/**
 * The canonical case value of a raw answer for a fact. Only strings are translated (a JSON
 * `true` or `12.5` is already canonical); anything not recognised comes back unchanged.
 */
export function canonicalAnswer(graph: DecisionGraph, fact: FactDef, raw: unknown): CanonicalAnswer {
  if (typeof raw !== 'string') return { value: raw };
  switch (fact.type.kind) {
    case 'bool': {
      const b = boolAnswer(raw);
      return { value: b ?? raw };
    }
    case 'money':
      return { value: moneyAnswer(raw) ?? raw };
    case 'enum': {
      const matches = enumMatches(graph, fact.type.enum, raw);
      if (matches.length > 1) return { ambiguous: matches };
      return { value: matches[0] ?? raw };
    }
    case 'date':
    case 'datetime':
    case 'time':
    case 'duration': {
      // Canonical text stays as it is (its `1 day` is not rewritten to `1 days`).
      if (plainTime(fact.type.kind, raw) !== undefined) return { value: raw };
      const t = timeAnswer(fact.type.kind, raw, graph.policy.timezone);
      if (t === undefined) return { value: raw };
      return 'value' in t ? { value: t.value } : { timeProblem: t.problem };
    }
    default:
      return { value: raw };
  }
}

/** Whether a case (an object of raw answers) holds an answer that `canonicalAnswer` would change or refuse. */
export function hasStaffAnswer(graph: DecisionGraph, raw: Readonly<Record<string, unknown>>): boolean {
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(graph.facts, key)) continue;
    const c = canonicalAnswer(graph, graph.facts[key], value);
    if (!('value' in c) || c.value !== value) return true;
  }
  return false;
}
