import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceFile } from '../../src/source/source-file.js';
import { parseRules } from '../../src/syntax/parse.js';
import { parse, summarise } from './support.js';

describe('syntax diagnostics', () => {
  it.each([
    ['syntax/unknown-character', 'fact 破损: bool', '破损'],
    ['syntax/unknown-character', 'fact a: bool $ fact b: bool', '$'],
    ['syntax/unterminated-string', 'department d "财务\ndepartment e', '"财务'],
    ['syntax/unterminated-string', 'outcome o { say """never closed }', '"""'],
    ['syntax/bad-escape', 'department d "a \\q b"', '\\q'],
    ['syntax/unexpected-token', 'outcome o { colour "red" }', 'colour'],
    ['syntax/unexpected-token', 'decision d { when a -> }', '‸ after ->'],
    ['syntax/unknown-unit', 'const c = 3 dayz', 'dayz'],
    ['syntax/unknown-unit', 'const c = 3 fortnights', 'fortnights'],
    ['syntax/bad-number', 'const c = 1.234 CNY', '1.234 CNY'],
    ['syntax/bad-number', 'const c = ¥0.001', '0.001'],
    ['syntax/bad-number', 'const c = 12345678901234567', '12345678901234567'],
    ['syntax/bad-locale', 'department d "财务" @e "Finance"', '@e'],
    ['syntax/bad-locale', 'policy p { locales zh - CN }', 'zh - CN'],
    ['syntax/duplicate-item', 'outcome o { owner a owner b }', 'owner b'],
    ['syntax/duplicate-item', 'outcome o { deadline 1 day deadline 2 days }', 'deadline 2 days'],
    ['syntax/duplicate-item', 'outcome o { say "a" say "b" }', 'say "b"'],
    ['syntax/duplicate-item', 'policy p { version "1" version "2" }', 'version "2"'],
    ['syntax/duplicate-item', 'policy p { start a start b }', 'start b'],
    ['syntax/duplicate-item', 'policy p { effective "2026-01-01" effective "2026-02-01" }', 'effective "2026-02-01"'],
    ['syntax/duplicate-item', 'policy p { locales en locales zh-CN }', 'locales zh-CN'],
    ['syntax/duplicate-item', 'fact f: text { ask "a" ask "b" }', 'ask "b"'],
  ])('reports %s, underlining the problem in %j', (code, text, underlined) => {
    expect(summarise(parse(text))).toEqual([`${code}: ${underlined}`]);
  });

  it('points a duplicate item at the first one', () => {
    const text = 'outcome o {\n  owner a\n  owner b\n}';
    const [d] = parse(text).diagnostics;
    expect(d.related?.map((r) => text.slice(r.span.start, r.span.end))).toEqual(['owner a']);
  });

  it('suggests a close unit as a fix, and none for a far one', () => {
    const [close] = parse('const c = 3 dayz').diagnostics;
    expect(close.help).toBe('did you mean `day`?');
    expect(close.suggestion?.replacement).toBe('day');
    const [far] = parse('const c = 3 fortnights').diagnostics;
    expect(far.suggestion).toBeUndefined();
  });

  it.each([
    ['decision d { when a -> }', 'expected an outcome or decision name after `->`, found `}`'],
    ['decision d "分类" when a -> b }', "expected `{` after the decision's label, found `when`"],
    ['decision d { when a == -> b }', 'expected a value (a number, a name, a string, `true`, `false`, `min`, `max` or `(`) after `==`, found `->`'],
    ['outcome o { owner }', 'expected a department name after `owner`, found `}`'],
    ['outcome o { deadline }', 'expected a due time (`3 days`, `same day`, `2 hours after reported_at`, `at 09:00`, a moment) or `{` with cases after `deadline`, found `}`'],
    ['outcome o { colour "red" }', 'expected an outcome item (`owner`, `deadline`, `do`, `document`, `say`, `note` or `value`) or `}`, found `colour`'],
    ['fact f: 3', "expected a type (`bool`, `money`, `signed money`, `number`, `text`, `date`, `datetime`, `time`, `duration` or an enum's name) after `:`, found `3`"],
    ['decision d { when a -> b', 'expected `when`, `otherwise` or `}` after `b`, found the end of the file'],
    ['refund', 'expected `import` or a declaration (`policy`, `enum`, `department`, `fact`, `const`, `let`, `decision`, `outcome`, `section` or `require`), found `refund`'],
  ])('words the error for %j in the language of the file', (text, message) => {
    expect(parse(text).diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('points a missing token at the end of the token before it', () => {
    const text = 'decision d { when a b }';
    const [d] = parse(text).diagnostics;
    expect(d.code).toBe('syntax/unexpected-token');
    expect(d.message).toBe('expected `->` after `a`, found `b`');
    expect(d.span).toMatchObject({ start: 'decision d { when a'.length, end: 'decision d { when a'.length });
    const atEnd = parse('const c = ').diagnostics[0];
    expect(atEnd.span).toMatchObject({ start: 'const c ='.length, end: 'const c ='.length });
  });

  it('reports every error of a file with three unrelated mistakes', () => {
    const text = [
      'decision triage {',
      '  when a == -> b', // a missing value
      '  otherwise -> c',
      '}',
      'outcome b {',
      '  owner', // a missing department
      '}',
      'blah', // not a declaration
      'department d "财务"',
    ].join('\n');
    expect(summarise(parse(text))).toEqual([
      'syntax/unexpected-token: ->',
      'syntax/unexpected-token: ‸ after owner',
      'syntax/unexpected-token: blah',
    ]);
  });

  it('keeps the complete declarations around a broken one, and only those', () => {
    const { ast, diagnostics } = parse('department a\ndecision d { when -> x }\ndepartment b\noutcome o { owner a deadline }\ndepartment c');
    expect(diagnostics).toHaveLength(2);
    expect(ast.declarations.filter((d) => d.kind === 'department').map((d) => d.name.text)).toEqual(['a', 'b', 'c']);
    for (const decl of ast.declarations) expect(decl.span.start).toBeLessThanOrEqual(decl.span.end);
  });

  it.each([
    ['right after it', 'fact 破损: bool', ['syntax/unknown-character: 破损']],
    ['after it and a line break', 'fact\n  破损: bool', ['syntax/unknown-character: 破损']],
    ['before it, where a token is missing', 'outcome o { owner 破 }', ['syntax/unknown-character: 破']],
    ['inside a condition', 'decision d { when a == 破 -> b }', ['syntax/unknown-character: 破']],
    ['but not a missing token further away', 'outcome o { owner }\n破', ['syntax/unknown-character: 破', 'syntax/unexpected-token: ‸ after owner']],
  ])('reports a parse error next to skipped text only through the skipped text: %s', (_, text, expected) => {
    expect(summarise(parse(text))).toEqual(expected);
  });

  it('reports an unterminated string once, not again as a parse error', () => {
    expect(summarise(parse('outcome o { say "oops\n}'))).toEqual(['syntax/unterminated-string: "oops']);
  });

  it('never throws, whatever the text', () => {
    const fragments = fc.constantFrom(
      'policy', 'enum', 'fact', 'decision', 'outcome', 'section', 'when', 'otherwise', 'as', '->', '{', '}', '(', ')',
      'x', 'y', ':', '=', '==', 'in', 'not', '3', 'CNY', 'days', '¥', '"s"', '"""', '"', '@en', '##', '#', '\n',
      'same day', 'min', ',', '.', '-', 'owner', 'say', 'locales', 'zh-CN', '中文', '\\', '天', '小时', '元', '&&', '||', '!', '1,299', 'set', 'of', '"新疆"',
    );
    const texts = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(' ')));
    fc.assert(
      fc.property(texts, (text) => {
        const { diagnostics } = parseRules(sourceFile('fuzz.sop', text));
        for (const d of diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
        }
      }),
      { numRuns: 500 },
    );
  });
});
