import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { askLazyService } from './lazy-service.js';

/** Test helpers for the register: a fresh database of either kind, and entries to record. */

/** The two databases every register test runs against. */
export const databases = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof databases)[number];

/** A fresh, empty register location: a file in a new temp directory, or a new PostgreSQL database. */
export async function freshLocation(kind: DatabaseKind): Promise<{ location: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-register-'));
  const removeDir = async (): Promise<void> => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') return { location: join(dir, 'register.db'), dir, cleanup: removeDir };
  const admin = await postgresAdminUrl();
  const name = `register_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  // Copying the template's files is four times faster than writing them through the WAL (the
  // default since PostgreSQL 15), and a throwaway database needs no crash safety.
  const { rows } = await client.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
  await client.query(`CREATE DATABASE ${name}${rows[0]!.v >= 150000 ? ' STRATEGY FILE_COPY' : ''}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { location: url.toString(), dir, cleanup: removeDir };
}

/** The URL of the test run's PostgreSQL cluster (started on the first call of the run). */
export function postgresAdminUrl(): Promise<string> {
  return askLazyService(inject('postgresLauncher'), 'PostgreSQL cluster');
}

export { newEntry } from './register-entry.js';
