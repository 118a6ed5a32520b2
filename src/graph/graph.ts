import type { Span } from '../source/source-file.js';
import type { Rat } from '../values/rational.js';

/**
 * The checked decision graph: the one input of every back end (evaluation, rendering, export).
 * Names are resolved, expressions typed, texts keyed by locale. It holds no syntax nodes, so a
 * grammar change cannot reach evaluation or rendering. Records keep declaration order.
 */

/** A text in every locale the author wrote it in: locale (`zh-CN`, `en`) → text. */
export type LocaleText = Readonly<Record<string, string>>;

export type { Duration, DurationUnit } from '../values/duration.js';
import type { Duration } from '../values/duration.js';

/** The type of a fact, constant, derived value or expression. */
export type ValueType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'money'; readonly signed: boolean }
  | { readonly kind: 'number' }
  | { readonly kind: 'text' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'period' } // calendar months or years: they move dates, they do not compare
  | { readonly kind: 'date' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'time' }
  | { readonly kind: 'enum'; readonly enum: string };

/**
 * A run-time value. Money is an integer number of fen (分), never a fraction of a yuan; a
 * `number` is an exact rational (Rat), never a double; an enum value is the member id; a duration
 * is a Duration. A date is a day number (days since 1970-01-01), a datetime the seconds since
 * 1970-01-01T00:00:00Z, a time the seconds since midnight (src/values/calendar.ts): integers, so
 * they compare and subtract exactly. Money and numbers stay within the range of src/values/range.ts.
 */
export type Value = boolean | number | string | Duration | Rat;

/** Whether a run-time value is a duration. */
export function isDuration(v: Value | null | undefined): v is Duration {
  return typeof v === 'object' && v !== null && 'unit' in v;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';

/**
 * A typed, resolved expression. Money arithmetic that can leave whole fen (money × number,
 * money ÷ number) rounds half away from zero to the fen (四舍五入); money ÷ money is a number.
 */
export type Expr =
  | { readonly kind: 'fact'; readonly id: string; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'const'; readonly id: string; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'let'; readonly id: string; readonly type: ValueType; readonly span: Span }
  /** `percent`: written as a percentage (`30%` is the number 3/10), and shown so. */
  | { readonly kind: 'literal'; readonly value: Value; readonly type: ValueType; readonly percent?: true; readonly span: Span }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'neg'; readonly operand: Expr; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'minmax'; readonly fn: 'min' | 'max'; readonly args: readonly Expr[]; readonly type: ValueType; readonly span: Span }
  /** The calendar date (`m.date`) or clock time (`m.time`) of a moment in the policy's zone. */
  | { readonly kind: 'date-of' | 'time-of'; readonly operand: Expr; readonly zone: string; readonly type: ValueType; readonly span: Span }
  /** A date or moment moved by a duration (`d + 7 days`, `m - 2 years`); calendar units move in `zone`. */
  | { readonly kind: 'shift'; readonly sign: 1 | -1; readonly base: Expr; readonly by: Expr; readonly zone: string; readonly type: ValueType; readonly span: Span }
  /** The time between two dates or two moments (`a - b`), a duration. */
  | { readonly kind: 'elapsed'; readonly left: Expr; readonly right: Expr; readonly type: ValueType; readonly span: Span }
  /** A clock time in a window `[from, to)`; when `to` is not after `from` the window wraps midnight. */
  | { readonly kind: 'between'; readonly subject: Expr; readonly from: Expr; readonly to: Expr; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'in'; readonly subject: Expr; readonly enum: string; readonly members: readonly string[]; readonly negated: boolean; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Expr; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Expr[]; readonly type: BoolType; readonly span: Span };

export type BoolType = { readonly kind: 'bool' };

/**
 * Fields every named element has. `doc` is the `##` comment above its declaration (for staff),
 * `authorNote` its `##!` lines (for the rule's authors: the handbook's optional appendix only), absent when none.
 */
interface Element {
  readonly id: string;
  readonly label: LocaleText;
  readonly doc: string | null;
  readonly authorNote?: string;
  readonly span: Span;
}

