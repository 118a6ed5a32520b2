import type { Span } from '../source/source-file.js';

/**
 * The syntax tree of one .sop file, as written: names are not resolved and nothing is typed.
 * Every node carries the span of the source it came from.
 */

/** A name as written, with its span (for diagnostics and suggestions). */
export interface Name {
  readonly text: string;
  readonly span: Span;
}

/** One string of a text; `locale` is null for the untagged first string (the policy's first locale). */
export interface TextPart {
  readonly locale: string | null;
  readonly value: string;
  readonly span: Span;
  /** The values it names (`{refund_cap}`), in texts that may name values (syntax/text-holes.ts); absent when none. */
  readonly holes?: readonly Name[];
}

/** A text a person reads, in one or more locales. */
export interface TextNode {
  readonly kind: 'text';
  readonly parts: readonly TextPart[];
  readonly span: Span;
  /** The cases a line of an outcome applies to (`via …`, `when …`); absent for a line that always applies. */
  readonly limit?: TextLimitNode;
}

/** A decision (`transit_damage`) or a branch (`wrong_item_value.high_value`) a path passes through. */
export interface PathRefNode {
  readonly decision: Name;
  /** The branch name after the dot (`otherwise` included); null for the decision itself. */
  readonly branch: Name | null;
  readonly span: Span;
}

/** `via a, b.x when cond`: the line applies on paths through one of `via` (any path when empty) where `condition` holds. */
export interface TextLimitNode {
  readonly via: readonly PathRefNode[];
  readonly condition: ExprNode | null;
  readonly span: Span;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';

/** An expression as written. Numbers keep their source text so money stays exact. */
/** A member in `in {…}`: its name, and the enum it was qualified with (`damage_level.minor`), if any. */
export interface SetMember extends Name {
  readonly enum: Name | null;
}

export type ExprNode =
  | { readonly kind: 'number'; readonly text: string; readonly unit: Name | null; readonly percent?: true; readonly span: Span } // 7 days, 30%
  | { readonly kind: 'yuan'; readonly text: string; readonly span: Span } // ¥500
  | { readonly kind: 'same-day'; readonly span: Span }
  | { readonly kind: 'date'; readonly text: string; readonly span: Span } // 2026-12-01
  | { readonly kind: 'time'; readonly text: string; readonly span: Span } // 09:00
  | { readonly kind: 'between'; readonly subject: ExprNode; readonly from: ExprNode; readonly to: ExprNode; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'ref'; readonly name: Name; readonly member: Name | null; readonly span: Span } // x or enum.member
  | { readonly kind: 'call'; readonly fn: 'min' | 'max'; readonly args: readonly ExprNode[]; readonly span: Span }
  | { readonly kind: 'neg'; readonly operand: ExprNode; readonly span: Span }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: ExprNode; readonly right: ExprNode; readonly span: Span }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: ExprNode; readonly right: ExprNode; readonly span: Span }
  | { readonly kind: 'in'; readonly subject: ExprNode; readonly members: readonly SetMember[]; readonly negated: boolean; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: ExprNode; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ExprNode[]; readonly span: Span }
  | { readonly kind: 'paren'; readonly inner: ExprNode; readonly span: Span };

/** One end of a range: a number as written with its sign (`-500`), `yuan` when written `¥500`. */
export interface BoundNode {
  readonly text: string;
  readonly yuan: boolean;
  readonly span: Span;
}

/** The bounds after `number` or `money` (`0..24`, `..100000 CNY`), both included; null where left out. */
export interface RangeNode {
  readonly min: BoundNode | null;
  readonly max: BoundNode | null;
  readonly unit: Name | null;
  readonly span: Span;
}

/** The type written after `fact name:`; `whole` and `range` only on number and money. */
export type TypeNode =
  | { readonly kind: 'bool' | 'money' | 'signed-money' | 'number' | 'text'; readonly whole?: true; readonly range?: RangeNode; readonly span: Span }
  | { readonly kind: 'named'; readonly name: Name; readonly whole?: never; readonly range?: never; readonly span: Span }; // an enum or a time type

/**
 * Fields every declaration has. `doc` holds the `##` lines just above it, without the `##`;
 * `authorNote` the `##!` lines among them (for the rule's authors, not staff).
 */
interface DeclBase {
  readonly name: Name;
  readonly label: TextNode | null;
  readonly doc: string | null;
  readonly authorNote: string | null;
  readonly span: Span;
}

