import { canMove, entryStatuses, isEntryStatus, nextStatuses, type EntryStatus, type HistoryEvent, type NewEntry, type RegisterEntry } from './entry.js';
import { RegisterError } from './errors.js';
import * as q from './queries.js';
import { toEntry, toEvent } from './rows.js';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql/driver.js';
import { dayOf, isDay, storedMoment } from './time.js';

/**
 * The after-sales register: record a case, read entries, move a case along its status, add notes,
 * reassign. Every change is one transaction that updates the entry's current state and appends
 * to its history together, so a crash leaves either both or neither.
 */

/** What a list asks for; every filter is optional. */
export interface ListQuery {
  readonly day?: string;
  readonly status?: EntryStatus;
  readonly owner?: string;
  readonly outcome?: string;
  /** Only cases past their due moment (at the register's clock) and not yet done. */
  readonly overdue?: boolean;
  /** Page size: 1 to `maxPage` (default 50). */
  readonly limit?: number;
  /** The `next` cursor of the previous page. */
  readonly after?: string;
}

/** One page of entries and the cursor of the next, or null on the last page. */
export interface EntryPage {
  readonly entries: readonly RegisterEntry[];
  readonly next: string | null;
}

/** A change staff make to an entry. */
export interface Change {
  readonly staff: string;
  readonly note?: string | null;
}

export const defaultPage = 50;
export const maxPage = 1000;
const maxText = 4000;

/** Options of a register. */
export interface RegisterOptions {
  /** The clock (tests inject one); default: the system clock. */
  readonly clock?: () => Date;
  /** The time zone whose calendar days the register is kept in (IANA); default: the machine's. */
  readonly timeZone?: string;
}

function text(field: string, value: unknown, opts: { required: boolean }): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '' && !opts.required)) {
    if (opts.required) throw new RegisterError('invalid-input', `\`${field}\` is required`, `give \`${field}\` as a non-empty text`);
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') throw new RegisterError('invalid-input', `\`${field}\` must be a non-empty text, got ${JSON.stringify(value)}`);
  if (value.length > maxText) throw new RegisterError('invalid-input', `\`${field}\` is ${value.length} characters long; at most ${maxText} are allowed`);
  return value.trim();
}

/** The register on an open database (already migrated: see open.ts). */
export class Register {
  private readonly clock: () => Date;
  private readonly timeZone: string | undefined;

  constructor(
    private readonly db: SqlDriver,
    opts: RegisterOptions = {},
  ) {
    this.clock = opts.clock ?? (() => new Date());
    this.timeZone = opts.timeZone;
  }

  /** Where the register is, for messages. */
  get where(): string {
    return this.db.where;
  }

  /** The register's current moment. */
  now(): Date {
    return this.clock();
  }

  /** The day (YYYY-MM-DD) of a moment in the register's time zone; today by default. */
  day(moment: Date = this.clock()): string {
    return dayOf(moment, this.timeZone);
  }

