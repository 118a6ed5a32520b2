import type { DiffAtom, Formula, OpaqueAtom } from './formula.js';
import { type Model, Theory, TooPrecise } from './theory.js';

/**
 * Satisfiability of a conjunction of NNF formulas: a tableau search that asserts literals into
 * the theory as soon as it meets them, drops disjunctions already satisfied, takes a disjunction
 * with one open alternative as a unit, and otherwise branches on the one with fewest alternatives.
 *
 * Opaque atoms are handled in two passes. First they count as false: since the formula is in
 * NNF, a model found then satisfies it whatever the opaque conditions really are (`sat`). If
 * there is none, they are assumed freely; no model even then means `unsat`, a model means the
 * answer hangs on an opaque condition (`unknown`).
 */

export type SolveStatus = 'sat' | 'unsat' | 'unknown';

/** Why a query could not be decided. */
export type UnknownCause =
  | { readonly kind: 'opaque'; readonly atom: OpaqueAtom }
  | { readonly kind: 'budget' }
  | { readonly kind: 'precision' };

export interface SolveResult {
  readonly status: SolveStatus;
  /** A model for `sat` when asked for (facts the formula does not constrain are left out). */
  readonly model?: Model;
  readonly cause?: UnknownCause;
}

export interface SolveOptions {
  /** Money facts that are never negative (all but `signed money`). */
  readonly isUnsignedMoney: (fact: string) => boolean;
  /** Branching steps before giving up with `unknown`. */
  readonly budget?: number;
}

const DEFAULT_BUDGET = 20_000;

/** One theory state reused by every query (solving is not re-entrant). */
const theory = new Theory();

class BudgetExceeded extends Error {}

type OrFormula = Extract<Formula, { kind: 'or' }>;

/** Decides whether the conjunction of `parts` has a model. */
export function solve(parts: readonly Formula[], options: SolveOptions, wantModel = true): SolveResult {
  const { diffs, opaque } = summarise(parts);
  const budget = options.budget ?? DEFAULT_BUDGET;
  try {
    theory.reset(diffs, options.isUnsignedMoney, false);
    const exact = new Search(theory, budget, wantModel);
    if (exact.run([...parts], [])) return { status: 'sat', model: exact.model };
    if (!opaque) return { status: 'unsat' };
    theory.reset(diffs, options.isUnsignedMoney, true);
    const assumed = new Search(theory, budget, wantModel);
    if (!assumed.run([...parts], [])) return { status: 'unsat' };
    return { status: 'unknown', model: assumed.model, cause: { kind: 'opaque', atom: assumed.firstOpaque! } };
  } catch (err) {
    if (err instanceof BudgetExceeded) return { status: 'unknown', cause: { kind: 'budget' } };
    if (err instanceof TooPrecise) return { status: 'unknown', cause: { kind: 'precision' } };
    throw err;
  }
}

class Search {
  model: Model | undefined;
  firstOpaque: OpaqueAtom | undefined;
  private steps = 0;

  constructor(private readonly theory: Theory, private readonly budget: number, private readonly wantModel: boolean) {}

  /** True when `stack` plus the pending disjunctions has a model; the model is kept in `model`. */
  run(stack: Formula[], pending: readonly OrFormula[]): boolean {
    const mark = this.theory.mark();
    const ors = [...pending];
    let best: readonly Formula[] = [];
    let bestAt = -1;
    for (;;) {
      if (!this.propagate(stack, ors)) return this.fail(mark);
      // Simplify the pending disjunctions against the state; units go back on the stack.
      let kept = 0;
      bestAt = -1;
      for (const o of ors) {
        const open = this.openAlternatives(o);
        if (open === 'satisfied') continue;
        if (open.length === 0) return this.fail(mark);
        if (open.length === 1) {
          stack.push(open[0]);
          continue;
        }
        if (bestAt < 0 || open.length < best.length) [best, bestAt] = [open, kept];
        ors[kept++] = o;
      }
      ors.length = kept;
      if (stack.length === 0) break;
    }
    if (ors.length === 0) {
      if (this.wantModel) this.model = this.theory.model();
      this.firstOpaque = this.theory.firstOpaque();
      this.theory.backtrack(mark);
      return true;
    }
    const rest = ors.filter((_, i) => i !== bestAt);
    for (const alternative of best) {
      if (++this.steps > this.budget) throw new BudgetExceeded();
      if (this.run([alternative], rest)) return this.fail(mark, true);
    }
    return this.fail(mark);
  }

  private fail(mark: ReturnType<Theory['mark']>, result = false): boolean {
    this.theory.backtrack(mark);
    return result;
  }

  /** Asserts everything on the stack; disjunctions are set aside in `ors`. False on a conflict. */
  private propagate(stack: Formula[], ors: OrFormula[]): boolean {
    while (stack.length > 0) {
      const f = stack.pop()!;
      switch (f.kind) {
        case 'true': break;
        case 'false': return false;
        case 'lit': if (!this.theory.assert(f.atom)) return false; break;
        case 'and': for (const p of f.parts) stack.push(p); break;
        case 'or': ors.push(f); break;
      }
    }
    return true;
  }

  private openAlternatives(o: OrFormula): readonly Formula[] | 'satisfied' {
    const open: Formula[] = [];
    for (const p of o.parts) {
      const s = this.evaluate(p);
      if (s === 'true') return 'satisfied';
      if (s === 'open') open.push(p);
    }
    return open;
  }

  /** Three-valued evaluation of a formula in the current state. */
  private evaluate(f: Formula): 'true' | 'false' | 'open' {
    switch (f.kind) {
      case 'true': return 'true';
      case 'false': return 'false';
      case 'lit': return this.theory.status(f.atom);
      case 'and': {
        let all = true;
        for (const p of f.parts) {
          const s = this.evaluate(p);
          if (s === 'false') return 'false';
          if (s === 'open') all = false;
        }
        return all ? 'true' : 'open';
      }
      case 'or': {
        let none = true;
        for (const p of f.parts) {
          const s = this.evaluate(p);
          if (s === 'true') return 'true';
          if (s === 'open') none = false;
        }
        return none ? 'false' : 'open';
      }
    }
  }
}

const summaries = new WeakMap<Formula, { readonly diffs: readonly DiffAtom[]; readonly opaque: boolean }>();

/** The difference atoms (and whether any opaque atom occurs) in a formula, memoised per node. */
const NOTHING = { diffs: [], opaque: false } as const;

function summary(f: Formula): { readonly diffs: readonly DiffAtom[]; readonly opaque: boolean } {
  if (f.kind === 'true' || f.kind === 'false') return NOTHING;
  if (f.kind === 'lit' && f.atom.kind !== 'diff' && f.atom.kind !== 'opaque') return NOTHING;
  let s = summaries.get(f);
  if (!s) {
    s = f.kind === 'lit'
      ? { diffs: f.atom.kind === 'diff' ? [f.atom, f.atom.negation as DiffAtom] : [], opaque: f.atom.kind === 'opaque' }
      : summarise(f.parts);
    summaries.set(f, s);
  }
  return s;
}

function summarise(parts: readonly Formula[]): { diffs: readonly DiffAtom[]; opaque: boolean } {
  let diffs: Set<DiffAtom> | undefined;
  let opaque = false;
  for (const p of parts) {
    const s = summary(p);
    if (s.diffs.length > 0) {
      diffs ??= new Set();
      for (const d of s.diffs) diffs.add(d);
    }
    opaque ||= s.opaque;
  }
  return { diffs: diffs ? [...diffs] : [], opaque };
}
