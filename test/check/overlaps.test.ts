import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analysis/index.js';
import { checkOverlaps } from '../../src/check/checks/overlaps.js';
import { markedPolicy, underlinedBy } from './solver/source.js';

function overlaps(decisions: string) {
  const { graph, text, marks } = markedPolicy(decisions);
  const diagnostics = checkOverlaps(analyseGraph(graph));
  return { diagnostics, lines: underlinedBy(text, diagnostics), marks, text };
}

describe('graph/overlap', () => {
  it('reports two unique branches that match the same case, on the later one, with a witness', () => {
    const r = overlaps(`decision d unique {
  when x >= 100 CNY -> done
  <|when x <= 100 CNY -> done|>
}
`);
    expect(r.lines).toEqual([`graph/overlap: ${r.marks[0]}`]);
    const d = r.diagnostics[0];
    expect(d.message).toBe('`when x <= 100 CNY` overlaps `when x >= 100 CNY` in unique decision `d`');
    expect(d.witness).toEqual({ x: '100' });
    expect(d.related?.map((x) => r.text.slice(x.span.start, x.span.end))).toEqual(['when x >= 100 CNY -> done']);
  });

  it('accepts unique branches that exclude each other to the fen', () => {
    expect(overlaps(`decision d unique {
  when x > 30 CNY -> done
  when x <= 30 CNY and k == a -> done
  when x < 30.01 CNY and k != a -> done
}
`).lines).toEqual([]);
  });

  it('judges overlaps only over the cases that reach the decision', () => {
    expect(overlaps(`decision d {
  when flag -> d2
  otherwise -> done
}
decision d2 unique {
  when flag and k == a -> done
  when not flag or k != a -> done
}
`).lines).toEqual([]);
    expect(overlaps(`decision d {
  when x < 10 CNY -> d2
  otherwise -> done
}
decision d2 unique {
  when x < 10 CNY -> done
  when cap < 20 CNY -> done
}
`).lines).toHaveLength(1);
  });

  it('names every earlier branch a branch overlaps', () => {
    const r = overlaps(`decision d unique {
  when k == a and not flag -> done
  when flag and k != a -> done
  <|when k == a or flag -> done|>
}
`);
    expect(r.lines).toEqual([`graph/overlap: ${r.marks[0]}`]);
    expect(r.diagnostics[0].related).toHaveLength(2);
    expect(r.diagnostics[0].message).toContain('(and 1 more)');
  });

  it('ignores first-match decisions, where overlapping is the point', () => {
    expect(overlaps(`decision d {
  when x >= 100 CNY -> done
  when x <= 100 CNY -> done
}
`).lines).toEqual([]);
  });
});
