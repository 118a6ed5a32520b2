import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../../src/analysis/index.js';
import { analyseDecisions } from '../../../src/check/checks/decision-analysis.js';
import { generateScaledPolicy } from '../../support/generate-policy.js';
import { graphFromSource } from './source.js';

/**
 * The analysis on large generated policies: they are free of gaps, overlaps and shadowed
 * branches, so any finding is a bug; and the time must grow about linearly. The time bounds are
 * loose (CI machines are slow and shared); `npm run bench` reports the real numbers.
 */
function analysed(branches: number): { ms: number; codes: string[] } {
  const graph = graphFromSource(generateScaledPolicy(branches, 7));
  // CPU time of this process, not the wall clock: on a machine shared with other test runs the
  // wall clock measures their load, not the analysis.
  const start = process.cpuUsage();
  const diagnostics = analyseDecisions(analyseGraph(graph));
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, codes: diagnostics.map((d) => `${d.code}: ${d.message}`) };
}

describe('the decision analysis at scale', () => {
  it('finds nothing to report in a clean 1,000-branch policy', () => {
    expect(analysed(1000).codes).toEqual([]);
  });

  it('analyses a clean 10,000-branch policy quickly, growing about linearly', () => {
    const small = analysed(2000);
    const large = analysed(10_000);
    expect(large.codes).toEqual([]);
    expect(large.ms).toBeLessThan(3000);
    // Five times the branches: allow for noise, but not for quadratic growth (25×).
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(12);
  });
});
