import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg, type MessageRef } from '../diagnostics/message.js';
import { parseMoney } from '../values/money.js';
import { numberInRange } from '../values/range.js';
import { div, rat, ratFromDecimal } from '../values/rational.js';
import type { Bounds } from '../values/bounds.js';
import { boundsOfType, checkBounds, constantComparison, writtenRange } from './fact-range.js';
import type { Span } from '../source/source-file.js';
import type { ConstDecl, EnumDecl, ExprNode, LetDecl, Name, TypeNode } from '../syntax/ast.js';
import { kindName, type BoundRules } from './binder.js';
import type { ReferenceRecorder } from './references.js';
import type { BoolType, Duration, DurationUnit, Expr, Value, ValueType } from '../graph/graph.js';
import { arithmeticHelp, arithmeticType, bareNumberAgainstMoney, isExpr, isQuantity, literalValue } from './type-rules.js';
import { describeType, sameType } from './types.js';
import { foreignMember, incomparable, listNames, mismatch, missingUnit, unknownMember, unknownName } from './typing-diagnostics.js';
import { isOrdered, timeComparisonHelp, timeOperation, timeTypeNames } from './time-rules.js';
import { dayOfIsoDate, secondsOfClock } from '../values/calendar.js';
import { durationUnitSpellings, isCalendarUnit } from '../values/duration.js';

const BOOL: BoolType = { kind: 'bool' };
const UNITS: Readonly<Record<string, DurationUnit | 'money'>> = { CNY: 'money', ...durationUnitSpellings };
const NOW: ValueType = { kind: 'datetime' };
const HUNDRED = rat(100n);

/**
 * Resolves the names in expressions and gives every expression a type. Constants and derived values
 * are typed on first use (in any order of declaration); a derived value that reaches itself is an error.
 */
export class ExprTyper {
  readonly diagnostics: Diagnostic[] = [];
  private readonly constants = new Map<string, { type: ValueType; value: Value } | null>();
  private readonly lets = new Map<string, Expr | null | 'pending'>();
  private readonly enumMembers = new Map<EnumDecl, ReadonlySet<string>>();
  /** Whether an expression read the built-in `now`. */
  usesNow = false;
  /** The policy's time zone (`timezone`), or null. */
  readonly zone: string | null;

  /** `refs` records each name this typer resolves, for the reference index. */
  constructor(
    private readonly bound: BoundRules,
    private readonly refs?: ReferenceRecorder,
  ) {
    this.zone = bound.policy?.timezone?.value ?? null;
  }

  /** The policy's zone for an operation that needs one; reports `type/missing-timezone` when there is none. */
  zoneFor(span: Span, what: MessageRef): string | null {
    if (this.zone !== null) return this.zone;
    this.report(diagnostic('type/missing-timezone', span, msg('time.missing-timezone', { what }), { help: msg('time.missing-timezone.help') }));
    return null;
  }

  /** Types a `when` condition: it must be a yes/no expression. */
  condition(node: ExprNode): Expr | null {
    const expr = this.expr(node);
    if (expr && expr.type.kind !== 'bool') {
      this.report(diagnostic('type/not-a-condition', node.span, msg('type.not-a-condition', { type: describeType(expr.type) }), {
        help: this.conditionHelp(expr.type),
      }));
      return null;
    }
    return expr;
  }

  /** The type and value of a constant, or null when its declaration has errors. */
  constant(decl: ConstDecl): { type: ValueType; value: Value } | null {
    if (this.constants.has(decl.name.text)) return this.constants.get(decl.name.text) ?? null;
    this.constants.set(decl.name.text, null);
    const expr = this.expr(decl.value);
    let result: { type: ValueType; value: Value } | null = null;
    if (expr) {
      const value = literalValue(expr);
      if (value === undefined) {
        this.report(diagnostic('type/not-constant', decl.value.span, msg('type.not-constant', { name: code(decl.name.text) }), {
          help: msg('type.not-constant.help'),
        }));
      } else if (expr.type.kind === 'money' && typeof value === 'number' && value < 0) {
        this.report(diagnostic('type/negative-money', decl.value.span, msg('type.negative-money', { name: code(decl.name.text) }), {
          help: msg('type.negative-money.help'),
        }));
      } else {
        result = { type: expr.type.kind === 'money' ? { kind: 'money', signed: false } : expr.type, value };
      }
    }
    this.constants.set(decl.name.text, result);
    return result;
  }

