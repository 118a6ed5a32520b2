import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';
import { localize, type DecisionGraph, type FactDef } from '../../graph/graph.js';
import { MAX_NUMBER, MAX_YUAN_TEXT } from '../../values/range.js';
import { toNumber } from '../../values/rational.js';
import { dayOfIsoDate, secondsOfClock } from '../../values/calendar.js';
import { parseMoment } from '../../values/zone.js';

/**
 * The JSON Schema (draft-07) of a policy's cases, generated from its facts, and its ajv validator.
 * Every fact is optional: a case may leave facts out (or give `null`), and evaluation asks for the
 * ones it needs. Unknown fields are refused, so a typo can never silently change a decision.
 */

/** A JSON Schema object, as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * Money as a string: at most 13 digits of yuan (leading zeros aside) and two decimals, the money
 * range of src/values/range.ts; a leading minus only for signed money.
 */
export const MONEY_PATTERN = '^0*\\d{1,13}(\\.\\d{1,2})?$';
export const SIGNED_MONEY_PATTERN = '^-?0*\\d{1,13}(\\.\\d{1,2})?$';
/** A duration as a case writes it: a number and a fixed unit (`2 hours`, `30 minutes`). */
export const DURATION_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(seconds?|minutes?|hours?|days?|weeks?)\\s*$';

/** The largest amount in yuan and the largest number, as the schema states them. */
const MAX_YUAN = Number(MAX_YUAN_TEXT);

