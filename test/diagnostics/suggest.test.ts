import { describe, expect, it } from 'vitest';
import { editDistance, spellingSuggestion } from '../../src/diagnostics/suggest.js';

describe('spellingSuggestion', () => {
  it.each<[string, readonly string[], string | undefined]>([
    // typo, candidates, expected
    ['refund_ful', ['refund_full', 'repair', 'exchange'], 'refund_full'],
    ['refnud_full', ['refund_full'], 'refund_full'], // a swap costs 2 (delete + insert); bound for 11 chars is 5
    ['exchnge', ['exchange', 'refund_full'], 'exchange'],
    ['Refund', ['refund', 'refunds'], 'refund'], // a case-only difference beats a closer-looking edit
    ['REFUND', ['refunds', 'refund'], 'refund'],
    ['ab', ['AB', 'ac'], 'AB'], // short names: case-insensitive matches only
    ['ab', ['ac', 'abc'], undefined], // `ac` is too short to guess; `abc` is too far for a 2-letter name
    ['x', ['y', 'X'], 'X'],
    ['x', ['y', 'z'], undefined],
    ['cat', ['cats'], 'cats'], // 3 letters: one insertion allowed (1 < ⌊1.2⌋+1 = 2)
    ['cat', ['bat'], undefined], // … but not a substitution, which costs 2
    ['cat', ['dog'], undefined],
    ['refund_full', ['repair', 'exchange'], undefined], // no nearest-name fallback
    ['refund_full', ['refund_partial'], undefined], // 9 ≥ ⌊4.4⌋+1: another word, not a typo
    ['wrong_item', ['damaged'], undefined],
    ['wrong_itme', ['wrong_item', 'wrong_size'], 'wrong_item'],
    ['days', ['days_since_purchase'], undefined], // length difference 15 > max(2, ⌊1.36⌋)
    ['refund', [], undefined],
    ['refund', ['refund'], undefined], // the name itself is never a suggestion
    ['', ['a', 'ab'], undefined],
    ['退款', ['退货', '退款单'], undefined], // 2-character names: case-insensitive matches only
    ['订单金额', ['订单余额'], undefined], // a substituted character in 4 costs 2, bound 2
    ['退货运费', ['退货的运费'], '退货的运费'], // any script: one insertion in 4 characters
  ])('suggests for %j among %j → %j', (name, candidates, expected) => {
    expect(spellingSuggestion(name, candidates)).toBe(expected);
  });

  it('applies the distance bound ⌊0.4·n⌋+1 exactly', () => {
    // n = 5: bound 3, so a substitution (2) suggests and a substitution plus an insertion (3) does not.
    expect(spellingSuggestion('abcde', ['abxde'])).toBe('abxde');
    expect(spellingSuggestion('abcde', ['abxdef'])).toBeUndefined();
    // n = 10: bound 5, so two substitutions (4) suggest and five edits do not.
    expect(spellingSuggestion('abcdefghij', ['abqdefgrij'])).toBe('abqdefgrij');
    expect(spellingSuggestion('abcdefghij', ['abqdefgrijk'])).toBeUndefined();
  });

  it('applies the length bound max(2, ⌊0.34·n⌋) exactly', () => {
    // n = 12: length difference at most 4; distance bound 5 is not what limits these.
    expect(spellingSuggestion('abcdefghijkl', ['abcdefghijklmnop'])).toBe('abcdefghijklmnop');
    expect(spellingSuggestion('abcdefghijkl', ['abcdefghijklmnopq'])).toBeUndefined();
  });

  it('breaks ties the same way whatever the candidate order', () => {
    const candidates = ['refund_fill', 'refund_fall', 'refund_fell'];
    const expected = spellingSuggestion('refund_full', candidates);
    expect(expected).toBe('refund_fall');
    expect(spellingSuggestion('refund_full', [...candidates].reverse())).toBe(expected);
  });

  it('prefers the smaller length difference among equally distant candidates', () => {
    // Both cost 2: `refund_f` by two deletions, `refund_fxl` by one substitution of the same length.
    expect(spellingSuggestion('refund_ful', ['refund_f', 'refund_fxl'])).toBe('refund_fxl');
  });

  it('accepts any iterable, including a Set or a Map key view', () => {
    expect(spellingSuggestion('repiar', new Set(['repair']))).toBe('repair');
    expect(spellingSuggestion('repiar', new Map([['repair', 1]]).keys())).toBe('repair');
  });
});

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 5], // 2 substitutions and an insertion
    ['abc', 'abd', 2],
    ['abc', 'ABC', 0.3],
    ['refund', 'Refund', 0.1],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('gives up once the distance cannot stay below the bound', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBeUndefined();
    expect(editDistance('kitten', 'sitting', 6)).toBe(5);
  });
});
