/**
 * Every statement the register runs, written once for both databases (`?` placeholders; the
 * PostgreSQL driver numbers them). Values always travel as parameters; the only SQL assembled at
 * run time is the list filter, from the fixed fragments below.
 */

const entryColumns = 'id, recorded_at, day, staff, account, policy_id, policy_version, policy_hash, facts, outcome, owner, due, status, labels';

export const insertEntry = `INSERT INTO register_entries
  (recorded_at, day, staff, account, policy_id, policy_version, policy_hash, facts, outcome, owner, due, status, labels)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id`;

export const insertHistory = `INSERT INTO register_history (entry_id, at, staff, kind, from_value, to_value, note)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

export const selectEntry = `SELECT ${entryColumns} FROM register_entries WHERE id = ?`;

/** Moves the status only if it is still what the caller saw: a second desk's move loses cleanly. */
export const moveStatus = 'UPDATE register_entries SET status = ? WHERE id = ? AND status = ?';

/** Reassigns only if the owner is still what the caller saw (`IS NOT DISTINCT FROM` so that null compares; SQLite ≥ 3.39 has it too). */
export const reassignOwner = 'UPDATE register_entries SET owner = ? WHERE id = ? AND owner IS NOT DISTINCT FROM ?';

export const selectHistory = `SELECT entry_id, at, staff, kind, from_value, to_value, note
  FROM register_history WHERE entry_id = ? ORDER BY id`;

export const selectHistoryRange = `SELECT entry_id, at, staff, kind, from_value, to_value, note
  FROM register_history WHERE entry_id >= ? AND entry_id <= ? ORDER BY entry_id, id`;

/** The filters a list may combine, each a fixed fragment with its parameters. */
export const listFilters = {
  day: 'day = ?',
  status: 'status = ?',
  owner: 'owner = ?',
  outcome: 'outcome = ?',
  overdue: "due IS NOT NULL AND due < ? AND status IN ('open', 'in_progress')",
  after: 'id > ?',
} as const;

/** A page of entries matching the filters, oldest first; one more than the page is asked for to tell if there is a next. */
export function listEntries(filters: readonly (keyof typeof listFilters)[]): string {
  const where = filters.length === 0 ? '' : ` WHERE ${filters.map((f) => listFilters[f]).join(' AND ')}`;
  return `SELECT ${entryColumns} FROM register_entries${where} ORDER BY id LIMIT ?`;
}

/** The row as stored. */
export interface EntryRow {
  readonly id: number;
  readonly recorded_at: string;
  readonly day: string;
  readonly staff: string;
  readonly account: string | null;
  readonly policy_id: string;
  readonly policy_version: string | null;
  readonly policy_hash: string;
  readonly facts: string;
  readonly outcome: string;
  readonly owner: string | null;
  readonly due: string | null;
  readonly status: string;
  readonly labels: string;
}

/** A history row as stored. */
export interface HistoryRow {
  readonly entry_id: number;
  readonly at: string;
  readonly staff: string;
  readonly kind: string;
  readonly from_value: string | null;
  readonly to_value: string | null;
  readonly note: string | null;
}
