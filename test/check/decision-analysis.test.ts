import { describe, expect, it } from 'vitest';
import { analyseDecisions, checkInexactAnalysis } from '../../src/check/checks/decision-analysis.js';
import { analyseGraph } from '../../src/analysis/solver/analyse.js';
import { markedPolicy, underlinedBy } from './solver/source.js';

describe('graph/inexact-analysis', () => {
  it('says which condition is not analysed exactly and why, once', () => {
    const { graph, text, marks } = markedPolicy(`decision d {
  when <|x * 2 > y|> -> d2
  otherwise -> d2
}
decision d2 unique {
  when x * 2 > y -> done
  when flag -> done
}
`);
    const diagnostics = checkInexactAnalysis(analyseGraph(graph));
    expect(underlinedBy(text, diagnostics)).toEqual([`graph/inexact-analysis: ${marks[0]}`]);
    expect(diagnostics[0].message).toBe('`x * 2 > y` is not analysed exactly: it compares a multiple of one fact with another');
    expect(diagnostics[0].severity).toBe('info');
    expect(diagnostics[0].help).toContain('(in `d`, `d2`)');
  });

  it.each([
    ['x + y > limit', 'adds two facts'],
    ['x * 0.5 > 10 CNY', 'multiplies money by a fraction, which rounds to the fen'],
    ['x / y > 2', 'divides by a fact'],
    ['t == "a" and n * n > 2', 'multiplies two facts'],
  ])('explains why `%s` is not decided: it %s', (condition, reason) => {
    const { graph } = markedPolicy(`decision d {
  when ${condition} -> done
}
`);
    const [d] = checkInexactAnalysis(analyseGraph(graph));
    expect(d.message).toMatch(new RegExp(`it ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('says nothing when the analysis is exact', () => {
    const { graph } = markedPolicy(`decision d {
  when x * 2 >= y * 2 -> done
  otherwise -> done
}
`);
    expect(analyseDecisions(analyseGraph(graph)).filter((d) => d.code === 'graph/inexact-analysis')).toEqual([]);
  });
});

describe('analyseDecisions', () => {
  it('reports gaps, overlaps, shadowed branches and inexact conditions together', () => {
    const { graph } = markedPolicy(`decision d unique {
  when k == a -> d2
  when k in {b, c} and flag -> done
  when k in {b, c} and not flag -> done
}
decision d2 {
  when x >= limit -> done
  when x > y -> done
  when x >= 600 CNY -> done
  when x * 2 > y -> done
}
`);
    expect(analyseDecisions(analyseGraph(graph)).map((d) => d.code).sort()).toEqual(['graph/inexact-analysis', 'graph/shadowed-branch']);
  });

  it('lists the branches some case can take', () => {
    const { graph } = markedPolicy(`decision d {
  when x >= 100 CNY -> done
  when x >= 200 CNY -> done
  otherwise -> done
}
`);
    expect([...analyseGraph(graph).reachableBranches]).toEqual(['d.1', 'd.otherwise']);
  });
});