  /** The value of the constant named `id` (already typed through an expression). */
  constantValue(id: string): Value | undefined {
    const decl = this.bound.symbols.get(id);
    return decl?.kind === 'const' ? this.constant(decl)?.value : undefined;
  }

  /** The typed definition of a derived value, or null when it has errors or reaches itself. */
  letDefinition(decl: LetDecl): Expr | null {
    const known = this.lets.get(decl.name.text);
    if (known === 'pending') {
      this.report(diagnostic('resolve/let-cycle', decl.name.span, msg('resolve.let-cycle', { name: code(decl.name.text) }), {
        help: msg('resolve.let-cycle.help'),
      }));
      this.lets.set(decl.name.text, null);
      return null;
    }
    if (known !== undefined) return known;
    this.lets.set(decl.name.text, 'pending');
    const expr = this.expr(decl.value);
    if (this.lets.get(decl.name.text) === 'pending') this.lets.set(decl.name.text, expr);
    return (this.lets.get(decl.name.text) as Expr | null) ?? null;
  }

  /** Types an expression; `expected` lets a bare enum member resolve in the enum of the other operand. */
  expr(node: ExprNode, expected?: ValueType): Expr | null {
    switch (node.kind) {
      case 'number':
        return this.numberLiteral(node.text, node.unit, node.span, node.percent === true);
      case 'yuan':
        return this.moneyLiteral(node.text, node.span);
      case 'same-day':
        return { kind: 'literal', value: { amount: 0, unit: 'day' }, type: { kind: 'duration' }, span: node.span };
      case 'date': {
        const day = dayOfIsoDate(node.text);
        return day === undefined ? null : { kind: 'literal', value: day, type: { kind: 'date' }, span: node.span };
      }
      case 'time': {
        const clock = secondsOfClock(node.text);
        return clock === undefined ? null : { kind: 'literal', value: clock, type: { kind: 'time' }, span: node.span };
      }
      case 'between':
        return this.between(node);
      case 'string':
        return { kind: 'literal', value: node.value, type: { kind: 'text' }, span: node.span };
      case 'bool':
        return { kind: 'literal', value: node.value, type: BOOL, span: node.span };
      case 'paren':
        return this.expr(node.inner, expected);
      case 'ref':
        return node.member ? this.qualifiedMember(node.name, node.member, node.span) : this.reference(node.name, expected);
      case 'not': {
        const operand = this.boolOperand(node.operand, '`not`');
        return operand && { kind: 'not', operand, type: BOOL, span: node.span };
      }
      case 'and':
      case 'or': {
        const operands = node.operands.map((o) => this.boolOperand(o, `\`${node.kind}\``));
        return operands.every(isExpr) ? { kind: node.kind, operands, type: BOOL, span: node.span } : null;
      }
      case 'compare':
        return this.comparison(node);
      case 'in':
        return this.membership(node);
      case 'arith':
        return this.arithmetic(node);
      case 'neg': {
        const operand = this.expr(node.operand);
        if (!operand) return null;
        if (operand.type.kind !== 'money' && operand.type.kind !== 'number' && operand.type.kind !== 'duration' && operand.type.kind !== 'period') {
          this.report(mismatch(node.span, msg('type.cannot-negate', { type: describeType(operand.type) })));
          return null;
        }
        const type: ValueType = operand.type.kind === 'money' ? { kind: 'money', signed: true } : operand.type;
        return { kind: 'neg', operand, type, span: node.span };
      }
      case 'call':
        return this.minMax(node);
    }
  }

  /** How to turn a value of this type into a condition: a comparison that fits the type. */
  private conditionHelp(type: ValueType): MessageRef {
    switch (type.kind) {
      case 'enum': {
        const decl = this.bound.symbols.get(type.enum);
        const member = decl?.kind === 'enum' ? decl.members[0]?.name.text : undefined;
        return msg('type.compare-member.help', { member: member ?? '…' });
      }
      case 'money':
        return msg('type.compare-amount.help');
      case 'duration':
        return msg('type.compare-duration.help');
      case 'date':
        return msg('time.compare-date.help');
      case 'datetime':
        return msg('time.compare-moment.help');
      case 'time':
        return msg('time.compare-clock.help');
      case 'text':
        return msg('type.compare-text.help');
      default:
        return msg('type.compare-number.help');
    }
  }

