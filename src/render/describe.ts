import { localize, type CompareOp, type DecisionGraph, type Duration, type Expr, type Value, type ValueType } from '../graph/graph.js';
import type { Rat } from '../values/rational.js';
import { formatBool, formatDuration, formatMoney, formatNumber, quoteText } from './format.js';
import { formatClock, formatDay, formatMoment, formatPercent } from '../values/format.js';
import { describeTimeCompare, describeTimeValue } from './describe-time.js';
import { childExprs } from '../graph/children.js';

/**
 * Conditions and computed values in words, from the labels of the graph: `item_value > return_shipping`
 * becomes "商品价值高于退回运费" / "the item value is higher than the return shipping".
 * Output is plain text; escaping is the templates' job.
 */

/** What describing needs: the graph (for labels) and the locale to write in. */
export interface DescribeContext {
  readonly graph: DecisionGraph;
  readonly locale: string;
}

/** One line of a worked-out value: a derived value or constant it uses, and what that is. */
export interface Term {
  readonly label: string;
  readonly text: string;
}

const isZh = (ctx: DescribeContext): boolean => ctx.locale.toLowerCase().startsWith('zh');

/** The label of a declared element in the locale, or its id when it has none. */
function labelOf(text: Readonly<Record<string, string>> | undefined, id: string, ctx: DescribeContext): string {
  const s = text ? localize(text, ctx.locale, ctx.graph.policy.locales) : '';
  return s === '' ? id : s;
}

/** "Item value" → "item value", but "SKU count" stays (an acronym). */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** A noun phrase for a name in running English: "the item value". Chinese labels are used as they are. */
function nounPhrase(label: string, ctx: DescribeContext): string {
  if (isZh(ctx)) return label;
  const lower = lowerFirst(label);
  return /^(the|a|an)\s/i.test(lower) ? lower : `the ${lower}`;
}

/** A form a label declares (label-forms.ts) in exactly this locale: another locale's would be the wrong language. */
function formIn(text: Readonly<Record<string, string>> | undefined, ctx: DescribeContext): string | undefined {
  return text !== undefined && Object.hasOwn(text, ctx.locale) ? text[ctx.locale] : undefined;
}

function enumMemberLabel(enumId: string, member: string, ctx: DescribeContext): string {
  const def = ctx.graph.enums[enumId]?.members.find((m) => m.id === member);
  const label = labelOf(def?.label, member, ctx);
  return isZh(ctx) ? label : lowerFirst(label);
}

/** An enum member as a condition says it: its declared phrase ("a complaint"), else its label. */
function memberPhrase(enumId: string, member: string, ctx: DescribeContext): string {
  const def = ctx.graph.enums[enumId]?.members.find((m) => m.id === member);
  return formIn(def?.phrase, ctx) ?? enumMemberLabel(enumId, member, ctx);
}

function nameDef(expr: Expr & { kind: 'fact' | 'const' | 'let' }, ctx: DescribeContext) {
  return expr.kind === 'fact' ? ctx.graph.facts[expr.id] : expr.kind === 'const' ? ctx.graph.constants[expr.id] : ctx.graph.lets[expr.id];
}

/** The label of a fact, constant or derived value. */
function nameLabel(expr: Expr & { kind: 'fact' | 'const' | 'let' }, ctx: DescribeContext): string {
  return labelOf(nameDef(expr, ctx)?.label, expr.id, ctx);
}

/** A fact, constant or derived value as the subject of a sentence: its declared phrase, else "the" + its label. */
function subjectOf(expr: Expr & { kind: 'fact' | 'const' | 'let' }, ctx: DescribeContext): string {
  return formIn(nameDef(expr, ctx)?.phrase, ctx) ?? nounPhrase(nameLabel(expr, ctx), ctx);
}