/**
 * The grammatical forms a fact, derived value, constant or enum member declares in its label
 * (check/label-forms.ts), present only for the locales that write them: the statement negated
 * ("退回的商品不完好"), and the noun phrase a condition names it by ("the problem", "a complaint").
 */
interface Worded {
  readonly negation?: LocaleText;
  readonly phrase?: LocaleText;
}

export interface EnumMemberDef extends Element, Worded {}

export interface EnumDef extends Element {
  readonly members: readonly EnumMemberDef[];
}

export interface DepartmentDef extends Element {}

export type { Bounds } from '../values/bounds.js';
import type { Bounds } from '../values/bounds.js';

/** A case field: what staff find out about a case. */
export interface FactDef extends Element, Worded {
  readonly type: ValueType;
  /** Whole numbers only and/or bounds (money in fen) of a number or money fact; absent when it has none. */
  readonly bounds?: Bounds;
  /** The question staff ask to learn it. */
  readonly ask: LocaleText | null;
  readonly notes: readonly LocaleText[];
}

export interface ConstantDef extends Element, Worded {
  readonly type: ValueType;
  readonly value: Value;
}

/** A derived value (`let`), computed from facts and constants when read. */
export interface LetDef extends Element, Worded {
  readonly type: ValueType;
  readonly expr: Expr;
}

/** Where a branch leads. */
export interface Target {
  readonly kind: 'decision' | 'outcome';
  readonly id: string;
}

/**
 * One `when … ->` (or `otherwise ->`) line. Its id is `<decision>.<name>` when it is named
 * (`when … -> x as name`), `<decision>.otherwise`, or else `<decision>.<n>` with n its 1-based
 * position (check/branch-ids.ts says why).
 */
export interface Branch {
  readonly id: string;
  readonly index: number;
  /** Null for `otherwise`. */
  readonly condition: Expr | null;
  readonly target: Target;
  readonly span: Span;
}

/** How a decision picks among matching branches: the first (DMN FIRST) or exactly one (DMN UNIQUE). */
export type HitPolicy = 'first' | 'unique';

export interface DecisionNode extends Element {
  readonly hitPolicy: HitPolicy;
  readonly branches: readonly Branch[];
}

/** A value an outcome computes for staff, such as a refund cap. */
export interface OutcomeValue {
  readonly id: string;
  readonly label: LocaleText;
  readonly type: ValueType;
  readonly expr: Expr;
  readonly span: Span;
}

/**
 * How a due moment is computed. `from` is the moment counted from: a datetime expression, or null
 * for `now`. `after`: `from` + a duration; `at`: the first moment strictly after `from` whose
 * clock time is `clock`; `end-of-day`: the last second (23:59:59) of the calendar day of `from`;
 * `moment`: a datetime expression itself. Clock times and days are taken in `zone`.
 */
export type DueRule =
  | { readonly kind: 'after'; readonly amount: Expr; readonly from: Expr | null; readonly zone: string }
  | { readonly kind: 'at'; readonly clock: Expr; readonly from: Expr | null; readonly zone: string }
  | { readonly kind: 'end-of-day'; readonly from: Expr | null; readonly zone: string }
  | { readonly kind: 'moment'; readonly moment: Expr; readonly zone: string };

/** One case of a deadline: its condition (null for `otherwise`, and for a deadline without cases). */
export interface DeadlineCase {
  /** `<outcome>.deadline.<n>` or `<outcome>.deadline.otherwise`; `<outcome>.deadline` without cases. */
  readonly id: string;
  readonly condition: Expr | null;
  readonly due: DueRule;
  /** The duration when it is a plain length counted from now (`3 days`, `same day`), for simple display. */
  readonly duration: Duration | null;
  /** The constant the duration came from, when written as a name. */
  readonly constant: string | null;
  readonly span: Span;
}

export interface Deadline {
  /** The duration of a deadline that is a plain length counted from now (`3 days`), else null. */
  readonly duration: Duration | null;
  /** The constant it came from, when it was written as a name. */
  readonly constant: string | null;
  /** The cases in order, first match wins; one case with a null condition for a deadline without cases. */
  readonly cases: readonly DeadlineCase[];
}

