/**
 * The time-heavy benchmark policy (test/fixtures/time/service.sop) written by hand as plain
 * JavaScript, the way a performance-minded engineer would: epoch seconds and day numbers, the
 * zone's fixed offset (Asia/Shanghai, +08:00) added by hand, `Date.UTC` for the calendar years.
 * It is the yardstick of the time benchmark: it assumes every fact is present.
 */

/** A case as run-time values: moments in epoch seconds, dates as day numbers since 1970-01-01. */
export interface TimeCase {
  readonly request: string;
  readonly problem: string;
  readonly now: number;
  readonly purchased_on: number;
  readonly reported_at: number;
  readonly ordered_at: number;
  readonly appointment_at: number;
}

export interface TimeResult {
  readonly outcome: string;
  readonly due: number;
}

const OFFSET = 8 * 3600;
const DAY = 86_400;

const dayOf = (m: number) => Math.floor((m + OFFSET) / DAY);
const clockOf = (m: number) => m + OFFSET - dayOf(m) * DAY;
/** The first moment strictly after `m` at clock time `c`. */
const nextClock = (m: number, c: number) => {
  const today = dayOf(m) * DAY + c - OFFSET;
  return today > m ? today : today + DAY;
};
/** A day number two calendar years on (29 February → 28 February). */
const plusTwoYears = (day: number) => {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear() + 2;
  const m = d.getUTCMonth();
  let dd = d.getUTCDate();
  if (m === 1 && dd === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) dd = 28;
  return Date.UTC(y, m, dd) / 86_400_000;
};

export function decideTimeByHand(c: TimeCase): TimeResult {
  switch (c.request) {
    case 'repair': {
      if (dayOf(c.reported_at) <= plusTwoYears(c.purchased_on)) {
        if (c.problem === 'special') return { outcome: 'free_repair', due: c.reported_at + 24 * 3600 };
        const t = clockOf(c.reported_at);
        if (t >= 8 * 3600 && t <= 16 * 3600) return { outcome: 'free_repair', due: c.reported_at + 2 * 3600 };
        return { outcome: 'free_repair', due: nextClock(c.reported_at, 10 * 3600) };
      }
      return { outcome: 'paid_repair', due: c.reported_at + 2 * 3600 };
    }
    case 'unpaid': {
      if (c.now - c.ordered_at < 12 * 3600) return { outcome: 'wait_for_payment', due: c.ordered_at + 12 * 3600 };
      const t = clockOf(c.now);
      if (t >= 9 * 3600 && t < 23 * 3600 + 30 * 60) return { outcome: 'remind_payment', due: c.now + 30 * 60 };
      return { outcome: 'remind_next_morning', due: nextClock(c.now, 9 * 3600) };
    }
    case 'booking': {
      const ahead = c.appointment_at - c.now;
      if (ahead >= 3600 && ahead <= DAY) return { outcome: 'confirm_booking', due: c.appointment_at };
      return { outcome: 'rebook', due: c.now + 30 * 60 };
    }
    default:
      return { outcome: 'sell_part', due: (dayOf(c.now) + 1) * DAY - 1 - OFFSET };
  }
}
