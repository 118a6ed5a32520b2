import { Lexer, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic, type DiagnosticExtra } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import { readHabits } from './habits.js';
import { allTokens, UnterminatedString, UnterminatedTripleString } from './tokens.js';

/**
 * How the lexer is configured; test/syntax/lexer.test.ts builds one with Chevrotain's definition checks on.
 * Tokens carry offsets only: no stage reads a token's line or column (diagnostics carry offsets and
 * SourceFile turns them into lines), and tracking them was about a third of scanning.
 */
export const lexerConfig = { positionTracking: 'onlyOffset', ensureOptimizations: true } as const;

/**
 * The one lexer instance; it keeps no state between runs. Chevrotain's checks of the token
 * definitions cost start-up time on every run, so they are skipped here and run by the test.
 */
const lexer = withEndOffsets(new Lexer(allTokens, { ...lexerConfig, skipValidations: true }));

/**
 * Chevrotain's `onlyOffset` tokens have no `endOffset`, which the parsers' node locations read
 * (a node ends where its last token does). So this lexer makes its tokens itself, in one fixed
 * shape of small integers: the offset-only token plus its end, computed as Chevrotain's full
 * tracking does (the offset of the last character). Chevrotain picks its token factory in the
 * lexer's constructor (scan/lexer_public.js, `createTokenInstance`); should that field be renamed,
 * this fails at once rather than leaving tokens without ends.
 */
function withEndOffsets(made: Lexer): Lexer {
  const factory = made as unknown as { createTokenInstance?: unknown };
  if (typeof factory.createTokenInstance !== 'function') throw new Error('internal error: the lexer has no token factory to replace, please report');
  factory.createTokenInstance = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken =>
    ({ image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType }) as IToken;
  return made;
}

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
