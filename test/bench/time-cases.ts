import { seededRandom } from '../support/generate-policy.js';
import type { TimeCase } from './time-hand-written.js';

/**
 * Seeded cases of the time-heavy benchmark policy (test/fixtures/time/service.sop), every fact
 * present and within its rules (orders not after now, faults not before the purchase). Moments
 * favour the edges: 12 hours and a second either side, 09:00 and 23:30, 08:00 and 16:00, an hour
 * and a day ahead, the second anniversary of the purchase (29 February included).
 */

const REQUESTS = ['repair', 'unpaid', 'booking', 'part'];
const H = 3600;
const DAY = 86_400;
/** 2026-01-01T00:00:00+08:00. */
const BASE = Date.UTC(2025, 11, 31, 16) / 1000;
const CLOCK_EDGES = [0, 8 * H, 9 * H - 1, 9 * H, 16 * H, 16 * H + 1, 23 * H + 30 * 60 - 1, 23 * H + 30 * 60, DAY - 1];

export function generateTimeCases(count: number, seed = 20261203): TimeCase[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const out: TimeCase[] = [];
  for (let i = 0; i < count; i++) {
    const day = BASE + int(365) * DAY;
    const now = day + (random() < 0.5 ? pick(CLOCK_EDGES) : int(DAY));
    const ordered_at = now - (random() < 0.5 ? pick([12 * H - 1, 12 * H, 12 * H + 1, 0]) : int(2 * DAY));
    const reported_at = now - (random() < 0.5 ? int(DAY) : 0) - (random() < 0.3 ? now - day - pick(CLOCK_EDGES) : 0);
    const reportedDay = Math.floor((reported_at + 8 * H) / DAY);
    const purchased_on = random() < 0.1 ? Date.UTC(2024, 1, 29) / 86_400_000 : reportedDay - (random() < 0.5 ? pick([729, 730, 731, 732]) : int(1000));
    const appointment_at = now + (random() < 0.5 ? pick([H - 1, H, DAY, DAY + 1]) : int(2 * DAY) - H);
    out.push({ request: pick(REQUESTS), problem: random() < 0.3 ? 'special' : 'ordinary', now, purchased_on: Math.min(purchased_on, reportedDay), reported_at, ordered_at, appointment_at });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A case as a JSON Lines record writes it: ISO moments (with +08:00, or Z for one in three), ISO dates. */
export function toTimeRecord(c: TimeCase, i: number): Record<string, string> {
  const moment = (s: number) => {
    const utc = i % 3 === 0;
    const d = new Date((s + (utc ? 0 : 8 * H)) * 1000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${utc ? 'Z' : '+08:00'}`;
  };
  const date = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  return {
    request: c.request, problem: c.problem, now: moment(c.now), purchased_on: date(c.purchased_on),
    reported_at: moment(c.reported_at), ordered_at: moment(c.ordered_at), appointment_at: moment(c.appointment_at),
  };
}

/** The plain pipeline's reading of a record: Date.parse for moments and dates, nothing validated. */
export function fromTimeRecord(r: Record<string, string>): TimeCase {
  return {
    request: r.request, problem: r.problem, now: Date.parse(r.now) / 1000, purchased_on: Date.parse(r.purchased_on) / 86_400_000,
    reported_at: Date.parse(r.reported_at) / 1000, ordered_at: Date.parse(r.ordered_at) / 1000, appointment_at: Date.parse(r.appointment_at) / 1000,
  };
}

/** A due moment as the plain pipeline prints it: ISO 8601 at +08:00. */
export function dueText(s: number): string {
  return `${new Date((s + 8 * H) * 1000).toISOString().slice(0, 19)}+08:00`;
}
