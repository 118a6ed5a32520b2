import { localize, type DecisionGraph, type FactDef, type Value } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../../diagnostics/suggest.js';
import type { Span } from '../../source/source-file.js';
import { caseValidator } from './case-schema.js';
import { messages, type Given, type Messages } from '../messages.js';
import { InexactNumber, moneyFromInput, numberFromInput, plainFen } from '../values.js';
import { canonicalAnswer } from './staff-answers.js';
import { plainTime, timeHelp, timeRefusal } from './time-fields.js';
import type { TimeKind, TimeProblem } from './time-answers.js';
import { describeBounds, judgeBounds, type Bounds } from '../../values/bounds.js';
import type { Rat } from '../../values/rational.js';

/**
 * Reading a case: a raw object (from YAML, JSON or `key=value` arguments) is validated against the
 * policy's case schema and becomes a CaseInput, money turned into fen. Every problem is a
 * diagnostic naming the field, what was given and what is allowed, in the requested locale.
 * Keys such as `__proto__` are ordinary (unknown) fields: nothing is ever merged into a prototype.
 *
 * A valid case (nearly every line of a batch) takes a fast path that checks the same rules by hand
 * and allocates nothing but the result: no schema validator, no copy, no message. Anything it
 * cannot show valid is read in full, with the schema (ajv) as the gate, and every problem explained.
 */

/** A validated case: fact id → value (money in fen, numbers exact). A fact that is absent is not known yet. */
export type CaseInput = ReadonlyMap<string, Value>;

/** Where each part of a raw case was written, so diagnostics can point at it. */
export interface CaseLocator {
  /** The whole case (for "not a mapping"). */
  readonly whole: Span;
  /** The span of a field's key; undefined when not known. */
  key(field: string): Span | undefined;
  /** The span of a field's value. */
  value(field: string): Span | undefined;
  /** The value exactly as the user wrote it ("12.50" rather than 12.5), for messages. */
  written(field: string): string | undefined;
}

/** Options of the case readers. */
export interface ReadCaseOptions {
  /** Locale of the messages (zh-CN or en); defaults to the policy's first locale. */
  readonly locale?: string;
  /** Where the case came from, for diagnostics without a locator (default `<case>`). */
  readonly origin?: string;
  readonly locator?: CaseLocator;
}

/** A case read: the input when it is valid, and every problem found. */
export interface CaseReadResult {
  readonly value: CaseInput | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates a raw case (an object such as JSON.parse output, or a Map) into a CaseInput. null or undefined is the empty case. */
export function readCase(graph: DecisionGraph, raw: unknown, options: ReadCaseOptions = {}): CaseReadResult {
  if (raw === null || raw === undefined) return { value: new Map(), diagnostics: NO_DIAGNOSTICS };
  const value = plainCaseInput(graph, raw);
  if (value !== undefined) return { value, diagnostics: NO_DIAGNOSTICS };
  return readCaseFully(graph, raw, options);
}

/** The diagnostics of a valid case: one shared, frozen empty list. */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/**
 * The fast path of `readCase`, for a case that is plainly valid: a plain object (prototype
 * `Object.prototype` or null, as JSON.parse and the YAML and argument readers make) whose own keys
 * are all facts, each value null or one the case schema and the field reader both accept. It
 * returns the CaseInput `readCase` gives such a case, allocating nothing else; undefined means
 * "not shown valid here", and `readCaseFully` then reads the case with the schema and explains
 * every problem. test/eval/case-reader-fast.test.ts checks that this path accepts exactly the
 * plain objects that `readCaseFully` (ajv as the gate) finds valid, with the same values.
 */
export function plainCaseInput(graph: DecisionGraph, raw: unknown): CaseInput | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(raw);
  // `for…in` then visits exactly the own enumerable keys, as Object.entries does, unless someone
  // added an enumerable property to Object.prototype: it would be visited too, so leave that to the slow path.
  if (proto !== null && (proto !== Object.prototype || hasEnumerableKey(Object.prototype))) return undefined;
  const plan = fastPlan(graph);
  const facts = new Map<string, Value>();
  let i = 0;
  for (const key in raw) {
    // Cases of one batch have their keys in the same order: compare with the last case's key at
    // this place (one pointer comparison) before looking the fact up.
    let fact = plan.lastFacts[i];
    if (key !== plan.lastKeys[i]) {
      const found = plan.facts.get(key);
      if (found === undefined) return undefined;
      fact = plan.lastFacts[i] = found;
      plan.lastKeys[i] = key;
    }
    i++;
    const v = (raw as Record<string, unknown>)[key];
    if (v === null || v === undefined) continue;
    const value = plainValue(fact, v);
    if (value === undefined) return undefined;
    facts.set(key, value);
  }
  return facts;
}

