import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson, toJsonReport } from '../../src/diagnostics/format-json.js';
import {
  displayWidth,
  expandTabs,
  formatDiagnostic,
  formatDiagnostics,
  formatReport,
  formatWitness,
  summary,
} from '../../src/diagnostics/format-text.js';
import { sourceFile, type SourceFile, type Span } from '../../src/source/source-file.js';

const PATH = 'rules/returns.sop';
const TEXT = [
  'policy returns "退货" {', // 1
  '  start triage', // 2
  '}', // 3
  '', // 4
  'decision triage {', // 5
  '\twhen problem == wrong_item -> refund_ful', // 6: starts with a tab
  '  otherwise -> reject', // 7
  '}', // 8
  'outcome swap "换货（全额）" { say "请联系客服" }', // 9: wide characters before the span
  'outcome refund_full {}', // 10
].join('\n');
const file = sourceFile(PATH, TEXT);
const sources: ReadonlyMap<string, SourceFile> = new Map([[PATH, file]]);

/** The span of the n-th occurrence (0-based) of `text` in the fixture. */
function span(text: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = TEXT.indexOf(text, at + 1);
  if (at < 0) throw new Error(`\`${text}\` not in fixture`);
  return { file: PATH, start: at, end: at + text.length };
}

const plain = { color: false };
const ESC = '\x1b[';

describe('formatDiagnostic', () => {
  it('prints the header, the snippet, the label, help and a related note', () => {
    const d = diagnostic('resolve/unknown-target', span('refund_ful'), 'unknown outcome `refund_ful`', {
      label: 'not declared in this file',
      help: 'did you mean `refund_full`?',
      related: [{ span: span('refund_full'), message: '`refund_full` declared here' }],
    });
    // The tab before `when` becomes 4 spaces in both the source line and the caret line.
    expect(formatDiagnostic(d, sources, plain)).toBe(
      [
        'rules/returns.sop:6:32: error[resolve/unknown-target]: unknown outcome `refund_ful`',
        '  |',
        '6 |     when problem == wrong_item -> refund_ful',
        '  |                                   ^^^^^^^^^^ not declared in this file',
        '  |',
        '  = help: did you mean `refund_full`?',
        'rules/returns.sop:10:9: note: `refund_full` declared here',
        '',
      ].join('\n'),
    );
  });

  it('counts wide characters as two columns when placing the caret', () => {
    const d = diagnostic('syntax/unexpected-token', span('请联系客服'), 'expected `do` but found `say`');
    const out = formatDiagnostic(d, sources, plain).split('\n');
    expect(out[2]).toBe('9 | outcome swap "换货（全额）" { say "请联系客服" }');
    // `outcome swap "` is 14 columns, 换货（全额） 12, `" { say "` 9: the caret starts at column 35.
    expect(out[3]).toBe(`  | ${' '.repeat(35)}${'^'.repeat(10)}`);
  });

  it('prints one caret for a zero-width span, even at the end of the file', () => {
    const end = TEXT.length;
    const d = diagnostic('syntax/unexpected-token', { file: PATH, start: end, end }, 'unexpected end of file');
    expect(formatDiagnostic(d, sources, plain)).toBe(
      [
        'rules/returns.sop:10:23: error[syntax/unexpected-token]: unexpected end of file',
        '   |',
        '10 | outcome refund_full {}',
        '   |                       ^',
        '',
      ].join('\n'),
    );
  });

  it('underlines a multi-line span to the end of its first line', () => {
    const start = span('decision triage').start;
    const d = diagnostic('graph/cycle', { file: PATH, start, end: span('}', 1).end }, 'decision `triage` reaches itself');
    const out = formatDiagnostic(d, sources, plain).split('\n');
    expect(out.slice(1, 4)).toEqual(['  |', '5 | decision triage {', `  | ${'^'.repeat(17)}`]);
  });

  it('prints a witness as key=value pairs ready to paste after `sopwright eval FILE`', () => {
    const d = diagnostic('graph/gap', span('decision triage'), 'some cases reach `triage` and match no branch', {
      witness: { problem: 'wrong_item', item_value: '30', note: '颜色 不对' },
    });
    expect(formatDiagnostic(d, sources, plain)).toBe(
      [
        'rules/returns.sop:5:1: error[graph/gap]: some cases reach `triage` and match no branch',
        '  |',
        '5 | decision triage {',
        '  | ^^^^^^^^^^^^^^^',
        '  |',
        '  = example: problem=wrong_item item_value=30 note="颜色 不对"',
        '',
      ].join('\n'),
    );
  });

  it('names the severity: warning and info', () => {
    const w = diagnostic('graph/unused-fact', span('start'), 'fact `x` is never read');
    const i = diagnostic('graph/inexact-analysis', span('start'), 'not judged exactly');
    expect(formatDiagnostic(w, sources, plain)).toMatch(/^rules\/returns\.sop:2:3: warning\[graph\/unused-fact\]: /);
    expect(formatDiagnostic(i, sources, plain)).toMatch(/^rules\/returns\.sop:2:3: info\[graph\/inexact-analysis\]: /);
  });

  it('shows control characters in the source as `?`, so they cannot drive the terminal', () => {
    const f = sourceFile('x.sop', 'when a \x1b[31m b');
    const d = diagnostic('syntax/unknown-character', { file: 'x.sop', start: 7, end: 8 }, 'unexpected character');
    const out = formatDiagnostic(d, new Map([['x.sop', f]]), plain);
    expect(out).not.toContain('\x1b');
    expect(out.split('\n').slice(2, 4)).toEqual(['1 | when a ?[31m b', '  |        ^']);
  });

  it('prints only the header when the file was never read', () => {
    const d = diagnostic('resolve/import-not-found', { file: 'lib/gone.sop', start: 0, end: 0 }, 'cannot read `lib/gone.sop`');
    expect(formatDiagnostic(d, sources, plain)).toBe('lib/gone.sop: error[resolve/import-not-found]: cannot read `lib/gone.sop`\n');
  });

  it('colours only when asked: red errors, yellow warnings, cyan info, bold header', () => {
    const e = diagnostic('graph/cycle', span('triage'), 'm');
    const w = diagnostic('graph/unused-fact', span('triage'), 'm');
    const i = diagnostic('graph/inexact-analysis', span('triage'), 'm');
    expect(formatDiagnostic(e, sources, plain)).not.toContain(ESC);
    expect(formatDiagnostic(e, sources, { color: true })).toContain(`${ESC}31m${ESC}1merror[graph/cycle]`);
    expect(formatDiagnostic(w, sources, { color: true })).toContain(`${ESC}33m${ESC}1mwarning[`);
    expect(formatDiagnostic(i, sources, { color: true })).toContain(`${ESC}36m${ESC}1minfo[`);
    expect(formatDiagnostic(e, sources, { color: true }).startsWith(`${ESC}1mrules/returns.sop:2:9: `)).toBe(true);
  });
});

