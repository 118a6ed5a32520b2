import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/register/index.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { databases, freshLocation } from '../support/register.js';
import { seedCases, seedRegister } from '../support/register-seed.js';

/**
 * `sopwright register list|show|export` against SQLite and PostgreSQL. Most runs are in-process
 * (the days and clock times are Shanghai's); the failures that must never show a stack trace run
 * the real binary. Every run is in Shanghai's time zone (`TZ`), which the runner restores after.
 */

const env = { TZ: 'Asia/Shanghai' };
const evening = '2026-12-02T18:00:00+08:00';
const cleanups: (() => Promise<void>)[] = [];
beforeAll(() => ensureBuilt());
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(databases)('sopwright register on %s', (kind) => {
  let db = '';
  let dir = '';
  beforeAll(async () => {
    const fresh = await freshLocation(kind);
    cleanups.push(fresh.cleanup);
    db = fresh.location;
    dir = fresh.dir;
    await seedRegister(db);
  });

  it('lists entries as a table, overdue marked', async () => {
    const r = await runCli(['register', 'list', '--db', db, '--now', evening], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + seedCases.length);
    expect(lines[0]).toMatch(/^编号\s+登记时间\s+登记人\s+旺旺名\s+问题\s+处理结果\s+负责部门\s+截止时间\s+状态$/);
    expect(lines[1]).toMatch(/^1\s+2026-12-02 09:15\s+小王\s+tb_lily\s+售后问题类型：运输破损\s+部分退款\s+财务\s+2026-12-02 14:00\s+待处理 \(已超时\)$/);
    expect(lines[2]).not.toContain('已超时');
  });

  it('filters and pages, as JSON', async () => {
    const day = await runCli(['register', 'list', '--db', db, '--day', '2026-12-02', '--json'], { env });
    expect(JSON.parse(day.stdout).entries.map((e: { id: number }) => e.id)).toEqual([1, 2, 3]);
    const overdue = await runCli(['register', 'list', '--db', db, '--overdue', '--now', evening, '--json'], { env });
    expect(JSON.parse(overdue.stdout).entries.map((e: { id: number }) => e.id)).toEqual([1]);
    const owner = await runCli(['register', 'list', '--db', db, '--owner', 'finance', '--outcome', 'refund_directly', '--json'], { env });
    expect(JSON.parse(owner.stdout).entries.map((e: { id: number }) => e.id)).toEqual([4]);
    const page = await runCli(['register', 'list', '--db', db, '--limit', '2', '--json'], { env });
    const first = JSON.parse(page.stdout);
    expect(first.entries).toHaveLength(2);
    const next = await runCli(['register', 'list', '--db', db, '--limit', '2', '--after', first.next, '--json'], { env });
    expect(JSON.parse(next.stdout)).toMatchObject({ entries: [{ id: 3 }, { id: 4 }], next: null });
    const text = await runCli(['register', 'list', '--db', db, '--limit', '3', '--locale', 'en'], { env });
    expect(text.stdout).toMatch(/\n… --after 3\n$/);
  });

  it('shows one entry with its history', async () => {
    const r = await runCli(['register', 'show', '1', '--db', db, '--locale', 'en', '--now', evening], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Status:    Open (Overdue)');
    expect(r.stdout).toContain('policy:    after_sales 1.0 sha256:');
    expect(r.stdout).toMatch(/history:\n {2}2026-12-02 09:15 {2}小王 {2}recorded → open: 顾客已发照片\n$/);
    const json = JSON.parse((await runCli(['register', 'show', '2', '--db', db, '--json'], { env })).stdout);
    expect(json).toMatchObject({ id: 2, status: 'open', staff: '小李', policy: { id: 'after_sales', version: '1.0' }, outcome: 'discount_or_gift', owner: 'customer_service' });
    expect(json.history).toHaveLength(1);
  });

  it('reports an entry that does not exist (exit 1)', async () => {
    const r = await runCli(['register', 'show', '99', '--db', db], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sopwright: error: there is no register entry 99\n');
  });

  it('exports a day as CSV in the columns a shop keeps', async () => {
    const r = await runCli(['register', 'export', '--db', db, '--day', '2026-12-02', '--format', 'csv', '--now', evening], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`\ufeff${[
      '日期,旺旺名,问题,处理结果,负责部门,截止时间,状态,备注',
      '2026-12-02,tb_lily,售后问题类型：运输破损,部分退款,财务,2026-12-02 14:00,待处理（已超时）,小王: 顾客已发照片',
      '2026-12-02,tb_chen,售后问题类型：错货（发错商品或颜色）,折价或赠送，并补发或退款,客服,2030-01-01 08:00,待处理,',
      '2026-12-02,"wang, ""A""",售后问题类型：查件催件,道歉并马上发货,仓库,,待处理,小王: =催发货',
    ].join('\r\n')}\r\n`);
    const en = await runCli(['register', 'export', '--db', db, '--day', '2026-12-03', '--locale', 'en'], { env });
    expect(en.stdout).toBe('\ufeffDate,Account,Problem,Outcome,Owner,Due,Status,Notes\r\n2026-12-03,tb_next_day,Kind of problem: Missing items or accessories,Refund directly,Finance,,Open,\r\n');
  });

  it('exports a day as JSON Lines that replay through `eval --cases`', async () => {
    const out = join(dir, 'day.jsonl');
    const r = await runCli(['register', 'export', '--db', db, '--day', '2026-12-02', '--format', 'jsonl', '-o', out], { env });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(seedCases.slice(0, 3).map((c) => c.facts));
    const replay = await runCli(['eval', 'rules/after-sales.sop', '--cases', out]);
    expect(replay.code).toBe(0);
    expect(replay.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).outcome)).toEqual(['partial_refund', 'discount_or_gift', 'apologise_and_ship']);
  });

  it('exports the printable sheet as HTML', async () => {
    const r = await runCli(['register', 'export', '--db', db, '--day', '2026-12-02', '--format', 'html', '--now', evening], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>每日售后登记表 · 2026-12-02</title>');
    expect(r.stdout).toContain('<tr class="status-open overdue"><td class="id">1</td><td>2026-12-02</td><td>tb_lily</td>');
    expect(r.stdout).toContain('<td>wang, &quot;A&quot;</td>');
    expect(r.stdout).toContain('<p class="sheet-summary">共 3 条</p>');
  });

  it('refuses a register at a newer schema version (exit 5)', async () => {
    const fresh = await freshLocation(kind);
    cleanups.push(fresh.cleanup);
    await seedRegister(fresh.location);
    const raw = await openDatabase(fresh.location);
    await raw.run('INSERT INTO register_schema (version, description, applied_at) VALUES (?, ?, ?)', [schemaVersion + 1, 'future', '2027-01-01T00:00:00Z']);
    await raw.close();
    const r = await runCli(['register', 'list', '--db', fresh.location], { env });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^sopwright: error: the register `.*` has schema version \d+, newer than this sopwright understands \(\d+\)\n {2}= help: upgrade sopwright/);
  });
});

