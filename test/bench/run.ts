import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatMoney } from '../../src/values/money.js';
import { generateScaledPolicy } from '../support/generate-policy.js';
import { apiBench } from './api.js';
import { generateCases, toInputRecord } from './cases.js';
import type { EngineFigures } from './inprocess.js';
import { registerBench } from './register.js';
import { duration, grouped, median, rate, ratio, table } from './stats.js';

/**
 * `npm run bench` (add `-- --quick` for a short run): the benchmarks of issue 6, printed as
 * tables and written to test/bench/results.md. Every figure is a median over several runs, and
 * every ratio compares runs made in this same invocation, interleaved where they alternate.
 *   1. In-process evaluations per second of the reference policy (inprocess.ts, as plain node).
 *   2. Whole process: `sopwright eval --cases` against a plain Node pipeline, with peak RSS.
 *   3. `sopwright check` on generated policies of 1k, 10k and 100k branches.
 *   4. Start-up: `sopwright check rules/after-sales.sop` against `node -e 0`.
 *   5. The HTTP API of `sopwright serve` on loopback (api.ts); `-- --only api` runs just this one.
 *   Time: the time-heavy policy (test/fixtures/time/service.sop) in process and in batch; `-- --only time` runs just this one.
 *   6. The after-sales register: recording on SQLite and PostgreSQL, reading a day of 10,000 entries
 *      (register.ts). `npm run bench -- --register` runs this section alone, into register-results.md.
 */