/** A run-time value of a type, formatted for the locale. */
export function formatValue(value: Value, type: ValueType, ctx: DescribeContext): string {
  switch (type.kind) {
    case 'money': return formatMoney(value as number, ctx.locale);
    case 'duration': case 'period': return formatDuration(value as Duration, ctx.locale);
    case 'date': return formatDay(value as number, ctx.locale);
    case 'time': return formatClock(value as number);
    case 'datetime': return formatMoment(value as number, ctx.graph.policy.timezone ?? 'UTC', ctx.locale);
    case 'bool': return formatBool(value as boolean, ctx.locale);
    case 'enum': return enumMemberLabel(type.enum, String(value), ctx);
    case 'text': return quoteText(String(value), ctx.locale);
    case 'number': return formatNumber(value as number | Rat);
  }
}

/** Joins a list in words: zh "A、B或C", en "A, B or C". */
function joinWords(items: readonly string[], conj: string, ctx: DescribeContext): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(isZh(ctx) ? '、' : ', ');
  return isZh(ctx) ? `${head}${conj}${items[items.length - 1]}` : `${head} ${conj} ${items[items.length - 1]}`;
}

const precedence: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** A value expression in words: "订单总利润与退回运费中较小者" / "the smaller of the order profit and the return shipping". */
export function describeValue(expr: Expr, ctx: DescribeContext, opts: { constValues?: boolean } = {}): string {
  const zh = isZh(ctx);
  switch (expr.kind) {
    case 'fact':
    case 'let':
      return subjectOf(expr, ctx);
    case 'const': {
      const name = subjectOf(expr, ctx);
      const def = ctx.graph.constants[expr.id];
      if (!opts.constValues || !def) return name;
      const value = formatValue(def.value, def.type, ctx);
      return zh ? `${name}（${value}）` : `${name} (${value})`;
    }
    case 'literal':
      return expr.percent ? formatPercent(expr.value as Rat) : formatValue(expr.value, expr.type, ctx);
    case 'neg':
      return zh ? `负${describeOperand(expr.operand, 3, ctx, opts)}` : `minus ${describeOperand(expr.operand, 3, ctx, opts)}`;
    case 'arith': {
      const p = precedence[expr.op];
      const left = describeOperand(expr.left, p, ctx, opts);
      // The right operand of - and / needs brackets at equal precedence: a - (b - c).
      const right = describeOperand(expr.right, expr.op === '-' || expr.op === '/' ? p + 1 : p, ctx, opts);
      const word = zh
        ? { '+': '加', '-': '减', '*': '乘以', '/': '除以' }[expr.op]
        : { '+': ' plus ', '-': ' minus ', '*': ' times ', '/': ' divided by ' }[expr.op];
      return `${left}${word}${right}`;
    }
    case 'minmax': {
      const args = expr.args.map((a) => describeValue(a, ctx, opts));
      const two = args.length === 2;
      if (zh) {
        const which = expr.fn === 'min' ? (two ? '较小者' : '最小者') : two ? '较大者' : '最大者';
        return `${joinWords(args, '与', ctx)}中${which}`;
      }
      const which = expr.fn === 'min' ? (two ? 'smaller' : 'smallest') : two ? 'larger' : 'largest';
      return `the ${which} of ${joinWords(args, 'and', ctx)}`;
    }
    case 'date-of':
    case 'time-of':
    case 'shift':
    case 'elapsed':
      return describeTimeValue(expr, ctx.locale, (e) => describeValue(e, ctx, opts)) as string;
    default:
      return describeCondition(expr, ctx);
  }
}

function describeOperand(expr: Expr, minPrecedence: number, ctx: DescribeContext, opts: { constValues?: boolean }): string {
  const text = describeValue(expr, ctx, opts);
  const needs = expr.kind === 'arith' && precedence[expr.op] < minPrecedence;
  if (!needs) return text;
  return isZh(ctx) ? `（${text}）` : `(${text})`;
}

