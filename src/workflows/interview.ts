import { localize, type DecisionGraph, type FactDef, type Value } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { evaluate } from '../eval/engines/interpreter.js';
import { readCaseArgs } from '../eval/input/case-args.js';
import { readCase, type CaseInput } from '../eval/input/case-reader.js';
import { answerSchema, type JsonSchema } from '../eval/input/case-schema.js';
import { toJsonResult as evalJson, type JsonEvalResult } from '../eval/format-result.js';
import { whyInWords } from './reports.js';
import { describeBounds } from '../values/bounds.js';
import { div, exactText, rat, type Rat } from '../values/rational.js';
import { messages } from '../eval/messages.js';
import type { EvalResult } from '../eval/trace.js';
import { valueToJson } from '../eval/values.js';

/**
 * The guided interview every staff front end shares (`sopwright ask`, the HTTP API's `next`, the
 * desk): from the facts known so far, the next question to ask — the policy's own question, the
 * allowed answers as choices where there are few — or the outcome once it is settled. A question
 * is skipped when every answer it could get leads to the same outcome (and the same values and
 * deadline) from there; facts staff cannot find out now ("don't know") are never asked again.
 */

/** One allowed answer to a question: the canonical answer text and what staff see. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A question about one fact, as staff see it. */
export interface Question {
  readonly fact: string;
  readonly label: string;
  /** The policy's question, or one made from the label. */
  readonly ask: string;
  /** The fact's type: how the answer is entered. */
  readonly type: FactDef['type']['kind'];
  /** The allowed answers for yes/no and enum facts; empty for typed answers (money, numbers, text). */
  readonly choices: readonly Choice[];
  /** How a typed answer is written, e.g. "30元 or ¥30.50"; empty for choices. */
  readonly hint: string;
  /** A number's or an amount's bounds, for a form field: whole numbers only, and the least and greatest allowed (in yuan for money); null without bounds. */
  readonly bounds: { readonly whole: boolean; readonly min: string | null; readonly max: string | null } | null;
}

/** Where an interview stands. */
export interface InterviewStep {
  /** The evaluation of the facts known so far (or, when `assumed` is not empty, of one case that settles it). */
  readonly result: EvalResult;
  /** The next question, or null: decided, settled without more questions, or stuck on facts nobody knows. */
  readonly question: Question | null;
  /** Facts not asked because every answer leads to the same outcome from here. */
  readonly skipped: readonly string[];
  /** Facts the case still needs that staff said they do not know: what to find out. */
  readonly unknown: readonly string[];
}

/** Options of `interviewStep`. */
export interface InterviewOptions {
  readonly locale?: string;
  /** Facts staff cannot find out now; they are not asked, and the summary lists them. */
  readonly unknown?: ReadonlySet<string>;
}

/** The next step of an interview over the facts known so far. */
export function interviewStep(graph: DecisionGraph, facts: CaseInput, opts: InterviewOptions = {}): InterviewStep {
  const locale = opts.locale ?? graph.policy.locales[0] ?? 'zh-CN';
  const dontKnow = opts.unknown ?? new Set<string>();
  const result = evaluate(graph, facts, { locale });
  if (result.status !== 'undecided') return { result, question: null, skipped: [], unknown: [] };
  const settled = settledResult(graph, facts, locale);
  if (settled !== undefined) {
    const skipped = [...settled.assumed.keys()];
    return { result: withoutAssumed(settled.result, settled.assumed), question: null, skipped, unknown: [] };
  }
  const next = result.needs.find((id) => !dontKnow.has(id));
  if (next === undefined) return { result, question: null, skipped: [], unknown: result.needs.filter((id) => dontKnow.has(id)) };
  return { result, question: questionFor(graph, next, locale), skipped: [], unknown: result.needs.filter((id) => dontKnow.has(id)) };
}

