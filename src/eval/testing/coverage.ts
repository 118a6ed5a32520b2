import type { DecisionGraph } from '../../graph/graph.js';
import type { Span } from '../../source/source-file.js';
import type { EvalResult } from '../trace.js';

/**
 * Which branches and outcomes of a policy its tests reach. A branch counts when a test's path
 * takes it (undecided tests count for the part of the path they walked); an outcome when a test
 * reaches it.
 */

/** One thing no test reached. */
export interface Uncovered {
  readonly kind: 'branch' | 'outcome';
  readonly id: string;
  readonly span: Span;
}

/** Covered out of total, for one kind. */
export interface CoverageCount {
  readonly covered: number;
  readonly total: number;
  /** 100 when there is nothing to cover. */
  readonly percent: number;
}

/** The coverage of one policy by its tests. */
export interface Coverage {
  readonly branches: CoverageCount;
  readonly outcomes: CoverageCount;
  /** In declaration order: decisions' branches first, then outcomes. */
  readonly uncovered: readonly Uncovered[];
}

/** Collects what a set of evaluations of the same policy reached. */
export class CoverageCollector {
  private readonly branches = new Set<string>();
  private readonly outcomes = new Set<string>();

  constructor(readonly graph: DecisionGraph) {}

  add(result: EvalResult): void {
    for (const step of result.path) this.branches.add(step.branch);
    if (result.outcome !== null) this.outcomes.add(result.outcome.id);
  }

  report(): Coverage {
    const uncovered: Uncovered[] = [];
    let branchTotal = 0;
    for (const d of Object.values(this.graph.decisions)) {
      for (const b of d.branches) {
        branchTotal++;
        if (!this.branches.has(b.id)) uncovered.push({ kind: 'branch', id: b.id, span: b.span });
      }
    }
    const outcomes = Object.values(this.graph.outcomes);
    for (const o of outcomes) if (!this.outcomes.has(o.id)) uncovered.push({ kind: 'outcome', id: o.id, span: o.span });
    return {
      branches: count(this.branches.size, branchTotal),
      outcomes: count(this.outcomes.size, outcomes.length),
      uncovered,
    };
  }
}

function count(covered: number, total: number): CoverageCount {
  return { covered, total, percent: total === 0 ? 100 : (covered / total) * 100 };
}

/** A percentage as shown: one decimal, never rounded up to 100 while something is missing. */
export function formatPercent(c: CoverageCount): string {
  const tenths = Math.floor(c.percent * 10) / 10;
  return tenths.toFixed(1);
}
