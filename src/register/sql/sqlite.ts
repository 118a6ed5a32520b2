import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { RegisterError } from '../errors.js';
import type { OpenOptions, SqlDriver, SqlExecutor, SqlValue } from './driver.js';

/**
 * The embedded register: one SQLite file through better-sqlite3, in WAL mode so readers never wait
 * for a writer, `synchronous=FULL` so a committed entry survives a crash, and a busy timeout so two
 * desks writing at once queue instead of failing. better-sqlite3 is synchronous; a promise-chain
 * lock keeps one transaction's statements from interleaving with another request's.
 */

/** A SQLite error turned into a RegisterError, or the error itself when it is not a user's problem. */
export function sqliteError(error: unknown, file: string): unknown {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new RegisterError('locked', `the register \`${file}\` is locked by another process`, 'wait for the other process to finish, or stop it; a desk waits a few seconds before giving up');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new RegisterError('read-only', `the register \`${file}\` cannot be written (read-only)`, 'give the user running sopwright write access to the file and its directory');
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new RegisterError('unavailable', `\`${file}\` is not a sopwright register (not a readable SQLite database)`, 'pass the register file with `--db FILE`, or a new file name to start one');
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new RegisterError('unavailable', `cannot open the register \`${file}\`: ${(error as Error).message}`, 'check that the directory exists and that sopwright may read and write it');
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
    return new RegisterError('unavailable', `cannot write the register \`${file}\`: ${(error as Error).message}`);
  }
  return error;
}

/** Opens (or creates) a SQLite register file. */
export async function openSqlite(file: string, opts: OpenOptions): Promise<SqlDriver> {
  if (!opts.create && file !== ':memory:' && !existsSync(file)) {
    throw new RegisterError('missing', `there is no register at \`${file}\``, 'recording the first case creates it; or pass the register with `--db FILE|URL`');
  }
  if (opts.create && file !== ':memory:' && !existsSync(dirname(file))) {
    throw new RegisterError('missing', `cannot create the register \`${file}\`: the folder \`${dirname(file)}\` does not exist`, 'create the folder first, or pass another file with `--db FILE`');
  }
  // Loaded here: only commands that open a register pay for the native module.
  const { default: Database } = await import('better-sqlite3');
  let db: BetterSqlite3.Database;
  try {
    db = new Database(file, { fileMustExist: !opts.create, timeout: opts.lockTimeoutMs, readonly: opts.readonly === true });
    db.pragma('foreign_keys = ON');
    // WAL needs a write the first time; a file opened read-only keeps the mode it has.
    if (!opts.readonly && db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  } catch (error) {
    throw sqliteError(error, file);
  }
  return new SqliteDriver(db, file);
}

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlExecutor;

  constructor(
    private readonly db: BetterSqlite3.Database,
    readonly where: string,
  ) {
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) => this.guard(() => this.prepare(sql).all(...params) as T[]),
      run: async (sql: string, params: readonly SqlValue[] = []) => this.guard(() => this.prepare(sql).run(...params).changes),
    };
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw sqliteError(error, this.where);
    }
  }

  /** Runs `fn` after everything queued before it. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.serial(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.serial(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.serial(async () => this.guard(() => void this.db.exec(sql)));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      // IMMEDIATE takes the write lock now, so two desks queue on the busy timeout
      // instead of both reading and one failing at its first write.
      this.guard(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.direct);
        this.guard(() => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.db.open) this.db.close();
  }
}