/**
 * A value a text of an outcome names (`"退款 {refund_cap} 元"`): one of the outcome's own values
 * (`kind: 'value'`), or a fact, constant or derived value read as `expr`. The texts keep the
 * placeholder as written; src/graph/text-template.ts reads them.
 */
export type TextValue =
  | { readonly name: string; readonly kind: 'value' }
  | { readonly name: string; readonly kind: 'expr'; readonly expr: Expr };

/**
 * The cases a line of an outcome applies to (`via …`, `when …`): paths through one of `via`
 * (decision or branch ids; any path when empty) on which `condition` (null: none) is true.
 */
export interface TextLimit {
  readonly via: readonly string[];
  readonly condition: Expr | null;
  readonly span: Span;
}

/**
 * The limits of an outcome's lines, by position: `steps[i]` limits `OutcomeNode.steps[i]` (the
 * policy's `always` steps are never limited), `notes[i]` a note, `says[i]` the i-th `say`, whose
 * texts joined by a line break are `OutcomeNode.say`. Null for a line that always applies.
 */
export interface OutcomeLimits {
  readonly steps: readonly (TextLimit | null)[];
  readonly notes: readonly (TextLimit | null)[];
  readonly says: readonly { readonly text: LocaleText; readonly limit: TextLimit | null }[];
}

/** What staff do at the end of a path. */
export interface OutcomeNode extends Element {
  /** A department id. */
  readonly owner: string | null;
  readonly deadline: Deadline | null;
  /** `do` steps in order, followed by the policy's `always` steps. */
  readonly steps: readonly LocaleText[];
  readonly documents: readonly LocaleText[];
  readonly say: LocaleText | null;
  readonly notes: readonly LocaleText[];
  readonly values: readonly OutcomeValue[];
  /** The values its `do`, `say` and `note` texts name, each once, in order of first use; absent when none. */
  readonly textValues?: readonly TextValue[];
  /** Present when some line applies only to some cases (`via …`, `when …`). */
  readonly limits?: OutcomeLimits;
}

/** A prose part of the handbook that no case evaluates (shifts, conduct, promises). */
export interface SectionDef extends Element {
  readonly paragraphs: readonly LocaleText[];
}

/**
 * A rule on the facts themselves (`require ordered_at <= now "…"`): a case for which the condition
 * is false is invalid; one for which it is unknown (a fact missing) is not judged. The label is the
 * message shown for a case that breaks it.
 */
export interface RequirementDef extends Element {
  readonly condition: Expr;
}

export interface PolicyInfo {
  readonly id: string;
  readonly title: LocaleText;
  readonly version: string | null;
  readonly effective: string | null;
  /** Declared locales; the first is the one untagged strings are written in. */
  readonly locales: readonly string[];
  /** The id of the first decision. */
  readonly start: string;
  /** The IANA time zone clock times and calendar dates of moments are taken in (`timezone`), or null. */
  readonly timezone: string | null;
  readonly doc: string | null;
  readonly authorNote?: string;
}

/** The compiled, checked policy. Immutable; every back end reads only this. */
export interface DecisionGraph {
  readonly policy: PolicyInfo;
  readonly enums: Readonly<Record<string, EnumDef>>;
  readonly departments: Readonly<Record<string, DepartmentDef>>;
  readonly facts: Readonly<Record<string, FactDef>>;
  readonly constants: Readonly<Record<string, ConstantDef>>;
  readonly lets: Readonly<Record<string, LetDef>>;
  readonly decisions: Readonly<Record<string, DecisionNode>>;
  readonly outcomes: Readonly<Record<string, OutcomeNode>>;
  readonly sections: readonly SectionDef[];
  /** Rules every valid case satisfies (`require`), in declaration order. */
  readonly requirements: readonly RequirementDef[];
  /** The source files the policy was compiled from, entry file first. */
  readonly files: readonly string[];
}

/** The text for a locale, falling back to the policy's first locale, then to any text there is. */
export function localize(text: LocaleText, locale: string, locales: readonly string[]): string {
  return text[locale] ?? text[locales[0] ?? ''] ?? Object.values(text)[0] ?? '';
}
