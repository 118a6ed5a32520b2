import { describe, expect, it } from 'vitest';
import { pairedRatio, settled, spread } from './stats.js';

describe('the benchmark rule: ratios paired per round, sets measured again when they spread', () => {
  it('pairs round i with round i, so a drift that slows both subjects alike cancels out', () => {
    // The machine halves its speed in round 2: each subject's runs spread ±50%, their ratio not at all.
    const plain = [1.0, 2.0, 1.0];
    const ours = [0.5, 1.0, 0.5];
    expect(spread(plain)).toBe(1);
    const r = pairedRatio(plain, ours);
    expect(r).toEqual({ ratio: 2, spread: 0, perRound: [2, 2, 2] });
  });

  it('takes the median of the per-round ratios and their widest side as the spread', () => {
    const r = pairedRatio([10, 12, 9, 10], [5, 5, 5, 4]);
    expect(r.perRound).toEqual([2, 2.4, 1.8, 2.5]);
    expect(r.ratio).toBeCloseTo(2.2, 12);
    expect(r.spread).toBeCloseTo(0.4 / 2.2, 12);
  });

  it('refuses lists of different lengths or none', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow('paired ratio of 2 and 1 rounds');
    expect(() => pairedRatio([], [])).toThrow('paired ratio of 0 and 0 rounds');
  });

  it('keeps the first set within the limit, without measuring again', () => {
    const spreads = [0.3, 0.1, 0.05];
    let calls = 0;
    const logged: string[] = [];
    const r = settled(() => spreads[calls++], (s) => s, 0.15, 3, (t) => logged.push(t));
    expect(r).toEqual({ set: 0.1, attempt: 2 });
    expect(calls).toBe(2);
    expect(logged).toEqual(['  spread ±30% over ±15%: measuring again']);
  });

  it('keeps the set that spread least when none is within the limit', () => {
    const spreads = [0.3, 0.2, 0.25];
    let calls = 0;
    const r = settled(() => spreads[calls++], (s) => s, 0.15, 3);
    expect(r).toEqual({ set: 0.2, attempt: 2 });
    expect(calls).toBe(3);
  });
});
