import { isDuration, localize, type DecisionGraph, type Duration, type LocaleText, type Value, type ValueType } from '../graph/graph.js';
import { toJsonDiagnostic, type JsonDiagnostic } from '../diagnostics/format-json.js';
import type { SourceFile } from '../source/source-file.js';
import { messages, type Messages } from './messages.js';
import type { EvalResult, FactReading, OutcomeResult, PathStep, Trace } from './trace.js';
import { valueToJson } from './values.js';
import { exactText, Rat } from '../values/rational.js';
import { formatClock, formatDay, formatMoment, formatMoney } from '../values/format.js';
import { isoMoment } from '../values/zone.js';

/**
 * An evaluation result for people (an answer to the agent, in their locale) and for programs
 * (the documented JSON shape of `sopwright eval --json`).
 */

/** A value in JSON: money as an exact decimal string ("12.50"), a duration as `{ amount, unit }`. */
export type JsonValue = string | number | boolean | Duration | null;

/** The JSON shape of `sopwright eval --json`. Every key is always present. */
export interface JsonEvalResult {
  /** `decided`, `undecided` (see `needs`) or `error` (see `diagnostics`). */
  readonly status: EvalResult['status'];
  /** The outcome id, or null when undecided before reaching one. */
  readonly outcome: string | null;
  readonly label: string | null;
  readonly owner: { readonly id: string; readonly label: string } | null;
  /** A deadline that is a plain length counted from now, or null (see `due` for any deadline's moment). */
  readonly deadline: Duration | null;
  /** The due moment, ISO 8601 with the policy zone's offset; null without a deadline or the moment it counts from. */
  readonly due: string | null;
  readonly steps: readonly string[];
  readonly documents: readonly string[];
  readonly say: string | null;
  readonly notes: readonly string[];
  /** Computed values by id; money as "12.50"; null when a value needs a missing fact. */
  readonly values: Readonly<Record<string, JsonValue>>;
  /** Fact ids still needed, in the order to ask them. */
  readonly needs: readonly string[];
  readonly questions: readonly { readonly fact: string; readonly label: string; readonly ask: string }[];
  readonly path: readonly { readonly decision: string; readonly branch: string; readonly facts: Readonly<Record<string, JsonValue>> }[];
  /** Why the case could not be evaluated (status `error`); empty otherwise. */
  readonly diagnostics: readonly JsonDiagnostic[];
  /** Only when the evaluation kept a trace (`--trace`). */
  readonly trace?: JsonTrace;
}

/** The full trace in JSON: every condition tried, every derived value computed. */
export interface JsonTrace {
  readonly decisions: readonly {
    readonly decision: string;
    readonly taken: string | null;
    readonly branches: readonly { readonly branch: string; readonly result: boolean | 'unknown' | 'error'; readonly facts: Readonly<Record<string, JsonValue>>; readonly needs: readonly string[] }[];
  }[];
  readonly lets: Readonly<Record<string, JsonValue>>;
}

/** The JSON form of a result, texts in `locale`; `sources` give diagnostics their line and column. */
export function toJsonResult(
  graph: DecisionGraph, result: EvalResult, locale: string, sources: ReadonlyMap<string, SourceFile> = new Map(),
): JsonEvalResult {
  const text = (t: LocaleText) => localize(t, locale, graph.policy.locales);
  const o = result.outcome;
  const owner = o?.owner ?? null;
  return {
    status: result.status,
    outcome: o?.id ?? null,
    label: o ? text(o.label) : null,
    owner: owner === null ? null : { id: owner, label: departmentLabel(graph, owner, locale) },
    deadline: o?.deadline?.duration ? { ...o.deadline.duration } : null,
    due: o && o.due !== null ? isoMoment(o.due, graph.policy.timezone ?? 'UTC') : null,
    steps: o ? o.steps.map(text) : [],
    documents: o ? o.documents.map(text) : [],
    say: o?.say ? text(o.say) : null,
    notes: o ? o.notes.map(text) : [],
    values: o ? jsonValues(graph, o) : {},
    needs: result.needs,
    questions: questions(graph, result.needs, locale),
    path: result.path.map((step) => ({ decision: step.decision, branch: step.branch, facts: jsonFacts(graph, step.facts) })),
    diagnostics: result.diagnostics.map((d) => toJsonDiagnostic(d, sources)),
    ...(result.trace ? { trace: jsonTrace(graph, result.trace) } : {}),
  };
}

function jsonTrace(graph: DecisionGraph, trace: Trace): JsonTrace {
  const lets: Record<string, JsonValue> = {};
  for (const l of trace.lets) lets[l.id] = l.value === null ? null : valueToJson(l.value, graph.lets[l.id]?.type ?? { kind: 'text' }, graph.policy.timezone);
  return {
    decisions: trace.decisions.map((d) => ({
      decision: d.decision,
      taken: d.taken,
      branches: d.branches.map((b) => ({ branch: b.branch, result: b.result, facts: jsonFacts(graph, b.facts), needs: b.needs })),
    })),
    lets,
  };
}

