/**
 * When a named time zone changed its offset, read straight from the platform's time-zone data
 * (`Intl.DateTimeFormat`). The Temporal polyfill answers the same questions (getTimeZoneTransition)
 * by the same method, but one of its samples costs four times ours (`formatToParts` and a record
 * per sample, plus its objects around them), and `check` asks for a zone's whole history: its
 * last change (fixedEra) and every offset before it (the solver's offsetChanges), about 5,000
 * samples for Asia/Shanghai. The answers are the polyfill's, sample for sample: the same windows,
 * the same search and the same bisection, so they agree exactly (test/values/zone-transitions.test.ts
 * holds them to it over zones with and without summer time). Only for zones the polyfill reads
 * through Intl; UTC and fixed offsets (`+08:00`) never change and are answered by the caller.
 */

/**
 * The polyfill's sampling windows, in days: two changes of a zone's offset are never closer than
 * this, so a window whose two ends have the same offset holds no change. 19 days, less for the
 * zones below (temporal-polyfill 1.0.8, `timeZonePeriodDaysByName`, keyed by the name's last part).
 */
const WINDOW_DAYS: Readonly<Record<string, number>> = {
  El_Aaiun: 16, Tucuman: 12, Tirane: 11, Riga: 10, Simferopol: 9, Vienna: 9, Tunis: 8, Boa_Vista: 6,
  Fortaleza: 6, Maceio: 6, Noronha: 6, Recife: 6, Gaza: 6, Hebron: 6, DeNoronha: 6,
};
const DEFAULT_WINDOW_DAYS = 19;

/** No zone changed its offset before this (1843), nor is one searched for later than 4e9 (2096) but for the last three years of the range. */
const FIRST_POSSIBLE_CHANGE = -4e9;
const LAST_SEARCHED = 4e9;
const THREE_YEARS = 94_867_200;
/** `12/31/1969, 19:00:00`: how the format below writes a moment (en-US, 24-hour clock, numeric fields). */
const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
/** Intl reads moments from 1653 to the end of `Date`'s range; samples outside are taken at its ends. */
const clampSample = (t: number) => Math.min(Math.max(t, -1e10), 864e10);

/**
 * What a zone's history has answered (offsetAt and previousChange, by moment), so a process can
 * start from what an earlier one learnt (learnZoneAnswers): the CLI keeps them beside its code
 * cache, for the same platform time-zone data only. `check` asks the same few dozen questions of a
 * policy's zone every run, and answering them from Intl costs the first DateTimeFormat (ICU's
 * locale data, ~25 ms) and ~5,000 samples.
 */
export interface ZoneAnswers {
  readonly offsetAt: [moment: number, offset: number][];
  readonly previousChange: [moment: number, change: number | null][];
}

/** The offset history of one named zone; every sample taken is kept (one zone's history is a few thousand numbers). */
export class ZoneHistory {
  private formatter: Intl.DateTimeFormat | undefined;
  private readonly window: number;
  private readonly samples = new Map<number, number>();
  /** The narrowed span of each window where the offset changes: [first second it might change, first second of the new offset]. */
  private readonly splits = new Map<number, [number, number]>();
  /** Every answer given or learnt, by moment. */
  readonly offsets = new Map<number, number>();
  readonly changes = new Map<number, number | null>();

  /** A name the platform does not know throws a RangeError on the first question that needs Intl. */
  constructor(private readonly zone: string) {
    this.window = 86_400 * (WINDOW_DAYS[zone.split('/').pop()!] ?? DEFAULT_WINDOW_DAYS);
  }

