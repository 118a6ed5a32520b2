import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analysis/index.js';
import { checkGaps } from '../../src/check/checks/gaps.js';
import { markedPolicy, underlinedBy } from './solver/source.js';

function gaps(decisions: string) {
  const { graph, text, marks } = markedPolicy(decisions);
  const diagnostics = checkGaps(analyseGraph(graph));
  return { diagnostics, lines: underlinedBy(text, diagnostics), marks };
}

describe('graph/gap', () => {
  it('reports a decision without otherwise that some case falls through, with a witness', () => {
    const r = gaps(`decision <|d|> {
  when x > 30 CNY -> done
  when flag -> done
}
`);
    expect(r.lines).toEqual(['graph/gap: d']);
    expect(r.diagnostics[0].message).toBe('some cases reach `d` and match no branch');
    expect(r.diagnostics[0].help).toBe('add an `otherwise ->` branch or a branch for these cases');
    expect(r.diagnostics[0].witness).toEqual({ x: '0', flag: 'false' });
  });

  it('gives a witness of only the facts read on the way the case takes, in reading order', () => {
    // `amounts` is reached two ways; the witness must not carry the facts of the way it does not take.
    const r = gaps(`decision d {
  when k == a -> by_flag
  otherwise -> by_other
}
decision by_flag {
  when flag -> amounts
  otherwise -> done
}
decision by_other {
  when other -> amounts
  otherwise -> done
}
decision amounts {
  when x > y -> done
  when x < y -> done
}
`);
    expect(r.lines).toEqual(['graph/gap: amounts']);
    const witness = r.diagnostics[0].witness!;
    const keys = Object.keys(witness);
    expect(keys.slice(0, 2)).toEqual(witness.k === 'a' ? ['k', 'flag'] : ['k', 'other']);
    expect(keys.slice(2).sort()).toEqual(['x', 'y']);
    expect(witness.x).toBe(witness.y);
  });

  it('gives the witness a fen above or below the bound', () => {
    const r = gaps(`decision d {
  when x <= 30 CNY -> done
  when x >= 30.02 CNY -> done
}
`);
    expect(r.diagnostics[0].witness).toEqual({ x: '30.01' });
  });

  it('accepts branches that cover every member of an enum', () => {
    expect(gaps(`decision d {
  when k == a -> done
  when k in {b, c} -> done
}
`).lines).toEqual([]);
  });

  it('accepts bounds that meet at the fen', () => {
    expect(gaps(`decision d unique {
  when x < 30 CNY -> done
  when x >= 30 CNY and x <= 30.99 CNY -> done
  when x > 30.99 CNY -> done
}
`).lines).toEqual([]);
  });

  it('accepts comparisons of two facts that cover every case', () => {
    expect(gaps(`decision d {
  when x > y + 10 CNY -> done
  when x - y <= 10 CNY -> done
}
`).lines).toEqual([]);
  });

  it('accepts min and max that together cover every case', () => {
    expect(gaps(`decision d {
  when cap >= limit -> done
  when x < limit -> done
  when y < limit -> done
}
`).lines).toEqual([]);
  });

  it('judges a decision only over the cases that reach it', () => {
    expect(gaps(`decision d {
  when k == a and x >= limit -> d2
  otherwise -> done
}
decision d2 {
  when x > 499.99 CNY -> done
}
`).lines).toEqual([]);
  });

  it('finds a gap only some paths reach, with a witness that takes that path', () => {
    const r = gaps(`decision d {
  when k == a -> d2
  when flag -> d2
  otherwise -> done
}
decision <|d2|> {
  when k == a -> done
  when x > 10 CNY -> done
}
`);
    expect(r.lines).toEqual(['graph/gap: d2']);
    expect(r.diagnostics[0].witness).toEqual({ k: 'b', flag: 'true', x: '0' });
  });

  it('does not report a gap that hangs on a condition it cannot analyse', () => {
    expect(gaps(`decision d {
  when x * 2 > y -> done
  when x <= y -> done
}
`).lines).toEqual([]);
  });

  it('reports money facts as never negative unless signed', () => {
    expect(gaps(`decision d {
  when x >= 0 CNY -> done
}
`).lines).toEqual([]);
    const r = gaps(`decision d {
  when s >= 0 CNY -> done
}
`);
    expect(r.diagnostics[0].witness).toEqual({ s: '-0.01' });
  });
});
