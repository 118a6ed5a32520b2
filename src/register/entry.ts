/**
 * The after-sales register's data: an entry per recorded case and its append-only history.
 * The entry's `status` and `owner` are the current state; every change that led there is a
 * history event, so the register is an audit trail (nothing is overwritten or deleted).
 */

/** Where a case stands: open → in_progress → done → confirmed, or cancelled on the way. */
export type EntryStatus = 'open' | 'in_progress' | 'done' | 'confirmed' | 'cancelled';

/** Every status, in the order a case moves through them. */
export const entryStatuses: readonly EntryStatus[] = ['open', 'in_progress', 'done', 'confirmed', 'cancelled'];

/**
 * The moves staff may make. `done → in_progress` reopens a case the customer has not accepted
 * (the SOP tracks a case until the transaction is confirmed); confirmed and cancelled are final.
 */
const moves: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  open: ['in_progress', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: ['confirmed', 'in_progress', 'cancelled'],
  confirmed: [],
  cancelled: [],
};

/** The statuses a case in `from` may move to. */
export function nextStatuses(from: EntryStatus): readonly EntryStatus[] {
  return moves[from];
}

/** True when staff may move a case from one status to the other. */
export function canMove(from: EntryStatus, to: EntryStatus): boolean {
  return moves[from].includes(to);
}

/** Statuses still being worked on: a case in one of them past its due moment is overdue. */
export const activeStatuses: readonly EntryStatus[] = ['open', 'in_progress'];

/** True for a known status name. */
export function isEntryStatus(s: unknown): s is EntryStatus {
  return typeof s === 'string' && (entryStatuses as readonly string[]).includes(s);
}

/** A text in each of the policy's locales (`{ 'zh-CN': '部分退款', en: 'Partial refund' }`). */
export type Texts = Readonly<Record<string, string>>;

/** The policy a case was decided under: kept with the entry, so a later policy change rewrites nothing. */
export interface PolicyRef {
  readonly id: string;
  readonly version: string | null;
  /** SHA-256 of the policy's source texts, entry file first. */
  readonly hash: string;
}

/** What the desk shows without the policy: labels as the policy had them when the case was decided. */
export interface EntryLabels {
  readonly outcome: Texts;
  readonly owner: Texts | null;
  /** The facts that chose the first branch (usually the kind of problem), described. */
  readonly problem: Texts;
}

/** What is recorded for a new case (the store adds the id, the moment and the status). */
export interface NewEntry {
  readonly staff: string;
  /** The customer's account name (旺旺名), when staff gave it. */
  readonly account: string | null;
  readonly policy: PolicyRef;
  /** The case's facts as given (JSON: money in yuan), so the case can be replayed. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly outcome: string;
  /** The owner department id. */
  readonly owner: string | null;
  /** The due moment (ISO 8601), when the evaluation computed one. */
  readonly due: string | null;
  readonly labels: EntryLabels;
  readonly note: string | null;
}

/** One event in an entry's history. */
export interface HistoryEvent {
  readonly at: string;
  readonly staff: string;
  readonly kind: 'recorded' | 'status' | 'note' | 'reassign';
  /** The previous status or owner (status and reassign events). */
  readonly from: string | null;
  /** The new status or owner (recorded: `open`). */
  readonly to: string | null;
  readonly note: string | null;
}

/** A note as the desk lists it. */
export interface EntryNote {
  readonly at: string;
  readonly staff: string;
  readonly text: string;
}

/** A register entry as the API, the CLI and the desk see it. */
export interface RegisterEntry {
  readonly id: number;
  readonly recorded_at: string;
  /** The day of recording (YYYY-MM-DD) in the register's time zone. */
  readonly day: string;
  readonly staff: string;
  readonly account: string | null;
  readonly policy: PolicyRef;
  readonly case: Readonly<Record<string, unknown>>;
  readonly outcome: string;
  readonly owner: string | null;
  readonly due: string | null;
  readonly status: EntryStatus;
  readonly labels: EntryLabels;
  readonly notes: readonly EntryNote[];
  readonly history: readonly HistoryEvent[];
}

/** True when the case is still being worked on and its due moment has passed. */
export function isOverdue(entry: Pick<RegisterEntry, 'due' | 'status'>, now: Date): boolean {
  return entry.due !== null && activeStatuses.includes(entry.status) && Date.parse(entry.due) < now.getTime();
}
