import { isOverdue, type RegisterEntry } from './entry.js';
import { dayOf, timeOf } from './time.js';
import { registerWords, sheetColumns, textIn, type SheetColumn } from './words.js';

/**
 * The register as a shop reads it: one row per entry in the columns of the paper register
 * (date, account, problem, outcome, owner, due, status, notes), and the exports built on it.
 */

/** One row of the daily register, already in words. */
export interface SheetRow {
  readonly id: number;
  readonly recorded: string;
  readonly staff: string;
  readonly cells: Readonly<Record<SheetColumn, string>>;
  readonly overdue: boolean;
}

/** Options of the row builder. */
export interface SheetOptions {
  readonly locale: string;
  /** The zone whose clock times are shown (IANA); default: the machine's. */
  readonly timeZone?: string;
  /** The moment overdue is judged at. */
  readonly now: Date;
}

/** A moment as local `YYYY-MM-DD HH:MM`. */
export function localMoment(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  return `${dayOf(d, timeZone)} ${timeOf(d, timeZone)}`;
}

/** An entry as a row of the daily register. */
export function sheetRow(entry: RegisterEntry, opts: SheetOptions): SheetRow {
  const words = registerWords(opts.locale);
  const overdue = isOverdue(entry, opts.now);
  return {
    id: entry.id,
    recorded: localMoment(entry.recorded_at, opts.timeZone),
    staff: entry.staff,
    overdue,
    cells: {
      date: entry.day,
      account: entry.account ?? '',
      problem: textIn(entry.labels.problem, opts.locale),
      outcome: textIn(entry.labels.outcome, opts.locale),
      owner: textIn(entry.labels.owner, opts.locale),
      due: entry.due === null ? '' : localMoment(entry.due, opts.timeZone),
      status: words.status[entry.status] + (overdue ? `（${words.overdue}）` : ''),
      notes: entry.notes.map((n) => `${n.staff}: ${n.text}`).join('; '),
    },
  };
}

/** One CSV field (RFC 4180); a cell a spreadsheet would run as a formula is prefixed with `'`. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The day's register as CSV with a header row in the locale's words. It starts with a byte-order
 * mark so spreadsheet programs read the Chinese as UTF-8; lines end in CRLF as RFC 4180 has it.
 */
export function toCsv(rows: readonly SheetRow[], locale: string): string {
  const words = registerWords(locale);
  const lines = [sheetColumns.map((c) => csvField(words.columns[c])).join(',')];
  for (const row of rows) lines.push(sheetColumns.map((c) => csvField(row.cells[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The day's cases as JSON Lines, one case per line as it was given: `eval --cases` replays them. */
export function toJsonl(entries: readonly RegisterEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e.case)}\n`).join('');
}