describe('formatDiagnostics', () => {
  const at = (n: number): Diagnostic =>
    diagnostic('graph/unused-fact', { file: PATH, start: n, end: n + 1 }, `warning at ${n}`);

  it('sorts by file, offset and code, and separates blocks with a blank line', () => {
    const other = diagnostic('graph/cycle', { file: 'a.sop', start: 0, end: 0 }, 'in a');
    const out = formatDiagnostics([at(30), at(2), other], sources, plain);
    expect(out.match(/^\S+: \w+\[/gm)).toEqual(['a.sop: error[', 'rules/returns.sop:1:3: warning[', 'rules/returns.sop:2:9: warning[']);
    expect(out).toContain('\n\nrules/returns.sop:1:3:');
  });

  it('caps the output at maxErrors (default 20) and says how many are left out', () => {
    const many = Array.from({ length: 25 }, (_, n) => at(n));
    const capped = formatDiagnostics(many, sources, plain);
    expect(capped.match(/warning at/g)).toHaveLength(20);
    expect(capped.endsWith('… and 5 more\n')).toBe(true);
    expect(formatDiagnostics(many, sources, { color: false, maxErrors: 3 }).match(/warning at/g)).toHaveLength(3);
    expect(formatDiagnostics(many, sources, { color: false, maxErrors: 0 })).not.toContain('more');
  });
});

describe('summary and formatReport', () => {
  const e = diagnostic('graph/cycle', span('triage'), 'm');
  const w = diagnostic('graph/unused-fact', span('triage'), 'm');
  const i = diagnostic('graph/inexact-analysis', span('triage'), 'm');

  it.each<[Diagnostic[], string]>([
    [[], ''],
    [[e], '1 error'],
    [[e, e], '2 errors'],
    [[e, e, w], '2 errors, 1 warning'],
    [[w, w], '2 warnings'],
    [[e, w, w, i], '1 error, 2 warnings, 1 info'],
  ])('summarises %# as %j', (list, expected) => {
    expect(summary(list)).toBe(expected);
  });

  it('prints nothing for a clean run and ends with the summary otherwise', () => {
    expect(formatReport([], sources, plain)).toBe('');
    expect(formatReport([e, w], sources, plain).endsWith('\n\n1 error, 1 warning\n')).toBe(true);
  });
});

describe('formatWitness', () => {
  it.each<[Record<string, string>, string]>([
    [{ a: '1', b: 'x' }, 'a=1 b=x'],
    [{ reason: 'wrong size' }, 'reason="wrong size"'],
    [{ price: '¥30', day: '2026-01-01', tag: '退货' }, 'price=¥30 day=2026-01-01 tag=退货'],
    [{ empty: '' }, 'empty=""'],
    [{ note: 'it costs $5' }, "note='it costs $5'"],
    [{ note: "it's" }, `note="it's"`],
    [{ note: "it's $5" }, `note='it'\\''s $5'`],
  ])('writes %j as %s', (witness, expected) => {
    expect(formatWitness(witness)).toBe(expected);
  });
});

describe('column arithmetic', () => {
  it.each<[string, string]>([
    ['\tx', '    x'],
    ['ab\tx', 'ab  x'],
    ['abcd\tx', 'abcd    x'],
    ['退\tx', '退  x'], // the wide character takes 2 of the tab stop's 4 columns
  ])('expands tabs in %j to the next multiple of 4', (input, expected) => {
    expect(expandTabs(input)).toBe(expected);
  });

  it.each<[string, number]>([
    ['abc', 3],
    ['退货', 4],
    ['（全额）', 8], // fullwidth brackets
    ['¥30', 3], // the yen sign is narrow
    ['ｱ', 1], // halfwidth katakana
    ['😀', 2], // an astral-plane emoji is one character of width 2
    ['e\u0301', 1], // a combining accent takes no column
    ['\t', 4],
  ])('measures %j as %d columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('formatJson', () => {
  it('prints 1-based positions with an exclusive end, every key present, and counts', () => {
    const d = diagnostic('resolve/unknown-target', span('refund_ful'), 'unknown outcome `refund_ful`', {
      help: 'did you mean `refund_full`?',
      suggestion: { span: span('refund_ful'), replacement: 'refund_full' },
      related: [{ span: span('refund_full'), message: '`refund_full` declared here' }],
    });
    const w = diagnostic('graph/gap', span('decision triage'), 'gap', { witness: { problem: 'wrong_item' } });
    const report = JSON.parse(formatJson([d, w], sources));
    expect(report.summary).toEqual({ errors: 2, warnings: 0, infos: 0 });
    // Sorted: the gap (line 5) before the unknown target (line 6).
    expect(report.diagnostics[0]).toEqual({
      code: 'graph/gap',
      severity: 'error',
      message: 'gap',
      file: PATH,
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 16,
      label: null,
      help: null,
      suggestion: null,
      related: [],
      witness: { problem: 'wrong_item' },
    });
    expect(report.diagnostics[1]).toMatchObject({
      line: 6,
      column: 32,
      endLine: 6,
      endColumn: 42,
      help: 'did you mean `refund_full`?',
      suggestion: { file: PATH, line: 6, column: 32, endLine: 6, endColumn: 42, replacement: 'refund_full' },
      related: [{ file: PATH, line: 10, column: 9, endLine: 10, endColumn: 20, message: '`refund_full` declared here' }],
    });
    expect(Object.keys(report.diagnostics[1])).toEqual([
      'code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn',
      'label', 'help', 'suggestion', 'related', 'witness',
    ]);
  });

  it('gives null positions for a file that was never read, and an empty list when clean', () => {
    const d = diagnostic('resolve/import-not-found', { file: 'gone.sop', start: 0, end: 0 }, 'cannot read');
    expect(toJsonReport([d], sources).diagnostics[0]).toMatchObject({ file: 'gone.sop', line: null, endColumn: null });
    expect(toJsonReport([], sources)).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });
});
