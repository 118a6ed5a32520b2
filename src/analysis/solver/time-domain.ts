import { Temporal } from 'temporal-polyfill';
import type { DecisionGraph } from '../../graph/graph.js';
import { DAY_SECONDS, dayOfIsoDate } from '../../values/calendar.js';
import { MAX_FEN } from '../../values/range.js';
import { ceil, floor, type Rat } from '../../values/rational.js';

/**
 * How the solver sees time. Dates are day numbers, clock times seconds since midnight (0–86399),
 * moments seconds since the epoch: whole numbers, so comparisons and differences of them are
 * difference constraints. When a policy reads the date or the clock time of a moment, every
 * moment fact is split into two solver variables instead, its local date `x#D` and its local clock
 * time `x#T` in the policy's zone, so that `x = 86400·x#D + x#T − offset`. That link is linear
 * only while the zone's offset is fixed: the split is exact from the zone's last offset change on
 * (Asia/Shanghai: 1991-09-15; UTC: always), and a condition on the date or the clock time of a
 * moment before then is not decided (`graph/inexact-analysis` if an answer hangs on it). A zone
 * that still changes its offset (summer time) has no such era and is never split.
 */

/** The first and last day a case can give (0000-01-01 and 9999-12-31, as the case reader reads dates). */
export const FIRST_DAY = dayOfIsoDate('0000-01-01')!;
export const LAST_DAY = dayOfIsoDate('9999-12-31')!;
/** An input moment may carry any offset up to ±23:59. */
const MAX_OFFSET = 23 * 3600 + 59 * 60;
export const FIRST_MOMENT = FIRST_DAY * DAY_SECONDS - MAX_OFFSET;
export const LAST_MOMENT = LAST_DAY * DAY_SECONDS + DAY_SECONDS - 1 + MAX_OFFSET;

export { type FixedEra, fixedEra } from '../../values/zone.js';
import type { FixedEra } from '../../values/zone.js';

/**
 * The solver variables of a split moment fact: the moment itself as day and second of day read
 * with the era's offset (`x#d`, `x#t`: exact for the moment in any era), and its local date and
 * clock time in the zone (`x#D`, `x#T`: exact for `.date` and `.time` in any era). In the era of
 * fixed offset the two pairs are equal; before it they differ by the offset's change then.
 */
export const dayVar = (fact: string) => `${fact}#d`;
export const clockVar = (fact: string) => `${fact}#t`;
export const localDayVar = (fact: string) => `${fact}#D`;
export const localClockVar = (fact: string) => `${fact}#T`;

/** The least and greatest change of offset (seconds) of `zone` before its era of fixed offset, against the era's. */
export function offsetChanges(zone: string, era: FixedEra): readonly [number, number] {
  let lo = 0;
  let hi = 0;
  if (era.start === -Infinity) return [lo, hi];
  let z: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(era.start * 1000).toZonedDateTimeISO(zone);
  for (let i = 0; z !== null && i < 10_000; i++) {
    const before = z.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e9 - era.offset;
    lo = Math.min(lo, before);
    hi = Math.max(hi, before);
    z = z.getTimeZoneTransition('previous');
  }
  return [Math.floor(lo), Math.ceil(hi)];
}

/** The fact a solver variable belongs to (`now#D` → `now`). */
export function factOfVar(v: string): string {
  const i = v.indexOf('#');
  return i < 0 ? v : v.slice(0, i);
}

/** The range of an integer solver variable, as the case reader bounds its fact. */
export function integerRange(graph: DecisionGraph, v: string): readonly [number, number] {
  if (v.endsWith('#T') || v.endsWith('#t')) return [0, DAY_SECONDS - 1];
  // A split moment's days: one day either side of the input dates covers every offset.
  if (v.endsWith('#D') || v.endsWith('#d')) return [FIRST_DAY - 1, LAST_DAY + 1];
  const t = graph.facts[v]?.type;
  switch (t?.kind) {
    case 'date': return [FIRST_DAY, LAST_DAY];
    case 'datetime': return [FIRST_MOMENT, LAST_MOMENT];
    case 'time': return [0, DAY_SECONDS - 1];
    case 'money': case 'number': {
      // Declared bounds (`money ..100000 CNY`, `whole number 0..24`) narrow the type's range.
      const b = graph.facts[v].bounds;
      const lo = b?.min ? Number(ceil(b.min)) : t.kind === 'money' && !t.signed ? 0 : -MAX_FEN;
      const hi = b?.max ? Number(floor(b.max)) : MAX_FEN;
      return [lo, hi];
    }
    default: return [-MAX_FEN, MAX_FEN];
  }
}

/** The declared bounds of a number fact the solver keeps as a rational (not `whole`). */
export function declaredRange(graph: DecisionGraph, v: string): readonly [Rat | null, Rat | null] | undefined {
  const b = graph.facts[v]?.bounds;
  return b && !b.whole && graph.facts[v].type.kind === 'number' ? [b.min, b.max] : undefined;
}

const monthBands = new Map<number, readonly [number, number]>();
/** Days in each month of one 400-year cycle of the calendar (it repeats after that), from the calendar library. */
let cycle: number[] | undefined;

/**
 * The least and the most days that `n` calendar months add to a date (`2 years`: 730 and 731;
 * `1 month`: 28 and 31), over every date: month `m` day `d` moves to month `m + n` day
 * `min(d, its length)`. Every month has a 28th, so only the 1st and the 29th to 31st need trying.
 */
export function monthsBand(n: number): readonly [number, number] {
  let band = monthBands.get(n);
  if (band === undefined) {
    cycle ??= Array.from({ length: 4800 }, (_, i) => new Temporal.PlainYearMonth(2000 + Math.floor(i / 12), 1 + (i % 12)).daysInMonth);
    const len = (m: number) => cycle![((m % 4800) + 4800) % 4800];
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < 4800; m++) {
      // Days from the 1st of month m to the 1st of month m + n (negative when n is).
      let span = 0;
      for (let k = Math.min(0, n); k < Math.max(0, n); k++) span += len(m + k);
      if (n < 0) span = -span;
      for (const d of [1, 29, 30, 31]) {
        if (d > len(m)) break;
        const moved = span + Math.min(d, len(m + n)) - d;
        if (moved < lo) lo = moved;
        if (moved > hi) hi = moved;
      }
    }
    band = [lo, hi];
    monthBands.set(n, band);
  }
  return band;
}