/** Whether an object has an enumerable string key, its own or inherited (a few ns for Object.prototype). */
function hasEnumerableKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** What the fast path needs of a fact: its kind, whether money is signed, the members of an enum, its bounds. */
export interface FastFact {
  readonly kind: FactDef['type']['kind'];
  readonly signed: boolean;
  readonly members: ReadonlySet<string> | null;
  readonly bounds: Bounds | null;
}

/** The fast path's view of a graph: each fact's checks, and the keys of the last case read, in order. */
interface FastPlan {
  readonly facts: ReadonlyMap<string, FastFact>;
  readonly lastKeys: (string | undefined)[];
  readonly lastFacts: FastFact[];
}

const fastPlans = new WeakMap<DecisionGraph, FastPlan>();

/** The fast path's view of each fact of a graph (the one-pass line reader, case-line.ts, shares it). */
export function fastFacts(graph: DecisionGraph): ReadonlyMap<string, FastFact> {
  return fastPlan(graph).facts;
}

/** Whether `Object.prototype` has been given an enumerable key: then the fast paths stand aside. */
export function prototypePolluted(): boolean {
  return hasEnumerableKey(Object.prototype);
}

/** The fast path's plan of a graph: built once per graph and kept as long as the graph lives. */
function fastPlan(graph: DecisionGraph): FastPlan {
  const known = fastPlans.get(graph);
  if (known !== undefined) return known;
  const facts = new Map<string, FastFact>();
  for (const id of Object.keys(graph.facts)) {
    const { type } = graph.facts[id];
    const members = type.kind === 'enum' ? new Set((graph.enums[type.enum]?.members ?? []).map((m) => m.id)) : null;
    facts.set(id, { kind: type.kind, signed: type.kind === 'money' && type.signed, members, bounds: graph.facts[id].bounds ?? null });
  }
  // A case whose keys are all facts has at most one key per fact, so these never grow. No key is
  // undefined, so the first case looks every key up.
  const none: FastFact = { kind: 'duration', signed: false, members: null, bounds: null };
  const plan: FastPlan = { facts, lastKeys: new Array<undefined>(facts.size).fill(undefined), lastFacts: new Array<FastFact>(facts.size).fill(none) };
  fastPlans.set(graph, plan);
  return plan;
}

/**
 * A field's run-time value when its raw value (not null) is plainly valid: accepted by the case
 * schema and by `readField`, with the value `readField` gives. Undefined otherwise, without saying
 * why; nothing is allocated either way.
 */
export function plainValue(fact: FastFact, raw: unknown): Value | undefined {
  switch (fact.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'number': {
      if (typeof raw !== 'number') return undefined;
      const n = numberFromInput(raw);
      return 'value' in n && (fact.bounds === null || judgeBounds(n.value, fact.bounds) === 'ok') ? n.value : undefined;
    }
    case 'text':
      return typeof raw === 'string' ? raw : undefined;
    case 'enum':
      return typeof raw === 'string' && (fact.members as ReadonlySet<string>).has(raw) ? raw : undefined;
    case 'money': {
      const fen = plainFen(raw, fact.signed);
      // NaN: not plainly valid
      return fen === fen && (fact.bounds === null || judgeBounds(fen, fact.bounds) === 'ok') ? fen : undefined;
    }
    case 'date':
    case 'datetime':
    case 'time':
    case 'duration':
      return plainTime(fact.kind, raw);
    case 'period':
      return undefined;
  }
}

