import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../src/check/check.js';

/** One `check` run reports every problem it can: errors in some declarations hide nothing elsewhere. */
describe('every error in one run', () => {
  it('reports a syntax error, an unknown name and two unrelated gaps together, and says which decisions it set aside', () => {
    const path = 'test/fixtures/diagnostics/every-error-in-one-run.sop';
    const result = compileSources(path, { [path]: readFileSync(path, 'utf8') });
    expect(result.graph).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'graph/gap', 'graph/gap', 'graph/not-judged', 'syntax/unexpected-token', 'graph/not-judged', 'resolve/unknown-name',
    ]);
  });

  it.each([
    ['a type error', 'when amount > true -> refund'],
    ['an unknown name', 'when amout > 0 CNY -> refund'],
  ])('judges decisions upstream of %s, and names the ones downstream', (_, broken) => {
    const text = `policy p "P" {
  locales zh-CN
  start entry
}
fact amount: money "金额"
fact opened: bool "已拆封"
decision entry "一" {
  when opened -> second
}
decision second "二" {
  ${broken}
  otherwise -> third
}
decision third "三" {
  when amount > 5 CNY -> refund
  otherwise -> refund
}
outcome refund "退款" {}
`;
    const result = compileSources('p.sop', { 'p.sop': text });
    const found = result.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(found.filter((f) => f.startsWith('graph/'))).toEqual([
      'graph/gap some cases reach `entry` and match no branch',
      'graph/not-judged `second` was not checked for gaps, overlaps and shadowed branches: its conditions have errors',
      'graph/not-judged `third` was not checked for gaps, overlaps and shadowed branches: it is reached through `second`, whose conditions have errors',
    ]);
  });

  it('does not call a name unknown when a syntax error broke its declaration', () => {
    const text = `policy p "P" {
  locales zh-CN
  start entry
}
fact opened bool "已拆封"
decision entry "一" {
  when opened -> refund
  otherwise -> refund
}
outcome refund "退款" {}
`;
    const codes = compileSources('p.sop', { 'p.sop': text }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['syntax/unexpected-token']);
  });
});
