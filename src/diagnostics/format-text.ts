import { lineText, positionOf, type SourceFile, type Span } from '../source/source-file.js';
import { localize, sortDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import type { MessageLocale } from './locale.js';
import { formatMessage, msg } from './message.js';

/**
 * The pretty diagnostic format of style guide 2.4: a `path:line:col` header editors can follow,
 * a caret snippet, then help, example and related notes.
 */

/** Options of the pretty format. */
export interface TextFormatOptions {
  /** Emit ANSI colours (the CLI decides: TTY, `NO_COLOR`, `FORCE_COLOR`). */
  readonly color: boolean;
  /** Print at most this many diagnostics, then "… and N more"; 0 or absent means no limit. */
  readonly maxErrors?: number;
  /** The language of the messages; English when absent. */
  readonly locale?: MessageLocale;
}

/** The default of `--max-errors`. */
export const DEFAULT_MAX_ERRORS = 20;

/** Columns a tab advances to: the next multiple of this. */
const TAB_WIDTH = 4;

const ansi = { reset: '\x1b[0m', bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const severityColor: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, info: ansi.cyan };

/** Wraps text in ANSI codes when colour is on. */
function paint(text: string, codes: string, color: boolean): string {
  return color && text !== '' ? `${codes}${text}${ansi.reset}` : text;
}

/** `path:line:col` of a span's start, or just `path` when the file was never read. */
export function locationOf(span: Span, sources: ReadonlyMap<string, SourceFile>): string {
  const file = sources.get(span.file);
  if (file === undefined) return span.file;
  const { line, column } = positionOf(file, span.start);
  return `${span.file}:${line}:${column}`;
}

/** One diagnostic in the pretty format, with a trailing newline. */
export function formatDiagnostic(
  d: Diagnostic,
  sources: ReadonlyMap<string, SourceFile>,
  opts: TextFormatOptions,
): string {
  const locale = opts.locale ?? 'en';
  d = localize(d, locale);
  const word = (id: 'format.help' | 'format.example' | 'format.note') => formatMessage(msg(id), locale);
  const color = opts.color;
  // Bold throughout, with the severity and code also in the severity's colour.
  const header =
    paint(`${locationOf(d.span, sources)}: `, ansi.bold, color) +
    paint(`${d.severity}[${d.code}]`, severityColor[d.severity] + ansi.bold, color) +
    paint(`: ${printable(d.message)}`, ansi.bold, color);
  const lines = [header];

  const file = sources.get(d.span.file);
  const line = file === undefined ? 1 : positionOf(file, d.span.start).line;
  const gutter = ' '.repeat(String(line).length);
  if (file !== undefined) lines.push(...snippet(d, file, line, gutter, color));

  const notes: string[] = [];
  if (d.help !== undefined) notes.push(`${gutter} = ${word('format.help')}: ${printable(d.help)}`);
  if (d.witness !== undefined) notes.push(`${gutter} = ${word('format.example')}: ${printable(formatWitness(d.witness))}`);
  if (notes.length > 0) lines.push(`${gutter} |`, ...notes);

  for (const r of d.related ?? []) {
    lines.push(`${locationOf(r.span, sources)}: ${paint(word('format.note'), ansi.bold, color)}: ${printable(r.message)}`);
  }
  return lines.join('\n') + '\n';
}

/** The `|` lines: the source line and the caret line under the span. */
function snippet(d: Diagnostic, file: SourceFile, line: number, gutter: string, color: boolean): string[] {
  const text = printable(lineText(file, line));
  const lineStart = file.lineStarts[line - 1] ?? file.text.length;
  const startIndex = Math.min(d.span.start - lineStart, text.length);
  // A span reaching past this line is underlined to the end of it (multi-line spans).
  const endIndex = Math.max(startIndex, Math.min(d.span.end - lineStart, text.length));
  const before = displayWidth(text.slice(0, startIndex));
  const width = Math.max(1, displayWidth(text.slice(0, endIndex)) - before);
  const carets = paint('^'.repeat(width), severityColor[d.severity] + ansi.bold, color);
  const label = d.label === undefined ? '' : ` ${paint(printable(d.label), severityColor[d.severity], color)}`;
  return [
    `${gutter} |`,
    `${line} | ${expandTabs(text)}`.trimEnd(),
    `${gutter} | ${' '.repeat(before)}${carets}${label}`,
  ];
}

/**
 * The diagnostics sorted (file, offset, code), capped at `maxErrors` with an "… and N more" line.
 * Blocks are separated by a blank line.
 */
export function formatDiagnostics(
  list: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceFile>,
  opts: TextFormatOptions,
): string {
  const sorted = sortDiagnostics(list);
  const limit = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  const shown = limit > 0 ? sorted.slice(0, limit) : sorted;
  const blocks = shown.map((d) => formatDiagnostic(d, sources, opts));
  const hidden = sorted.length - shown.length;
  if (hidden > 0) blocks.push(`${formatMessage(msg('format.more', { count: hidden }), opts.locale ?? 'en')}\n`);
  return blocks.join('\n');
}

/** What `check` prints: the diagnostics, then a blank line and the summary; empty when clean. */
export function formatReport(
  list: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceFile>,
  opts: TextFormatOptions,
): string {
  if (list.length === 0) return '';
  return `${formatDiagnostics(list, sources, opts)}\n${summary(list, opts.locale)}\n`;
}

/** Counts by severity: `2 errors, 1 warning` (`2 个错误，1 个警告`); empty when the list is. */
export function summary(list: readonly Diagnostic[], locale: MessageLocale = 'en'): string {
  const count = (s: Severity): number => list.filter((d) => d.severity === s).length;
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = count(severity);
    if (n > 0) parts.push(formatMessage(msg(n === 1 ? `format.${severity}` : `format.${severity}s`, { count: n }), locale));
  }
  return parts.join(formatMessage(msg('format.separator'), locale));
}

