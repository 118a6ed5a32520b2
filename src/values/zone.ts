import { Temporal } from 'temporal-polyfill';
import { zoneHistory } from './zone-transitions.js';
import { addMonthsToDay, clockText, DAY_SECONDS, dayOfIsoDate, isoDateOfDay, secondsOfClock } from './calendar.js';

/**
 * Moments in a time zone (IANA names such as Asia/Shanghai): the calendar date and clock time a
 * moment has there, the moment a date and clock time name there, and ISO 8601 text with the zone's
 * offset. Offsets come from the platform's time-zone data through the Temporal polyfill.
 */

/** The platform's canonical zone names: listing them costs ~5 ms, the first DateTimeFormat ~25. */
let canonicalZones: ReadonlySet<string> | undefined;

/** Whether `zone` is an IANA time-zone name the platform knows. */
export function isTimeZone(zone: string): boolean {
  // Temporal accepts every canonical name (test/values/zone-names.test.ts); others (aliases,
  // other letter case, offsets) are asked of Temporal itself.
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets by zone and hour: zones change offset only on whole quarter hours, and evaluation asks
 * for the same few hours again and again, while one lookup through Temporal costs microseconds.
 */
const offsetCache = new Map<string, number>();

/** The era in which a zone's offset is fixed: from `start` (a moment; -Infinity for a zone that never changed) on. */
export interface FixedEra {
  readonly start: number;
  readonly offset: number;
}

/** The last moment a case can give: 9999-12-31T23:59:59-23:59. */
const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 + 86_340;
/** Zones whose offset still changes after this have no era worth the name (summer time). */
const LATEST_ERA_START = Date.UTC(2100, 0, 1) / 1000;
const eras = new Map<string, FixedEra | null>();

/**
 * The era of fixed offset that lasts to the end of the range (Asia/Shanghai: +08:00 since
 * 1991-09-15; UTC: always), or null when the zone still changes offset. From the platform's
 * time-zone data (zone-transitions.ts); UTC and fixed offsets (`+08:00`) never change.
 */
export function fixedEra(zone: string): FixedEra | null {
  let era = eras.get(zone);
  if (era === undefined) {
    if (isFixedZone(zone)) {
      era = { start: -Infinity, offset: Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).offsetNanoseconds / 1e9 };
    } else {
      const history = zoneHistory(zone);
      const last = history.previousChange(LAST_MOMENT);
      const start = last ?? -Infinity;
      era = start > LATEST_ERA_START ? null : { start, offset: history.offsetAt(LAST_MOMENT) };
    }
    eras.set(zone, era);
  }
  return era;
}

/** UTC, or an offset from it (`+08:00`): zones Temporal keeps without time-zone data, as their offset never changes. */
export function isFixedZone(zone: string): boolean {
  return /^[+\-\u2212]/.test(zone) || zone.toUpperCase() === 'UTC';
}

/** The zone whose era `lastEra` holds, kept apart so the common case is two comparisons. */
let lastZone = '';
let lastEra: FixedEra | null = null;

/** The offset of `zone` from UTC at `moment`, in seconds (Asia/Shanghai: 28800). */
export function offsetAt(zone: string, moment: number): number {
  if (zone !== lastZone) {
    lastEra = fixedEra(zone);
    lastZone = zone;
  }
  if (lastEra !== null && moment >= lastEra.start) return lastEra.offset;
  const quarter = Math.floor(moment / 900);
  const key = `${zone} ${quarter}`;
  const known = offsetCache.get(key);
  if (known !== undefined) return known;
  const offset = Temporal.Instant.fromEpochMilliseconds(quarter * 900_000).toZonedDateTimeISO(zone).offsetNanoseconds / 1e9;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The calendar date (day number) of a moment in `zone`. */
export function dayOfMoment(moment: number, zone: string): number {
  return Math.floor((moment + offsetAt(zone, moment)) / DAY_SECONDS);
}

/** The clock time (seconds since midnight) of a moment in `zone`. */
export function clockOfMoment(moment: number, zone: string): number {
  const local = moment + offsetAt(zone, moment);
  return local - Math.floor(local / DAY_SECONDS) * DAY_SECONDS;
}

/**
 * The moment of a calendar date and clock time in `zone`. A wall time a zone skips (a spring-forward
 * gap) is read as Temporal's `disambiguation: 'compatible'` does: as the time after the gap.
 */
export function momentOf(day: number, clock: number, zone: string): number {
  const local = day * DAY_SECONDS + clock;
  const guess = local - offsetAt(zone, local);
  const offset = offsetAt(zone, guess);
  if (offset === offsetAt(zone, local - offset)) return local - offset;
  const zdt = Temporal.PlainDateTime.from(`${isoDateOfDay(day)}T${clockText(clock).padEnd(8, ':00')}`).toZonedDateTime(zone);
  return Math.floor(zdt.epochMilliseconds / 1000);
}

/** The end of the calendar day of `moment` in `zone`: its last second, 23:59:59. */
export function endOfDay(moment: number, zone: string): number {
  return momentOf(dayOfMoment(moment, zone), DAY_SECONDS - 1, zone);
}

/** The first moment strictly after `moment` whose clock time in `zone` is `clock` (the next 09:00). */
export function nextClock(moment: number, clock: number, zone: string): number {
  const day = dayOfMoment(moment, zone);
  const today = momentOf(day, clock, zone);
  return today > moment ? today : momentOf(day + 1, clock, zone);
}

/** `moment` moved by whole calendar months in `zone`: the same clock time on the date addMonthsToDay gives. */
export function addMonthsToMoment(moment: number, months: number, zone: string): number {
  return momentOf(addMonthsToDay(dayOfMoment(moment, zone), months), clockOfMoment(moment, zone), zone);
}

/** A moment as ISO 8601 with the offset `zone` has then: `2026-12-02T11:30:00+08:00` (`Z` for UTC). */
export function isoMoment(moment: number, zone: string): string {
  const offset = offsetAt(zone, moment);
  const local = moment + offset;
  const day = Math.floor(local / DAY_SECONDS);
  const clock = local - day * DAY_SECONDS;
  const hm = clockText(clock);
  const time = hm.length === 5 ? `${hm}:00` : hm;
  return `${isoDateOfDay(day)}T${time}${offsetText(offset)}`;
}

function offsetText(offset: number): string {
  if (offset === 0) return 'Z';
  const abs = Math.abs(offset);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${h}:${m}`;
}

/** Why a text is not a moment. */
export type MomentError = 'no-offset' | 'date-only' | 'not-a-moment' | 'impossible';

const MOMENT = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|z|[+-]\d{2}:?\d{2})$/;
const MOMENT_NO_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Reads an ISO 8601 moment with an offset (`2026-12-02T09:30:00+08:00`, `…Z`; seconds optional,
 * a fraction of a second dropped) into seconds since the epoch. A moment without offset, or a bare
 * date, is refused: which moment it means would be a guess.
 */
export function parseMoment(text: string): { moment: number } | { error: MomentError } {
  const m = MOMENT.exec(text);
  if (!m) {
    if (MOMENT_NO_OFFSET.test(text)) return { error: 'no-offset' };
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { error: 'date-only' };
    return { error: 'not-a-moment' };
  }
  const day = dayOfIsoDate(m[1]);
  const clock = secondsOfClock(m[2]);
  if (day === undefined || clock === undefined) return { error: 'impossible' };
  const offset = readOffset(m[3]);
  if (offset === undefined) return { error: 'impossible' };
  return { moment: day * DAY_SECONDS + clock - offset };
}

function readOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 3600 + min * 60);
}