/**
 * `readCase` without the fast path: validates any raw case with the case schema (ajv) and the
 * field reader, and explains every problem. Exported for the tests that hold the fast path to it.
 */
export function readCaseFully(graph: DecisionGraph, raw: unknown, options: ReadCaseOptions = {}): CaseReadResult {
  const locale = options.locale ?? graph.policy.locales[0];
  const msg = messages(locale);
  const whole = options.locator?.whole ?? { file: options.origin ?? '<case>', start: 0, end: 0 };
  if (raw === null || raw === undefined) return { value: new Map(), diagnostics: NO_DIAGNOSTICS };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: undefined, diagnostics: [diagnostic('case/schema', whole, msg.notAMapping(given(raw)))] };
  }

  // A null-prototype copy: `__proto__`, `constructor`… are own keys like any other.
  const data: Record<string, unknown> = Object.create(null);
  const entries = raw instanceof Map ? [...raw] : Object.entries(raw);
  for (const [key, value] of entries) data[String(key)] = value;
  const ctx: FieldContext = { graph, msg, locale, locator: options.locator, whole };
  const diagnostics: Diagnostic[] = [];
  // Answers as staff type them (`运输破损`, `是`, `30元`) become canonical values first, so the
  // schema and the field reader below judge exactly what the case means.
  for (const field of Object.keys(data)) {
    if (!Object.hasOwn(graph.facts, field)) continue;
    const canonical = canonicalAnswer(graph, graph.facts[field], data[field]);
    if ('value' in canonical) data[field] = canonical.value;
    else {
      const fact = graph.facts[field];
      diagnostics.push('ambiguous' in canonical ? ambiguousAnswer(ctx, fact, data[field], canonical.ambiguous) : timeProblem(ctx, fact, String(data[field]), canonical.timeProblem));
      delete data[field];
    }
  }
  // The fields the schema refuses. Only asked for a value the field reader accepts but the fast
  // check does not (such as "-0" for unsigned money): the schema then has the last word.
  let flagged: ReadonlySet<string> | undefined;

  const plan = fastPlan(graph).facts;
  const facts = new Map<string, Value>();
  for (const field of Object.keys(data)) {
    const fact = Object.hasOwn(graph.facts, field) ? graph.facts[field] : undefined;
    if (fact === undefined) {
      diagnostics.push(unknownField(ctx, field));
      continue;
    }
    const value = data[field];
    if (value === null || value === undefined) continue;
    // A plainly valid value is read as readField reads it, and the schema accepts it.
    const plain = plainValue(plan.get(field) as FastFact, value);
    if (plain !== undefined) {
      facts.set(field, plain);
      continue;
    }
    const read = readField(ctx, fact, value);
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    // The schema is the gate: a value it refuses is never used, even if it could be read.
    else if ((flagged ??= schemaRefusals(graph, data)).has(field)) diagnostics.push(schemaRefused(ctx, fact, value));
    else if (read.value !== null) facts.set(field, read.value);
  }
  return diagnostics.length > 0 ? { value: undefined, diagnostics } : { value: facts, diagnostics };
}

/** The top-level fields of a case that its schema refuses (ajv, every error). */
function schemaRefusals(graph: DecisionGraph, data: Record<string, unknown>): ReadonlySet<string> {
  const validate = caseValidator(graph);
  const flagged = new Set<string>();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const field = e.keyword === 'additionalProperties' && e.instancePath === '' ? String(e.params.additionalProperty) : topField(e.instancePath);
      if (field !== undefined) flagged.add(field);
    }
  }
  return flagged;
}

