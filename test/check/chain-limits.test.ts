import { describe, expect, it } from 'vitest';
import { MAX_DECISION_CHAIN, MAX_EXPANDED_DEPTH } from '../../src/check/chain-depth.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/index.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { compileText } from '../support/compile.js';

/**
 * Policies a generator (or a fuzzer) writes, far beyond anything a person writes: each is
 * answered with a diagnostic at a declaration, never a stack overflow, and in time that grows
 * about linearly (a quadratic walk would not finish within the test's timeout).
 */
const head = `policy p "P" { locales zh-CN  start d0 }
fact x: number "X"
outcome yes "Yes" { }
outcome no "No" { }
`;

/** `count` lets, each building on the one before: `l{i}` is i + 2 operations deep written out. */
function chainedLets(count: number): string {
  const lets = Array.from({ length: count }, (_, i) => (i === 0 ? 'let l0 = x > 0 "L0"' : `let l${i} = l${i - 1} and x > ${i} "L${i}"`));
  return `${head}${lets.join('\n')}\ndecision d0 "D" {\n  when l${count - 1} -> yes\n  otherwise -> no\n}\n`;
}

/** `count` decisions, each leading to the next. */
function chainedDecisions(count: number): string {
  const decisions = Array.from({ length: count }, (_, i) => (i < count - 1 ? `decision d${i} "D${i}" {\n  when x > ${i} -> d${i + 1}\n  otherwise -> no\n}` : `decision d${i} "D${i}" {\n  when x > ${i} -> yes\n  otherwise -> no\n}`));
  return `${head}${decisions.join('\n')}\n`;
}

const errors = (source: string) => compileText(source).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('chains across declarations', () => {
  it('reports 3,000 chained lets at the let that crosses the limit, once', () => {
    expect(errors(chainedLets(3000))).toEqual([`resolve/too-deep derived value \`l${MAX_EXPANDED_DEPTH - 1}\` is more than ${MAX_EXPANDED_DEPTH} operations deep with the \`let\`s it uses written out`]);
  });

  it('checks and evaluates a chain just inside the limit, both evaluators alike', () => {
    const r = compileText(chainedLets(MAX_EXPANDED_DEPTH - 2));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const graph = r.graph!;
    for (const x of [0, MAX_EXPANDED_DEPTH]) {
      const interpreted = evaluate(graph, { x });
      expect(interpreted.outcome?.id).toBe(x === 0 ? 'no' : 'yes');
      expect(compileEvaluator(graph).evaluate({ x })).toEqual(interpreted);
    }
  });

  it('reports 10,000 chained decisions where a path first gets too long', () => {
    expect(errors(chainedDecisions(10_000))).toEqual([`resolve/too-deep a path from decision \`d${10_000 - MAX_DECISION_CHAIN - 1}\` passes through more than ${MAX_DECISION_CHAIN} decisions`]);
  });

  it('checks a path of exactly the limit', () => {
    const r = compileText(chainedDecisions(MAX_DECISION_CHAIN));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(evaluate(r.graph!, { x: MAX_DECISION_CHAIN }).outcome?.id).toBe('yes');
  });
});

describe('large sets', () => {
  it('checks `in {…}` over a 30,000-member enum (each member looked up once)', () => {
    const members = Array.from({ length: 30_000 }, (_, i) => `m${i}`);
    const source = `${head}enum e "E" {\n${members.map((m) => `  ${m} "${m}"`).join('\n')}\n}\nfact k: e "K"\n`
      + `decision d0 "D" {\n  when k in {${members.slice(1).join(', ')}} -> yes\n  when k == m0 -> no\n}\n`;
    const r = compileText(source);
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['graph/unused-fact']);
    expect(evaluate(r.graph!, { k: 'm29999' }).outcome?.id).toBe('yes');
  });
});
