/** Moments and days as the register stores them. */

/** The moment as stored: ISO 8601 in UTC with milliseconds, so stored moments sort and compare as text. */
export function storedMoment(moment: Date | string): string {
  const d = typeof moment === 'string' ? new Date(moment) : moment;
  return d.toISOString();
}

/** True for an ISO 8601 moment with an offset (or `Z`) that names a real instant. */
export function isMoment(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** True for a calendar day `YYYY-MM-DD` that exists. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * Formatters by kind and zone: building an Intl.DateTimeFormat costs far more than using one, and
 * a day's export formats tens of thousands of moments. The machine's zone is keyed by `TZ` so a
 * change of it is seen.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'day' | 'time', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? `default:${process.env.TZ ?? ''}`}`;
  let f = formatters.get(key);
  if (f === undefined) {
    // en-CA formats dates as YYYY-MM-DD; en-GB with h23 gives HH:MM.
    f = kind === 'day'
      ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}

/** The calendar day (YYYY-MM-DD) of a moment in a time zone (IANA name; default: the machine's). */
export function dayOf(moment: Date, timeZone?: string): string {
  return formatter('day', timeZone).format(moment);
}

/** The clock time (HH:MM, 24-hour) of a moment in a time zone (default: the machine's). */
export function timeOf(moment: Date, timeZone?: string): string {
  return formatter('time', timeZone).format(moment);
}

/** True for a time zone name the runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
