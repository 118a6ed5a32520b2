import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCstDts, renderDiagrams, renderSnapshot, generatedPaths } from '../../grammar/generate.js';
import { plainParser } from '../../src/syntax/parser.js';
import { keywords } from '../../src/syntax/tokens.js';

const parser = plainParser();

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const regenerate = 'the parser changed: run `npm run grammar` and commit the regenerated files';

/** The rule names defined in the EBNF (lower-case names; upper-case ones are tokens). */
function ebnfRules(): string[] {
  const withoutComments = read('grammar/sopwright.ebnf').replace(/\(\*[\s\S]*?\*\)/g, '');
  return [...withoutComments.matchAll(/^([a-z][A-Za-z]*)\s*=/gm)].map((match) => match[1]);
}

/** Every `match` regex of the TextMate grammar, wherever it is nested. */
function textMateMatches(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textMateMatches);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'match' && typeof value === 'string' ? [value] : textMateMatches(value)));
}

describe('the grammar and its generated files are in step', () => {
  it('matches the serialized grammar snapshot', () => {
    const snapshot = JSON.parse(read(generatedPaths.snapshot)) as { productions: unknown };
    expect(parser.getSerializedGastProductions(), regenerate).toEqual(snapshot.productions);
  });

  it('has the same rules in the parser and in grammar/sopwright.ebnf', () => {
    const parserRules = parser.getGAstProductions();
    expect([...ebnfRules()].sort()).toEqual(Object.keys(parserRules).sort());
  });

  it('highlights every keyword in the TextMate grammar', () => {
    const grammar = JSON.parse(read('grammar/sopwright.tmLanguage.json')) as { scopeName: string };
    expect(grammar.scopeName).toBe('source.sop');
    const patterns = textMateMatches(grammar).map((match) => new RegExp(`^(?:${match})$`));
    const missing = [...keywords, 'same day'].filter((word) => !patterns.some((pattern) => pattern.test(word)));
    expect(missing).toEqual([]);
  });

  it('highlights a value named in a string, {name}, and the literal braces {{ }}, in both kinds of string', () => {
    type Rules = { repository: Record<string, { patterns: { include?: string; patterns?: { include?: string }[]; match?: string; name?: string }[] }> };
    const grammar = JSON.parse(read('grammar/sopwright.tmLanguage.json')) as Rules;
    const strings = grammar.repository.strings.patterns;
    expect(strings.map((p) => p.patterns?.some((q) => q.include === '#placeholders'))).toEqual([true, true]);
    const [brace, name] = grammar.repository.placeholders.patterns.map((p) => new RegExp(p.match!, 'g'));
    expect('退款 {refund_cap} 元'.match(name)).toEqual(['{refund_cap}']);
    expect('{{售后}}'.match(brace)).toEqual(['{{', '}}']);
  });

  it.each([
    ['cst', renderCstDts],
    ['diagrams', renderDiagrams],
    ['snapshot', renderSnapshot],
  ] as const)('has an up-to-date generated %s file', (target, render) => {
    expect(read(generatedPaths[target]) === render(), `${generatedPaths[target]} is stale: ${regenerate}`).toBe(true);
  });

  it('makes the syntax diagrams page self-contained', () => {
    expect(read(generatedPaths.diagrams)).not.toMatch(/<script src=|<link rel=|unpkg/);
  });
});