function jsonValues(graph: DecisionGraph, o: OutcomeResult): Record<string, JsonValue> {
  const node = graph.outcomes[o.id];
  const out: Record<string, JsonValue> = {};
  for (const v of node?.values ?? []) {
    const value = o.values[v.id];
    out[v.id] = value === null || value === undefined ? null : valueToJson(value, v.type, graph.policy.timezone);
  }
  return out;
}

/** Fact readings as `{ id: value }`, money as decimal strings. */
export function jsonFacts(graph: DecisionGraph, facts: readonly FactReading[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const f of facts) out[f.id] = valueToJson(f.value, factType(graph, f.id), graph.policy.timezone);
  return out;
}

/** The question to ask for each needed fact: its `ask` text, or one made from its label. */
export function questions(graph: DecisionGraph, needs: readonly string[], locale: string): JsonEvalResult['questions'] {
  const msg = messages(locale);
  return needs.map((id) => {
    const fact = graph.facts[id];
    const label = fact ? localize(fact.label, locale, graph.policy.locales) : id;
    const ask = fact?.ask ? localize(fact.ask, locale, graph.policy.locales) : msg.askFallback(label);
    return { fact: id, label, ask };
  });
}

function factType(graph: DecisionGraph, id: string): ValueType {
  return graph.facts[id]?.type ?? { kind: 'text' };
}

function departmentLabel(graph: DecisionGraph, id: string, locale: string): string {
  const d = graph.departments[id];
  return d ? localize(d.label, locale, graph.policy.locales) : id;
}

/** A value for people: ¥12.50, 是/yes, an enum member's label, 3 天/3 days. */
export function describeValue(graph: DecisionGraph, value: Value, type: ValueType, locale: string): string {
  const msg = messages(locale);
  switch (type.kind) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, locale) : String(value);
    case 'bool':
      return value === true ? msg.yes : msg.no;
    case 'enum': {
      const member = graph.enums[type.enum]?.members.find((m) => m.id === value);
      return member ? localize(member.label, locale, graph.policy.locales) : String(value);
    }
    case 'duration':
      return isDuration(value) ? msg.duration(value) : String(value);
    case 'period':
      return isDuration(value) ? msg.duration(value) : String(value);
    case 'date':
      return typeof value === 'number' ? formatDay(value, locale) : String(value);
    case 'time':
      return typeof value === 'number' ? formatClock(value) : String(value);
    case 'datetime':
      return typeof value === 'number' ? formatMoment(value, graph.policy.timezone ?? 'UTC', locale) : String(value);
    case 'text':
      return JSON.stringify(value);
    case 'number':
      return value instanceof Rat ? exactText(value) : String(value);
  }
}

/** Options of the human format. */
export interface TextResultOptions {
  /** Add the full trace (every condition tried), when the result has one. */
  readonly trace?: boolean;
  /**
   * Each step of the path in the handbook's words ("运输破损 → 商品价值不低于高价值商品门槛（¥500.00）"),
   * one per step; the workflows give it (the wording lives in the renderer, which eval does not import).
   * Without it a step names its branch by number.
   */
  readonly why?: readonly string[];
}

/** The human answer: outcome and what to do, computed values, why; or what to find out first. */
export function formatResultText(graph: DecisionGraph, result: EvalResult, locale: string, options: TextResultOptions = {}): string {
  const msg = messages(locale);
  const text = (t: LocaleText) => localize(t, locale, graph.policy.locales);
  const colon = msg.colon;
  const lines: string[] = [];
  const o = result.outcome;
  if (o !== null) {
    lines.push(`${msg.outcome}${colon}${text(o.label)} (${o.id})`);
    if (o.owner !== null) lines.push(`${msg.owner}${colon}${departmentLabel(graph, o.owner, locale)}`);
    if (o.deadline?.duration) lines.push(`${msg.deadline}${colon}${msg.within(o.deadline.duration)}`);
    if (o.due !== null) lines.push(`${msg.due}${colon}${formatMoment(o.due, graph.policy.timezone ?? 'UTC', locale)} (${isoMoment(o.due, graph.policy.timezone ?? 'UTC')})`);
    pushList(lines, msg.steps + colon.trimEnd(), o.steps.map(text), true);
    pushList(lines, msg.documents + colon.trimEnd(), o.documents.map(text), false);
    if (o.say !== null) lines.push(`${msg.say}${colon.trimEnd()}`, ...indent(text(o.say)));
    pushList(lines, msg.notes + colon.trimEnd(), o.notes.map(text), false);
    const values = valueLines(graph, o, locale, msg, result.needs.length > 0 ? msg.unknownValue : msg.failedValue);
    if (values.length > 0) lines.push(`${msg.values}${colon.trimEnd()}`, ...values);
  }
  if (result.needs.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${msg.needFirst}${colon.trimEnd()}`);
    for (const q of questions(graph, result.needs, locale)) {
      lines.push(`  - ${q.label} (${q.fact})`, `    ${msg.ask}${colon}${q.ask}`);
    }
  }
  if (result.path.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${o !== null ? msg.why : msg.soFar}${colon.trimEnd()}`);
    result.path.forEach((step, i) => {
      const words = options.why?.[i];
      lines.push(`  - ${words === undefined ? pathLine(graph, step, locale, msg) : whyLine(graph, step, words, locale, msg)}`);
    });
  }
  if (options.trace && result.trace) lines.push('', ...traceLines(graph, result.trace, locale, msg));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function pushList(lines: string[], heading: string, items: readonly string[], numbered: boolean): void {
  if (items.length === 0) return;
  lines.push(heading);
  items.forEach((item, i) => {
    const [first = '', ...rest] = item.split('\n');
    const bullet = numbered ? `${i + 1}. ` : '- ';
    lines.push(`  ${bullet}${first}`, ...rest.map((r) => `  ${' '.repeat(bullet.length)}${r}`));
  });
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => `  ${l}`);
}