  private report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  private boolOperand(node: ExprNode, operator: string): Expr | null {
    const expr = this.expr(node);
    if (expr && expr.type.kind !== 'bool') {
      this.report(mismatch(node.span, msg('type.needs-bool', { operator, type: describeType(expr.type) })));
      return null;
    }
    return expr;
  }

  private numberLiteral(text: string, unit: Name | null, span: Span, percent = false): Expr | null {
    const kind = unit ? UNITS[unit.text] : undefined;
    if (unit && !kind) return null; // reported by the syntax stage (syntax/unknown-unit)
    if (kind === 'money') return this.moneyLiteral(text, span);
    const amount = Number(text);
    if (!Number.isFinite(amount)) return null; // reported by the syntax stage (syntax/bad-number)
    if (kind) return { kind: 'literal', value: { amount, unit: kind } satisfies Duration, type: { kind: isCalendarUnit(kind) ? 'period' : 'duration' }, span };
    // Exactly the decimal written (`0.1` is 1/10), as the checker and evaluators compute with it.
    const value = ratFromDecimal(text);
    if (value === undefined || !numberInRange(value)) return null; // reported by the syntax stage (syntax/bad-number)
    if (percent) return { kind: 'literal', value: div(value, HUNDRED), type: { kind: 'number' }, percent: true, span };
    return { kind: 'literal', value, type: { kind: 'number' }, span };
  }

  private moneyLiteral(text: string, span: Span): Expr | null {
    const parsed = parseMoney(text);
    if ('error' in parsed) return null; // reported by the syntax stage (syntax/bad-number)
    return { kind: 'literal', value: parsed.fen, type: { kind: 'money', signed: false }, span };
  }

  private qualifiedMember(enumName: Name, member: Name, span: Span): Expr | null {
    const decl = this.bound.symbols.get(enumName.text);
    if (member.text === 'date' || member.text === 'time') {
      if (this.isValueName(enumName.text) || (!decl && enumName.text === 'now')) return this.partOfMoment(enumName, member.text, span);
    }
    if (!decl || decl.kind !== 'enum') {
      if (this.bound.duplicated.has(enumName.text)) return null; // the duplicate (or broken) declaration is the error
      const suggestions = this.bound.suggestions;
      const suggestion = suggestions.suggest(enumName.text, suggestions.namesOf('enum'));
      if (decl) this.refs?.record(enumName.span, decl.name.text);
      this.report(unknownName(enumName, suggestion, decl ? msg('resolve.not-an-enum', { name: code(enumName.text), kind: kindName(decl.kind) }) : undefined));
      return null;
    }
    this.refs?.record(enumName.span, decl.name.text);
    return this.memberOf(decl, member, span);
  }

  /** The outcome that gives a value named `name`, if one does. */
  private outcomeWithValue(name: string): string | undefined {
    for (const d of this.bound.symbols.values()) if (d.kind === 'outcome' && d.values.some((v) => v.name.text === name)) return d.name.text;
    return undefined;
  }

  /** The member names of an enum, as a set: `in {…}` over a large enum looked each one up. */
  private memberNames(decl: EnumDecl): ReadonlySet<string> {
    let names = this.enumMembers.get(decl);
    if (!names) {
      names = new Set(decl.members.map((m) => m.name.text));
      this.enumMembers.set(decl, names);
    }
    return names;
  }

  private memberOf(decl: EnumDecl, member: Name, span: Span): Expr | null {
    if (!this.memberNames(decl).has(member.text)) {
      this.report(unknownMember(decl, member));
      return null;
    }
    this.refs?.record(member.span, `${decl.name.text}.${member.text}`);
    return { kind: 'literal', value: member.text, type: { kind: 'enum', enum: decl.name.text }, span };
  }

