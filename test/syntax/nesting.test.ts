import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/syntax/nesting.js';
import { compileText, underlined } from '../support/compile.js';

/**
 * Depth is bounded by documented limits with a positioned diagnostic, never by the JavaScript
 * stack (issue 12: 170 parentheses, 1,200 `not` and a 3,000-term sum used to exit 70).
 */
const head = `policy p "P" { locales zh-CN  start d }\nfact x: money "X"\nfact b: bool "B"\noutcome o "O" { }\noutcome o2 "O2" { }\n`;
const decision = (condition: string) => compileText(`${head}decision d {\n  when ${condition} -> o\n  otherwise -> o2\n}\n`);

describe('nesting limits', () => {
  it('accepts 64 levels of `not` and parentheses, and a 200-term sum', () => {
    expect(MAX_NESTING).toBe(64);
    expect(decision(`${'not ('.repeat(32)}b${')'.repeat(32)}`).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(decision(`${Array(200).fill('x').join(' + ')} > 0 CNY`).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['10,000 parentheses', `${'('.repeat(10_000)}b${')'.repeat(10_000)}`, '('],
    ['10,000 `not`', `${'not '.repeat(10_000)}b`, 'not'],
    ['170 parentheses', `${'('.repeat(170)}b${')'.repeat(170)}`, '('],
  ])('reports %s at the level that goes too deep', (_, condition, text) => {
    const r = decision(condition);
    expect(r.graph).toBeUndefined();
    const deep = r.diagnostics.filter((d) => d.code === 'syntax/too-deep');
    expect(deep).toHaveLength(1);
    expect(deep[0].message).toBe('this expression nests more than 64 levels of parentheses and `not`/`-`');
    expect(underlined(r, deep[0])).toBe(text);
    expect(deep[0].span.start).toBeGreaterThan(r.sources.get('policy.sop')!.text.indexOf('when'));
  });

  it('reports a 3,000-term sum on the whole expression', () => {
    const r = decision(`${Array(3000).fill('x').join(' + ')} > 0 CNY`);
    const deep = r.diagnostics.filter((d) => d.code === 'syntax/too-deep');
    expect(deep.map((d) => d.message)).toEqual(['this expression is more than 256 operations deep']);
    expect(underlined(r, deep[0]).startsWith('x + x')).toBe(true);
  });
});
