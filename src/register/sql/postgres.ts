import type { Pool, PoolClient } from 'pg';
import { RegisterError } from '../errors.js';
import { numberPlaceholders, type OpenOptions, type SqlDriver, type SqlExecutor, type SqlValue } from './driver.js';

/**
 * The shared register: a PostgreSQL database that several desks use at once, through a small
 * `pg` pool. Statements are the same as SQLite's with `$n` placeholders; `lock_timeout` bounds the
 * wait for another desk's lock as SQLite's busy timeout does.
 */

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** A PostgreSQL or connection error turned into a RegisterError, or the error itself. */
export function postgresError(error: unknown, where: string): unknown {
  const e = error as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  const message = e?.message ?? String(error);
  if (code === '3D000') {
    return new RegisterError('missing', `there is no PostgreSQL database at \`${where}\` (${message})`, 'create it first (`createdb NAME`); sopwright creates its tables itself');
  }
  if (code === '25006' || code === '42501') {
    return new RegisterError('read-only', `the register at \`${where}\` cannot be written: ${message}`, 'connect as a role that may create tables and insert rows in that database');
  }
  if (code === '55P03' || code === '40P01' || code === '57014') {
    return new RegisterError('locked', `the register at \`${where}\` is locked by another session: ${message}`, 'wait for the other session to finish, or end it');
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'EAI_AGAIN' || code.startsWith('28') || code.startsWith('08') || code === '57P03' || code === '53300') {
    return new RegisterError('unavailable', `cannot reach the register at \`${where}\`: ${message || code}`, 'check that PostgreSQL is running and that the URL, user and password are right');
  }
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return new RegisterError('unavailable', `cannot reach the register at \`${where}\`: ${message}`, 'check that PostgreSQL is running and that the URL is right');
  }
  return error;
}

/** Connects to a PostgreSQL register (the database must exist; the tables are created on first use). */
export async function openPostgres(url: string, opts: OpenOptions): Promise<SqlDriver> {
  const where = redactUrl(url);
  // Loaded here: only a shop that points sopwright at PostgreSQL pays for the client.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: Math.max(opts.lockTimeoutMs, 1000),
    options: `-c lock_timeout=${Math.round(opts.lockTimeoutMs)}`,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const driver = new PostgresDriver(pool, where);
  try {
    await driver.all('SELECT 1 AS ok');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return driver;
}

function executor(target: Pool | PoolClient, where: string): SqlExecutor {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => {
      try {
        return (await target.query(numberPlaceholders(sql), [...params])).rows as T[];
      } catch (error) {
        throw postgresError(error, where);
      }
    },
    run: async (sql: string, params: readonly SqlValue[] = []) => {
      try {
        return (await target.query(numberPlaceholders(sql), [...params])).rowCount ?? 0;
      } catch (error) {
        throw postgresError(error, where);
      }
    },
  };
}

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly direct: SqlExecutor;

  constructor(
    private readonly pool: Pool,
    readonly where: string,
  ) {
    this.direct = executor(pool, where);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.direct.run(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw postgresError(error, this.where);
    }
    const tx = executor(client, this.where);
    try {
      await tx.run('BEGIN');
      const result = await fn(tx);
      await tx.run('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