  private reference(name: Name, expected?: ValueType): Expr | null {
    const expectedEnum = expected?.kind === 'enum' ? this.bound.symbols.get(expected.enum) : undefined;
    if (expectedEnum?.kind === 'enum') {
      if (this.memberNames(expectedEnum).has(name.text)) return this.memberOf(expectedEnum, name, name.span);
      const owners = this.bound.memberOwners.get(name.text);
      if (owners && !this.isValueName(name.text)) {
        this.report(foreignMember(name, owners[0], expectedEnum));
        return null;
      }
    }
    const decl = this.bound.symbols.get(name.text);
    if (decl && this.isValueName(name.text)) this.refs?.record(name.span, decl.name.text);
    if (decl) switch (decl.kind) {
      case 'fact':
        return this.fact(decl.name.text, decl.type, name.span);
      case 'const': {
        const c = this.constant(decl);
        return c && { kind: 'const', id: decl.name.text, type: c.type, span: name.span };
      }
      case 'let': {
        const def = this.letDefinition(decl);
        return def && { kind: 'let', id: decl.name.text, type: def.type, span: name.span };
      }
      default: {
        const owners = this.bound.memberOwners.get(name.text);
        if (owners?.length === 1) return this.memberOf(owners[0], name, name.span);
        if (this.bound.duplicated.has(name.text)) return null; // the duplicate declaration is the error
        this.refs?.record(name.span, decl.name.text); // the wrong kind, but still the declaration it names
        this.report(mismatch(name.span, msg('type.not-a-value', { name: code(name.text), kind: kindName(decl.kind) })));
        return null;
      }
    }
    if (name.text === 'now') {
      this.usesNow = true;
      return { kind: 'fact', id: 'now', type: NOW, span: name.span };
    }
    const owners = this.bound.memberOwners.get(name.text) ?? [];
    if (owners.length === 1) return this.memberOf(owners[0], name, name.span);
    if (owners.length > 1) {
      this.report(diagnostic('resolve/ambiguous-name', name.span, msg('resolve.ambiguous-name', { name: code(name.text), owners: listNames(owners.map((o) => o.name.text)) }), {
        help: msg('resolve.ambiguous-name.help', { qualified: code(`${owners[0].name.text}.${name.text}`) }),
      }));
      return null;
    }
    if (this.bound.duplicated.has(name.text)) return null; // its broken declaration is the error
    const outcome = this.outcomeWithValue(name.text);
    if (outcome) {
      // `value total = refund + fee` after `value refund = …`: values are results, not names to build on.
      this.report(diagnostic('resolve/unknown-name', name.span, msg('resolve.value-as-name', { name: code(name.text), outcome: code(outcome) }), {
        help: msg('resolve.value-as-name.help', { name: name.text }),
      }));
      return null;
    }
    this.report(unknownName(name, this.suggestValue(name.text, expectedEnum?.kind === 'enum' ? expectedEnum : undefined)));
    return null;
  }

  private fact(id: string, typeNode: TypeNode, span: Span): Expr | null {
    const type = this.factType(typeNode);
    return type && { kind: 'fact', id, type, span };
  }

  /** The ValueType of a fact's declared type; null (reported once, at the fact) when it names no enum. */
  factType(typeNode: TypeNode): ValueType | null {
    switch (typeNode.kind) {
      case 'bool':
      case 'number':
      case 'text':
        return { kind: typeNode.kind };
      case 'money':
        return { kind: 'money', signed: false };
      case 'signed-money':
        return { kind: 'money', signed: true };
      case 'named': {
        const decl = this.bound.symbols.get(typeNode.name.text);
        if (decl?.kind === 'enum') return { kind: 'enum', enum: decl.name.text };
        return Object.hasOwn(timeTypeNames, typeNode.name.text) ? timeTypeNames[typeNode.name.text] : null;
      }
    }
  }

  private isValueName(name: string): boolean {
    const kind = this.bound.symbols.get(name)?.kind;
    return kind === 'fact' || kind === 'const' || kind === 'let';
  }

  /** The fact, constant or derived value (or member of the enum expected here) a misspelt name likely means. */
  private suggestValue(name: string, expected: EnumDecl | undefined): string | undefined {
    const suggestions = this.bound.suggestions;
    const values = suggestions.namesOf('fact', 'const', 'let');
    const candidates = expected
      ? suggestions.list(`values and ${expected.name.text}`, () => [...values, ...expected.members.map((m) => m.name.text)])
      : values;
    return suggestions.suggest(name, candidates);
  }

