import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { monthsBand } from '../../src/analysis/solver/time-domain.js';

/**
 * monthsBand reads month lengths from the platform's `Date` and sums them by prefix; the reference
 * is the way it did before, month by month with Temporal's ISO calendar (which cost ~40 ms of
 * every `check` that adds calendar months).
 */
const cycle = Array.from({ length: 4800 }, (_, i) => new Temporal.PlainYearMonth(2000 + Math.floor(i / 12), 1 + (i % 12)).daysInMonth);

function temporalBand(n: number): readonly [number, number] {
  const len = (m: number) => cycle[((m % 4800) + 4800) % 4800];
  let lo = Infinity;
  let hi = -Infinity;
  for (let m = 0; m < 4800; m++) {
    let span = 0;
    for (let k = Math.min(0, n); k < Math.max(0, n); k++) span += len(m + k);
    if (n < 0) span = -span;
    for (const d of [1, 29, 30, 31]) {
      if (d > len(m)) break;
      const moved = span + Math.min(d, len(m + n)) - d;
      lo = Math.min(lo, moved);
      hi = Math.max(hi, moved);
    }
  }
  return [lo, hi];
}

describe('the days calendar months add', () => {
  it.each([0, 1, -1, 2, 11, 12, -12, 13, 24, -25, 48, 100, 1199, -1201])('%i months, as Temporal counts them', (n) => {
    expect(monthsBand(n)).toEqual(temporalBand(n));
  });

  it('repeats with the 400-year cycle (4,800 months, 146,097 days)', () => {
    for (const n of [0, 1, -1, 13, -25, 1199]) {
      for (const cycles of [1, -1, 2]) {
        const [lo, hi] = monthsBand(n);
        expect([n, cycles, monthsBand(n + cycles * 4800)]).toEqual([n, cycles, [lo + cycles * 146_097, hi + cycles * 146_097]]);
      }
    }
  });
});
