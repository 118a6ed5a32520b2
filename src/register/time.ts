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

/** The calendar day (YYYY-MM-DD) of a moment in a time zone (IANA name; default: the machine's). */
export function dayOf(moment: Date, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
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
