import { describe, expect, it } from 'vitest';
import { pathConditions } from '../../src/analysis/path-conditions.js';
import { analyseGraph } from '../../src/analysis/solver/analyse.js';
import { markedPolicy } from './solver/source.js';

const { graph } = markedPolicy(`decision d unique {
  when k == a -> d2
  when k == b -> d3
  when k == c -> d3
}
decision d2 {
  when flag -> d3
  otherwise -> done
}
decision d3 {
  when x > 10 CNY -> done
  otherwise -> done
}
decision lonely {
  otherwise -> done
}
`);

describe('path conditions', () => {
  const pc = pathConditions(graph);

  it('orders the decisions reachable from start, parents first', () => {
    expect(pc.order.map((d) => d.id)).toEqual(['d', 'd2', 'd3']);
  });

  it('gives start the empty condition and leaves unreached decisions without one', () => {
    expect(pc.reach('d')).toEqual([]);
    expect(pc.reach('lonely')).toBeUndefined();
  });

  it('joins the paths into a decision reached several ways', () => {
    expect(pc.incoming('d3').map((b) => b.id)).toEqual(['d.2', 'd.3', 'd2.1']);
    const [join] = pc.reach('d3')!;
    expect(join.kind).toBe('or');
  });

  it('gives each branch the cases no earlier branch takes, in unique decisions too', () => {
    const d = graph.decisions.d;
    expect(pc.region(d, d.branches[0])).toHaveLength(1);
    expect(pc.region(d, d.branches[2])).toHaveLength(3);
  });

  it('is a pure function of the graph: a second run gives the same conditions', () => {
    const again = pathConditions(graph);
    expect(again).not.toBe(pc);
    expect(again.order.map((d) => d.id)).toEqual(pc.order.map((d) => d.id));
    expect(again.reach('d3')).toHaveLength(pc.reach('d3')!.length);
  });

  it('tells other checks which branches some case takes', () => {
    expect([...analyseGraph(graph).reachableBranches].sort()).toEqual(['d.1', 'd.2', 'd.3', 'd2.1', 'd2.otherwise', 'd3.1', 'd3.otherwise']);
  });
});