/** The case schema of a policy: one optional property per fact, in declaration order. */
export function caseSchema(graph: DecisionGraph, locale?: string): JsonSchema {
  const loc = locale ?? graph.policy.locales[0] ?? 'zh-CN';
  const properties: Record<string, JsonSchema> = {};
  for (const fact of Object.values(graph.facts)) properties[fact.id] = factSchema(graph, fact, loc);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: localize(graph.policy.title, loc, graph.policy.locales),
    description:
      'A case for this policy: fact → value. Money is in CNY (a number or a decimal string, at most two decimals, ' +
      `at most ${MAX_YUAN_TEXT}); a number lies within ±${MAX_NUMBER}. ` +
      'Dates are YYYY-MM-DD, moments ISO 8601 with an offset, clock times HH:MM, durations such as "2 hours". ' +
      'A fact left out or null is not known yet.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

function factSchema(graph: DecisionGraph, fact: FactDef, locale: string): JsonSchema {
  const text = (t: FactDef['label']) => localize(t, locale, graph.policy.locales);
  const description = [text(fact.label), fact.ask ? text(fact.ask) : ''].filter((s) => s !== '').join(' — ');
  const base = { title: fact.id, ...(description ? { description } : {}) };
  switch (fact.type.kind) {
    case 'bool':
      return { ...base, type: ['boolean', 'null'] };
    case 'number': {
      // A whole number is `integer`; bounds narrow the range (a fraction as the nearest double: the reader judges exactly).
      const b = fact.bounds;
      return {
        ...base,
        type: [b?.whole ? 'integer' : 'number', 'null'],
        minimum: b?.min ? toNumber(b.min) : -MAX_NUMBER,
        maximum: b?.max ? toNumber(b.max) : MAX_NUMBER,
      };
    }
    case 'text':
      return { ...base, type: ['string', 'null'] };
    case 'money':
      // `multipleOf: 0.01` fails on binary fractions (0.29 / 0.01 ≠ 29); the reader checks decimals exactly.
      return {
        ...base,
        type: ['number', 'string', 'null'],
        minimum: fact.bounds?.min ? toNumber(fact.bounds.min) / 100 : fact.type.signed ? -MAX_YUAN : 0,
        maximum: fact.bounds?.max ? toNumber(fact.bounds.max) / 100 : MAX_YUAN,
        pattern: fact.type.signed ? SIGNED_MONEY_PATTERN : MONEY_PATTERN,
      };
    case 'enum': {
      const members = graph.enums[fact.type.enum]?.members ?? [];
      return {
        ...base,
        enum: [...members.map((m) => m.id), null],
        // The VS Code JSON language service shows these next to each member.
        enumDescriptions: [...members.map((m) => text(m.label)), ''],
      };
    }
    case 'duration':
    case 'period':
      return { ...base, type: ['string', 'null'], pattern: DURATION_PATTERN };
    case 'date':
      return { ...base, type: ['string', 'null'], format: 'date' };
    case 'datetime':
      return { ...base, type: ['string', 'null'], format: 'date-time' };
    case 'time':
      return { ...base, type: ['string', 'null'], format: 'clock-time' };
  }
}

/**
 * The schema's time formats, checked by the same readers as the case: `date` (a day that exists),
 * `date-time` (ISO 8601 with an offset) and `clock-time` (HH:MM, 00:00–23:59:59). Other tools
 * know `date` and `date-time` from JSON Schema; `clock-time` is ours, since JSON Schema's `time`
 * requires seconds and an offset.
 */
function addTimeFormats(a: AjvInstance): AjvInstance {
  return a
    .addFormat('date', (s: string) => dayOfIsoDate(s) !== undefined)
    .addFormat('date-time', (s: string) => 'moment' in parseMoment(s))
    .addFormat('clock-time', (s: string) => secondsOfClock(s) !== undefined);
}

type AjvClass = typeof AjvInstance;

/**
 * ajv, loaded when the first validator is compiled rather than at start-up: `check` reaches this
 * module (a witness is read as a case) but seldom compiles a validator, and loading ajv cost
 * ~15 ms of every run. It is CommonJS, so `require` loads it there and then; the build leaves it
 * out of the bundle (`--external:ajv`), as the package depends on it.
 */
function loadAjv(): AjvClass {
  return (createRequire(import.meta.url)('ajv') as { default: AjvClass }).default;
}

let ajv: AjvInstance | undefined;
const validators = new WeakMap<DecisionGraph, ValidateFunction>();

/** The compiled validator of a policy's case schema: compiled once per graph, reporting every error. */
export function caseValidator(graph: DecisionGraph): ValidateFunction {
  const known = validators.get(graph);
  if (known !== undefined) return known;
  ajv ??= addTimeFormats(new (loadAjv())({ allErrors: true, strict: true, allowUnionTypes: true }).addKeyword('enumDescriptions'));
  const validate = ajv.compile(caseSchema(graph));
  // Drop ajv's own cache entry: the WeakMap keeps the validator exactly as long as the graph lives.
  ajv.removeSchema();
  validators.set(graph, validate);
  return validate;
}

/**
 * The schema of a case as staff may answer it (what the HTTP API accepts): the case schema, where
 * a yes/no fact also takes a word (`是`, `yes`), an enum fact a member's label in any locale, and
 * money an amount with a unit (`30元`, `¥30`). The case reader decides what each word means.
 */
export function answerSchema(graph: DecisionGraph, locale?: string): JsonSchema {
  const schema = caseSchema(graph, locale);
  const properties: Record<string, JsonSchema> = {};
  for (const [id, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    const fact = graph.facts[id];
    const { enumDescriptions, pattern, ...rest } = property;
    switch (fact.type.kind) {
      case 'bool':
        properties[id] = { ...rest, type: ['boolean', 'string', 'null'] };
        break;
      case 'money':
        properties[id] = { ...rest, type: ['number', 'string', 'null'], ...(typeof pattern === 'string' ? { examples: ['30', '30元', '¥30.50'] } : {}) };
        break;
      case 'enum': {
        const { enum: members, ...others } = rest;
        const label = { type: 'string', description: 'a member\'s label in any of the policy\'s locales' };
        properties[id] = { ...others, anyOf: [{ enum: members }, label], 'x-enumDescriptions': enumDescriptions };
        break;
      }
      default:
        properties[id] = property;
    }
  }
  const { $schema: _draft, ...body } = schema;
  return { ...body, properties };
}
