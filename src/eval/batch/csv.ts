import { MAX_LINE_CHARS } from './limits.js';

/**
 * A streaming CSV reader (RFC 4180): fields separated by commas, records by `\n` or `\r\n`;
 * a field in double quotes may hold commas, newlines and doubled quotes (`""`). Text is pushed
 * chunk by chunk and only the unfinished record is kept between chunks. A malformed record (text
 * after a closing quote, or a quote left open at the end) is reported with its line, and reading
 * goes on with the next record.
 */

/** One record: the line it starts on (1-based) and its fields, or why it cannot be read. */
export type CsvRecord =
  | { readonly line: number; readonly fields: readonly string[] }
  | { readonly line: number; readonly error: 'text-after-quote' | 'unclosed-quote' | 'too-long' };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private fields: string[] = [];
  private field = '';
  /** In a quoted field; `closed` once its closing quote was seen. */
  private quoted = false;
  private closed = false;
  private broken = false;
  /** The line the current record started on, and the line being read. */
  private startLine = 1;
  private line = 1;
  /** A `"` at the end of a chunk inside a quoted field: closing quote or the first of `""`. */
  private pendingQuote = false;
  /** The last chunk ended with `\r` outside quotes: a `\n` starting the next one belongs to it. */
  private afterCR = false;
  private started = false;
  /** A record holds something (even an empty quoted field), so a blank line is not a record. */
  private touched = false;
  /** Characters of the record so far; past MAX_LINE_CHARS its text is dropped and it is reported too long. */
  private size = 0;
  private tooLong = false;

  /** The records completed by `chunk`, in order. */
  push(chunk: string): CsvRecord[] {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const out: CsvRecord[] = [];
    let i = 0;
    const n = chunk.length;
    if (this.afterCR && n > 0) {
      this.afterCR = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (n > 0 && chunk.charCodeAt(0) === QUOTE) {
        this.field += '"';
        i = 1;
      } else this.closed = true;
    }
    while (i < n) {
      if (this.quoted && !this.closed) {
        // Copy up to the next quote in one slice.
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          this.countLines(chunk, i, n);
          this.append(chunk.slice(i));
          return out;
        }
        this.countLines(chunk, i, q);
        this.append(chunk.slice(i, q));
        if (q + 1 >= n) {
          this.pendingQuote = true;
          return out;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.closed = true;
          i = q + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === COMMA) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 < n && chunk.charCodeAt(i + 1) === LF) i++;
        else if (c === CR && i + 1 === n) this.afterCR = true;
        i++;
        this.endRecord(out);
        this.line++;
        this.startLine = this.line;
      } else if (c === QUOTE && this.field.length === 0 && !this.quoted) {
        this.quoted = true;
        this.touched = true;
        i++;
      } else {
        if (this.closed) this.broken = true;
        // Plain text up to the next delimiter in one slice.
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
          j++;
        }
        this.append(chunk.slice(i, j));
        this.touched = true;
        i = j;
        if (j < n && chunk.charCodeAt(j) === QUOTE) {
          // A quote inside an unquoted field is kept as text, as most spreadsheets write it.
          this.field += '"';
          i++;
        }
      }
    }
    return out;
  }

  /** The last record, when the input did not end with a newline (or left a quote open). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.closed = true;
    }
    if (this.quoted && !this.closed) {
      out.push({ line: this.startLine, error: 'unclosed-quote' });
      this.reset();
      return out;
    }
    this.endRecord(out);
    return out;
  }

  /** Adds text to the field, unless the record is already too long to keep. */
  private append(text: string): void {
    this.size += text.length;
    if (this.size > MAX_LINE_CHARS) {
      this.tooLong = true;
      this.field = '';
      this.fields = [];
    } else this.field += text;
  }

  private countLines(text: string, from: number, to: number): void {
    for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) this.line++;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
    this.closed = false;
    this.touched = true;
  }

  private endRecord(out: CsvRecord[]): void {
    if (!this.touched && this.fields.length === 0 && this.field.length === 0) return;
    this.fields.push(this.field);
    out.push(this.tooLong ? { line: this.startLine, error: 'too-long' }
      : this.broken ? { line: this.startLine, error: 'text-after-quote' } : { line: this.startLine, fields: this.fields });
    this.reset();
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.quoted = false;
    this.closed = false;
    this.broken = false;
    this.touched = false;
    this.size = 0;
    this.tooLong = false;
  }
}