  /** A bare name that is no fact, constant or derived value: it may be an enum member of the other side. */
  private isBareMember(node: ExprNode): boolean {
    return node.kind === 'ref' && !node.member && !this.isValueName(node.name.text) && this.bound.memberOwners.has(node.name.text);
  }

  private comparison(node: Extract<ExprNode, { kind: 'compare' }>): Expr | null {
    const rightFirst = this.isBareMember(node.left) && !this.isBareMember(node.right);
    let left: Expr | null;
    let right: Expr | null;
    if (rightFirst) {
      right = this.expr(node.right);
      left = this.expr(node.left, right?.type);
    } else {
      left = this.expr(node.left);
      right = this.expr(node.right, left?.type);
    }
    if (!left || !right) return null;
    if (!sameType(left.type, right.type)) {
      const help = timeComparisonHelp(left.type, right.type);
      this.report(help && !(left.kind === 'literal' && left.type.kind === 'number') && !(right.kind === 'literal' && right.type.kind === 'number')
        ? mismatch(node.span, msg('time.incomparable', { left: describeType(left.type), right: describeType(right.type), op: code(node.op) }), help)
        : incomparable(node.op, left, right, node.span));
      return null;
    }
    if (left.type.kind === 'period') {
      this.report(mismatch(node.span, msg('time.period-compare'), msg('time.period-compare.help')));
      return null;
    }
    const ordered = node.op !== '==' && node.op !== '!=';
    if (ordered && !isOrdered(left.type)) {
      this.report(mismatch(node.span, msg('type.equality-on-amounts', { op: code(node.op), type: describeType(left.type) }), msg('type.equality-on-amounts.help')));
      return null;
    }
    const compared: Expr = { kind: 'compare', op: node.op, left, right, type: BOOL, span: node.span };
    const outside = constantComparison(compared, (id) => this.boundsOfFact(id), (e) => (e.kind === 'literal' ? e.value : e.kind === 'const' ? this.constantValue(e.id) : undefined));
    if (outside) this.report(outside);
    return compared;
  }

  /** The bounds a fact declares, with their source text for messages. */
  private boundsOfFact(id: string): { bounds: Bounds; written: string } | undefined {
    const decl = this.bound.symbols.get(id);
    // A range with problems (`24..0`) is reported at the fact, not at every comparison.
    const bounds = decl?.kind === 'fact' && checkBounds(decl).length === 0 ? boundsOfType(decl.type) : undefined;
    return bounds && decl?.kind === 'fact' ? { bounds, written: writtenRange(decl.type) } : undefined;
  }

  private membership(node: Extract<ExprNode, { kind: 'in' }>): Expr | null {
    const subject = this.expr(node.subject);
    if (!subject) return null;
    if (subject.type.kind !== 'enum') {
      this.report(mismatch(node.subject.span, msg('type.in-needs-enum', { type: describeType(subject.type) })));
      return null;
    }
    const decl = this.bound.symbols.get(subject.type.enum) as EnumDecl;
    const members: string[] = [];
    for (const member of node.members) {
      const named = member.enum === null ? decl : this.bound.symbols.get(member.enum.text);
      if (member.enum !== null && named !== decl) {
        this.report(named?.kind === 'enum' ? foreignMember(member, named, decl) : unknownName(member.enum, undefined));
        continue;
      }
      if (this.memberOf(decl, member, member.span)) members.push(member.text);
    }
    if (members.length !== node.members.length) return null;
    return { kind: 'in', subject, enum: decl.name.text, members, negated: node.negated, type: BOOL, span: node.span };
  }

  private arithmetic(node: Extract<ExprNode, { kind: 'arith' }>): Expr | null {
    const left = this.expr(node.left);
    const right = this.expr(node.right);
    if (!left || !right) return null;
    const time = timeOperation(node.op, left, right, (e) => (e.kind === 'const' ? this.constantValue(e.id) : undefined));
    if (time) return this.timeArithmetic(node, left, right, time);
    const type = arithmeticType(node.op, left.type, right.type);
    if (!type) {
      const bare = bareNumberAgainstMoney(left, right);
      this.report(bare
        ? missingUnit(bare, left.type.kind === 'money' || right.type.kind === 'money' ? 'CNY' : 'days')
        : mismatch(node.span, msg('type.bad-arithmetic', { op: code(node.op), left: describeType(left.type), right: describeType(right.type) }), arithmeticHelp(left.type, right.type)));
      return null;
    }
    return { kind: 'arith', op: node.op, left, right, type, span: node.span };
  }