  /** Records a case as a new `open` entry. */
  async record(entry: NewEntry): Promise<RegisterEntry> {
    const staff = text('staff', entry.staff, { required: true })!;
    const note = text('note', entry.note, { required: false });
    const account = text('account', entry.account, { required: false });
    const at = this.clock();
    const recordedAt = storedMoment(at);
    const due = entry.due === null ? null : storedMoment(entry.due);
    const params: SqlValue[] = [recordedAt, this.day(at), staff, account, entry.policy.id, entry.policy.version, entry.policy.hash,
      JSON.stringify(entry.facts), entry.outcome, entry.owner, due, JSON.stringify(entry.labels)];
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.all<{ id: number }>(q.insertEntry, params);
      await tx.run(q.insertHistory, [row.id, recordedAt, staff, 'recorded', null, 'open', note]);
      return Number(row.id);
    });
    const history: HistoryEvent[] = [{ at: recordedAt, staff, kind: 'recorded', from: null, to: 'open', note }];
    return { id, recorded_at: recordedAt, day: this.day(at), staff, account, policy: entry.policy, case: entry.facts,
      outcome: entry.outcome, owner: entry.owner, due, status: 'open', labels: entry.labels,
      notes: note === null ? [] : [{ at: recordedAt, staff, text: note }], history };
  }

  /** One entry with its full history. */
  async get(id: number): Promise<RegisterEntry> {
    return this.read(this.db, id);
  }

  private async read(db: SqlExecutor, id: number): Promise<RegisterEntry> {
    if (!Number.isSafeInteger(id) || id < 1) throw new RegisterError('not-found', `there is no register entry ${JSON.stringify(id)}`, 'entry ids are whole numbers from 1');
    const [row] = await db.all<q.EntryRow>(q.selectEntry, [id]);
    if (row === undefined) throw new RegisterError('not-found', `there is no register entry ${id}`);
    const history = (await db.all<q.HistoryRow>(q.selectHistory, [id])).map(toEvent);
    return toEntry(row, history);
  }

  /** A page of entries matching the query, oldest first, each with its history. */
  async list(query: ListQuery = {}): Promise<EntryPage> {
    const limit = query.limit ?? defaultPage;
    if (!Number.isInteger(limit) || limit < 1 || limit > maxPage) throw new RegisterError('invalid-input', `\`limit\` must be a whole number from 1 to ${maxPage}, got ${JSON.stringify(query.limit)}`);
    if (query.day !== undefined && !isDay(query.day)) throw new RegisterError('invalid-input', `\`day\` must be a date YYYY-MM-DD, got ${JSON.stringify(query.day)}`, 'for example `2026-12-02`');
    if (query.status !== undefined && !isEntryStatus(query.status)) throw new RegisterError('invalid-input', `\`status\` must be one of open, in_progress, done, confirmed, cancelled; got ${JSON.stringify(query.status)}`, undefined, entryStatuses);
    if (query.after !== undefined && !/^[1-9]\d{0,14}$/.test(query.after)) throw new RegisterError('invalid-input', `\`after\` must be the \`next\` cursor of an earlier page, got ${JSON.stringify(query.after)}`);
    const filters: (keyof typeof q.listFilters)[] = [];
    const params: SqlValue[] = [];
    const add = (f: keyof typeof q.listFilters, v: SqlValue): void => void (filters.push(f), params.push(v));
    if (query.day !== undefined) add('day', query.day);
    if (query.status !== undefined) add('status', query.status);
    if (query.owner !== undefined) add('owner', query.owner);
    if (query.outcome !== undefined) add('outcome', query.outcome);
    if (query.overdue) add('overdue', storedMoment(this.clock()));
    if (query.after !== undefined) add('after', Number(query.after));
    const rows = await this.db.all<q.EntryRow>(q.listEntries(filters), [...params, limit + 1]);
    const page = rows.slice(0, limit);
    const histories = await this.histories(page);
    const entries = page.map((r) => toEntry(r, histories.get(Number(r.id)) ?? []));
    return { entries, next: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  /** Every entry matching the query, page by page (exports of a whole day). */
  async *all(query: Omit<ListQuery, 'limit' | 'after'> = {}): AsyncGenerator<RegisterEntry> {
    let after: string | undefined;
    do {
      const page = await this.list({ ...query, limit: maxPage, after });
      yield* page.entries;
      after = page.next ?? undefined;
    } while (after !== undefined);
  }

  private async histories(rows: readonly q.EntryRow[]): Promise<Map<number, HistoryEvent[]>> {
    const byEntry = new Map<number, HistoryEvent[]>();
    if (rows.length === 0) return byEntry;
    const ids = new Set(rows.map((r) => Number(r.id)));
    // One range query for the page (ids ascend); rows of entries outside the page are skipped.
    const all = await this.db.all<q.HistoryRow>(q.selectHistoryRange, [Number(rows[0].id), Number(rows[rows.length - 1].id)]);
    for (const h of all) {
      const id = Number(h.entry_id);
      if (!ids.has(id)) continue;
      const list = byEntry.get(id) ?? [];
      list.push(toEvent(h));
      byEntry.set(id, list);
    }
    return byEntry;
  }

  /** Moves a case to another status; a move the rules forbid, or that another desk made first, is refused. */
  async move(id: number, status: unknown, change: Change): Promise<RegisterEntry> {
    if (!isEntryStatus(status)) throw new RegisterError('invalid-input', `\`status\` must be one of open, in_progress, done, confirmed, cancelled; got ${JSON.stringify(status)}`, undefined, entryStatuses);
    const staff = text('staff', change.staff, { required: true })!;
    const note = text('note', change.note, { required: false });
    return this.db.transaction(async (tx) => {
      const entry = await this.read(tx, id);
      if (!canMove(entry.status, status)) {
        const allowed = nextStatuses(entry.status);
        throw new RegisterError('invalid-transition', `entry ${id} is \`${entry.status}\` and cannot move to \`${status}\``,
          allowed.length === 0 ? `\`${entry.status}\` is final` : `from \`${entry.status}\` a case moves to ${allowed.map((s) => `\`${s}\``).join(' or ')}`, allowed);
      }
      const changed = await tx.run(q.moveStatus, [status, id, entry.status]);
      if (changed !== 1) throw new RegisterError('invalid-transition', `entry ${id} was changed by another desk meanwhile`, 'reload it and try again');
      const at = storedMoment(this.clock());
      await tx.run(q.insertHistory, [id, at, staff, 'status', entry.status, status, note]);
      return this.read(tx, id);
    });
  }

  /** Adds a note to a case's history. */
  async addNote(id: number, change: Change): Promise<RegisterEntry> {
    const staff = text('staff', change.staff, { required: true })!;
    const note = text('note', change.note, { required: true })!;
    return this.db.transaction(async (tx) => {
      await this.read(tx, id);
      await tx.run(q.insertHistory, [id, storedMoment(this.clock()), staff, 'note', null, null, note]);
      return this.read(tx, id);
    });
  }

  /** Hands a case to another owner department. */
  async reassign(id: number, owner: unknown, change: Change): Promise<RegisterEntry> {
    const to = text('owner', owner, { required: true })!;
    const staff = text('staff', change.staff, { required: true })!;
    const note = text('note', change.note, { required: false });
    return this.db.transaction(async (tx) => {
      const entry = await this.read(tx, id);
      const changed = await tx.run(q.reassignOwner, [to, id, entry.owner]);
      if (changed !== 1) throw new RegisterError('invalid-transition', `entry ${id} was changed by another desk meanwhile`, 'reload it and try again');
      await tx.run(q.insertHistory, [id, storedMoment(this.clock()), staff, 'reassign', entry.owner, to, note]);
      return this.read(tx, id);
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
