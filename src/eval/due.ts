import type { Deadline, DueRule, Expr, Value } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Duration } from '../values/duration.js';
import { shiftTime } from '../values/time-ops.js';
import { endOfDay, nextClock } from '../values/zone.js';

/**
 * The due moment of an outcome's deadline. The deadline's cases are tried in order like a
 * decision's branches; a fact a case condition needs is needed by the case (it is asked once the
 * outcome is known). The moment a due time counts from (`now` by default) only sets the due
 * moment: when it is missing, the case stays decided with `due: null`.
 */

/** An expression's result, as the evaluators see it. */
export type Ev = { readonly k: 'value'; readonly v: Value } | { readonly k: 'unknown'; readonly needs: readonly string[] } | { readonly k: 'error'; readonly d: Diagnostic };

/** The due moment (epoch seconds) or null; the deadline case taken; facts its conditions need; an error. */
export interface DueResult {
  readonly due: number | null;
  readonly deadlineCase: string | null;
  readonly needs: readonly string[];
  readonly error: Diagnostic | null;
}

const NO_NEEDS: readonly string[] = Object.freeze([]);
const NOW: Expr = { kind: 'fact', id: 'now', type: { kind: 'datetime' }, span: { file: '<built-in>', start: 0, end: 0 } };

/** Computes the due moment of `deadline`, evaluating its expressions with `evaluate`. */
export function computeDue(deadline: Deadline, evaluate: (e: Expr) => Ev): DueResult {
  for (const c of deadline.cases) {
    if (c.condition !== null) {
      const ev = evaluate(c.condition);
      if (ev.k === 'error') return { due: null, deadlineCase: null, needs: NO_NEEDS, error: ev.d };
      if (ev.k === 'unknown') return { due: null, deadlineCase: null, needs: ev.needs, error: null };
      if (ev.v !== true) continue;
    }
    return { due: dueOf(c.due, evaluate), deadlineCase: c.id, needs: NO_NEEDS, error: null };
  }
  return { due: null, deadlineCase: null, needs: NO_NEEDS, error: null };
}

/** The moment a due rule gives, or null when a moment or amount it needs is not known. */
function dueOf(rule: DueRule, evaluate: (e: Expr) => Ev): number | null {
  const value = (e: Expr): Value | null => {
    const ev = evaluate(e);
    return ev.k === 'value' ? ev.v : null;
  };
  if (rule.kind === 'moment') return value(rule.moment) as number | null;
  const from = value(rule.from ?? NOW) as number | null;
  if (from === null) return null;
  switch (rule.kind) {
    case 'end-of-day':
      return endOfDay(from, rule.zone);
    case 'at': {
      const clock = value(rule.clock) as number | null;
      return clock === null ? null : nextClock(from, clock, rule.zone);
    }
    case 'after': {
      const amount = value(rule.amount) as Duration | null;
      return amount === null ? null : shiftTime(from, amount, 1, false, rule.zone);
    }
  }
}
