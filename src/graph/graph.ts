import type { Span } from '../source/source-file.js';
import type { Rat } from '../values/rational.js';

/**
 * The checked decision graph: the one input of every back end (evaluation, rendering, export).
 * Names are resolved, expressions typed, texts keyed by locale. It holds no syntax nodes, so a
 * grammar change cannot reach evaluation or rendering. Records keep declaration order.
 */

/** A text in every locale the author wrote it in: locale (`zh-CN`, `en`) → text. */
export type LocaleText = Readonly<Record<string, string>>;

export type DurationUnit = 'day' | 'hour' | 'minute';

/** A length of time; `same day` is `{ amount: 0, unit: 'day' }`. */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** The type of a fact, constant, derived value or expression. */
export type ValueType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'money'; readonly signed: boolean }
  | { readonly kind: 'number' }
  | { readonly kind: 'text' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'enum'; readonly enum: string };

/**
 * A run-time value. Money is an integer number of fen (分), never a fraction of a yuan; a
 * `number` is an exact rational (Rat), never a double; an enum value is the member id; a duration
 * is a Duration. Both stay within the range of src/values/range.ts.
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
  | { readonly kind: 'literal'; readonly value: Value; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'neg'; readonly operand: Expr; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'minmax'; readonly fn: 'min' | 'max'; readonly args: readonly Expr[]; readonly type: ValueType; readonly span: Span }
  | { readonly kind: 'in'; readonly subject: Expr; readonly enum: string; readonly members: readonly string[]; readonly negated: boolean; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Expr; readonly type: BoolType; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Expr[]; readonly type: BoolType; readonly span: Span };

export type BoolType = { readonly kind: 'bool' };

/** Fields every named element has. `doc` is the `##` comment above its declaration. */
interface Element {
  readonly id: string;
  readonly label: LocaleText;
  readonly doc: string | null;
  readonly span: Span;
}

export interface EnumMemberDef extends Element {}

export interface EnumDef extends Element {
  readonly members: readonly EnumMemberDef[];
}

export interface DepartmentDef extends Element {}

/** A case field: what staff find out about a case. */
export interface FactDef extends Element {
  readonly type: ValueType;
  /** The question staff ask to learn it. */
  readonly ask: LocaleText | null;
  readonly notes: readonly LocaleText[];
}

export interface ConstantDef extends Element {
  readonly type: ValueType;
  readonly value: Value;
}

/** A derived value (`let`), computed from facts and constants when read. */
export interface LetDef extends Element {
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

export interface Deadline {
  readonly duration: Duration;
  /** The constant it came from, when it was written as a name. */
  readonly constant: string | null;
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
}

/** A prose part of the handbook that no case evaluates (shifts, conduct, promises). */
export interface SectionDef extends Element {
  readonly paragraphs: readonly LocaleText[];
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
  readonly doc: string | null;
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
  /** The source files the policy was compiled from, entry file first. */
  readonly files: readonly string[];
}

/** The text for a locale, falling back to the policy's first locale, then to any text there is. */
export function localize(text: LocaleText, locale: string, locales: readonly string[]): string {
  return text[locale] ?? text[locales[0] ?? ''] ?? Object.values(text)[0] ?? '';
}
