import { RegisterError } from './errors.js';
import type { Dialect, SqlDriver, SqlExecutor } from './sql/driver.js';

/**
 * The register's schema, as numbered migrations applied in order on first use and recorded in
 * `register_schema`. Both databases get the same tables from the same statements; only the
 * spelling of an auto-numbered key and of the append-only triggers differs. A migration, once
 * released, never changes: a new schema is a new migration at the end of the list.
 */

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: (dialect: Dialect) => readonly string[];
}

const serialKey: Record<Dialect, string> = {
  sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  postgres: 'INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
};

/** Columns fixed once an entry is recorded: what was decided, under which policy, when and by whom. */
const fixedColumns = 'recorded_at, day, staff, account, policy_id, policy_version, policy_hash, facts, outcome, due, labels';

/** Triggers that refuse to rewrite history: no update or delete of history, no delete of entries, no edit of what was decided. */
function appendOnlyGuards(dialect: Dialect): string[] {
  if (dialect === 'sqlite') {
    const refuse = (name: string, when: string): string =>
      `CREATE TRIGGER ${name} BEFORE ${when} BEGIN SELECT RAISE(ABORT, 'the after-sales register is append-only'); END`;
    return [
      refuse('register_history_no_update', 'UPDATE ON register_history'),
      refuse('register_history_no_delete', 'DELETE ON register_history'),
      refuse('register_entries_no_delete', 'DELETE ON register_entries'),
      refuse('register_entries_fixed', `UPDATE OF ${fixedColumns} ON register_entries`),
    ];
  }
  const refuse = (name: string, when: string): string =>
    `CREATE TRIGGER ${name} BEFORE ${when} FOR EACH ROW EXECUTE FUNCTION register_refuse_change()`;
  return [
    `CREATE FUNCTION register_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the after-sales register is append-only (% on %)', TG_OP, TG_TABLE_NAME; END $$`,
    refuse('register_history_append_only', 'UPDATE OR DELETE ON register_history'),
    refuse('register_entries_no_delete', 'DELETE ON register_entries'),
    refuse('register_entries_fixed', `UPDATE OF ${fixedColumns} ON register_entries`),
  ];
}

/** Every migration, oldest first. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'register entries and their append-only history',
    statements: (dialect) => [
      `CREATE TABLE register_entries (
        id ${serialKey[dialect]},
        recorded_at TEXT NOT NULL,
        day TEXT NOT NULL,
        staff TEXT NOT NULL,
        account TEXT,
        policy_id TEXT NOT NULL,
        policy_version TEXT,
        policy_hash TEXT NOT NULL,
        facts TEXT NOT NULL,
        outcome TEXT NOT NULL,
        owner TEXT,
        due TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'confirmed', 'cancelled')),
        labels TEXT NOT NULL
      )`,
      'CREATE INDEX register_entries_day ON register_entries (day, id)',
      'CREATE INDEX register_entries_due ON register_entries (due)',
      `CREATE TABLE register_history (
        id ${serialKey[dialect]},
        entry_id INTEGER NOT NULL REFERENCES register_entries (id),
        at TEXT NOT NULL,
        staff TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('recorded', 'status', 'note', 'reassign')),
        from_value TEXT,
        to_value TEXT,
        note TEXT
      )`,
      'CREATE INDEX register_history_entry ON register_history (entry_id, id)',
      ...appendOnlyGuards(dialect),
    ],
  },
];

/** The schema version this sopwright writes. */
export const schemaVersion = migrations[migrations.length - 1].version;

const tableExists: Record<Dialect, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
  postgres: 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?',
};

async function currentVersion(db: SqlExecutor, dialect: Dialect): Promise<number> {
  const found = await db.all(tableExists[dialect], ['register_schema']);
  if (found.length === 0) return 0;
  const [row] = await db.all<{ v: number | null }>('SELECT MAX(version) AS v FROM register_schema');
  return Number(row?.v ?? 0);
}

function newerSchema(found: number, where: string): RegisterError {
  return new RegisterError('newer-schema',
    `the register \`${where}\` has schema version ${found}, newer than this sopwright understands (${schemaVersion})`,
    'upgrade sopwright on this desk; every desk sharing a register must run a version that knows its schema');
}

/**
 * Brings the database to `schemaVersion`: nothing when it is there already, every missing
 * migration in one transaction otherwise. A database at a newer version is refused, never touched.
 */
export async function migrate(db: SqlDriver, list: readonly Migration[] = migrations): Promise<number> {
  const latest = list[list.length - 1].version;
  const before = await currentVersion(db, db.dialect);
  if (before > latest) throw newerSchema(before, db.where);
  if (before === latest) return before;
  return db.transaction(async (tx) => {
    // Two desks starting at once: PostgreSQL serialises them here (SQLite already holds the write lock).
    if (db.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(727274)');
    await tx.run('CREATE TABLE IF NOT EXISTS register_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const now = await currentVersion(tx, db.dialect);
    if (now > latest) throw newerSchema(now, db.where);
    for (const m of list.filter((m) => m.version > now)) {
      for (const sql of m.statements(db.dialect)) await tx.run(sql);
      await tx.run('INSERT INTO register_schema (version, description, applied_at) VALUES (?, ?, ?)', [m.version, m.description, new Date().toISOString()]);
    }
    return latest;
  });
}