/** A witness as `key=value` pairs to paste after `sopwright eval FILE`, quoted for a POSIX shell. */
export function formatWitness(witness: Readonly<Record<string, string>>): string {
  return Object.entries(witness)
    .map(([key, value]) => `${key}=${shellQuote(value)}`)
    .join(' ');
}

function shellQuote(value: string): string {
  // Letters of any script, digits and a few punctuation marks are safe unquoted in sh and bash.
  if (/^[\p{L}\p{N}_.,:+\-@%/¥]+$/u.test(value)) return value;
  // Double quotes read well; `!` (history expansion) and `'`-free text go in single quotes.
  if (!/["\\$`!]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Replaces control characters other than tab by `?` (one column, like the character it stands
 * for), so a stray escape character in a rule file cannot drive the user's terminal.
 */
function printable(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '?');
}

/** Replaces each tab by spaces up to the next tab stop, counting wide characters as 2 columns. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const n = TAB_WIDTH - (column % TAB_WIDTH);
      out += ' '.repeat(n);
      column += n;
    } else {
      out += ch;
      column += charWidth(ch.codePointAt(0) ?? 0);
    }
  }
  return out;
}

/** The terminal columns text takes once tabs are expanded: wide (CJK, fullwidth) characters take 2. */
export function displayWidth(text: string): number {
  let column = 0;
  for (const ch of text) {
    column += ch === '\t' ? TAB_WIDTH - (column % TAB_WIDTH) : charWidth(ch.codePointAt(0) ?? 0);
  }
  return column;
}

/** East Asian Wide and Fullwidth ranges (UAX #11), plus the common emoji blocks. */
const wideRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Columns one code point takes: 0 for combining marks and zero-width characters, 2 for wide ones. */
function charWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 0; // variation selectors
  let lo = 0;
  let hi = wideRanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = wideRanges[mid];
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return 2;
  }
  return 1;
}
