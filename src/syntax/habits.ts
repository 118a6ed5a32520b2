import { createTokenInstance, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import { And, Colon, Comma, Identifier, Not, NumberLiteral, Or, Yuan } from './tokens.js';

/**
 * What authors type by habit from Chinese writing and other languages: `7天`, `299元`, `3小时`,
 * `&&`, `||`, `!`, `¥1,299`, `fact s: set of region`. Each is an error that says how to write it
 * (with the fix as a suggestion), and the text is then read as meant, so the rest of the
 * declaration parses and no follow-on error buries the one that matters.
 */

/** Chinese units and the language's unit for each; 元 and 块 are money. */
const UNITS: Readonly<Record<string, string>> = {
  天: 'days', 日: 'days', 个小时: 'hours', 小时: 'hours', 钟头: 'hours', 分钟: 'minutes', 秒: 'seconds', 秒钟: 'seconds',
  周: 'weeks', 星期: 'weeks', 个星期: 'weeks', 个月: 'months', 月: 'months', 年: 'years', 元: 'CNY', 块: 'CNY', 块钱: 'CNY',
};

/** Operators of other languages and the word this one uses. */
const OPERATORS: Readonly<Record<string, { word: string; type: TokenType }>> = {
  '&&': { word: 'and', type: And },
  '&': { word: 'and', type: And },
  '||': { word: 'or', type: Or },
  '|': { word: 'or', type: Or },
  '!': { word: 'not', type: Not },
  '！': { word: 'not', type: Not },
};

export interface HabitsRead {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
  /** The lexing errors that are not habits: truly unknown characters. */
  readonly unknown: ILexingError[];
  /** Text left out of the tokens (Chinese units), as the scanner's skipped spans. */
  readonly skipped: Span[];
}

/** Reads habits in a file's tokens and lexing errors as meant, each with its diagnostic. */
export function readHabits(file: SourceFile, tokens: IToken[], errors: readonly ILexingError[]): HabitsRead {
  const diagnostics: Diagnostic[] = [];
  const unknown: ILexingError[] = [];
  const skipped: Span[] = [];
  const added: IToken[] = [];
  let before = 0; // index of the first token after the error being looked at
  for (const error of errors) {
    while (before < tokens.length && tokens[before].startOffset < error.offset) before++;
    const chars = file.text.slice(error.offset, error.offset + error.length);
    const span = { file: file.path, start: error.offset, end: error.offset + error.length };
    const previous = tokens[before - 1];
    const operator = OPERATORS[chars];
    if (operator) {
      // The token keeps the text written, so every span made from it stays inside the file.
      added.push(synthetic(operator.type, chars, error.offset, error.length));
      // `!urgent` becomes `not urgent`, `a&&b` becomes `a and b`: a word needs space around it.
      const spaced = (offset: number) => offset < 0 || offset >= file.text.length || /\s|\(|\)/.test(file.text[offset]);
      const replacement = `${spaced(span.start - 1) ? '' : ' '}${operator.word}${spaced(span.end) ? '' : ' '}`;
      diagnostics.push(diagnostic('syntax/unknown-character', span, msg('syntax.foreign-operator', { chars: code(chars), word: code(operator.word) }), {
        help: msg('syntax.foreign-operator.help'),
        suggestion: { span, replacement },
      }));
    } else if (chars in UNITS && previous?.tokenType === NumberLiteral) {
      const unit = UNITS[chars];
      const written = unit === 'CNY' ? `¥${previous.image}` : `${previous.image} ${unit}`;
      const whole = { file: file.path, start: previous.startOffset, end: span.end };
      // The unit is left out: the number alone parses, and what typing would say of a bare number
      // in this declaration is an echo of this error (check.ts drops it).
      skipped.push(span);
      diagnostics.push(diagnostic('syntax/unknown-unit', span, msg('syntax.unknown-unit', { unit: code(chars) }), {
        help: msg('syntax.chinese-unit.help', { written: code(written) }),
        suggestion: { span: whole, replacement: written },
      }));
    } else unknown.push(error);
  }
  const merged = added.length === 0 ? tokens : [...tokens, ...added].sort((a, b) => a.startOffset - b.startOffset);
  // Every file is scanned on every compile: the two token rewrites run only when their first token occurs.
  const rewritten = mayHoldTokenHabits(merged) ? withoutSetOf(file, withoutThousands(file, merged, diagnostics), diagnostics) : merged;
  return { tokens: rewritten, diagnostics, unknown, skipped };
}

/** Whether the tokens hold `¥` followed by a number and a comma, or `: set`: the start of a habit the rewrites read. */
function mayHoldTokenHabits(tokens: readonly IToken[]): boolean {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === Yuan && tokens[i + 1].tokenType === NumberLiteral && tokens[i + 2].tokenType === Comma) return true;
    if (t.tokenType === Colon && tokens[i + 1].tokenType === Identifier && tokens[i + 1].image === 'set') return true;
  }
  return false;
}

/** `¥1,299.50` read as `¥1299.50`, with an error: the language has no thousands separators. */
function withoutThousands(file: SourceFile, tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    out.push(first);
    if (tokens[i - 1]?.tokenType !== Yuan || first.tokenType !== NumberLiteral || !/^\d{1,3}$/.test(first.image)) continue;
    let end = i;
    let digits = first.image;
    while (tokens[end + 1]?.tokenType === Comma && adjacent(tokens[end], tokens[end + 1]) && tokens[end + 2]?.tokenType === NumberLiteral
      && adjacent(tokens[end + 1], tokens[end + 2]) && /^\d{3}(\.\d+)?$/.test(tokens[end + 2].image) && !digits.includes('.')) {
      digits += tokens[end + 2].image;
      end += 2;
    }
    if (end === i) continue;
    const last = tokens[end];
    const span: Span = { file: file.path, start: first.startOffset, end: last.startOffset + last.image.length };
    out[out.length - 1] = synthetic(NumberLiteral, digits, span.start, span.end - span.start);
    diagnostics.push(diagnostic('syntax/bad-number', span, msg('syntax.thousands-separator', { text: code(file.text.slice(span.start, span.end)) }), {
      help: msg('syntax.thousands-separator.help', { written: code(digits) }),
      suggestion: { span, replacement: digits },
    }));
    i = end;
  }
  return out;
}

/** `fact s: set of region` read as `fact s: region`, with an error: a fact holds one value. */
function withoutSetOf(file: SourceFile, tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const set = tokens[i];
    const of = tokens[i + 1];
    if (tokens[i - 1]?.tokenType === Colon && set.tokenType === Identifier && set.image === 'set' && of?.tokenType === Identifier && of.image === 'of' && tokens[i + 2]?.tokenType === Identifier) {
      const span = { file: file.path, start: set.startOffset, end: of.startOffset + of.image.length };
      diagnostics.push(diagnostic('syntax/unexpected-token', span, msg('syntax.set-of', { type: code(tokens[i + 2].image) }), { help: msg('syntax.set-of.help') }));
      i++;
      continue;
    }
    out.push(set);
  }
  return out;
}

function adjacent(a: IToken, b: IToken): boolean {
  return a.startOffset + a.image.length === b.startOffset;
}

/** A token the lexer did not make, standing for text written another way (at that text; its image no longer than it). */
function synthetic(type: TokenType, image: string, offset: number, length: number): IToken {
  // Line and column are not used after lexing: diagnostics carry offsets.
  return createTokenInstance(type, image, offset, offset + length - 1, Number.NaN, Number.NaN, Number.NaN, Number.NaN);
}
