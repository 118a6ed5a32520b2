/**
 * The little the register needs from a database: run parameterised SQL, in a transaction when
 * asked. SQLite and PostgreSQL each implement it; the queries (queries.ts) are written once, with
 * `?` placeholders, and the PostgreSQL driver numbers them (`$1`, `$2`…).
 */

/** The databases the register runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** A value bound to a placeholder. */
export type SqlValue = string | number | null;

/** Runs statements (on the connection, or inside one transaction). */
export interface SqlExecutor {
  /** Rows of a query (or of a statement with `RETURNING`). */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** An open database. */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Where the database is, for messages (a PostgreSQL URL without its password). */
  readonly where: string;
  /**
   * Runs `fn` in one transaction that holds the write lock from its start (SQLite `BEGIN
   * IMMEDIATE`), committed when `fn` resolves and rolled back when it throws.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs statements that only this dialect needs (DDL differences in migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Options shared by both drivers. */
export interface OpenOptions {
  /** Create the database when it does not exist (SQLite files only); reading commands do not. */
  readonly create: boolean;
  /** Open for reading only (listing and exporting): a file the user may only read still opens. */
  readonly readonly?: boolean;
  /** How long to wait for another process's lock before giving up, in ms. */
  readonly lockTimeoutMs: number;
}

/** How long a desk waits for another desk's write by default: long enough for any one write. */
export const defaultLockTimeoutMs = 5000;

/** `?` placeholders → PostgreSQL's `$1…$n`. Our SQL has no `?` inside literals, so a plain scan is enough. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