  /** Made on first use: a history answered from learnt answers never loads ICU's date formats. */
  private get format(): Intl.DateTimeFormat {
    this.formatter ??= new Intl.DateTimeFormat('en-US', {
      timeZone: this.zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    return this.formatter;
  }

  /** The offset (seconds) at moment `t` (seconds since the epoch), as the platform's data has it. */
  private offsetFromIntl(t: number): number {
    // Written for the interpreter (this runs a few thousand times, once, at start-up): no
    // destructuring, no objects but the match.
    const m = WALL_CLOCK.exec(this.format.format(t * 1000));
    if (m === null) return this.offsetFromParts(t);
    return localSeconds(+m[3], +m[1], +m[2], +m[4], +m[5], +m[6]) - t;
  }

  /** The same from the formatted parts, should a platform write the text differently. */
  private offsetFromParts(t: number): number {
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(t * 1000)) parts[p.type] = p.value;
    return localSeconds(+parts.year, +parts.month, +parts.day, +parts.hour, +parts.minute, +parts.second) - t;
  }

  private sample(t: number): number {
    let offset = this.samples.get(t);
    if (offset === undefined) {
      offset = this.offsetFromIntl(t);
      this.samples.set(t, offset);
    }
    return offset;
  }

  /**
   * Narrows a window whose ends differ (by bisection) until it is known on which side of the change
   * `t` lies, or, without `t`, to the change itself. Returns the offset at `t` when asked.
   */
  private pinch(start: number, end: number, before: number, after: number, t?: number): number | undefined {
    let split = this.splits.get(start);
    if (split === undefined) this.splits.set(start, (split = [start, end]));
    for (;;) {
      if (t !== undefined) {
        if (t < split[0]) return before;
        if (t >= split[1]) return after;
      }
      const span = split[1] - split[0];
      if (span === 0) return undefined;
      const middle = split[0] + Math.floor(span / 2);
      if (this.offsetFromIntl(middle) === after) split[1] = middle;
      else split[0] = middle + 1;
    }
  }

  /** The offset (seconds) at moment `t`, whole seconds since the epoch. */
  offsetAt(t: number): number {
    let offset = this.offsets.get(t);
    if (offset === undefined) this.offsets.set(t, (offset = this.offsetFromSamples(t)));
    return offset;
  }

  private offsetFromSamples(t: number): number {
    const start = Math.floor(t / this.window) * this.window;
    const a = clampSample(start);
    const b = clampSample(start + this.window);
    const before = this.sample(a);
    const after = this.sample(b);
    return before === after ? before : this.pinch(a, b, before, after, t)!;
  }

  /** The last change of offset strictly before `t`, or undefined when there is none. */
  previousChange(t: number): number | undefined {
    let change = this.changes.get(t);
    if (change === undefined) this.changes.set(t, (change = this.changeFromSamples(t) ?? null));
    return change ?? undefined;
  }

  private changeFromSamples(t: number): number | undefined {
    if (t <= FIRST_POSSIBLE_CHANGE) return undefined;
    if (t > LAST_SEARCHED) return this.searchBack(t, t - THREE_YEARS) ?? this.searchBack(LAST_SEARCHED, FIRST_POSSIBLE_CHANGE);
    return this.searchBack(t, FIRST_POSSIBLE_CHANGE);
  }

  /** Window by window back from the one holding `from`, the first change before `from` in a window ending after `limit`. */
  private searchBack(from: number, limit: number): number | undefined {
    const window = this.window;
    for (let start = Math.floor(from / window) * window; start + window > limit; start -= window) {
      const a = clampSample(start);
      const b = clampSample(start + window);
      const offsetA = this.sample(a);
      const offsetB = this.sample(b);
      if (offsetA === offsetB) continue;
      this.pinch(a, b, offsetA, offsetB);
      const change = this.splits.get(a)![0];
      if (change < from) return change;
    }
    return undefined;
  }
}

/** Seconds since the epoch of a wall-clock date and time read as UTC. */
function localSeconds(year: number, month: number, day: number, h: number, min: number, s: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; Intl is asked about 1653 on only.
  return Date.UTC(year, month - 1, day, h, min, s) / 1000;
}

const histories = new Map<string, ZoneHistory>();

/** The history of a named zone, one per zone per process. */
export function zoneHistory(zone: string): ZoneHistory {
  let history = histories.get(zone);
  if (history === undefined) histories.set(zone, (history = new ZoneHistory(zone)));
  return history;
}

/** Every answer the zones' histories have given or learnt in this process, by zone. */
export function zoneAnswers(): Record<string, ZoneAnswers> {
  const answers: Record<string, ZoneAnswers> = {};
  for (const [zone, history] of histories) answers[zone] = { offsetAt: [...history.offsets], previousChange: [...history.changes] };
  return answers;
}

/**
 * Takes answers an earlier process gave (zoneAnswers) as known. Only for the same platform
 * time-zone data (the caller checks `process.versions.tz`): they are not checked against Intl.
 */
export function learnZoneAnswers(answers: Readonly<Record<string, ZoneAnswers>>): void {
  for (const [zone, known] of Object.entries(answers)) {
    const history = zoneHistory(zone);
    for (const [t, offset] of known.offsetAt) history.offsets.set(t, offset);
    for (const [t, change] of known.previousChange) history.changes.set(t, change);
  }
}
