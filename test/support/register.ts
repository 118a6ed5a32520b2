import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** Test helpers for the register: a fresh database of either kind, and entries to record. */

/** The two databases every register test runs against. */
export const databases = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof databases)[number];

/** A fresh, empty register location: a file in a new temp directory, or a new PostgreSQL database. */
export async function freshLocation(kind: DatabaseKind): Promise<{ location: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-register-'));
  const removeDir = async (): Promise<void> => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') return { location: join(dir, 'register.db'), dir, cleanup: removeDir };
  const admin = inject('postgresUrl');
  const name = `register_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { location: url.toString(), dir, cleanup: removeDir };
}

export { newEntry } from './register-entry.js';
