/** Small helpers of the benchmark: medians and number formatting. */

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** 1234567 → "1,234,567". */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A rate per second in a readable unit: "12.3 M/s", "45.6 k/s", "789 /s". */
export function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

/** Nanoseconds as "38 ns", "4.2 µs" or "1.25 ms". */
export function duration(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** A ratio as "0.81x", or with two significant digits when small ("0.00027x"). */
export function ratio(r: number): string {
  return r >= 0.1 ? `${r.toFixed(2)}x` : `${r.toPrecision(2)}x`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** How far a list's values lie from its median, as a share of it: the larger side (0.07 for ±7%). */
export function spread(values: readonly number[]): number {
  const m = median(values);
  if (m === 0) return 0;
  return Math.max(Math.max(...values) - m, m - Math.min(...values)) / m;
}

/** Loads (1-minute averages) as "4.1" or "4.1–6.3". */
export function loadRange(loads: readonly number[]): string {
  const lo = Math.min(...loads);
  const hi = Math.max(...loads);
  return hi - lo < 0.05 ? lo.toFixed(1) : `${lo.toFixed(1)}–${hi.toFixed(1)}`;
}

/**
 * A ratio between two subjects timed in rounds (round i of each measured back to back): the
 * ratio of each round, their median, and how far they spread. Pairing the rounds cancels what a
 * shared machine does to both subjects alike (its load, its clock speed drifting between rounds),
 * which comparing two medians does not.
 */
export interface PairedRatio {
  /** The median of the per-round ratios. */
  readonly ratio: number;
  /** Their spread around it (0.07 for ±7%). */
  readonly spread: number;
  readonly perRound: readonly number[];
}

/** `numerator[i] / denominator[i]` for each round i; the lists must be as long as each other. */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): PairedRatio {
  if (numerator.length !== denominator.length || numerator.length === 0) {
    throw new Error(`paired ratio of ${numerator.length} and ${denominator.length} rounds`);
  }
  const perRound = numerator.map((n, i) => n / denominator[i]);
  return { ratio: median(perRound), spread: spread(perRound), perRound };
}

/**
 * Measures a set up to `attempts` times while the set's widest spread is over `limit`, and keeps
 * the first attempt within it, or else the attempt that spread least (so a burst of load on a
 * shared machine costs a repeat, not the figure; a set that never settles is still shown, with its
 * spread, and not published). `spreadOf` gives the widest spread of the ratios the set yields.
 */
export function settled<T>(measure: () => T, spreadOf: (set: T) => number, limit: number, attempts: number, log?: (text: string) => void): { set: T; attempt: number } {
  let best: { set: T; attempt: number; spread: number } | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const set = measure();
    const s = spreadOf(set);
    if (s <= limit) return { set, attempt };
    log?.(`  spread ±${(s * 100).toFixed(0)}% over ±${(limit * 100).toFixed(0)}%${attempt < attempts ? ': measuring again' : ''}`);
    if (best === undefined || s < best.spread) best = { set, attempt, spread: s };
  }
  return { set: (best as { set: T }).set, attempt: (best as { attempt: number }).attempt };
}
