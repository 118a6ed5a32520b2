import type { AtomSummary, DiffAtom, Formula, OpaqueAtom } from './formula.js';
import { type Model, Theory, TooPrecise } from './theory.js';
import type { IntRange, RatRange } from './difference-graph.js';

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
  /** The range of each integer variable (unsigned money from 0, clock times within a day…). */
  readonly intRange: IntRange;
  /** The declared bounds of number facts (`number 0..1`). */
  readonly ratRange?: RatRange;
  /** Branching steps before giving up with `unknown`. */
  readonly budget?: number;
}

const DEFAULT_BUDGET = 20_000;

/** One theory state reused by every query (solving is not re-entrant). */
const theory = new Theory();

class BudgetExceeded extends Error {}

type OrFormula = Extract<Formula, { kind: 'or' }>;

/**
 * What a set of queries can assert: every difference atom, and whether an opaque atom occurs.
 * Queries that pass the same universe share one theory set-up (the state returns to it after
 * each query), which is most of the cost of a small query.
 */
export type Universe = AtomSummary;

/** The universe of a set of formulas. */
export function universeOf(formulas: readonly Formula[]): Universe {
  return summarise(formulas);
}

/** Decides whether the conjunction of `parts` has a model; `universe` must cover their atoms. */
export function solve(parts: readonly Formula[], options: SolveOptions, wantModel = true, universe?: Universe): SolveResult {
  const own = universe ?? summarise(parts);
  const budget = options.budget ?? DEFAULT_BUDGET;
  try {
    theory.prepare(own, own.diffs, options.intRange, options.ratRange);
    if (!own.opaque && !wantModel && allLiterals(parts)) return assertAll(parts) ? SAT : UNSAT;
    const exact = new Search(theory, budget, wantModel);
    if (exact.run(parts.slice(), [])) return { status: 'sat', model: exact.model };
    if (!own.opaque) return UNSAT;
    theory.allowOpaque = true;
    const assumed = new Search(theory, budget, wantModel);
    const found = assumed.run(parts.slice(), []);
    theory.allowOpaque = false;
    if (!found) return UNSAT;
    return { status: 'unknown', model: assumed.model, cause: { kind: 'opaque', atom: assumed.firstOpaque! } };
  } catch (err) {
    // A search cut short leaves the theory mid-way: the next query sets it up afresh.
    theory.forget();
    if (err instanceof BudgetExceeded) return { status: 'unknown', cause: { kind: 'budget' } };
    if (err instanceof TooPrecise) return { status: 'unknown', cause: { kind: 'precision' } };
    throw err;
  }
}

const SAT: SolveResult = { status: 'sat' };
const UNSAT: SolveResult = { status: 'unsat' };

function allLiterals(parts: readonly Formula[]): boolean {
  for (const p of parts) if (p.kind !== 'lit') return false;
  return true;
}

/** The common case of a plain conjunction of literals: no search, just the theory. */
function assertAll(parts: readonly Formula[]): boolean {
  theory.mark();
  let ok = true;
  for (const p of parts) if (p.kind !== 'lit' || !theory.assert(p.atom)) {
    ok = false;
    break;
  }
  theory.backtrack();
  return ok;
}

class Search {
  model: Model | undefined;
  firstOpaque: OpaqueAtom | undefined;
  private steps = 0;

  constructor(private readonly theory: Theory, private readonly budget: number, private readonly wantModel: boolean) {}

  /** True when `stack` plus the pending disjunctions has a model; the model is kept in `model`. */
  run(stack: Formula[], pending: readonly OrFormula[]): boolean {
    this.theory.mark();
    const ors = [...pending];
    let best: readonly Formula[] = [];
    let bestAt = -1;
    for (;;) {
      if (!this.propagate(stack, ors)) return this.fail();
      // Simplify the pending disjunctions against the state; units go back on the stack.
      let kept = 0;
      bestAt = -1;
      for (const o of ors) {
        const open = this.openAlternatives(o);
        if (open === 'satisfied') continue;
        if (open.length === 0) return this.fail();
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
      this.theory.backtrack();
      return true;
    }
    const rest = ors.filter((_, i) => i !== bestAt);
    for (const alternative of best) {
      if (++this.steps > this.budget) throw new BudgetExceeded();
      if (this.run([alternative], rest)) return this.fail(true);
    }
    return this.fail();
  }

  /** Backtracks this level's changes and returns `result`. */
  private fail(result = false): boolean {
    this.theory.backtrack();
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

/** The difference atoms (and whether any opaque atom occurs) in a formula, memoised per node. */
const NOTHING = { diffs: [], opaque: false } as const;

const OPAQUE = { diffs: [], opaque: true } as const;

function summary(f: Formula): AtomSummary {
  if (f.kind === 'true' || f.kind === 'false') return NOTHING;
  if (f.kind === 'lit') return f.atom.kind === 'diff' ? f.atom.pair : f.atom.kind === 'opaque' ? OPAQUE : NOTHING;
  f.memo.summary ??= summarise(f.parts);
  return f.memo.summary;
}

/** Past this many difference atoms a Set finds repeats faster than `includes` on the list. */
const smallDiffs = 16;

function summarise(parts: readonly Formula[]): AtomSummary {
  // A query usually has few difference atoms, and a list with `includes` beats a Set; a long
  // chain of decisions (a path through hundreds of them) has hundreds, which would make this
  // quadratic, so the Set takes over once the list grows.
  const diffs: DiffAtom[] = [];
  let seen: Set<DiffAtom> | undefined;
  let opaque = false;
  for (const p of parts) {
    const s = summary(p);
    for (const d of s.diffs) {
      if (seen !== undefined ? seen.has(d) : diffs.includes(d)) continue;
      diffs.push(d);
      seen?.add(d);
      if (seen === undefined && diffs.length > smallDiffs) seen = new Set(diffs);
    }
    opaque ||= s.opaque;
  }
  return { diffs, opaque };
}