export interface PolicyDecl extends DeclBase {
  readonly kind: 'policy';
  readonly version: { readonly value: string; readonly span: Span } | null;
  readonly effective: { readonly value: string; readonly span: Span } | null;
  readonly locales: readonly Name[]; // `zh-CN` is one Name
  readonly start: Name | null;
  readonly timezone: { readonly value: string; readonly span: Span } | null;
  readonly always: readonly TextNode[];
}

export interface EnumMember {
  readonly name: Name;
  readonly label: TextNode | null;
  readonly doc: string | null;
  readonly authorNote: string | null;
  readonly span: Span;
}

export interface EnumDecl extends DeclBase {
  readonly kind: 'enum';
  readonly members: readonly EnumMember[];
}

export interface DepartmentDecl extends DeclBase {
  readonly kind: 'department';
}

export interface FactDecl extends DeclBase {
  readonly kind: 'fact';
  readonly type: TypeNode;
  readonly ask: TextNode | null;
  readonly notes: readonly TextNode[];
}

export interface ConstDecl extends DeclBase {
  readonly kind: 'const';
  readonly value: ExprNode;
}

export interface LetDecl extends DeclBase {
  readonly kind: 'let';
  readonly value: ExprNode;
}

/** `when cond -> target [as name]`; `condition` is null for `otherwise`, which has no name. */
export interface BranchNode {
  readonly condition: ExprNode | null;
  readonly target: Name;
  /** The name after `as`: the branch's id is then `<decision>.<name>` (see graph/branch-ids.ts). */
  readonly name: Name | null;
  readonly span: Span;
}

export interface DecisionDecl extends DeclBase {
  readonly kind: 'decision';
  readonly hitPolicy: 'first' | 'unique';
  readonly branches: readonly BranchNode[]; // `otherwise`, if present, is last
}

export interface OutcomeValueNode {
  readonly name: Name;
  readonly value: ExprNode;
  readonly label: TextNode | null;
  readonly span: Span;
}

/** When something is due: `[at] value [after from]` (`3 days`, `2 hours after reported_at`, `at 09:00`). */
export interface DueNode {
  readonly at: boolean;
  readonly value: ExprNode;
  readonly after: ExprNode | null;
  readonly span: Span;
}

/** One `when cond -> due` of a deadline with cases; `condition` is null for `otherwise`. */
export interface DeadlineCaseNode {
  readonly condition: ExprNode | null;
  readonly due: DueNode;
  readonly span: Span;
}

/** What follows `deadline`: one due rule, or cases of its own. */
export type DeadlineNode =
  | { readonly kind: 'due'; readonly due: DueNode; readonly span: Span }
  | { readonly kind: 'cases'; readonly cases: readonly DeadlineCaseNode[]; readonly span: Span };

export interface OutcomeDecl extends DeclBase {
  readonly kind: 'outcome';
  readonly owner: Name | null;
  readonly deadline: DeadlineNode | null;
  readonly steps: readonly TextNode[]; // `do`
  readonly documents: readonly TextNode[];
  /** The first `say`; `says` has every one, in order (several only when limited to some cases). */
  readonly say: TextNode | null;
  readonly says: readonly TextNode[];
  readonly notes: readonly TextNode[];
  readonly values: readonly OutcomeValueNode[];
}

export interface SectionDecl extends DeclBase {
  readonly kind: 'section';
  readonly paragraphs: readonly TextNode[];
}

/** `require name: condition "message"`: a rule on the facts every valid case satisfies. */
export interface RequireDecl extends DeclBase {
  readonly kind: 'require';
  readonly condition: ExprNode;
}

export type Declaration =
  | PolicyDecl
  | EnumDecl
  | DepartmentDecl
  | FactDecl
  | ConstDecl
  | LetDecl
  | DecisionDecl
  | OutcomeDecl
  | SectionDecl
  | RequireDecl;

export interface ImportNode {
  readonly path: string; // as written, relative to the importing file
  readonly span: Span;
}

/** One parsed .sop file. Nodes that error recovery could not complete are left out. */
export interface RuleFile {
  readonly kind: 'file';
  readonly path: string;
  readonly imports: readonly ImportNode[];
  readonly declarations: readonly Declaration[];
  readonly span: Span;
  /**
   * Declarations a syntax error left out of `declarations` (recovery could not complete them):
   * their kind and name, so later stages know the name exists instead of calling it unknown.
   */
  readonly broken?: readonly BrokenDecl[];
}

/** A declaration that is named but could not be read whole. */
export interface BrokenDecl {
  readonly kind: Declaration['kind'];
  readonly name: string;
}
