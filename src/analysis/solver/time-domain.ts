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
import { zoneHistory } from '../../values/zone-transitions.js';
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

/**
 * The least and greatest change of offset (seconds) of `zone` before its era of fixed offset,
 * against the era's: the offset just before each earlier change, from the zone's history.
 */
export function offsetChanges(zone: string, era: FixedEra): readonly [number, number] {
  let lo = 0;
  let hi = 0;
  if (era.start === -Infinity) return [lo, hi];
  const history = zoneHistory(zone);
  let change: number | undefined = era.start;
  for (let i = 0; change !== undefined && i < 10_000; i++) {
    const before = history.offsetAt(change - 1) - era.offset;
    lo = Math.min(lo, before);
    hi = Math.max(hi, before);
    change = history.previousChange(change);
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
/** Months in one 400-year cycle of the calendar, after which it repeats, and the days in it. */
const CYCLE_MONTHS = 4800;
const CYCLE_DAYS = 146_097;
/** The days of a month worth trying: every month has a 28th, so the 1st stands for the 1st to the 28th. */
const FIRST_DAYS = [1, 29, 30, 31];
/** Days in each month of the cycle from January 2000, and the days before each month (one more entry). */
let cycle: { readonly lengths: Int32Array; readonly before: Int32Array } | undefined;

/**
 * The least and the most days that `n` calendar months add to a date (`2 years`: 730 and 731;
 * `1 month`: 28 and 31), over every date: month `m` day `d` moves to month `m + n` day
 * `min(d, its length)`. Every month has a 28th, so only the 1st and the 29th to 31st need trying.
 * Month lengths are the platform's calendar's (`Date`: proleptic Gregorian, as Temporal's ISO).
 */
export function monthsBand(n: number): readonly [number, number] {
  let band = monthBands.get(n);
  if (band === undefined) {
    const { lengths, before } = (cycle ??= monthCycle());
    // Days from the 1st of month m (in the first cycle) to the 1st of month m + n, and the length
    // of month m + n: n is q cycles and r months. Plain loops: this runs once, in the interpreter.
    const q = Math.floor(n / CYCLE_MONTHS);
    const r = n - q * CYCLE_MONTHS;
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < CYCLE_MONTHS; m++) {
      const days = q * CYCLE_DAYS + (m + r <= CYCLE_MONTHS ? before[m + r] - before[m] : CYCLE_DAYS - before[m] + before[m + r - CYCLE_MONTHS]);
      const from = lengths[m];
      const to = lengths[(m + r) % CYCLE_MONTHS];
      for (let i = 0; i < FIRST_DAYS.length && FIRST_DAYS[i] <= from; i++) {
        const d = FIRST_DAYS[i];
        const moved = days + (d < to ? d : to) - d;
        if (moved < lo) lo = moved;
        if (moved > hi) hi = moved;
      }
    }
    band = [lo, hi];
    monthBands.set(n, band);
  }
  return band;
}

function monthCycle(): { lengths: Int32Array; before: Int32Array } {
  const lengths = new Int32Array(CYCLE_MONTHS);
  const before = new Int32Array(CYCLE_MONTHS + 1);
  const first = Date.UTC(2000, 0, 1);
  for (let i = 1; i <= CYCLE_MONTHS; i++) {
    // Date.UTC carries month 12 over into the next year.
    before[i] = (Date.UTC(2000 + Math.floor(i / 12), i % 12, 1) - first) / 86_400_000;
    lengths[i - 1] = before[i] - before[i - 1];
  }
  return { lengths, before };
}
