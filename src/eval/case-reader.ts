import { localize, type DecisionGraph, type FactDef, type Value } from '../check/graph.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { Span } from '../source/source-file.js';
import { caseValidator } from './case-schema.js';
import { messages, type Given, type Messages } from './messages.js';
import { moneyFromInput } from './values.js';

/**
 * Reading a case: a raw object (from YAML, JSON or `key=value` arguments) is validated against the
 * policy's case schema and becomes a CaseInput, money turned into fen. Every problem is a
 * diagnostic naming the field, what was given and what is allowed, in the requested locale.
 * Keys such as `__proto__` are ordinary (unknown) fields: nothing is ever merged into a prototype.
 */

/** A validated case: fact id → value (money in fen). A fact that is absent is not known yet. */
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
  const locale = options.locale ?? graph.policy.locales[0];
  const msg = messages(locale);
  const whole = options.locator?.whole ?? { file: options.origin ?? '<case>', start: 0, end: 0 };
  if (raw === null || raw === undefined) return { value: new Map(), diagnostics: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: undefined, diagnostics: [diagnostic('case/schema', whole, msg.notAMapping(given(raw)))] };
  }

  // A null-prototype copy: `__proto__`, `constructor`… are own keys like any other.
  const data: Record<string, unknown> = Object.create(null);
  const entries = raw instanceof Map ? [...raw] : Object.entries(raw);
  for (const [key, value] of entries) data[String(key)] = value;
  const validate = caseValidator(graph);
  const flagged = new Set<string>();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const field = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : topField(e.instancePath);
      if (field !== undefined) flagged.add(field);
    }
  }

  const ctx: FieldContext = { graph, msg, locale, locator: options.locator, whole };
  const facts = new Map<string, Value>();
  const diagnostics: Diagnostic[] = [];
  for (const field of Object.keys(data)) {
    const fact = Object.hasOwn(graph.facts, field) ? graph.facts[field] : undefined;
    if (fact === undefined) {
      diagnostics.push(unknownField(ctx, field));
      continue;
    }
    const read = readField(ctx, fact, data[field]);
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    // The schema is the gate: a value it refuses is never used, even if it could be read.
    else if (flagged.has(field)) diagnostics.push(schemaRefused(ctx, fact, data[field]));
    else if (read.value !== null) facts.set(field, read.value);
  }
  return diagnostics.length > 0 ? { value: undefined, diagnostics } : { value: facts, diagnostics };
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
      return msg.typeNumber;
    case 'text':
      return msg.typeText;
    case 'money':
      return fact.type.signed ? msg.typeSignedMoney : msg.typeMoney;
    case 'duration':
      return msg.typeDuration;
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
  switch (fact.type.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? { value: raw } : refuse(msg.mustBe(fact.id, expected(), g), msg.boolHelp);
    case 'number':
      if (typeof raw !== 'number') return refuse(msg.mustBe(fact.id, expected(), g));
      return Number.isFinite(raw) ? { value: raw } : refuse(msg.notFinite(fact.id, 'text' in g ? g.text : String(raw)));
    case 'text':
      return typeof raw === 'string' ? { value: raw } : refuse(msg.mustBe(fact.id, expected(), g));
    case 'money': {
      if (typeof raw !== 'number' && typeof raw !== 'string') return refuse(msg.mustBe(fact.id, expected(), g), msg.moneyHelp);
      const text = 'text' in g ? g.text : String(raw);
      const m = moneyFromInput(raw, fact.type.signed);
      if ('fen' in m) return { value: m.fen };
      if (m.error === 'too-many-decimals') return refuse(msg.moneyDecimals(fact.id, text), msg.moneyHelp);
      if (m.error === 'negative') return refuse(msg.moneyNegative(fact.id, text));
      if (m.error === 'too-large') return refuse(msg.moneyTooLarge(fact.id, text));
      return refuse(msg.mustBe(fact.id, expected(), g), msg.moneyHelp);
    }
    case 'enum': {
      const members = ctx.graph.enums[fact.type.enum]?.members ?? [];
      if (typeof raw === 'string' && members.some((m) => m.id === raw)) return { value: raw };
      const suggestion = typeof raw === 'string' ? spellingSuggestion(raw, members.map((m) => m.id)) : undefined;
      return refuse(msg.mustBe(fact.id, expected(), g), suggestion && msg.didYouMean(suggestion), suggestion);
    }
    case 'duration':
      return refuse(msg.mustBe(fact.id, expected(), g));
  }
}

/** How a raw value is described in messages; `written` is its source text when known. */
function given(raw: unknown, written?: string): Given {
  if (raw === null || raw === undefined) return { kind: 'null' };
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
