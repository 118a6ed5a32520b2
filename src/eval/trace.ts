import type { LocaleText, OutcomeNode, Value } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What an evaluation returns: the outcome (or what is still needed), the path that led there and,
 * when asked, the full trace of every condition tried. Values are run-time values (money in fen);
 * formatters turn them into text or JSON.
 */

/** A fact's value as a condition read it. */
export interface FactReading {
  readonly id: string;
  readonly value: Value;
}

/** One decision on the path: the branch taken and the facts that decided it. */
export interface PathStep {
  readonly decision: string;
  /** The branch id (check/branch-ids.ts): `<decision>.<name>`, `<decision>.otherwise` or `<decision>.<n>` (1-based). */
  readonly branch: string;
  /** Facts read by the taken branch's condition and by the earlier conditions that were false, in reading order. */
  readonly facts: readonly FactReading[];
}

/** The outcome reached: the texts of its node (each in every locale) and its computed values. */
export interface OutcomeResult
  extends Pick<OutcomeNode, 'id' | 'label' | 'owner' | 'deadline' | 'steps' | 'documents' | 'say' | 'notes'> {
  /** Value id → value, in declaration order; null when it needs a missing fact or divides by zero. */
  readonly values: Readonly<Record<string, Value | null>>;
  /** The due moment (epoch seconds), null without a deadline or without the moment it counts from. */
  readonly due: number | null;
  /** The deadline case taken (`<outcome>.deadline…`), null without a deadline. */
  readonly deadlineCase: string | null;
}

/**
 * `decided`: an outcome with all its values. `undecided`: facts are missing (`needs`), either to
 * reach an outcome or to compute one of its values. `error`: the case cannot be evaluated
 * (division by zero, or no branch matched), see `diagnostics`.
 */
export type EvalStatus = 'decided' | 'undecided' | 'error';

/** One condition tried during evaluation. */
export interface TraceBranch {
  readonly branch: string;
  /** True or false, `unknown` when a missing fact leaves it open, `error` when it could not be evaluated. */
  readonly result: boolean | 'unknown' | 'error';
  /** Facts the condition read, in reading order. */
  readonly facts: readonly FactReading[];
  /** Missing facts that would decide it. */
  readonly needs: readonly string[];
}

/** One decision visited, with every condition tried in order. */
export interface TraceDecision {
  readonly decision: string;
  readonly branches: readonly TraceBranch[];
  /** The branch taken; null when evaluation stopped here. */
  readonly taken: string | null;
}

/** The full why-trace: every decision visited and every derived value computed. */
export interface Trace {
  readonly decisions: readonly TraceDecision[];
  /** Derived values (`let`) in the order they were first needed; null when unknown or in error. */
  readonly lets: readonly { readonly id: string; readonly value: Value | null }[];
}

/** The result of evaluating one case against a policy. */
export interface EvalResult {
  readonly status: EvalStatus;
  /** The outcome reached, or null when undecided before reaching one (or in error). */
  readonly outcome: OutcomeResult | null;
  /** Missing facts, in the order to ask them: first those that decide the open condition, then those outcome values need. */
  readonly needs: readonly string[];
  readonly path: readonly PathStep[];
  /** Present only when evaluation was asked for a trace. */
  readonly trace?: Trace;
  readonly diagnostics: readonly Diagnostic[];
}