/** The question about a fact, with its choices or how to write the answer, in `locale`. */
export function questionFor(graph: DecisionGraph, id: string, locale: string): Question {
  const fact = graph.facts[id];
  const text = (t: Readonly<Record<string, string>>) => localize(t, locale, graph.policy.locales);
  const msg = messages(locale);
  const label = fact ? text(fact.label) : id;
  const ask = fact?.ask ? text(fact.ask) : msg.askFallback(label);
  const type = fact?.type.kind ?? 'text';
  let choices: Choice[] = [];
  if (fact?.type.kind === 'bool') choices = [{ value: 'true', label: msg.yes }, { value: 'false', label: msg.no }];
  if (fact?.type.kind === 'enum') choices = (graph.enums[fact.type.enum]?.members ?? []).map((m) => ({ value: m.id, label: text(m.label) }));
  const b = fact?.bounds;
  // Bounds as decimal text for a form (`min="0" max="24" step="1"`); money bounds are in fen.
  const bound = (r: Rat | null) => (r === null ? null : type === 'money' ? exactText(div(r, rat(100n))) : exactText(r));
  const bounds = b === undefined ? null : { whole: b.whole, min: bound(b.min), max: bound(b.max) };
  const range = b === undefined ? '' : describeBounds(b, type === 'money', locale);
  const hints = msg.answerHints;
  const hint = choices.length > 0 ? '' : range === '' ? (hints[type] ?? '') : type === 'money' ? `${hints.money}${msg.hintJoin}${range}` : range;
  return { fact: id, label, ask, type, choices, hint, bounds };
}

/**
 * Reads one answer as staff typed it (a label, 是/否, 30元…) with the case reader every front end
 * uses: the value, or diagnostics naming the fact, what was given and what is allowed.
 */
export function readAnswer(graph: DecisionGraph, fact: string, text: string, locale?: string): { value: Value } | { diagnostics: readonly Diagnostic[] } {
  const read = readCaseArgs(graph, [`${fact}=${text}`], { locale });
  const value = read.value?.get(fact);
  return value === undefined ? { diagnostics: read.diagnostics } : { value };
}

/** Reads a whole set of answers (fact → answer text) into a case, with the same reader. */
export function readAnswers(graph: DecisionGraph, answers: Readonly<Record<string, string>>, locale?: string): { value: CaseInput } | { diagnostics: readonly Diagnostic[] } {
  const read = readCaseArgs(graph, Object.entries(answers).map(([k, v]) => `${k}=${v}`), { locale });
  return read.value === undefined ? { diagnostics: read.diagnostics } : { value: read.value };
}

/** How many evaluations the search for a settled outcome may spend before it gives up (and asks). */
const SEARCH_BUDGET = 2000;

/**
 * When every way the missing facts could be answered leads to one outcome with the same values
 * and deadline, that outcome: one deciding case (the facts added to reach it in `assumed`).
 * Only yes/no and enum facts are tried, each with every answer; a case that needs an amount, a
 * number or a text is never called settled, because its answers cannot all be tried.
 */
function settledResult(graph: DecisionGraph, facts: CaseInput, locale: string): { result: EvalResult; assumed: Map<string, Value> } | undefined {
  let budget = SEARCH_BUDGET;
  let first: { result: EvalResult; assumed: Map<string, Value>; key: string } | undefined;
  // Depth first over the answers of the first needed fact; false as soon as two leaves differ.
  const explore = (known: Map<string, Value>, assumed: Map<string, Value>): boolean => {
    if (--budget < 0) return false;
    const r = evaluate(graph, known, { locale });
    if (r.status === 'error') return false;
    if (r.status === 'decided') {
      const key = leafKey(graph, r);
      if (first === undefined) first = { result: r, assumed: new Map(assumed), key };
      return key === first.key;
    }
    const id = r.needs[0];
    const answers = id === undefined ? undefined : candidates(graph, graph.facts[id]);
    if (answers === undefined) return false;
    for (const v of answers) {
      known.set(id, v);
      assumed.set(id, v);
      const same = explore(known, assumed);
      known.delete(id);
      assumed.delete(id);
      if (!same) return false;
    }
    return true;
  };
  const settled = explore(new Map(facts), new Map());
  return settled && first !== undefined && first.assumed.size > 0 ? { result: first.result, assumed: first.assumed } : undefined;
}

