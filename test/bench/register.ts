import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openRegister } from '../../src/register/index.js';
import * as q from '../../src/register/queries.js';
import { toCsv, sheetRow } from '../../src/register/export.js';
import { startCluster } from '../support/postgres-cluster.js';
import { newEntry } from '../support/register-entry.js';
import { duration, grouped, median, rate, table } from './stats.js';

/**
 * The register's benchmark: recording throughput (entries/s) on SQLite and PostgreSQL, one at a
 * time and with requests in flight as a busy server has them, and reading back a day of 10,000
 * entries (the first page the desk shows, and the whole day as the export reads it).
 */

interface Settings {
  readonly records: number;
  readonly runs: number;
  readonly day: number;
}

const DAY = '2026-12-02';

/** Fills a day with `n` entries in one transaction, through the register's own statements. */
async function fillDay(location: string, n: number): Promise<void> {
  const db = await openDatabase(location);
  const e = newEntry();
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        const at = new Date(Date.parse(`${DAY}T01:00:00Z`) + i * 1000).toISOString();
        const [row] = await tx.all<{ id: number }>(q.insertEntry, [at, DAY, e.staff, `buyer${i}`, e.policy.id, e.policy.version, e.policy.hash,
          JSON.stringify(e.facts), e.outcome, e.owner, null, JSON.stringify(e.labels)]);
        await tx.run(q.insertHistory, [row.id, at, e.staff, 'recorded', null, 'open', i % 3 === 0 ? '顾客已发照片' : null]);
      }
    });
  } finally {
    await db.close();
  }
}

async function recordRate(location: string, count: number, inFlight: number): Promise<number> {
  const register = await openRegister(location);
  try {
    const t = process.hrtime.bigint();
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < count) {
        next++;
        await register.record(newEntry());
      }
    }));
    return count / (Number(process.hrtime.bigint() - t) / 1e9);
  } finally {
    await register.close();
  }
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs the register benchmark; returns its Markdown section. */
export async function registerBench(settings: Settings, log: (text: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-bench-register-'));
  const cluster = await startCluster();
  let n = 0;
  const fresh = async (kind: 'sqlite' | 'postgres'): Promise<string> => {
    n++;
    if (kind === 'sqlite') return join(dir, `r${n}.db`);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query(`CREATE DATABASE bench_${n}`);
    await client.end();
    return cluster.url.replace(/\/postgres$/, `/bench_${n}`);
  };
  const recording: string[][] = [];
  const reading: string[][] = [];
  try {
    for (const kind of ['sqlite', 'postgres'] as const) {
      for (const inFlight of [1, 16]) {
        log(`register: recording on ${kind}, ${inFlight} in flight…`);
        const runs: number[] = [];
        for (let r = 0; r < settings.runs; r++) {
          const location = await fresh(kind);
          await (await openRegister(location)).close();
          runs.push(await recordRate(location, settings.records, inFlight));
        }
        recording.push([kind, String(inFlight), grouped(settings.records), rate(median(runs)), duration(1e9 / median(runs)), runs.map((x) => rate(x)).join(', ')]);
      }
      log(`register: a day of ${grouped(settings.day)} entries on ${kind}…`);
      const location = await fresh(kind);
      await (await openRegister(location)).close();
      await fillDay(location, settings.day);
      const register = await openRegister(location, { readonly: true });
      try {
        const now = new Date(`${DAY}T12:00:00Z`);
        const firstPage: number[] = [];
        const wholeDay: number[] = [];
        const csv: number[] = [];
        let count = 0;
        for (let r = 0; r < settings.runs; r++) {
          firstPage.push(await timeMs(() => register.list({ day: DAY, limit: 50 })));
          wholeDay.push(await timeMs(async () => {
            count = 0;
            for await (const _ of register.all({ day: DAY })) count++;
          }));
          csv.push(await timeMs(async () => {
            const entries = [];
            for await (const e of register.all({ day: DAY })) entries.push(e);
            return toCsv(entries.map((e) => sheetRow(e, { locale: 'zh-CN', now })), 'zh-CN');
          }));
        }
        if (count !== settings.day) throw new Error(`listed ${count} of ${settings.day} entries`);
        const ms = (x: number): string => `${x.toFixed(1)} ms`;
        reading.push([kind, 'first page (50 entries with history)', ms(median(firstPage)), firstPage.map(ms).join(', ')]);
        reading.push([kind, `the whole day (${grouped(settings.day)} entries with history)`, ms(median(wholeDay)), wholeDay.map(ms).join(', ')]);
        reading.push([kind, 'the day as CSV (read + format)', ms(median(csv)), csv.map(ms).join(', ')]);
      } finally {
        await register.close();
      }
    }
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '## 6. The after-sales register',
    '',
    `Recording: \`Register.record\` of a ${grouped(settings.records)}-entry run into a fresh register, each entry and its history event in one committed transaction; "in flight" is how many requests a server has open at once.`,
    '',
    table(['database', 'in flight', 'entries', 'entries/s', 'per entry', 'runs'], recording),
    '',
    `Reading a day of ${grouped(settings.day)} entries (each with its history):`,
    '',
    table(['database', 'what', 'median', 'runs'], reading),
    '',
    'SQLite: one file on the local disk, WAL, `synchronous=FULL` (every commit reaches the disk). PostgreSQL 15: a throwaway ' +
      'cluster on loopback started by the benchmark with `fsync=off` (as the tests run it), so its recording figures show the ' +
      'protocol and the queries, not the disk; a production server with fsync on commits at the speed of its disk.',
  ].join('\n');
}
