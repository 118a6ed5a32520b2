import type { IToken } from 'chevrotain';
import { PlainString, TripleString, UnterminatedTripleString } from './tokens.js';

/**
 * Reading literal tokens into values: string escapes, `"""` dedent and `##` doc comments.
 * Positions in results are offsets into the file, so callers can point at a bad escape.
 */

/** A string's value and the offsets of escapes that mean nothing (such as `\q`). */
export interface StringValue {
  readonly value: string;
  readonly badEscapes: readonly { readonly start: number; readonly end: number }[];
}

const escapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** The value of any string token, including the unterminated ones the lexer already reported. */
export function readString(token: IToken): StringValue {
  const image = token.image;
  if (token.tokenType === TripleString || token.tokenType === UnterminatedTripleString) {
    const closed = token.tokenType === TripleString;
    return { value: dedent(image.slice(3, closed ? -3 : undefined)), badEscapes: [] };
  }
  const closed = token.tokenType === PlainString;
  return unescape(image.slice(1, closed ? -1 : undefined), token.startOffset + 1);
}

/** Replaces `\" \\ \n \t`; any other `\x` is kept as written and reported. */
function unescape(body: string, offset: number): StringValue {
  // Most strings (every label) have no escape at all.
  if (!body.includes('\\')) return { value: body, badEscapes: [] };
  const badEscapes: { start: number; end: number }[] = [];
  const value = body.replace(/\\([\s\S]?)/g, (whole: string, ch: string, at: number) => {
    const replacement = escapes[ch];
    if (replacement !== undefined) return replacement;
    badEscapes.push({ start: offset + at, end: offset + at + whole.length });
    return whole;
  });
  return { value, badEscapes };
}

/**
 * A `"""` body as meant: line breaks become `\n`, a blank first and last line are dropped,
 * and the indentation common to all non-blank lines is removed.
 */
export function dedent(body: string): string {
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  // A loop, not Math.min(...indents): a text of 150,000 lines would overflow the argument list.
  const common = indents.length > 0 ? indents.reduce((a, b) => (b < a ? b : a)) : 0;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length))).join('\n');
}

/** The two audiences of a declaration's doc comment: staff (`##`) and the rule's authors (`##!`). */
export interface OwnerDocs {
  /** The `##` lines: reach the handbook, the desk and `eval`. */
  readonly doc: string | null;
  /** The `##!` lines: provenance, policy choices, reminders; only in the handbook's author-notes appendix. */
  readonly authorNote: string | null;
}

/** Joins doc lines, dropping the blank ones at either end (left by the other audience's lines). */
function joinDoc(lines: readonly string[]): string | null {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === '') from++;
  while (to > from && lines[to - 1] === '') to--;
  return from < to ? lines.slice(from, to).join('\n') : null;
}

/**
 * The doc text of each block of consecutive `##` lines, keyed by the offset of the first token
 * on the line right after the block: that token's declaration (or enum member) owns the text.
 * Lines starting `##!` are the authors' note, kept apart from the staff text.
 * A `##` after code on the same line starts no block, and a blank line ends one.
 */
export function docCommentsByOwner(text: string, docComments: readonly IToken[]): Map<number, OwnerDocs> {
  const owners = new Map<number, OwnerDocs>();
  let lines: string[] = [];
  let notes: string[] = [];
  let paragraphBreak = false;
  for (let i = 0; i < docComments.length; i++) {
    const token = docComments[i];
    if (!startsLine(text, token.startOffset)) continue;
    if (token.image.startsWith('##!')) {
      // A blank `##` line since the last note separates the notes' paragraphs (the zh and en halves).
      if (paragraphBreak && notes.length > 0) notes.push('');
      notes.push(token.image.slice(3).replace(/^ /, '').trimEnd());
      paragraphBreak = false;
    } else {
      const line = token.image.slice(2).replace(/^ /, '').trimEnd();
      if (line === '') paragraphBreak = true;
      lines.push(line);
    }
    const end = token.startOffset + token.image.length;
    const next = docComments[i + 1];
    const owner = offsetOnNextLine(text, end);
    if (next && owner === next.startOffset && startsLine(text, next.startOffset)) continue;
    // A block that had staff lines keeps its text as written (blank `##` lines included).
    if (owner !== undefined) owners.set(owner, { doc: notes.length === 0 ? (lines.length > 0 ? lines.join('\n') : null) : joinDoc(lines), authorNote: joinDoc(notes) });
    lines = [];
    notes = [];
    paragraphBreak = false;
  }
  return owners;
}

function startsLine(text: string, offset: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /^[ \t\uFEFF]*$/.test(before.replace(/^.*\r/, ''));
}

/** The offset of the first non-blank character on the line after `end`'s line, if that line is not blank. */
function offsetOnNextLine(text: string, end: number): number | undefined {
  const lineBreak = /[ \t]*(?:\r\n|\n|\r)[ \t]*/y;
  lineBreak.lastIndex = end;
  if (!lineBreak.test(text)) return undefined;
  const at = lineBreak.lastIndex;
  return at < text.length && !/[\r\n]/.test(text[at]) ? at : undefined;
}
