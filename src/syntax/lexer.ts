import { Lexer, type ILexingError, type IToken } from 'chevrotain';
import { diagnostic, type Diagnostic, type DiagnosticExtra } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import { readHabits } from './habits.js';
import { allTokens, UnterminatedString, UnterminatedTripleString } from './tokens.js';

/**
 * How the lexer is configured; test/syntax/lexer.test.ts builds one with Chevrotain's definition checks on.
 * Position tracking stays `full`: the parser's node locations need each token's `endOffset`, which
 * Chevrotain's lighter modes (`onlyStart`, `onlyOffset`) leave out.
 */
export const lexerConfig = { positionTracking: 'full', ensureOptimizations: true } as const;

/**
 * Makes every token about 90 bytes smaller (about 220 → 130, measured with `process.memoryUsage()`
 * around `scan`); the tokens are the largest thing held while a file is parsed.
 * Chevrotain builds tokens in the same object shape as its EOF token, whose positions are NaN, so
 * V8 keeps that shape's six position fields as boxed doubles: a separate 16-byte heap number per
 * field per token. One object of the shape with non-numbers there makes V8 keep the fields as plain
 * values instead, and small integers then sit in the token itself. No value changes; should a later
 * V8 or bundler make this pointless, it merely stops helping.
 */
function keepTokenPositionsUnboxed(): void {
  const tokenWithoutPositions = {
    image: '', startOffset: undefined, endOffset: undefined, startLine: undefined, endLine: undefined,
    startColumn: undefined, endColumn: undefined, tokenTypeIdx: 0, tokenType: undefined,
  };
  void tokenWithoutPositions;
}
keepTokenPositionsUnboxed();

/**
 * The one lexer instance; it keeps no state between runs. Chevrotain's checks of the token
 * definitions cost start-up time on every run, so they are skipped here and run by the test.
 */
const lexer = new Lexer(allTokens, { ...lexerConfig, skipValidations: true });

/** What scanning one file gives: the parser's tokens, the `##` doc comments beside them, and problems. */
export interface ScanResult {
  readonly tokens: IToken[];
  readonly docComments: IToken[];
  readonly diagnostics: Diagnostic[];
  /** Text the parser does not see as meant: unknown characters and unclosed strings. */
  readonly skipped: Span[];
}

/** Splits a file into tokens. Unknown characters are skipped and reported; it never throws. */
export function scan(file: SourceFile): ScanResult {
  const result = lexer.tokenize(file.text);
  // Habits (`7天`, `&&`, `¥1,299`…) are errors read as meant; only truly unknown text is skipped.
  const habits = readHabits(file, result.tokens, result.errors);
  const unknown = habits.unknown.map((error) => unknownCharacter(file, error));
  const diagnostics = [...habits.diagnostics, ...unknown];
  const skipped = [...habits.skipped, ...unknown.map((d) => d.span)];
  for (const token of habits.tokens) {
    if (token.tokenType === UnterminatedString || token.tokenType === UnterminatedTripleString) {
      const triple = token.tokenType === UnterminatedTripleString;
      // A `"""` string runs to the end of the file: underline its opening quotes only.
      const span = triple ? { file: file.path, start: token.startOffset, end: token.startOffset + 3 } : tokenSpan(file, token);
      diagnostics.push(unterminatedString(span, triple));
      // What the string swallowed (the rest of the line or of the file) will not parse as meant.
      skipped.push(triple ? { file: file.path, start: token.startOffset, end: file.text.length } : span);
    }
  }
  return { tokens: habits.tokens, docComments: result.groups.docs ?? [], diagnostics, skipped };
}

/** The half-open span of a token that came from the lexer (never one inserted by recovery). */
export function tokenSpan(file: SourceFile, token: IToken): Span {
  return { file: file.path, start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Full-width punctuation a Chinese keyboard types, and the ASCII the language means by it. */
const fullWidth: Readonly<Record<string, string>> = {
  '：': ':', '，': ',', '（': '(', '）': ')', '｛': '{', '｝': '}', '＝': '=', '＞': '>', '＜': '<',
  '－': '-', '＋': '+', '＊': '*', '／': '/', '．': '.', '＠': '@', '＃': '#', '＂': '"', '“': '"', '”': '"',
};

function unknownCharacter(file: SourceFile, error: ILexingError): Diagnostic {
  const span = { file: file.path, start: error.offset, end: error.offset + error.length };
  const chars = file.text.slice(span.start, span.end);
  const id = [...chars].length > 1 ? 'syntax.unknown-characters' : 'syntax.unknown-character';
  return diagnostic('syntax/unknown-character', span, msg(id, { chars: code(chars) }), {
    label: msg('syntax.unknown-character.label'),
    ...unknownCharacterHelp(chars, span),
  });
}

/** Full-width punctuation gets its ASCII form as a fix; other non-ASCII text is most likely a name. */
function unknownCharacterHelp(chars: string, span: Span): Pick<DiagnosticExtra, 'help' | 'suggestion'> {
  const ascii = [...chars].map((c) => fullWidth[c] ?? c).join('');
  if (/^[“”]|[“”]$/.test(chars) && /[^“”]/.test(chars)) {
    return { help: msg('syntax.curly-quotes.help'), suggestion: { span, replacement: chars.replace(/[“”]/g, '"') } };
  }
  if ([...chars].every((c) => c in fullWidth)) {
    return { help: msg('syntax.full-width.help', { ascii: code(ascii), chars: code(chars) }), suggestion: { span, replacement: ascii } };
  }
  // Names are ASCII; a Chinese word outside quotes is the likely mistake.
  if (/[^\x00-\x7f]/.test(chars)) return { help: msg('syntax.non-ascii-name.help') };
  return {};
}

function unterminatedString(span: Span, triple: boolean): Diagnostic {
  return triple
    ? diagnostic('syntax/unterminated-string', span, msg('syntax.unterminated-triple'), {
        label: msg('syntax.unterminated-triple.label'),
        help: msg('syntax.unterminated-triple.help'),
      })
    : diagnostic('syntax/unterminated-string', span, msg('syntax.unterminated-string'), {
        help: msg('syntax.unterminated-string.help'),
      });
}