/** The first segment of a JSON Pointer (`/item_value/0` → `item_value`). */
function topField(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first === undefined ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

interface FieldContext {
  readonly graph: DecisionGraph;
  readonly msg: Messages;
  readonly locale: string | undefined;
  readonly locator: CaseLocator | undefined;
  readonly whole: Span;
}

function unknownField(ctx: FieldContext, field: string): Diagnostic {
  const ids = Object.keys(ctx.graph.facts);
  const suggestion = spellingSuggestion(field, ids);
  const span = ctx.locator?.key(field) ?? ctx.whole;
  return diagnostic('case/unknown-field', span, ctx.msg.unknownField(field), {
    help: suggestion !== undefined ? ctx.msg.didYouMean(suggestion) : ctx.msg.knownFields(ids),
    ...(suggestion !== undefined && ctx.locator?.key(field) ? { suggestion: { span, replacement: suggestion } } : {}),
  });
}

/** An answer that names several members (a label shared across locales): refused, with the members it could mean. */
function ambiguousAnswer(ctx: FieldContext, fact: FactDef, raw: unknown, meanings: readonly string[]): Diagnostic {
  const span = ctx.locator?.value(fact.id) ?? ctx.whole;
  const enumId = fact.type.kind === 'enum' ? fact.type.enum : '';
  const members = (ctx.graph.enums[enumId]?.members ?? []).filter((m) => meanings.includes(m.id));
  const named = members.map((m) => ({ id: m.id, label: localize(m.label, ctx.locale ?? '', ctx.graph.policy.locales) }));
  return diagnostic('case/schema', span, ctx.msg.ambiguousAnswer(fact.id, String(raw), named), { help: ctx.msg.writeOneOf(meanings) });
}

/** A time answer that cannot be read without guessing: what is wrong with it, and the forms allowed. */
function timeProblem(ctx: FieldContext, fact: FactDef, text: string, problem: TimeProblem): Diagnostic {
  const span = ctx.locator?.value(fact.id) ?? ctx.whole;
  const help = timeHelp(fact.type.kind as TimeKind, ctx.msg);
  return diagnostic('case/schema', span, ctx.msg.timeProblem(fact.id, text, problem, ctx.graph.policy.timezone), { help });
}

function schemaRefused(ctx: FieldContext, fact: FactDef, raw: unknown): Diagnostic {
  const span = ctx.locator?.value(fact.id) ?? ctx.whole;
  return diagnostic('case/schema', span, ctx.msg.mustBe(fact.id, expectedText(ctx, fact), given(raw, ctx.locator?.written(fact.id))));
}

/** What a fact's type allows, in words. */
function expectedText(ctx: FieldContext, fact: FactDef): string {
  const { msg } = ctx;
  switch (fact.type.kind) {
    case 'bool':
      return msg.typeBool;
    case 'number':
      return fact.bounds ? describeBounds(fact.bounds, false, ctx.locale ?? '') : msg.typeNumber;
    case 'text':
      return msg.typeText;
    case 'money':
      return fact.bounds ? describeBounds(fact.bounds, true, ctx.locale ?? '') : fact.type.signed ? msg.typeSignedMoney : msg.typeMoney;
    case 'duration':
    case 'period':
      return msg.typeDuration;
    case 'date':
      return msg.typeDate;
    case 'datetime':
      return msg.typeDatetime;
    case 'time':
      return msg.typeTime;
    case 'enum': {
      const members = ctx.graph.enums[fact.type.enum]?.members ?? [];
      return msg.typeEnum(members.map((m) => ({ id: m.id, label: localize(m.label, ctx.locale ?? '', ctx.graph.policy.locales) })));
    }
  }
}

/** One field's value as a run-time value (null: not known yet), or why it is refused. */
function readField(ctx: FieldContext, fact: FactDef, raw: unknown): { value: Value | null } | { diagnostic: Diagnostic } {
  if (raw === null || raw === undefined) return { value: null };
  const g = given(raw, ctx.locator?.written(fact.id));
  const span = ctx.locator?.value(fact.id) ?? ctx.locator?.key(fact.id) ?? ctx.whole;
  const refuse = (message: string, help?: string, replacement?: string) => ({
    diagnostic: diagnostic('case/schema', span, message, {
      ...(help !== undefined ? { help } : {}),
      ...(replacement !== undefined && ctx.locator?.value(fact.id) ? { suggestion: { span, replacement } } : {}),
    }),
  });
  const { msg } = ctx;
  const expected = () => expectedText(ctx, fact);
  if (raw instanceof InexactNumber && fact.type.kind !== 'text') return refuse(msg.numberNotExact(fact.id, raw.text), msg.numberNotExactHelp);
  // `days=7.1` for a whole number, `days=-1` below its bound: refused naming what the fact allows.
  const withinBounds = (value: Rat | number) => {
    const verdict = fact.bounds ? judgeBounds(value, fact.bounds) : 'ok';
    if (verdict === 'ok') return { value };
    const text = 'text' in g ? g.text : String(raw);
    return refuse(msg.outsideBounds(fact.id, text, expected(), verdict));
  };
  switch (fact.type.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? { value: raw } : refuse(msg.mustBe(fact.id, expected(), g), msg.boolHelp);
    case 'number': {
      if (typeof raw !== 'number') return refuse(msg.mustBe(fact.id, expected(), g));
      const n = numberFromInput(raw);
      if ('value' in n) return withinBounds(n.value);
      const text = 'text' in g ? g.text : String(raw);
      return n.error === 'too-large' ? refuse(msg.numberTooLarge(fact.id, text), msg.rangeHelp) : refuse(msg.notFinite(fact.id, text));
    }
    case 'text':
      return typeof raw === 'string' ? { value: raw } : refuse(msg.mustBe(fact.id, expected(), g));
    case 'money': {
      if (typeof raw !== 'number' && typeof raw !== 'string') return refuse(msg.mustBe(fact.id, expected(), g), msg.moneyHelp);
      const text = 'text' in g ? g.text : String(raw);
      const m = moneyFromInput(raw, fact.type.signed);
      if ('fen' in m) return withinBounds(m.fen);
      if (m.error === 'too-many-decimals') return refuse(msg.moneyDecimals(fact.id, text), msg.moneyHelp);
      if (m.error === 'negative') return refuse(msg.moneyNegative(fact.id, text));
      if (m.error === 'too-large') return refuse(msg.moneyTooLarge(fact.id, text), msg.rangeHelp);
      return refuse(msg.mustBe(fact.id, expected(), g), msg.moneyHelp);
    }
    case 'enum': {
      const members = ctx.graph.enums[fact.type.enum]?.members ?? [];
      if (typeof raw === 'string' && members.some((m) => m.id === raw)) return { value: raw };
      const suggestion = typeof raw === 'string' ? spellingSuggestion(raw, members.map((m) => m.id)) : undefined;
      return refuse(msg.mustBe(fact.id, expected(), g), suggestion && msg.didYouMean(suggestion), suggestion);
    }
    case 'date':
    case 'datetime':
    case 'time':
    case 'duration': {
      const value = plainTime(fact.type.kind, raw);
      if (value !== undefined) return { value };
      const why = timeRefusal(fact.type.kind, fact.id, raw, msg, () => msg.mustBe(fact.id, expected(), g));
      return refuse(why.message, why.help);
    }
    case 'period':
      return refuse(msg.mustBe(fact.id, expected(), g));
  }
}

/** How a raw value is described in messages; `written` is its source text when known. */
function given(raw: unknown, written?: string): Given {
  if (raw === null || raw === undefined) return { kind: 'null' };
  if (raw instanceof InexactNumber) return { kind: 'number', text: raw.text };
  if (Array.isArray(raw)) return { kind: 'list' };
  switch (typeof raw) {
    case 'string':
      return { kind: 'string', text: raw };
    case 'number':
      return { kind: 'number', text: written ?? String(raw) };
    case 'boolean':
      return { kind: 'boolean', text: written ?? String(raw) };
    case 'object':
      return { kind: 'mapping' };
    default:
      return { kind: 'string', text: written ?? String(raw) };
  }
}