/** `missing` is shown for a value that could not be computed: not known yet, or failed. */
function valueLines(graph: DecisionGraph, o: OutcomeResult, locale: string, msg: Messages, missing: string): string[] {
  const node = graph.outcomes[o.id];
  const colon = msg.colon;
  return (node?.values ?? []).map((v) => {
    const value = o.values[v.id];
    const shown = value === null || value === undefined ? missing : describeValue(graph, value, v.type, locale);
    return `  - ${localize(v.label, locale, graph.policy.locales)}${colon}${shown}`;
  });
}

/** "分流 → 第 1 条（问题类型 = 少货）": the decision, the branch taken, the facts that decided it. */
function pathLine(graph: DecisionGraph, step: PathStep, locale: string, msg: Messages): string {
  const decision = graph.decisions[step.decision];
  const name = decision ? localize(decision.label, locale, graph.policy.locales) : step.decision;
  const branch = decision?.branches.find((b) => b.id === step.branch);
  const which = branch === undefined || branch.condition === null ? msg.otherwise : msg.branch(branch.index + 1);
  const facts = readingsText(graph, step.facts, locale, msg);
  return `${msg.pathStep(name, which, facts)} [${step.branch}]`;
}

/** A step in the handbook's words, with the facts of this case that decided it and the branch id. */
function whyLine(graph: DecisionGraph, step: PathStep, words: string, locale: string, msg: Messages): string {
  // A reading the words already state ("问题类型为运输破损", a yes/no fact named as it holds) is not repeated.
  const lower = words.toLowerCase();
  const stated = (label: string, value: string, f: FactReading) =>
    lower.includes(value.toLowerCase()) || (typeof f.value === 'boolean' && lower.includes(label.toLowerCase()));
  const facts = readingsText(graph, step.facts, locale, msg, stated);
  return `${facts === '' ? words : msg.whyStep(words, facts)} [${step.branch}]`;
}

function readingsText(
  graph: DecisionGraph, facts: readonly FactReading[], locale: string, msg: Messages,
  skip: (label: string, value: string, f: FactReading) => boolean = () => false,
): string {
  return msg.list(
    facts.flatMap((f) => {
      const fact = graph.facts[f.id];
      const label = fact ? localize(fact.label, locale, graph.policy.locales) : f.id;
      const value = describeValue(graph, f.value, factType(graph, f.id), locale);
      return skip(label, value, f) ? [] : [`${label} = ${value}`];
    }),
  );
}

function traceLines(graph: DecisionGraph, trace: Trace, locale: string, msg: Messages): string[] {
  const lines = [`${msg.trace}${msg.colon.trimEnd()}`];
  for (const d of trace.decisions) {
    lines.push(`  ${d.decision}`);
    for (const b of d.branches) {
      const result = b.result === true ? msg.yes : b.result === false ? msg.no : b.result === 'unknown' ? `? (${b.needs.join(', ')})` : 'error';
      const facts = readingsText(graph, b.facts, locale, msg);
      lines.push(`    ${b.branch}: ${result}${facts ? `  ${facts}` : ''}`);
    }
    lines.push(`    → ${d.taken ?? msg.notDecided}`);
  }
  for (const l of trace.lets) {
    const def = graph.lets[l.id];
    const shown = l.value === null ? msg.unknownValue : describeValue(graph, l.value, def?.type ?? { kind: 'text' }, locale);
    lines.push(`  let ${l.id} = ${shown}`);
  }
  return lines;
}