const invert: Record<CompareOp, CompareOp> = { '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

function compareWord(op: CompareOp, type: ValueType, ctx: DescribeContext): string {
  const duration = type.kind === 'duration';
  if (isZh(ctx)) {
    const numeric = { '==': '等于', '!=': '不等于', '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于' };
    const time = { '==': '等于', '!=': '不等于', '<': '短于', '<=': '不超过', '>': '超过', '>=': '不短于' };
    const other = { '==': '为', '!=': '不为', '<': '小于', '<=': '不大于', '>': '大于', '>=': '不小于' };
    const table = duration ? time : type.kind === 'money' || type.kind === 'number' ? numeric : other;
    return table[op];
  }
  const numeric = { '==': 'is', '!=': 'is not', '<': 'is lower than', '<=': 'is at most', '>': 'is higher than', '>=': 'is at least' };
  const time = { '==': 'is', '!=': 'is not', '<': 'is shorter than', '<=': 'is at most', '>': 'is longer than', '>=': 'is at least' };
  return (duration ? time : numeric)[op];
}

function describeCompare(op: CompareOp, left: Expr, right: Expr, ctx: DescribeContext): string {
  const zh = isZh(ctx);
  // `x == true`, `x != false` read as the fact itself; the other two as its negation.
  if (right.kind === 'literal' && typeof right.value === 'boolean') {
    const positive = (op === '==') === right.value;
    return positive ? describeCondition(left, ctx) : negate(left, ctx);
  }
  const time = describeTimeCompare(op, left, right, ctx.locale, (e) => describeValue(e, ctx, { constValues: true }));
  if (time !== undefined) return time;
  const subject = describeValue(left, ctx, { constValues: true });
  if (right.kind === 'literal' && right.type.kind === 'enum') {
    const member = memberPhrase(right.type.enum, String(right.value), ctx);
    if (zh) return `${subject}${op === '!=' ? '不为' : '为'}${member}`;
    return `${subject} ${op === '!=' ? 'is not' : 'is'} ${member}`;
  }
  const object = describeValue(right, ctx, { constValues: true });
  const word = compareWord(op, left.type, ctx);
  return zh ? `${subject}${word}${object}` : `${subject} ${word} ${object}`;
}

function describeIn(expr: Expr & { kind: 'in' }, negated: boolean, ctx: DescribeContext): string {
  const zh = isZh(ctx);
  const subject = describeValue(expr.subject, ctx);
  const members = expr.members.map((m) => memberPhrase(expr.enum, m, ctx));
  if (!negated) {
    if (zh) return `${subject}为${joinWords(members, '或', ctx)}`;
    if (members.length === 1) return `${subject} is ${members[0]}`;
    if (members.length === 2) return `${subject} is either ${members[0]} or ${members[1]}`;
    return `${subject} is one of ${joinWords(members, 'and', ctx)}`;
  }
  if (members.length === 1) return zh ? `${subject}不为${members[0]}` : `${subject} is not ${members[0]}`;
  if (members.length === 2) {
    return zh ? `${subject}既不为${members[0]}也不为${members[1]}` : `${subject} is neither ${members[0]} nor ${members[1]}`;
  }
  return zh ? `${subject}不为${members.join('、')}中的任何一种` : `${subject} is none of ${joinWords(members, 'and', ctx)}`;
}

/** The negation of a condition in words, pushing `not` inwards where that reads better. */
function negate(expr: Expr, ctx: DescribeContext): string {
  const zh = isZh(ctx);
  switch (expr.kind) {
    case 'not':
      return describeCondition(expr.operand, ctx);
    case 'compare':
      return describeCompare(invert[expr.op], expr.left, expr.right, ctx);
    case 'in':
      return describeIn(expr, !expr.negated, ctx);
    case 'fact':
    case 'let':
    case 'const': {
      // The negation the label declares ("退回的商品{不}完好") reads best; the rest is a fallback.
      const declared = formIn(nameDef(expr, ctx)?.negation, ctx);
      if (declared !== undefined) return zh ? declared : lowerFirst(declared);
      const label = nameLabel(expr, ctx);
      if (zh) return `不是${label}`;
      // A label that is a whole statement ("The order has shipped") is negated as a statement.
      const clause = /\b(is|are|has|have|was|were|can|does|do)\b/i.test(label);
      return clause ? `it is not true that ${lowerFirst(label)}` : `not ${lowerFirst(label)}`;
    }
    case 'literal':
      return formatBool(!(expr.value as boolean), ctx.locale);
    default: {
      const inner = describeCondition(expr, ctx);
      return zh ? `并非（${inner}）` : `not (${inner})`;
    }
  }
}

/** A yes/no expression in words: "问题类型为少货或错货" / "the problem is missing items or wrong item". */
export function describeCondition(expr: Expr, ctx: DescribeContext): string {
  const zh = isZh(ctx);
  switch (expr.kind) {
    case 'fact':
    case 'let':
    case 'const': {
      // A bool fact's label is a statement ("体积小重量轻"), so it stands on its own.
      const label = nameLabel(expr, ctx);
      return zh ? label : lowerFirst(label);
    }
    case 'literal':
      return formatValue(expr.value, expr.type, ctx);
    case 'compare':
      return describeCompare(expr.op, expr.left, expr.right, ctx);
    case 'in':
      return describeIn(expr, expr.negated, ctx);
    case 'not':
      return negate(expr.operand, ctx);
    case 'between':
      return describeTimeValue(expr, ctx.locale, (e) => describeValue(e, ctx)) as string;
    case 'and':
    case 'or': {
      const parts = expr.operands.map((o) => {
        const text = describeCondition(o, ctx);
        const mixed = (o.kind === 'and' || o.kind === 'or') && o.kind !== expr.kind;
        return mixed ? (zh ? `（${text}）` : `(${text})`) : text;
      });
      if (zh) return parts.join(expr.kind === 'and' ? '，且' : '，或');
      return joinWords(parts, expr.kind, ctx);
    }
    default:
      return describeValue(expr, ctx);
  }
}

/**
 * A condition in words, split where a top-level `and`/`or` joins its parts, each part carrying
 * its joining word: zh ["A，", "且B"], en ["A", "and B"]. Joined (zh with nothing, en with spaces)
 * they read as describeCondition. Flowcharts put each part on a line of its own.
 */
export function describeConditionParts(expr: Expr, ctx: DescribeContext): string[] {
  if (expr.kind !== 'and' && expr.kind !== 'or') return [describeCondition(expr, ctx)];
  const zh = isZh(ctx);
  const texts = expr.operands.map((o) => {
    const text = describeCondition(o, ctx);
    const mixed = (o.kind === 'and' || o.kind === 'or') && o.kind !== expr.kind;
    return mixed ? (zh ? `（${text}）` : `(${text})`) : text;
  });
  const last = texts.length - 1;
  if (zh) return texts.map((t, i) => `${i > 0 ? (expr.kind === 'and' ? '且' : '或') : ''}${t}${i < last ? '，' : ''}`);
  return texts.map((t, i) => (i === last && i > 0 ? `${expr.kind} ${t}` : i < last - 1 ? `${t},` : t));
}

/** The derived values and constants an expression uses, each worked out, in order of first use. */
export function describeTerms(expr: Expr, ctx: DescribeContext): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'let' || e.kind === 'const') {
      const key = `${e.kind}:${e.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      const label = nameLabel(e, ctx);
      if (e.kind === 'const') {
        const def = ctx.graph.constants[e.id];
        if (def) terms.push({ label, text: formatValue(def.value, def.type, ctx) });
        return;
      }
      const def = ctx.graph.lets[e.id];
      if (!def) return;
      terms.push({ label, text: describeValue(def.expr, ctx) });
      visit(def.expr);
      return;
    }
    for (const child of childrenOf(e)) visit(child);
  };
  visit(expr);
  return terms;
}

/** True when working the value out rounds money to the fen (money × or ÷ a number). */
export function roundsMoney(expr: Expr, ctx: DescribeContext): boolean {
  if (expr.kind === 'arith' && (expr.op === '*' || expr.op === '/') && expr.type.kind === 'money') return true;
  if (expr.kind === 'let') {
    const def = ctx.graph.lets[expr.id];
    return def ? roundsMoney(def.expr, ctx) : false;
  }
  return childrenOf(expr).some((c) => roundsMoney(c, ctx));
}

const childrenOf = childExprs;
