import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { sourceFile } from '../../src/source/source-file.js';
import { lexerConfig, scan } from '../../src/syntax/lexer.js';
import { allTokens, keywords } from '../../src/syntax/tokens.js';

function tokenNames(text: string): string[] {
  return scan(sourceFile('test.sop', text)).tokens.map((token) => token.tokenType.name);
}

describe('scan', () => {
  it('has token definitions that pass Chevrotain\'s checks (skipped at run time for start-up)', () => {
    expect(new Lexer(allTokens, lexerConfig).lexerDefinitionErrors).toEqual([]);
  });

  it.each([
    ['when x -> y', ['When', 'Identifier', 'Arrow', 'Identifier']],
    ['notes first_reply document do', ['Identifier', 'Identifier', 'Document', 'Do']],
    ['note not nothing', ['Note', 'Not', 'Identifier']],
    ['in index import', ['In', 'Identifier', 'Import']],
    ['3 0.5 12.25', ['NumberLiteral', 'NumberLiteral', 'NumberLiteral']],
    ['500 CNY', ['NumberLiteral', 'Identifier']],
    ['¥30 ￥5', ['Yuan', 'NumberLiteral', 'Yuan', 'NumberLiteral']],
    ['same day', ['SameDay']],
    ['same\tday', ['SameDay']],
    ['same daylight', ['Identifier', 'Identifier']],
    ['sameday', ['Identifier']],
    ['@en @zh-CN', ['LocaleTag', 'LocaleTag']],
    ['zh-CN', ['Identifier', 'Minus', 'Identifier']],
    ['"a" "中文" "esc \\" \\\\ \\n \\t"', ['PlainString', 'PlainString', 'PlainString']],
    ['"""\n  many\n  lines\n"""', ['TripleString']],
    ['"" x', ['PlainString', 'Identifier']],
    ['"open\nx', ['UnterminatedString', 'Identifier']],
    ['"""open\nx', ['UnterminatedTripleString']],
    ['== != <= >= < > =', ['EqualEqual', 'NotEqual', 'LessEqual', 'GreaterEqual', 'Less', 'Greater', 'Assign']],
    ['+ - * / -> { } ( ) , : .', ['Plus', 'Minus', 'Star', 'Slash', 'Arrow', 'LCurly', 'RCurly', 'LParen', 'RParen', 'Comma', 'Colon', 'Dot']],
    ['x # a comment\ny', ['Identifier', 'Identifier']],
    ['## a doc\nx', ['Identifier']],
    ['\uFEFFx\r\ny', ['Identifier', 'Identifier']],
  ])('scans %j', (text, expected) => {
    expect(tokenNames(text)).toEqual(expected);
  });

  it.each(keywords.map((word) => [word]))('scans the keyword `%s` as a keyword, not a name', (word) => {
    expect(tokenNames(word)).toEqual([word.charAt(0).toUpperCase() + word.slice(1)]);
  });

  it('keeps `##` doc comments beside the tokens, not among them', () => {
    const result = scan(sourceFile('test.sop', '## first\n## second\nfact x: bool # not a doc'));
    expect(result.docComments.map((token) => token.image)).toEqual(['## first', '## second']);
    expect(result.tokens.map((token) => token.image)).toEqual(['fact', 'x', ':', 'bool']);
  });

  it('reports a run of unknown characters once, spanning all of them', () => {
    const text = 'fact 中文名: bool';
    const { diagnostics } = scan(sourceFile('test.sop', text));
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ['syntax/unknown-character', '中文名'],
    ]);
    expect(diagnostics[0].help).toContain('ASCII');
  });

  it.each([
    ['say "unclosed\nnote "ok"', '"unclosed'],
    ['say """never\nclosed', '"""'],
  ])('reports an unterminated string in %j', (text, underlined) => {
    const { diagnostics } = scan(sourceFile('test.sop', text));
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ['syntax/unterminated-string', underlined],
    ]);
  });

  it('gives every token a label for error messages', () => {
    expect(allTokens.filter((token) => !token.LABEL).map((token) => token.name)).toEqual([]);
  });
});
