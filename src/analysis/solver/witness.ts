import type { Bounds, DecisionGraph, ValueType } from '../../graph/graph.js';
import type { Formula } from './formula.js';
import { add, ceil, compare, floor, mul, rat, sub, toDecimal, ZERO, type Rat } from '../../values/rational.js';
import { clockVar, dayVar, fixedEra } from './time-domain.js';
import { clockText, isoDateOfDay } from '../../values/calendar.js';
import { isoMoment } from '../../values/zone.js';
import type { Model, ModelValue } from './theory.js';

/**
 * Witnesses: a model written as the values a user types after `sopwright eval FILE` (`x=30.01`,
 * `flag=true`, `kind=b`), and a check that a model satisfies a formula.
 */

/** The value a fact takes when no constraint mentions it: 0, or the declared bound nearest it (fen for money). */
export function defaultValue(type: ValueType, enumMembers: (id: string) => readonly string[], bounds?: Bounds): ModelValue {
  switch (type.kind) {
    case 'bool': return 'false';
    case 'enum': return enumMembers(type.enum)[0] ?? '';
    case 'text': return 'other';
    default: {
      if (bounds?.min && compare(bounds.min, ZERO) > 0) return bounds.whole ? rat(ceil(bounds.min)) : bounds.min;
      if (bounds?.max && compare(bounds.max, ZERO) < 0) return bounds.whole ? rat(floor(bounds.max)) : bounds.max;
      return ZERO;
    }
  }
}

/** The witness for `facts` (in the order given), taking each value from the model or its default. */
export function witnessOf(graph: DecisionGraph, model: Model, facts: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  const members = (id: string) => graph.enums[id]?.members.map((m) => m.id) ?? [];
  for (const id of facts) {
    const fact = graph.facts[id];
    if (!fact) continue;
    const value = model.get(id) ?? splitMoment(model, id, graph.policy.timezone) ?? defaultValue(fact.type, members, fact.bounds);
    out[id] = typeof value === 'string' ? value : inputText(fact.type, value, graph.policy.timezone ?? 'UTC');
  }
  return out;
}

/** A split moment (time-domain.ts) from its local date and clock time: 86400·D + T − the era's offset. */
function splitMoment(model: Model, id: string, zone: string | null): Rat | undefined {
  const d = model.get(dayVar(id));
  const t = model.get(clockVar(id));
  if (d === undefined && t === undefined) return undefined;
  const era = zone ? fixedEra(zone) : null;
  const num = (v: ModelValue | undefined) => (v === undefined || typeof v === 'string' ? ZERO : v);
  return add(add(mul(num(d), rat(86_400n)), num(t)), rat(BigInt(-(era?.offset ?? 0))));
}

/** A model's number as a case writes it: yuan for money, a date, an ISO moment in the policy's zone. */
function inputText(type: ValueType, value: Rat, zone: string): string {
  if (type.kind === 'money') return toDecimal(rat(value.n, value.d * 100n));
  if (type.kind === 'date') return isoDateOfDay(Number(value.n / value.d));
  if (type.kind === 'datetime') return isoMoment(Number(value.n / value.d), zone);
  if (type.kind === 'time') return clockText(Number(value.n / value.d));
  return toDecimal(value);
}

/** Whether the model satisfies the formula; undefined when that hangs on an opaque condition. */
export function holds(f: Formula, model: Model): boolean | undefined {
  switch (f.kind) {
    case 'true': return true;
    case 'false': return false;
    case 'and': case 'or': {
      let unknown = false;
      for (const p of f.parts) {
        const v = holds(p, model);
        if (v === undefined) unknown = true;
        else if (v === (f.kind === 'or')) return v;
      }
      return unknown ? undefined : f.kind === 'and';
    }
    case 'lit': break;
  }
  const a = f.atom;
  switch (a.kind) {
    case 'member': {
      const v = model.get(a.fact);
      const i = a.domain.indexOf(typeof v === 'string' ? v : a.domain[0]);
      return ((a.mask >> BigInt(i)) & 1n) === 1n;
    }
    case 'text': return (model.get(a.fact) === a.value) === a.equal;
    case 'diff': {
      const num = (x: string | null) => {
        const v = x === null ? undefined : model.get(x);
        return v === undefined || typeof v === 'string' ? ZERO : v;
      };
      const c = compare(sub(num(a.u), num(a.v)), a.bound);
      return a.strict ? c < 0 : c <= 0;
    }
    case 'opaque': return undefined;
  }
}

