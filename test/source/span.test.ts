import { describe, expect, it } from 'vitest';
import { joinSpans, lineText, positionOf, sourceFile } from '../../src/source/source-file.js';

describe('positionOf', () => {
  it.each([
    // [text, offset, line, column]
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['abc', 3, 1, 4], // end of a last line without a newline
    ['ab\ncd', 2, 1, 3], // the newline belongs to its line
    ['ab\ncd', 3, 2, 1],
    ['ab\r\ncd', 3, 1, 4], // the \n of a CRLF is still line 1
    ['ab\r\ncd', 4, 2, 1],
    ['ab\rcd', 3, 2, 1], // a lone CR ends a line too
    ['a\n\nb', 2, 2, 1], // an empty line
    ['a\n\nb', 3, 3, 1],
    ['\tx', 1, 1, 2], // a tab is one column here; only the caret line expands tabs
    ['退货\nx', 1, 1, 2], // columns count UTF-16 code units
    ['abc\n', 4, 2, 1], // the empty line after a final newline
  ] as const)('maps offset %# to line:column', (text, offset, line, column) => {
    expect(positionOf(sourceFile('f.sop', text), offset)).toEqual({ line, column });
  });

  it('clamps offsets outside the text', () => {
    const file = sourceFile('f.sop', 'ab\ncd');
    expect(positionOf(file, -5)).toEqual({ line: 1, column: 1 });
    expect(positionOf(file, 99)).toEqual({ line: 2, column: 3 });
  });

  it('maps an empty file', () => {
    expect(positionOf(sourceFile('f.sop', ''), 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('lineText', () => {
  const file = sourceFile('f.sop', 'one\r\ntwo\nthree\rfour');

  it('returns each line without its line break, whatever the break', () => {
    expect([1, 2, 3, 4].map((n) => lineText(file, n))).toEqual(['one', 'two', 'three', 'four']);
  });

  it('returns an empty string past the last line', () => {
    expect(lineText(file, 9)).toBe('');
  });

  it('keeps the last line when the file ends without a newline', () => {
    expect(lineText(sourceFile('f.sop', 'a\nlast'), 2)).toBe('last');
  });
});

describe('joinSpans', () => {
  it('covers both spans in either order', () => {
    const a = { file: 'f.sop', start: 5, end: 8 };
    const b = { file: 'f.sop', start: 1, end: 3 };
    expect(joinSpans(a, b)).toEqual({ file: 'f.sop', start: 1, end: 8 });
    expect(joinSpans(b, a)).toEqual({ file: 'f.sop', start: 1, end: 8 });
  });
});
