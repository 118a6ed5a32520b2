import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { CompareOp, Expr, Value } from '../graph/graph.js';
import type { BoundNode, FactDecl, TypeNode } from '../syntax/ast.js';
import type { Bounds } from '../values/bounds.js';
import { parseMoney } from '../values/money.js';
import { numberInRange } from '../values/range.js';
import { compare, exactText, isInteger, rat, Rat, ratFromDecimal } from '../values/rational.js';
import { describeType } from './types.js';

/**
 * The bounds a fact's type declares (`whole number 0..24`, `money ..100000 CNY`): read into
 * exact values (money in fen), and judged: bounds that hold no value or do not fit the type are
 * `type/bad-range`; a comparison with a constant that every allowed value decides the same way
 * is `type/outside-range`.
 */

/** The bounds of a declared type, or undefined when it declares none (or they cannot be read; `checkBounds` says why). */
export function boundsOfType(type: TypeNode): Bounds | undefined {
  if (!type.whole && !type.range) return undefined;
  const money = type.kind === 'money' || type.kind === 'signed-money';
  const read = (b: BoundNode | null | undefined) => (b ? boundValue(b, money) : null);
  const [min, max] = [read(type.range?.min), read(type.range?.max)];
  if (min === undefined || max === undefined) return undefined;
  return { whole: type.whole === true, min, max };
}

/** A bound's exact value (fen for money); undefined when it is no value of the type. */
function boundValue(bound: BoundNode, money: boolean): Rat | undefined {
  if (money) {
    const read = parseMoney(bound.text);
    return 'fen' in read ? rat(BigInt(read.fen)) : undefined;
  }
  const x = ratFromDecimal(bound.text);
  return x !== undefined && numberInRange(x) ? x : undefined;
}

/** Every problem with the range a fact declares. */
export function checkBounds(fact: FactDecl): Diagnostic[] {
  const { type } = fact;
  const range = type.range;
  if (!range) return [];
  const name = code(fact.name.text);
  const money = type.kind === 'money' || type.kind === 'signed-money';
  const out: Diagnostic[] = [];
  const written = [range.min, range.max].filter((b): b is BoundNode => b !== null);
  const unit = range.unit?.text ?? (written.some((b) => b.yuan) ? 'CNY' : null);
  if (written.length === 0) out.push(diagnostic('type/bad-range', range.span, msg('range.no-bound', { fact: name }), { help: msg('range.no-bound.help') }));
  if ((money && unit !== null && unit !== 'CNY') || (!money && unit !== null)) {
    const fact = { kind: type.kind === 'signed-money' ? 'money' : type.kind, signed: true } as Parameters<typeof describeType>[0];
    out.push(diagnostic('type/bad-range', range.unit?.span ?? range.span, msg('range.wrong-unit', { fact: name, unit: code(unit), type: describeType(fact) }), {
      help: msg(money ? 'range.wrong-unit.money-help' : 'range.wrong-unit.number-help'),
    }));
  }
  for (const b of written) {
    const value = boundValue(b, money);
    if (value === undefined) {
      const tooPrecise = money && 'error' in parseMoney(b.text) && (parseMoney(b.text) as { error: string }).error === 'too-many-decimals';
      out.push(diagnostic('type/bad-range', b.span, msg(tooPrecise ? 'range.too-precise' : 'range.too-large', { fact: name, bound: code(b.text) }), {
        help: msg(tooPrecise ? 'range.too-precise.help' : 'range.too-large.help'),
      }));
    } else if (type.whole && !isInteger(value)) {
      out.push(diagnostic('type/bad-range', b.span, msg('range.not-whole', { fact: name, bound: code(b.text) }), { help: msg('range.not-whole.help') }));
    } else if (type.kind === 'money' && value.n < 0n) {
      out.push(diagnostic('type/bad-range', b.span, msg('range.negative-money', { fact: name, min: code(b.text) }), { help: msg('range.negative-money.help') }));
    }
  }
  const bounds = out.length === 0 ? boundsOfType(type) : undefined;
  if (bounds?.min && bounds.max && compare(bounds.min, bounds.max) > 0) {
    out.push(diagnostic('type/bad-range', range.span, msg('range.empty', { fact: name, range: code(rangeSource(range.min, range.max)), min: code(range.min!.text), max: code(range.max!.text) }), {
      help: msg('range.empty.help'),
    }));
  }
  return out;
}

