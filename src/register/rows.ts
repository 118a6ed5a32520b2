import { isEntryStatus, type EntryLabels, type EntryNote, type HistoryEvent, type RegisterEntry } from './entry.js';
import type { EntryRow, HistoryRow } from './queries.js';

/** Stored rows → the entry the API and the CLI show. */

/** A history row as an event. */
export function toEvent(row: HistoryRow): HistoryEvent {
  return {
    at: row.at,
    staff: row.staff,
    kind: row.kind as HistoryEvent['kind'],
    from: row.from_value,
    to: row.to_value,
    note: row.note,
  };
}

/** The notes staff wrote, oldest first: every history event that carries one. */
export function notesOf(history: readonly HistoryEvent[]): EntryNote[] {
  return history.filter((h) => h.note !== null).map((h) => ({ at: h.at, staff: h.staff, text: h.note! }));
}

/** An entry row with its history. */
export function toEntry(row: EntryRow, history: readonly HistoryEvent[]): RegisterEntry {
  if (!isEntryStatus(row.status)) throw new Error(`internal error: entry ${row.id} has the unknown status \`${row.status}\``);
  return {
    id: Number(row.id),
    recorded_at: row.recorded_at,
    day: row.day,
    staff: row.staff,
    account: row.account,
    policy: { id: row.policy_id, version: row.policy_version, hash: row.policy_hash },
    case: JSON.parse(row.facts) as Record<string, unknown>,
    outcome: row.outcome,
    owner: row.owner,
    due: row.due,
    status: row.status,
    labels: JSON.parse(row.labels) as EntryLabels,
    notes: notesOf(history),
    history,
  };
}
