import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { compileText } from '../support/compile.js';

/**
 * What authors type by habit (src/syntax/habits.ts; goldens in test/fixtures/diagnostics/authors-*):
 * each error carries its fix, and the fixes applied give a file with no error left.
 */
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/diagnostics/authors-${name}.sop`, import.meta.url)), 'utf8');

/** The text with every suggested replacement applied (from the end, so earlier offsets hold). */
function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const fixes = diagnostics.flatMap((d) => (d.suggestion ? [d.suggestion] : [])).sort((a, b) => b.span.start - a.span.start);
  return fixes.reduce((t, f) => t.slice(0, f.span.start) + f.replacement + t.slice(f.span.end), text);
}

describe('habits of other writing', () => {
  it.each([
    ['chinese-units', ['7 days', '3 hours', '¥299']],
    ['operators', ['urgent and m', 'not urgent or r == north']],
    ['thousands', ['m >= ¥1299']],
    ['quoted-member', ['r in {xinjiang, north}']],
  ])('%s: the fixes give a file without errors', (name, written) => {
    const text = fixture(name);
    const before = compileText(text);
    expect(before.diagnostics.filter((d) => d.severity === 'error').every((d) => d.suggestion !== undefined)).toBe(true);
    const fixed = applyFixes(text, before.diagnostics);
    for (const w of written) expect(fixed).toContain(w);
    expect(compileText(fixed).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves a Chinese word that is no unit an unknown character', () => {
    const text = fixture('chinese-units').replace('wait = 7天', 'wait = 7天内');
    const r = compileText(text);
    expect(r.diagnostics.filter((d) => d.span.start === text.indexOf('天内')).map((d) => d.code)).toEqual(['syntax/unknown-character']);
  });
});