function rangeSource(min: BoundNode | null, max: BoundNode | null): string {
  return `${min?.text ?? ''}..${max?.text ?? ''}`;
}

const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/**
 * `type/outside-range` when a comparison of a bounded fact with a constant comes out the same for
 * every value the fact may hold (`days > 30` for `number 0..24`): the branch is dead or always taken.
 * `boundsOf` gives a fact's bounds and `valueOf` a constant's value.
 */
export function constantComparison(
  e: Extract<Expr, { kind: 'compare' }>,
  boundsOf: (fact: string) => { bounds: Bounds; written: string } | undefined,
  valueOf: (e: Expr) => Value | undefined,
): Diagnostic | undefined {
  const [fact, other, op] = e.left.kind === 'fact' ? [e.left, e.right, e.op] : e.right.kind === 'fact' ? [e.right, e.left, FLIPPED[e.op]] : [];
  if (!fact || !other || !op) return undefined;
  const known = boundsOf(fact.id);
  const v = known && valueOf(other);
  if (!known || v === undefined) return undefined;
  const x = v instanceof Rat ? v : typeof v === 'number' ? rat(BigInt(v)) : undefined;
  if (x === undefined) return undefined;
  const verdict = decide(op, x, known.bounds);
  if (verdict === undefined) return undefined;
  const written = other.kind === 'const' ? other.id : other.type.kind === 'money' ? `${exactText(rat(x.n, 100n))} CNY` : exactText(x);
  const condition = code(e.left.kind === 'fact' ? `${fact.id} ${e.op} ${written}` : `${written} ${e.op} ${fact.id}`);
  return diagnostic('type/outside-range', e.span, msg(verdict ? 'range.always' : 'range.never', { condition, fact: code(fact.id), range: code(known.written) }), {
    help: msg('range.constant.help', { fact: code(fact.id) }),
  });
}

/** The comparison `fact op x` for every value within the bounds: true, false, or undefined when it depends. */
function decide(op: CompareOp, x: Rat, b: Bounds): boolean | undefined {
  const outside = (b.min !== null && compare(x, b.min) < 0) || (b.max !== null && compare(x, b.max) > 0) || (b.whole && !isInteger(x));
  const cmp = (bound: Rat | null, test: (c: number) => boolean) => bound !== null && test(compare(bound, x));
  switch (op) {
    case '==': return outside ? false : undefined;
    case '!=': return outside ? true : undefined;
    case '<': return cmp(b.max, (c) => c < 0) ? true : cmp(b.min, (c) => c >= 0) ? false : undefined;
    case '<=': return cmp(b.max, (c) => c <= 0) ? true : cmp(b.min, (c) => c > 0) ? false : undefined;
    case '>': return cmp(b.min, (c) => c > 0) ? true : cmp(b.max, (c) => c <= 0) ? false : undefined;
    case '>=': return cmp(b.min, (c) => c >= 0) ? true : cmp(b.max, (c) => c < 0) ? false : undefined;
  }
}

/** The `bounds` field of a fact's definition (none when it declares none), its problems added to `diagnostics`. */
export function factBounds(fact: FactDecl, diagnostics: Diagnostic[]): { bounds?: Bounds } {
  const problems = checkBounds(fact);
  diagnostics.push(...problems);
  const bounds = problems.length === 0 ? boundsOfType(fact.type) : undefined;
  return bounds ? { bounds } : {};
}

/** The range as written in the type, for messages: `0..24`, `..100000 CNY`, `whole number`. */
export function writtenRange(type: TypeNode): string {
  const range = type.range ? `${type.range.min ? boundSource(type.range.min) : ''}..${type.range.max ? boundSource(type.range.max) : ''}${type.range.unit ? ` ${type.range.unit.text}` : ''}` : '';
  return [type.whole ? 'whole number' : '', range].filter((s) => s !== '').join(' ');
}

function boundSource(b: BoundNode): string {
  return b.yuan ? (b.text.startsWith('-') ? `-¥${b.text.slice(1)}` : `¥${b.text}`) : b.text;
}