/** Every answer a fact can get, when there are few: both for yes/no, the members for an enum. */
function candidates(graph: DecisionGraph, fact: FactDef | undefined): readonly Value[] | undefined {
  if (fact?.type.kind === 'bool') return [true, false];
  if (fact?.type.kind === 'enum') return (graph.enums[fact.type.enum]?.members ?? []).map((m) => m.id);
  return undefined;
}

/** What staff would see of a decided case: the outcome, its values and its deadline. */
function leafKey(graph: DecisionGraph, r: EvalResult): string {
  const o = r.outcome;
  if (o === null) return '';
  const node = graph.outcomes[o.id];
  const values = (node?.values ?? []).map((v) => {
    const value = o.values[v.id];
    return value === null || value === undefined ? null : valueToJson(value, v.type);
  });
  return JSON.stringify([o.id, values, o.deadline]);
}

/** A settled result whose path no longer shows the answers that were only assumed. */
function withoutAssumed(r: EvalResult, assumed: ReadonlyMap<string, Value>): EvalResult {
  return { ...r, path: r.path.map((step) => ({ ...step, facts: step.facts.filter((f) => !assumed.has(f.id)) })) };
}

/** Options of `answerCase`. */
export interface AnswerCaseOptions extends InterviewOptions {
  /** The clock that fills `now` when the policy reads it and the case does not give it. */
  readonly clock?: () => Date;
}

/** A case answered: the interview step, the `now` filled from the clock (if any); or why the case is invalid. */
export type AnsweredCase =
  | { readonly step: InterviewStep; readonly now: string | null; readonly locale: string }
  | { readonly diagnostics: readonly Diagnostic[]; readonly locale: string };

/**
 * Reads a case as a front end receives it (an object of answers as staff type them) and takes
 * the interview's next step: what the API's `evaluate` and the desk answer.
 */
export function answerCase(graph: DecisionGraph, raw: unknown, opts: AnswerCaseOptions = {}): AnsweredCase {
  const locale = opts.locale ?? graph.policy.locales[0] ?? 'zh-CN';
  const { input, now } = opts.clock === undefined ? { input: raw, now: null } : withClockNow(graph, raw, opts.clock);
  const read = readCase(graph, input, { locale });
  if (read.value === undefined) return { diagnostics: read.diagnostics, locale };
  return { step: interviewStep(graph, read.value, opts), now, locale };
}

/**
 * The case with `now` filled from the clock when the policy reads it and the case does not give
 * it (interactive front ends and the register do this, and say so); a case that gives it keeps its own.
 */
export function withClockNow(graph: DecisionGraph, raw: unknown, clock: () => Date): { input: unknown; now: string | null } {
  if (!Object.hasOwn(graph.facts, 'now') || !isRecord(raw) || (raw.now !== undefined && raw.now !== null)) return { input: raw, now: null };
  const now = clock().toISOString();
  return { input: { ...raw, now }, now };
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** An interview step in JSON: the shape of `eval --json`, plus `next`, `skipped`, `unknown` and `now`. */
export interface JsonStep extends JsonEvalResult {
  /** The next question with its allowed answers, or null when there is none to ask. */
  readonly next: Question | null;
  readonly skipped: readonly string[];
  readonly unknown: readonly string[];
  /** The moment filled from the clock as `now`, or null. */
  readonly now: string | null;
  /** The path in the handbook's words, one line per decision taken. */
  readonly why: readonly string[];
}

/** The JSON of an interview step, texts in `locale`. */
export function toJsonStep(graph: DecisionGraph, step: InterviewStep, locale: string, now: string | null = null): JsonStep {
  // One object, filled in place (every API answer is one of these: no copies).
  const json = evalJson(graph, step.result, locale) as JsonEvalResult & Partial<Omit<JsonStep, keyof JsonEvalResult>>;
  return Object.assign(json, { next: step.question, skipped: step.skipped, unknown: step.unknown, now, why: whyInWords(graph, step.result, locale) });
}

/** The JSON Schema of a case as staff may answer it (labels, 是/否, 30元), for API documents. */
export function answerSchemaOf(graph: DecisionGraph, locale?: string): JsonSchema {
  return answerSchema(graph, locale);
}
export type { JsonSchema };
