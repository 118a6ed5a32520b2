import { Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { lexerConfig } from '../../src/syntax/lexer.js';
import { allTokens } from '../../src/syntax/tokens.js';

/**
 * The tokens say which characters start them and whether they can hold a line break, so that
 * building the lexer does not parse every pattern (start-up time). The lexer built with those hints
 * must be the one Chevrotain builds by reading the patterns itself: the same tokens tried for each
 * first character, in the same order, the same line-break handling, and every mode optimised.
 */

/** The tokens as they would be without the hints: copies with the two properties taken out. */
function withoutHints(tokens: readonly TokenType[]): TokenType[] {
  const copies = new Map<TokenType, TokenType>();
  for (const t of tokens) {
    const { START_CHARS_HINT: _hint, LINE_BREAKS: _breaks, ...rest } = t as TokenType & { START_CHARS_HINT?: unknown; LINE_BREAKS?: unknown };
    copies.set(t, { ...rest } as TokenType);
  }
  for (const copy of copies.values()) if (copy.LONGER_ALT) copy.LONGER_ALT = [copy.LONGER_ALT].flat().map((alt) => copies.get(alt)!);
  return tokens.map((t) => copies.get(t)!);
}

interface LexerTables {
  readonly patternIdxToConfig: Record<string, { tokenType: TokenType; canLineTerminator: boolean; longerAlt?: number[] }[]>;
  readonly charCodeToPatternIdxToConfig: Record<string, ({ tokenType: TokenType }[] | undefined)[]>;
  readonly canModeBeOptimized: Record<string, boolean>;
}

function tables(tokens: TokenType[]) {
  const lexer = new Lexer(tokens, { ...lexerConfig, skipValidations: true }) as unknown as LexerTables;
  const mode = 'defaultMode';
  return {
    optimized: lexer.canModeBeOptimized[mode],
    patterns: lexer.patternIdxToConfig[mode].map((c) => [c.tokenType.name, c.canLineTerminator, c.longerAlt]),
    firstChars: Array.from(lexer.charCodeToPatternIdxToConfig[mode], (configs, code) => [code, configs?.map((c) => c.tokenType.name)]).filter(([, names]) => names !== undefined),
  };
}

describe('the lexer\'s start-character and line-break hints', () => {
  it('build the lexer Chevrotain builds from the patterns alone', () => {
    const hinted = tables(allTokens);
    const analysed = tables(withoutHints(allTokens));
    expect(hinted.optimized).toBe(true);
    expect(hinted.firstChars.length).toBeGreaterThan(50);
    expect(hinted).toEqual(analysed);
  });
});
