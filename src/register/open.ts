import { migrate } from './migrations.js';
import { Register, type RegisterOptions } from './store.js';
import { defaultLockTimeoutMs, type SqlDriver } from './sql/driver.js';
import { openPostgres } from './sql/postgres.js';
import { openSqlite } from './sql/sqlite.js';

/** Opening a register: pick the database from its location, connect, migrate on first use. */

/** The register file used when `--db` is not given: in the working directory. */
export const defaultRegisterFile = 'sopwright.db';

/** True for a PostgreSQL connection URL (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** How to open a register. */
export interface OpenRegisterOptions extends RegisterOptions {
  /** Create a missing SQLite file (recording does; reading commands report it missing). Default: true. */
  readonly create?: boolean;
  /** Only read (list, show, export): never creates, and a file the user may only read still opens. */
  readonly readonly?: boolean;
  /** How long to wait for another desk's lock, in ms. */
  readonly lockTimeoutMs?: number;
}

/** Connects to the database at `location` (a file, or a PostgreSQL URL). */
export async function openDatabase(location: string, opts: OpenRegisterOptions = {}): Promise<SqlDriver> {
  const open = { create: !opts.readonly && (opts.create ?? true), readonly: opts.readonly === true, lockTimeoutMs: opts.lockTimeoutMs ?? defaultLockTimeoutMs };
  return isPostgresUrl(location) ? openPostgres(location, open) : openSqlite(location, open);
}

/** Opens the register at `location`, bringing its schema up to date. Throws a RegisterError for a user's problem. */
export async function openRegister(location: string, opts: OpenRegisterOptions = {}): Promise<Register> {
  const db = await openDatabase(location, opts);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new Register(db, opts);
}
