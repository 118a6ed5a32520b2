import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generateCases, toInputRecord } from './cases.js';
import { median, rate, ratio, table } from './stats.js';

/**
 * The HTTP API on loopback (issue 14): `sopwright serve` pinned to one core (taskset) answers
 * single evaluations under load from autocannon on the other core, and a streamed batch is timed
 * against `sopwright eval --cases … --jobs 1` on the same file.
 */

export interface ApiBenchSettings {
  readonly seconds: number;
  readonly runs: number;
  readonly batchLines: number;
}

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

/** Starts `serve` on a free port, pinned to CPU 0 when taskset is there; resolves with its URL. */
async function startServer(bin: string, policy: string): Promise<{ url: string; child: ChildProcess }> {
  // The register goes to a scratch file: a bench run leaves nothing in the working tree.
  const args = [bin, 'serve', policy, '--port', '0', '--db', join(mkdtempSync(join(tmpdir(), 'sopwright-bench-api-')), 'register.db')];
  const child = TASKSET ? spawn(TASKSET, ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }) : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString();
    const m = /at (http:\/\/\S+)\//.exec(out);
    if (m) return { url: m[1], child };
  }
  throw new Error(`serve did not start: ${out}`);
}

/** One autocannon run against the server, with the server's CPU time over it. */
interface Load { rps: number; p99: number; p50: number; errors: number; cpuUs: number }

/** The server's user + system CPU seconds so far (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ is 100 on Linux)
  } catch {
    return Number.NaN;
  }
}

async function load(url: string, pid: number | undefined, seconds: number, requests: Parameters<typeof autocannon>[0]['requests']): Promise<Load> {
  const before = cpuSeconds(pid);
  const r = await autocannon({ url, connections: 10, duration: seconds, requests });
  const used = cpuSeconds(pid) - before;
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors + r.non2xx + r.timeouts, cpuUs: (used * 1e6) / Math.max(1, r.requests.total) };
}

function summary(runs: readonly Load[]): Load {
  const m = (f: (l: Load) => number) => median(runs.map(f));
  return { rps: m((r) => r.rps), p99: m((r) => r.p99), p50: m((r) => r.p50), errors: runs.reduce((a, r) => a + r.errors, 0), cpuUs: m((r) => r.cpuUs) };
}

const cpuText = (us: number): string => (Number.isNaN(us) ? 'n/a' : `${Math.round(us)} µs`);
const perCpu = (us: number): string => (Number.isNaN(us) ? 'n/a' : `${rate(1e6 / us)}`);

export async function apiBench(root: string, data: string, s: ApiBenchSettings): Promise<string> {
  const bin = join(root, 'bin/sopwright.js');
  const policy = join(root, 'rules/after-sales.sop');
  const { url, child } = await startServer(bin, policy);
  try {
    const bodies = generateCases(1000, 7).map((c) => JSON.stringify(toInputRecord(c)));
    const requests = bodies.map((body) => ({ method: 'POST', path: '/v1/policies/after_sales/evaluate', headers: { 'content-type': 'application/json' }, body }));
    // Warm up, then the measured runs, alternating with `GET /healthz` (the same server and
    // connections, no evaluation): the ratio of the two says what evaluating costs over HTTP itself.
    await autocannon({ url, connections: 10, duration: 2, requests });
    const runs: Load[] = [];
    const bare: Load[] = [];
    for (let i = 0; i < s.runs; i++) {
      runs.push(await load(url, child.pid, s.seconds, requests));
      bare.push(await load(url, child.pid, s.seconds, [{ method: 'GET', path: '/healthz' }]));
    }
    const single = summary(runs);
    const health = summary(bare);

    // Batch: the same JSON Lines file, over HTTP and through the CLI, one thread each.
    const file = join(data, 'api-batch.jsonl');
    const out = createWriteStream(file);
    for (const c of generateCases(s.batchLines, 11)) if (!out.write(`${JSON.stringify(toInputRecord(c))}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
    const body = readFileSync(file);
    const httpTimes: number[] = [];
    const cliTimes: number[] = [];
    let lines = 0;
    for (let i = 0; i < s.runs; i++) {
      let t = performance.now();
      const r = await fetch(`${url}/v1/policies/after_sales/evaluate-batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      const text = await r.text();
      httpTimes.push((performance.now() - t) / 1000);
      lines = text.split('\n').filter((l) => l.startsWith('{"line"')).length;
      t = performance.now();
      const cmd = [bin, 'eval', policy, '--cases', file, '-o', '/dev/null', '--jobs', '1'];
      spawnSync(TASKSET ?? process.execPath, TASKSET ? ['-c', '0', process.execPath, ...cmd] : cmd, { stdio: 'ignore' });
      cliTimes.push((performance.now() - t) / 1000);
    }
    if (lines !== s.batchLines) throw new Error(`the batch answered ${lines} lines for ${s.batchLines}`);
    const http = median(httpTimes);
    const cli = median(cliTimes);
    const batchRatio = cli / http;
    return [
      '## 5. The HTTP API on loopback (`sopwright serve`, one core)',
      '',
      table(['what', 'throughput', 'p50 latency', 'p99 latency', 'server CPU per request', 'per CPU-second', 'errors', 'runs'], [
        ['POST /v1/policies/after_sales/evaluate, 10 connections (autocannon)', `${rate(single.rps)} evaluations`, `${single.p50} ms`, `${single.p99} ms`, cpuText(single.cpuUs), perCpu(single.cpuUs), String(single.errors), runs.map((r) => `${rate(r.rps)}/${r.p99} ms`).join(', ')],
        ['GET /healthz, same connections (HTTP alone, for comparison)', `${rate(health.rps)} requests`, `${health.p50} ms`, `${health.p99} ms`, cpuText(health.cpuUs), perCpu(health.cpuUs), String(health.errors), bare.map((r) => `${rate(r.rps)}/${r.p99} ms`).join(', ')],
        [`POST …/evaluate-batch, ${s.batchLines.toLocaleString('en')} lines (JSON Lines, streamed)`, `${rate(s.batchLines / http)} lines`, '', '', '', '', '0', httpTimes.map((t) => `${t.toFixed(2)} s`).join(', ')],
        [`\`sopwright eval --cases … --jobs 1\`, same file`, `${rate(s.batchLines / cli)} lines`, '', '', '', '', '0', cliTimes.map((t) => `${t.toFixed(2)} s`).join(', ')],
      ]),
      '',
      `The server runs pinned to one CPU${TASKSET ? ' (taskset -c 0)' : ' (no taskset here: not pinned)'}; autocannon runs in the benchmark process. ` +
        `Each request is one case of the reference policy in yuan (1,000 seeded cases in turn), validated and evaluated, answered with the policy identity and \`next\`. ` +
        `Batch over HTTP is ${ratio(batchRatio)} the CLI's speed on the same file (whole process for the CLI, whole request for HTTP). ` +
        `An evaluation request takes ${ratio(single.cpuUs / health.cpuUs)} the server CPU of a bare \`GET /healthz\` and is answered at ${ratio(single.rps / health.rps)} its rate. ` +
        '"Server CPU per request" is the server process\'s user + system time (/proc) over the requests answered: on a shared machine it shows what one dedicated core could answer ("per CPU-second") better than the rate does. ' +
        'Targets: ≥ 5,000 single evaluations/s with p99 < 10 ms on one core; batch ≥ 0.5x the CLI.',
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