  /** Dates and moments moved by durations, differences of two, calendar durations scaled. */
  private timeArithmetic(node: Extract<ExprNode, { kind: 'arith' }>, left: Expr, right: Expr, op: NonNullable<ReturnType<typeof timeOperation>>): Expr | null {
    switch (op.kind) {
      case 'error':
        this.report(mismatch(node.span, msg('time.arithmetic', { op: code(node.op), left: describeType(left.type), right: describeType(right.type) }), op.help));
        return null;
      case 'elapsed':
        return { kind: 'elapsed', left, right, type: { kind: 'duration' }, span: node.span };
      case 'period':
        return { kind: 'arith', op: node.op, left, right, type: { kind: 'period' }, span: node.span };
      case 'shift': {
        const [base, by] = op.base === 'left' ? [left, right] : [right, left];
        const calendarMoment = base.type.kind === 'datetime' && by.type.kind === 'period';
        const zone = calendarMoment ? this.zoneFor(node.span, msg('time.what.calendar-moment')) : (this.zone ?? 'UTC');
        if (zone === null) return null;
        return { kind: 'shift', sign: node.op === '-' ? -1 : 1, base, by, zone, type: op.type, span: node.span };
      }
    }
  }

  /** `m.date`, `m.time`: the calendar date or clock time of a moment in the policy's zone. */
  private partOfMoment(name: Name, part: 'date' | 'time', span: Span): Expr | null {
    const moment = this.reference(name);
    if (!moment) return null;
    if (moment.type.kind !== 'datetime') {
      this.report(mismatch(span, msg('time.part-of-moment', { part: code(`.${part}`), name: code(name.text), type: describeType(moment.type) }), msg('time.part-of-moment.help')));
      return null;
    }
    const zone = this.zoneFor(span, msg(part === 'date' ? 'time.what.date-of' : 'time.what.time-of'));
    if (zone === null) return null;
    return { kind: part === 'date' ? 'date-of' : 'time-of', operand: moment, zone, type: { kind: part }, span };
  }

  /** `t between a and b`: a window of clock times, from `a` (included) to `b` (excluded), wrapping midnight when `b` is not after `a`. */
  private between(node: Extract<ExprNode, { kind: 'between' }>): Expr | null {
    const [subject, from, to] = [this.expr(node.subject), this.expr(node.from), this.expr(node.to)];
    if (!subject || !from || !to) return null;
    for (const e of [subject, from, to]) {
      if (e.type.kind !== 'time') {
        this.report(mismatch(e.span, msg('time.between', { type: describeType(e.type) }),
          msg(e.type.kind === 'datetime' ? 'time.between.moment-help' : 'time.between.help')));
        return null;
      }
    }
    return { kind: 'between', subject, from, to, type: BOOL, span: node.span };
  }

  private minMax(node: Extract<ExprNode, { kind: 'call' }>): Expr | null {
    const args = node.args.map((a) => this.expr(a));
    if (!args.every(isExpr) || args.length === 0) return null;
    const first = args[0].type;
    if (!isQuantity(first) && !isOrdered(first)) {
      this.report(mismatch(node.args[0].span, msg('type.fn-takes-amounts', { fn: code(node.fn), type: describeType(first) })));
      return null;
    }
    for (const [i, arg] of args.entries()) {
      if (!sameType(arg.type, first)) {
        this.report(mismatch(node.args[i].span, msg('type.fn-one-type', { fn: code(node.fn), type: describeType(arg.type), first: describeType(first) })));
        return null;
      }
    }
    const type: ValueType = first.kind === 'money' ? { kind: 'money', signed: args.some((a) => a.type.kind === 'money' && a.type.signed) } : first;
    return { kind: 'minmax', fn: node.fn, args, type, span: node.span };
  }
}
