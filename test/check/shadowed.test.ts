import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analysis/index.js';
import { checkShadowedBranches } from '../../src/check/checks/shadowed.js';
import { markedPolicy, underlinedBy } from './solver/source.js';

function shadowed(decisions: string) {
  const { graph, text, marks } = markedPolicy(decisions);
  const diagnostics = checkShadowedBranches(analyseGraph(graph));
  return { diagnostics, lines: underlinedBy(text, diagnostics), marks, text };
}

describe('graph/shadowed-branch', () => {
  it('names the earlier branch that catches every case of a later one', () => {
    const r = shadowed(`decision d {
  when x >= 100 CNY -> done
  <|when x >= 200 CNY -> done|>
  otherwise -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
    expect(r.diagnostics[0].message).toBe('`when x >= 200 CNY` in `d` is never taken: `when x >= 100 CNY` catches every case it matches');
    expect(r.diagnostics[0].related?.map((x) => r.text.slice(x.span.start, x.span.end))).toEqual(['when x >= 100 CNY -> done']);
  });

  it('finds a minimal set of earlier branches that together cover a branch', () => {
    const r = shadowed(`decision d {
  when k == a -> done
  when flag -> done
  when k == b -> done
  <|when k in {a, b} -> done|>
  otherwise -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
    expect(r.diagnostics[0].message).toContain('the branches `when k == a` and `when k == b` catch every case it matches');
  });

  it('reports a condition that contradicts itself', () => {
    const r = shadowed(`decision d {
  <|when x > 30 CNY and x < 30.01 CNY -> done|>
  otherwise -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
    expect(r.diagnostics[0].message).toBe('`when x > 30 CNY and x < 30.01 CNY` in `d` is never taken: its condition can never hold');
  });

  it('reports a condition that contradicts the path into its decision', () => {
    const r = shadowed(`decision d {
  when k == a -> d2
  otherwise -> done
}
decision d2 {
  when x > 10 CNY -> done
  <|when k == b -> done|>
  otherwise -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
    expect(r.diagnostics[0].message).toBe('`when k == b` in `d2` is never taken: its condition cannot hold for any case that reaches `d2`');
  });

  it('reports an otherwise no case reaches', () => {
    const r = shadowed(`decision d {
  when flag -> done
  when not flag and k == a -> done
  when k != a -> done
  <|otherwise -> done|>
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
    expect(r.diagnostics[0].message).toBe('`otherwise` in `d` is never taken: earlier branches cover every case');
  });

  it('does not cascade into decisions no case reaches', () => {
    const r = shadowed(`decision d {
  when x >= 100 CNY -> done
  <|when x >= 200 CNY -> d2|>
  otherwise -> done
}
decision d2 {
  when flag -> done
  otherwise -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
  });

  it('accepts a branch whose cases are only partly caught earlier', () => {
    expect(shadowed(`decision d {
  when x >= 100 CNY -> done
  when x >= 50 CNY -> done
  when n > 0.5 and n < 0.51 -> done
  otherwise -> done
}
`).lines).toEqual([]);
  });

  it('reports an impossible branch of a unique decision', () => {
    const r = shadowed(`decision d unique {
  when flag -> done
  <|when x < 0 CNY -> done|>
  when not flag -> done
}
`);
    expect(r.lines).toEqual([`graph/shadowed-branch: ${r.marks[0]}`]);
  });
});