const quick = process.argv.includes('--quick');
const onlyApi = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'api';
const registerOnly = process.argv.includes('--register');
const onlyTime = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'time';
const registerSettings = quick ? { records: 300, runs: 3, day: 10_000 } : { records: 2_000, runs: 3, day: 10_000 };
const root = fileURLToPath(new URL('../..', import.meta.url));
const POLICY = join(root, 'rules/after-sales.sop');
const BIN = join(root, 'bin/sopwright.js');
const cache = join(root, 'node_modules/.cache/sopwright-bench');
const data = mkdtempSync(join(tmpdir(), 'sopwright-bench-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const settings = quick
  ? { cases: 100_000, subset: 5_000, reps: 3, lines: [10_000, 100_000], wholeRuns: 3, branches: [1_000, 10_000], checkRuns: 3, startRuns: 9 }
  : { cases: 1_000_000, subset: 20_000, reps: 5, lines: [100_000, 1_000_000], wholeRuns: 3, branches: [1_000, 10_000, 100_000], checkRuns: 3, startRuns: 15 };

const log = (text: string) => process.stderr.write(`${text}\n`);
const sections: string[] = [];

async function main(): Promise<void> {
  const started = new Date();
  const load = loadavg()[0];
  log(`sopwright bench${quick ? ' (quick)' : ''}${registerOnly ? ' (register only)' : ''}: building…`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    if (onlyTime) {
      await bundle();
      sections.push(await timeHeavy());
    } else if (!onlyApi && !registerOnly) {
      await bundle();
      sections.push(inProcess());
      sections.push(await timeHeavy());
      sections.push(await wholeProcess());
      sections.push(checkScaling());
      sections.push(startUp());
    }
    if (!registerOnly && !onlyTime) {
      sections.push(await apiBench(root, data, quick ? { seconds: 5, runs: 3, batchLines: 20_000 } : { seconds: 10, runs: 3, batchLines: 100_000 }));
    }
    if (!onlyApi && !onlyTime) sections.push(await registerBench(registerSettings, log));
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  const flags = [quick ? '--quick' : '', onlyApi ? '--only api' : '', onlyTime ? '--only time' : '', registerOnly ? '--register' : ''].filter(Boolean);
  const head = [
    '# sopwright benchmarks',
    '',
    `Measured by \`npm run bench${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${load.toFixed(2)} at the start. ` +
      'Figures are medians over the runs shown; ratios compare runs of this same invocation. ' +
      'The machine is shared, so absolute figures move between invocations; the ratios move less.',
  ].join('\n');
  const text = `${[head, ...sections].join('\n\n')}\n`;
  // A run of one section alone does not replace the full results, and a quick run replaces none:
  // it writes beside the benchmark's cache, so it never rewrites a tracked file.
  const name = onlyApi ? 'results-api.md' : onlyTime ? 'results-time.md' : registerOnly ? 'register-results.md' : 'results.md';
  const file = quick ? join(cache, `quick-${name}`) : join(root, 'test/bench', name);
  mkdirSync(cache, { recursive: true });
  writeFileSync(file, text);
  log(`written to ${file}`);
  process.stdout.write(text);
}

/**
 * GoRules ZEN is installed here, into the benchmark's cache, rather than as a dev dependency: its
 * package lists a native binary per platform as optional dependencies, and the registry this
 * project installs from lacks some of them, so `npm ci` would refuse any lockfile that names it.
 */
const ZEN_PACKAGE = '@gorules/zen-engine@0.54.0';

function installZen(): void {
  if (existsSync(join(cache, 'node_modules/@gorules/zen-engine/package.json'))) return;
  log(`installing ${ZEN_PACKAGE} into the benchmark cache…`);
  execFileSync('npm', ['install', '--prefix', cache, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ZEN_PACKAGE], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Bundles the in-process suite and the plain pipeline for plain `node` (the engines stay external). */
async function bundle(): Promise<void> {
  mkdirSync(cache, { recursive: true });
  // The time section alone needs no other engine.
  if (!onlyTime) installZen();
  await build({
    entryPoints: {
      inprocess: join(root, 'test/bench/inprocess.ts'),
      'plain-pipeline': join(root, 'test/bench/plain-pipeline.ts'),
      'line-costs': join(root, 'test/bench/line-costs.ts'),
      'time-inprocess': join(root, 'test/bench/time-inprocess.ts'),
      'time-plain-pipeline': join(root, 'test/bench/time-plain-pipeline.ts'),
    },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: cache, outExtension: { '.js': '.mjs' },
    external: ['json-rules-engine', '@gorules/zen-engine'], logLevel: 'warning',
    banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
  });
}

// ------------------------------------------------------------------------------------- 1

function inProcess(): string {
  log(`1/4 in-process: ${grouped(settings.cases)} cases…`);
  const out = execFileSync(process.execPath, [join(cache, 'inprocess.mjs'), POLICY, String(settings.cases), String(settings.subset), String(settings.reps)], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { figures } = JSON.parse(out) as { figures: EngineFigures[] };
  const hand = figures.find((f) => f.name.startsWith('hand-written')) as EngineFigures;
  const rows = figures.map((f) => [
    f.name, grouped(f.cases), rate(f.median), duration(1e9 / f.median), ratio(f.median / hand.median), f.runs.map((r) => rate(r)).join(', '),
  ]);
  return [
    `## 1. In-process evaluations per second (reference policy, ${grouped(settings.cases)} seeded cases)`,
    '',
    table(['engine', 'cases timed', 'evaluations/s', 'per case', 'vs hand-written', 'runs'], rows),
    '',
    'Cases come from test/bench/cases.ts (seeded; every fact present; money amounts favour the thresholds, a fen either ' +
      'side, and equal amounts). Before timing, every engine is checked to give the compiled evaluator\'s outcome and values ' +
      `on every case it is timed on; json-rules-engine and ZEN are checked and timed on the first ${grouped(settings.subset)} ` +
      'cases. The json-rules-engine rules and the ZEN JDM graph are translated from the checked decision graph ' +
      '(test/bench/engines/); json-rules-engine has no expressions, so its refund cap is computed when the event fires. ' +
      'Target: compiled ≥ 0.5x the hand-written function.',
  ].join('\n');
}

// ------------------------------------------------------------------------------------- time

const TIME_POLICY = join(root, 'test/fixtures/time/service.sop');

/**
 * The time-heavy policy (moments, clock-time windows, calendar years, computed due moments):
 * compiled evaluation against a hand-written function of the same rules, in process; then batch
 * evaluation of JSON Lines with ISO moments against a plain pipeline, in process per line and as
 * whole processes.
 */
async function timeHeavy(): Promise<string> {
  const count = quick ? 100_000 : 1_000_000;
  const lineCount = quick ? 20_000 : 100_000;
  log(`time-heavy policy: ${grouped(count)} cases…`);
  const out = execFileSync(process.execPath, [join(cache, 'time-inprocess.mjs'), TIME_POLICY, String(count), String(lineCount), String(settings.reps)], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out) as { cases: number; lines: number; hand: number[]; ours: number[]; plainLine: number[]; ourLine: number[]; medians: Record<string, number> };
  const m = r.medians;
  const inRows = [
    ['hand-written JS function', grouped(r.cases), rate(m.hand), duration(1e9 / m.hand), ratio(1), r.hand.map(rate).join(', ')],
    ['sopwright compiled (`decide`, plain object)', grouped(r.cases), rate(m.ours), duration(1e9 / m.ours), ratio(m.ours / m.hand), r.ours.map(rate).join(', ')],
    ['plain line: JSON.parse, Date.parse, hand-written, JSON.stringify', grouped(r.lines), rate(m.plainLine), duration(1e9 / m.plainLine), ratio(1), r.plainLine.map(rate).join(', ')],
    ['sopwright line: parse, validate, read ISO moments, decide, format', grouped(r.lines), rate(m.ourLine), duration(1e9 / m.ourLine), ratio(m.ourLine / m.plainLine), r.ourLine.map(rate).join(', ')],
  ];
  const lines = quick ? 100_000 : 1_000_000;
  log(`time-heavy policy: batch of ${grouped(lines)} lines…`);
  const file = join(data, `time-cases-${lines}.jsonl`);
  const { generateTimeCases, toTimeRecord } = await import('./time-cases.js');
  const outFile = createWriteStream(file);
  for (let start = 0; start < lines; start += 100_000) {
    const text = generateTimeCases(Math.min(100_000, lines - start), 7 + start).map((c, i) => JSON.stringify(toTimeRecord(c, start + i))).join('\n');
    if (!outFile.write(`${text}\n`)) await once(outFile, 'drain');
  }
  outFile.end();
  await once(outFile, 'close');
  const subjects = [
    { name: 'plain Node pipeline (readline, JSON.parse, Date.parse, hand-written, JSON.stringify)', args: [join(cache, 'time-plain-pipeline.mjs'), file, '/dev/null'] },
    { name: '`sopwright eval service.sop --cases X.jsonl -o /dev/null`', args: [BIN, 'eval', TIME_POLICY, '--cases', file, '-o', '/dev/null'] },
    { name: '… with `--jobs 1` (one thread)', args: [BIN, 'eval', TIME_POLICY, '--cases', file, '-o', '/dev/null', '--jobs', '1'] },
  ];
  const runs: Run[][] = subjects.map(() => []);
  for (let i = 0; i < settings.wholeRuns; i++) subjects.forEach((s, j) => runs[j].push(measure(s.args)));
  const plain = median(runs[0].map((x) => x.seconds));
  const plainCpu = median(runs[0].map((x) => x.cpuSeconds));
  const wholeRows = subjects.map((s, j) => {
    const secs = median(runs[j].map((x) => x.seconds));
    const cpu = median(runs[j].map((x) => x.cpuSeconds));
    return [s.name, `${secs.toFixed(2)} s`, rate(lines / secs), ratio(plain / secs), `${cpu.toFixed(2)} s`, ratio(plainCpu / cpu), runs[j].map((x) => x.seconds.toFixed(2)).join(', ')];
  });
  return [
    '## Time-heavy policy (test/fixtures/time/service.sop)',
    '',
    table(['what', 'cases or lines', 'per second', 'per item', 'vs hand-written / plain', 'runs'], inRows),
    '',
    `Whole process, ${grouped(lines)} JSON Lines with ISO moments (a third of them in UTC, \`Z\`):`,
    '',
    table(['command', 'wall time', 'lines/s', 'vs plain', 'CPU time', 'vs plain (CPU)', 'runs (wall s)'], wholeRows),
    '',
    'The policy reads moments, their clock times (09:00–23:30, 08:00–16:00), calendar years (`purchased_on + 2 years`) and ' +
      'computes a due moment for every outcome. Cases (test/bench/time-cases.ts) are seeded and favour the edges: 12 hours and ' +
      'a second either side, 23:29:59/23:30, the second anniversary of a purchase, 29 February. The hand-written function ' +
      '(test/bench/time-hand-written.ts) adds the fixed +08:00 offset by hand and uses `Date.UTC` for calendar years; before ' +
      'timing, it and the compiled evaluator are checked to agree on the outcome and the due moment of every case, and the two ' +
      'line pipelines on every line. Targets: compiled ≥ 0.5x the hand-written function; batch ≥ 0.5x the plain pipeline.',
  ].join('\n');
}

// ------------------------------------------------------------------------------------- 2

interface Run {
  readonly seconds: number;
  /** CPU time (user + system) of the whole process, every thread included. */
  readonly cpuSeconds: number;
  readonly rssMb: number;
}

/**
 * Runs `node ARGS`, timing it (wall clock) and reading its CPU time and peak RSS from
 * /usr/bin/time -v, or, without it, from the child's own process.resourceUsage() at exit.
 */
function measure(args: readonly string[]): Run {
  const command = TIME !== undefined ? [TIME, '-v', process.execPath, ...args] : [process.execPath, '--import', USAGE_PRELOAD, ...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const num = (re: RegExp) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  if (TIME !== undefined) {
    const cpuSeconds = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
    return { seconds, cpuSeconds, rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024 };
  }
  return { seconds, cpuSeconds: num(/^USAGE \d+ ([\d.]+)$/m), rssMb: num(/^USAGE (\d+) /m) / 1024 };
}

const USAGE_PRELOAD =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();" +
  "process.stderr.write('\\nUSAGE '+u.maxRSS+' '+((u.userCPUTime+u.systemCPUTime)/1e6)+'\\n')})";

async function writeJsonl(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const step = 100_000;
  for (let start = 0; start < count; start += step) {
    const text = generateCases(Math.min(step, count - start), 20261201 + start).map((c) => JSON.stringify(toInputRecord(c))).join('\n');
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function wholeProcess(): Promise<string> {
  const rows: string[][] = [];
  const notes: string[] = [];
  let verified = 0;
  for (const lines of settings.lines) {
    log(`2/4 whole process: ${grouped(lines)} lines…`);
    const file = join(data, `cases-${lines}.jsonl`);
    await writeJsonl(file, lines);
    if (lines === settings.lines[0]) verified = verifyPipelines(file, lines);
    const subjects = [
      { name: 'plain Node pipeline (readline, JSON.parse, hand-written, JSON.stringify)', args: [join(cache, 'plain-pipeline.mjs'), file, '/dev/null'] },
      { name: '`sopwright eval --cases X.jsonl -o /dev/null`', args: [BIN, 'eval', POLICY, '--cases', file, '-o', '/dev/null'] },
      { name: '… with `--jobs 1` (one thread)', args: [BIN, 'eval', POLICY, '--cases', file, '-o', '/dev/null', '--jobs', '1'] },
    ];
    const runs: Run[][] = subjects.map(() => []);
    for (let i = 0; i < settings.wholeRuns; i++) subjects.forEach((s, j) => runs[j].push(measure(s.args)));
    const plain = median(runs[0].map((r) => r.seconds));
    const plainCpu = median(runs[0].map((r) => r.cpuSeconds));
    subjects.forEach((s, j) => {
      const secs = median(runs[j].map((r) => r.seconds));
      const cpu = median(runs[j].map((r) => r.cpuSeconds));
      rows.push([
        grouped(lines), s.name, `${secs.toFixed(2)} s`, rate(lines / secs), ratio(plain / secs),
        `${cpu.toFixed(2)} s`, ratio(plainCpu / cpu), `${median(runs[j].map((r) => r.rssMb)).toFixed(0)} MB`,
        runs[j].map((r) => r.seconds.toFixed(2)).join(', '),
      ]);
    });
  }
  notes.push(
    `Each line is a complete case of the reference policy in yuan (about 355 bytes). Before timing, the two outputs of the ` +
      `${grouped(settings.lines[0])}-line file were compared line by line: ${grouped(verified)} lines agree on outcome and values. ` +
      'sopwright validates every line exactly as a single case (`readCase`: JSON Schema via ajv, money to fen, unknown ' +
      'fields with suggestions, repeated keys refused); the plain pipeline validates nothing. Without `--jobs`, inputs over ' +
      '8 MB are spread over one worker thread per CPU (results stay in input order). Peak RSS is the whole process ' +
      `(${TIME !== undefined ? '/usr/bin/time -v' : 'process.resourceUsage() in the child'}), worker threads included; ` +
      'so is CPU time (user + system), which other load on the machine disturbs less than wall time. ' +
      'Targets: ≥ 0.5x the plain pipeline; memory flat from 100k to 1M lines.',
  );
  return [
    '## 2. Whole process: batch evaluation of a JSON Lines file',
    '',
    table(['lines', 'command', 'wall time', 'lines/s', 'vs plain', 'CPU time', 'vs plain (CPU)', 'peak RSS', 'runs (wall s)'], rows),
    '',
    ...notes,
    '',
    lineCosts(),
  ].join('\n');
}

/** Each step of a batch line timed alone, in one thread (line-costs.ts). */
function lineCosts(): string {
  const count = quick ? 20_000 : 100_000;
  log('2/4 whole process: cost of each step of a line…');
  const out = execFileSync(process.execPath, [join(cache, 'line-costs.mjs'), POLICY, String(count), '5'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  const costs = JSON.parse(out) as Record<string, number>;
  return [
    `Where the time of a line goes (one thread, in-process, median of 5 passes over ${grouped(count)} lines):`,
    '',
    table(['step', 'per line'], Object.entries(costs).map(([step, ns]) => [step, duration(ns)])),
  ].join('\n');
}

/** Runs both pipelines on `file` into files and compares them line by line; returns the lines compared. */
function verifyPipelines(file: string, lines: number): number {
  const ours = join(data, 'ours.jsonl');
  const plain = join(data, 'plain.jsonl');
  execFileSync(process.execPath, [BIN, 'eval', POLICY, '--cases', file, '-o', ours], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(process.execPath, [join(cache, 'plain-pipeline.mjs'), file, plain], { cwd: root, stdio: 'ignore' });
  const a = readFileSync(ours, 'utf8').trimEnd().split('\n');
  const b = readFileSync(plain, 'utf8').trimEnd().split('\n');
  if (a.length !== lines || b.length !== lines) throw new Error(`expected ${lines} result lines, got ${a.length} and ${b.length}`);
  for (let i = 0; i < lines; i++) {
    const x = JSON.parse(a[i]) as { line: number; outcome: string; values: Record<string, string> };
    const y = JSON.parse(b[i]) as { line: number; outcome: string; values: Record<string, number> };
    const yValues = Object.fromEntries(Object.entries(y.values).map(([k, v]) => [k, formatMoney(v)]));
    if (x.line !== y.line || x.outcome !== y.outcome || JSON.stringify(x.values) !== JSON.stringify(yValues)) {
      throw new Error(`line ${i + 1}: sopwright says ${a[i]}, the plain pipeline ${b[i]}`);
    }
  }
  rmSync(ours);
  rmSync(plain);
  return lines;
}

// ------------------------------------------------------------------------------------- 3

function checkScaling(): string {
  const rows: string[][] = [];
  let previous: number | undefined;
  for (const branches of settings.branches) {
    log(`3/4 check: ${grouped(branches)} branches…`);
    const file = join(data, `policy-${branches}.sop`);
    writeFileSync(file, generateScaledPolicy(branches, 1));
    const runs = Array.from({ length: settings.checkRuns }, () => measure([BIN, 'check', file]));
    const secs = median(runs.map((r) => r.seconds));
    rows.push([
      grouped(branches), `${secs.toFixed(2)} s`, `${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} s`,
      previous === undefined ? '' : ratio(secs / previous), `${median(runs.map((r) => r.rssMb)).toFixed(0)} MB`,
      runs.map((r) => r.seconds.toFixed(2)).join(', '),
    ]);
    previous = secs;
  }
  return [
    '## 3. `sopwright check` on generated policies',
    '',
    table(['branches', 'wall time (whole process)', 'CPU time', 'growth vs previous row (wall)', 'peak RSS', 'runs (wall s)'], rows),
    '',
    'Policies from `generateScaledPolicy(branches, seed 1)` in test/support/generate-policy.ts: a layered DAG of decisions, ' +
      'clean (no errors or warnings), so every check runs to the end. Target: 10k branches under 1 s.',
  ].join('\n');
}

// ------------------------------------------------------------------------------------- 4

function startUp(): string {
  log('4/4 start-up…');
  const subjects = [
    { name: '`node -e 0`', args: ['-e', '0'] },
    { name: '`sopwright check rules/after-sales.sop`', args: [BIN, 'check', POLICY] },
  ];
  const runs: Run[][] = subjects.map(() => []);
  for (let i = 0; i < settings.startRuns; i++) subjects.forEach((s, j) => runs[j].push(measure(s.args)));
  const wall = runs.map((r) => median(r.map((x) => x.seconds * 1000)));
  const cpu = runs.map((r) => median(r.map((x) => x.cpuSeconds * 1000)));
  const rows = subjects.map((s, j) => [
    s.name, `${wall[j].toFixed(0)} ms`, ratio(wall[j] / wall[0]), `${cpu[j].toFixed(0)} ms`, ratio(cpu[j] / cpu[0]),
    runs[j].map((r) => (r.seconds * 1000).toFixed(0)).join(', '),
  ]);
  return [
    `## 4. Start-up (${settings.startRuns} runs each, alternating)`,
    '',
    table(['command', 'median wall', 'vs node -e 0', 'median CPU', 'vs node -e 0 (CPU)', 'runs (wall ms)'], rows),
    '',
    'Target: `sopwright check rules/after-sales.sop` within 2.5x of `node -e 0`.',
  ].join('\n');
}

await main();