describe('sopwright register export --format pdf', () => {
  it('prints the daily sheet to PDF through Chromium (A4 landscape)', async () => {
    const { location: db, dir, cleanup } = await freshLocation('sqlite');
    cleanups.push(cleanup);
    await seedRegister(db);
    const out = join(dir, 'sheet.pdf');
    const r = await runCli(['register', 'export', '--db', db, '--day', '2026-12-02', '--format', 'pdf', '-o', out, '--now', evening], { env, sharedBrowser: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('每日售后登记表');
    expect(text).toContain('tb_lily');
    expect(text).toContain('已超时');
    expect(text).toMatch(/第 1 页，共 1 页/);
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/Page size:\s+84\d\.\d+ x 595\.\d+ pts \(A4\)/);
  });

});

// In this process: what is tested is the message and the exit code, not the process boundary.
describe('sopwright register: databases it cannot use', () => {
  it('reports a missing file (exit 4) without creating it', async () => {
    const { dir, cleanup } = await freshLocation('sqlite');
    cleanups.push(cleanup);
    const file = join(dir, 'none.db');
    const r = await runCli(['register', 'list', '--db', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`sopwright: error: there is no register at \`${file}\`\n  = help: recording the first case creates it; or pass the register with \`--db FILE|URL\`\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('reports a file that is not a register (exit 4)', async () => {
    const { dir, cleanup } = await freshLocation('sqlite');
    cleanups.push(cleanup);
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are not the rows you are looking for\n'.repeat(200));
    const r = await runCli(['register', 'list', '--db', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`is not a sopwright register (not a readable SQLite database)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a register locked by another process (exit 4)', async () => {
    const { location, cleanup } = await freshLocation('sqlite');
    cleanups.push(cleanup);
    await seedRegister(location);
    // Another process holds the file in exclusive locking mode, which shuts out even WAL readers.
    const holder = `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.pragma('locking_mode=EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');d.prepare("INSERT INTO register_schema VALUES (1000,'x','x')").run();console.log('held');setTimeout(()=>{},60000)`;
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['-e', holder, location], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(async () => void child.kill('SIGKILL'));
    await new Promise<void>((resolve) => child.stdout!.on('data', () => resolve()));
    const r = await runCli(['register', 'list', '--db', location], { env: { SOPWRIGHT_LOCK_TIMEOUT_MS: '200' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^sopwright: error: the register `.*` is locked by another process\n/);
  });

  it('reports a PostgreSQL server that does not answer (exit 4), without the password', async () => {
    const r = await runCli(['register', 'list', '--db', 'postgres://desk:secret@127.0.0.1:1/register'], { env: { SOPWRIGHT_LOCK_TIMEOUT_MS: '1000' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^sopwright: error: cannot reach the register at `postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/register`/);
    expect(r.stderr).not.toContain('secret');
  });

  it('says so when better-sqlite3 is asked for something it cannot open', async () => {
    // A directory is not a register file.
    const r = await runCli(['register', 'list', '--db', '/']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^sopwright: error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
