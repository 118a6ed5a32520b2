import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
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
import { duration, grouped, loadRange, median, pairedRatio, rate, ratio, settled, spread, table } from './stats.js';

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
 * Every figure is printed with the machine's load (1-minute load average) while it was measured,
 * and every ratio with the spread of its per-round ratios (subjects run in rounds, back to back).
 * A full run writes test/bench/results.md and the README's Speed block, where a ratio whose rounds
 * spread more than ±15% around their median is not published (its cells blank, the run names it),
 * after its set was measured again up to 3 times. A quick run never writes a tracked file.
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
/** The sections the README's Speed block shows (1–4), and its summary lines. */
const readmeSections: string[] = [];
const summary: string[] = [];

/** The most a ratio's runs may spread (either side of their median) for the ratio to be published. */
const MAX_SPREAD = 0.15;
/** Every ratio of this run with the spread of the runs behind it. */
const ratioSpreads: { what: string; spread: number }[] = [];

/** How many times a set of runs is measured while a ratio it yields spreads over the rule. */
const ATTEMPTS = 3;

/** A ratio's spread, recorded for the rule: "±7%", flagged when over ±15%. */
function judgedSpread(what: string, s: number): string {
  ratioSpreads.push({ what, spread: s });
  return `±${(s * 100).toFixed(0)}%${s > MAX_SPREAD ? ' (over ±15%: not published)' : ''}`;
}

/** The spread behind a ratio of two run sets that were not timed in rounds side by side: the wider of the two. */
function judged(what: string, ...runSets: (readonly number[])[]): string {
  return judgedSpread(what, Math.max(...runSets.map((r) => spread(r))));
}

/**
 * A ratio of two subjects timed in rounds (`numerator[i]` and `denominator[i]` back to back): the
 * median of the per-round ratios, and its spread recorded for the rule.
 */
function judgedPair(what: string, numerator: readonly number[], denominator: readonly number[]): { ratio: number; cell: string } {
  const p = pairedRatio(numerator, denominator);
  return { ratio: p.ratio, cell: judgedSpread(what, p.spread) };
}

/** The spread of the baseline's own runs, shown beside its `1.00x` (a ratio to itself, so not judged). */
const ownSpread = (runs: readonly number[]) => `±${(spread(runs) * 100).toFixed(0)}% (its own runs)`;

/** The widest per-round spread among pairs of run lists (for `settled`). */
const widestPair = (...pairs: [readonly number[], readonly number[]][]) => Math.max(...pairs.map(([a, b]) => pairedRatio(a, b).spread));

/** A line of the log naming the attempt a set was taken from when it took more than one. */
function noteAttempt(what: string, attempt: number): void {
  if (attempt > 1) log(`  ${what}: attempt ${attempt} of ${ATTEMPTS} kept`);
}

/** Whether every ratio named by a `judged` call whose label starts with `prefix` is within the rule. */
function allWithin(prefix: string): boolean {
  return ratioSpreads.filter((r) => r.what.startsWith(prefix)).every((r) => r.spread <= MAX_SPREAD);
}

/**
 * A table whose rows hide their ratios (cells such as `0.98x`) when the row's spread is over the
 * rule: a ratio is not published from runs that spread too far.
 */
function gatedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const ratioCell = /^[\d.]+(e-?\d+)?x$/;
  return table(header, rows.map((row) => (row.some((c) => c.includes('not published')) ? row.map((c) => (ratioCell.test(c) ? '—' : c)) : row)));
}

/** Runs `f`, giving the load before and after it. */
function withLoad<T>(f: () => T): { value: T; load: string } {
  const before = loadavg()[0];
  const value = f();
  return { value, load: loadRange([before, loadavg()[0]]) };
}

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
      const one = inProcess();
      sections.push(one);
      sections.push(await timeHeavy());
      const two = await wholeProcess();
      sections.push(two);
      const three = checkScaling();
      sections.push(three);
      const four = startUp();
      sections.push(four);
      readmeSections.push(one, two, three, four);
    }
    if (!registerOnly && !onlyTime) {
      const before = loadavg()[0];
      const api = await apiBench(root, data, quick ? { seconds: 5, runs: 3, batchLines: 20_000 } : { seconds: 10, runs: 3, batchLines: 100_000 });
      sections.push(`${api}\n\nLoad average during this section: ${loadRange([before, loadavg()[0]])}.`);
    }
    if (!onlyApi && !onlyTime) {
      const before = loadavg()[0];
      const register = await registerBench(registerSettings, log);
      sections.push(`${register}\n\nLoad average during this section: ${loadRange([before, loadavg()[0]])}.`);
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  const flags = [quick ? '--quick' : '', onlyApi ? '--only api' : '', onlyTime ? '--only time' : '', registerOnly ? '--register' : ''].filter(Boolean);
  const head = [
    '# sopwright benchmarks',
    '',
    `Measured by \`npm run bench${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${load.toFixed(2)} at the start ` +
      '(the load while each figure was measured is shown next to it). ' +
      'Figures are medians over the runs shown. A ratio compares runs of this same invocation made in rounds (one run of ' +
      'each subject, back to back): it is the median of the per-round ratios, published only when those spread no more ' +
      'than ±15% around it (else shown as —). A set of rounds that breaks the rule is measured again, up to 3 times; the ' +
      'first set within it is kept, else the set that spread least. ' +
      'The machine is shared, so absolute figures move between invocations; the ratios move less.',
  ].join('\n');
  const text = `${[head, ...sections].join('\n\n')}\n`;
  const refused = ratioSpreads.filter((r) => r.spread > MAX_SPREAD);
  // A run of one section alone does not replace the full results, and a quick run replaces none:
  // it writes beside the benchmark's cache, so it never rewrites a tracked file. A ratio whose
  // runs spread too far is shown as not published (its cells are blank), in the file and the README.
  const name = onlyApi ? 'results-api.md' : onlyTime ? 'results-time.md' : registerOnly ? 'register-results.md' : 'results.md';
  const publish = !quick;
  const file = publish ? join(root, 'test/bench', name) : join(cache, `quick-${name}`);
  mkdirSync(cache, { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(text);
  log(`written to ${file}`);
  if (publish && readmeSections.length > 0) {
    writeReadmeBlock(started, load);
    log('README Speed section regenerated');
  }
  if (refused.length > 0) {
    log(`not published: ${refused.length} ratio(s) whose rounds spread more than ±15%:`);
    for (const r of refused) log(`  ${r.what}: ±${(r.spread * 100).toFixed(0)}%`);
  }
}

/** The README's Speed block (between `<!-- bench:start -->` and `<!-- bench:end -->`), from this run's sections 1–4. */
function writeReadmeBlock(started: Date, load: number): void {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> block');
  const block = [
    '<!-- bench:start -->',
    'All figures come from one run of `npm run bench` (code in [test/bench/](test/bench/), full output',
    `in [test/bench/results.md](test/bench/results.md)), generated into this section by that run: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'},`,
    `Node ${process.version}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load.toFixed(2)} at the start; the load`,
    'while each figure was measured is shown next to it. Each figure is a median over several runs. Each ratio',
    'compares runs of that same invocation made in rounds (one run of each subject, back to back): it is the median of',
    'the per-round ratios, published only when they spread no more than ±15% around it (else —); a set of rounds that',
    'breaks the rule is measured again, up to 3 times. `npm run bench -- --quick` is a shorter version that writes no tracked',
    'file. The benchmark installs GoRules ZEN into its own cache, so it is not a dependency of the project.',
    '',
    ...(summary.length > 0 ? ['In short:', '', ...summary.map((line) => `- ${line}`), ''] : []),
    ...readmeSections.map((section) => `${section.replace(/^## /gm, '#### ')}\n`),
  ].join('\n');
  const text = `${readme.slice(0, start)}${block}${readme.slice(end)}`;
  // Written whole: to a file beside it, renamed over it.
  writeFileSync(`${readmePath}.tmp`, text);
  renameSync(`${readmePath}.tmp`, readmePath);
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
  const handOf = (figures: readonly EngineFigures[]) => figures.find((f) => f.name.startsWith('hand-written')) as EngineFigures;
  // The synchronous engines are timed in rounds beside the hand-written function, so their ratios
  // are paired per round; the awaited engines run after them, so theirs compare whole run sets.
  const spreadAgainst = (f: EngineFigures, hand: EngineFigures) =>
    (f.interleaved ? pairedRatio(f.runs, hand.runs).spread : Math.max(spread(f.runs), spread(hand.runs)));
  const { set: { figures, load }, attempt } = settled(() => {
    const { value: out, load } = withLoad(() => execFileSync(process.execPath, [join(cache, 'inprocess.mjs'), POLICY, String(settings.cases), String(settings.subset), String(settings.reps)], {
      cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
    }));
    return { figures: (JSON.parse(out) as { figures: EngineFigures[] }).figures, load };
  }, ({ figures }) => Math.max(...figures.map((f) => spreadAgainst(f, handOf(figures)))), MAX_SPREAD, ATTEMPTS, log);
  noteAttempt('in process', attempt);
  const hand = handOf(figures);
  const rows = figures.map((f) => {
    const what = `in process: ${f.name} vs hand-written`;
    const against = f === hand ? { ratio: 1, cell: ownSpread(f.runs) }
      : f.interleaved ? judgedPair(what, f.runs, hand.runs)
        : { ratio: f.median / hand.median, cell: judged(what, f.runs, hand.runs) };
    return [f.name, grouped(f.cases), rate(f.median), duration(1e9 / f.median), ratio(against.ratio), against.cell, load, f.runs.map((x) => rate(x)).join(', ')];
  });
  const compiled = figures.find((f) => f.name.includes('plain object'));
  if (compiled !== undefined && allWithin(`in process: ${compiled.name}`)) {
    summary.push(`The compiled evaluator decides a case of the reference policy in ${duration(1e9 / compiled.median)}: ` +
      `${ratio(pairedRatio(compiled.runs, hand.runs).ratio)} the speed of a hand-written JavaScript function of the same policy (load ${load}).`);
  }
  return [
    `## 1. In-process evaluations per second (reference policy, ${grouped(settings.cases)} seeded cases)`,
    '',
    gatedTable(['engine', 'cases timed', 'evaluations/s', 'per case', 'vs hand-written', 'spread (per-round ratios)', 'load', 'runs'], rows),
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
  type InProcess = { cases: number; lines: number; hand: number[]; ours: number[]; plainLine: number[]; ourLine: number[]; medians: Record<string, number> };
  const { set: { r, load }, attempt } = settled(() => {
    const { value: out, load } = withLoad(() => execFileSync(process.execPath, [join(cache, 'time-inprocess.mjs'), TIME_POLICY, String(count), String(lineCount), String(settings.reps)], {
      cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
    }));
    return { r: JSON.parse(out) as InProcess, load };
  }, ({ r }) => widestPair([r.ours, r.hand], [r.ourLine, r.plainLine]), MAX_SPREAD, ATTEMPTS, log);
  noteAttempt('time-heavy policy, in process', attempt);
  const m = r.medians;
  const compiled = judgedPair('time: compiled vs hand-written', r.ours, r.hand);
  const line = judgedPair('time: line vs plain line', r.ourLine, r.plainLine);
  const inRows = [
    ['hand-written JS function', grouped(r.cases), rate(m.hand), duration(1e9 / m.hand), ratio(1), ownSpread(r.hand), load, r.hand.map(rate).join(', ')],
    ['sopwright compiled (`decide`, plain object)', grouped(r.cases), rate(m.ours), duration(1e9 / m.ours), ratio(compiled.ratio), compiled.cell, load, r.ours.map(rate).join(', ')],
    ['plain line: JSON.parse, Date.parse, hand-written, JSON.stringify', grouped(r.lines), rate(m.plainLine), duration(1e9 / m.plainLine), ratio(1), ownSpread(r.plainLine), load, r.plainLine.map(rate).join(', ')],
    ['sopwright line: parse, validate, read ISO moments, decide, format', grouped(r.lines), rate(m.ourLine), duration(1e9 / m.ourLine), ratio(line.ratio), line.cell, load, r.ourLine.map(rate).join(', ')],
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
  const { set: runs, attempt: wholeAttempt } = settled(() => rounds(subjects.map((s) => s.args), settings.wholeRuns), widestAgainstFirst, MAX_SPREAD, ATTEMPTS, log);
  noteAttempt('time-heavy policy, whole process', wholeAttempt);
  const wall = (j: number) => runs[j].map((x) => x.seconds);
  const cpuOf = (j: number) => runs[j].map((x) => x.cpuSeconds);
  const wholeRows = subjects.map((s, j) => {
    const secs = median(wall(j));
    const cpu = median(cpuOf(j));
    const against = j === 0 ? { ratio: 1, cell: ownSpread(wall(0)) } : judgedPair(`time: ${s.name} vs plain`, wall(0), wall(j));
    return [
      s.name, `${secs.toFixed(2)} s`, rate(lines / secs), ratio(against.ratio), against.cell,
      `${cpu.toFixed(2)} s`, ratio(pairedRatio(cpuOf(0), cpuOf(j)).ratio), loadRange(runs[j].map((x) => x.load)), runs[j].map((x) => x.seconds.toFixed(2)).join(', '),
    ];
  });
  return [
    '## Time-heavy policy (test/fixtures/time/service.sop)',
    '',
    gatedTable(['what', 'cases or lines', 'per second', 'per item', 'vs hand-written / plain', 'spread (per-round ratios)', 'load', 'runs'], inRows),
    '',
    `Whole process, ${grouped(lines)} JSON Lines with ISO moments (a third of them in UTC, \`Z\`):`,
    '',
    gatedTable(['command', 'wall time', 'lines/s', 'vs plain', 'spread (per-round ratios)', 'CPU time', 'vs plain (CPU)', 'load', 'runs (wall s)'], wholeRows),
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
  /** The 1-minute load average when the run started. */
  readonly load: number;
  /** System time (kernel, on the process's behalf), part of cpuSeconds. */
  readonly sysSeconds: number;
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
  const load = loadavg()[0];
  const t = process.hrtime.bigint();
  const r = spawnSync(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const num = (re: RegExp) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  if (TIME !== undefined) {
    const sysSeconds = num(/System time \(seconds\): ([\d.]+)/);
    const cpuSeconds = num(/User time \(seconds\): ([\d.]+)/) + sysSeconds;
    return { seconds, load, cpuSeconds, sysSeconds, rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024 };
  }
  return { seconds, load, cpuSeconds: num(/^USAGE \d+ ([\d.]+) /m), sysSeconds: num(/^USAGE \d+ [\d.]+ ([\d.]+)$/m), rssMb: num(/^USAGE (\d+) /m) / 1024 };
}

/** `n` rounds of whole-process runs, each round running every command once in order: runs per command. */
function rounds(commands: readonly (readonly string[])[], n: number): Run[][] {
  const runs: Run[][] = commands.map(() => []);
  for (let i = 0; i < n; i++) commands.forEach((args, j) => runs[j].push(measure(args)));
  return runs;
}

/** The widest per-round spread of every command's wall time against the first command's (the baseline). */
function widestAgainstFirst(runs: readonly Run[][]): number {
  const wall = (j: number) => runs[j].map((r) => r.seconds);
  return widestPair(...runs.slice(1).map((_, j): [number[], number[]] => [wall(0), wall(j + 1)]));
}

const USAGE_PRELOAD =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();" +
  "process.stderr.write('\\nUSAGE '+u.maxRSS+' '+((u.userCPUTime+u.systemCPUTime)/1e6)+' '+(u.systemCPUTime/1e6)+'\\n')})";

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
    // Each set of rounds is judged on every ratio it yields: each command against the plain
    // pipeline, and the default mode against one thread.
    const { set: runs, attempt } = settled(() => rounds(subjects.map((s) => s.args), settings.wholeRuns),
      (set) => Math.max(widestAgainstFirst(set), pairedRatio(set[2].map((r) => r.seconds), set[1].map((r) => r.seconds)).spread), MAX_SPREAD, ATTEMPTS, log);
    noteAttempt(`${grouped(lines)} lines`, attempt);
    const wall = (j: number) => runs[j].map((r) => r.seconds);
    const cpuOf = (j: number) => runs[j].map((r) => r.cpuSeconds);
    const speeds = subjects.map((s, j) => (j === 0 ? { ratio: 1, cell: ownSpread(wall(0)) } : judgedPair(`${grouped(lines)} lines: ${s.name} vs plain`, wall(0), wall(j))));
    subjects.forEach((s, j) => {
      const secs = median(wall(j));
      const cpu = median(cpuOf(j));
      rows.push([
        grouped(lines), s.name, `${secs.toFixed(2)} s`, rate(lines / secs), ratio(speeds[j].ratio), speeds[j].cell,
        `${cpu.toFixed(2)} s`, ratio(pairedRatio(cpuOf(0), cpuOf(j)).ratio), `${(median(runs[j].map((r) => r.sysSeconds / r.cpuSeconds)) * 100).toFixed(0)}%`,
        `${median(runs[j].map((r) => r.rssMb)).toFixed(0)} MB`, loadRange(runs[j].map((r) => r.load)),
        runs[j].map((r) => r.seconds.toFixed(2)).join(', '),
      ]);
    });
    // The default mode against one thread: it must never be the slower.
    const against = judgedPair(`${grouped(lines)} lines: default vs --jobs 1`, wall(2), wall(1));
    notes.push(against.cell.includes('not published')
      ? `${grouped(lines)} lines: the default mode against \`--jobs 1\`: not published (spread ${against.cell}).`
      : `${grouped(lines)} lines: the default mode ran at ${ratio(against.ratio)} the speed of \`--jobs 1\` (spread ${against.cell}, load ${loadRange(runs[1].map((r) => r.load))}).`);
    if (lines === settings.lines[settings.lines.length - 1] && allWithin(`${grouped(lines)} lines:`)) {
      summary.push(`Batch mode validates and evaluates ${grouped(lines)} lines at ${ratio(speeds[1].ratio)} the speed of a plain Node ` +
        `pipeline that validates nothing, ${ratio(speeds[2].ratio)} on one thread (\`--jobs 1\`); peak memory ` +
        `${median(runs[2].map((r) => r.rssMb)).toFixed(0)} MB on one thread (load ${loadRange(runs.flat().map((r) => r.load))}).`);
    }
  }
  if (!quick) notes.push(await tenMillionLines(rows));
  notes.push(
    `Each line is a complete case of the reference policy in yuan (about 355 bytes). Before timing, the two outputs of the ` +
      `${grouped(settings.lines[0])}-line file were compared line by line: ${grouped(verified)} lines agree on outcome and values. ` +
      'sopwright validates every line exactly as a single case (`readCase`: JSON Schema via ajv, money to fen, unknown ' +
      'fields with suggestions, repeated keys refused), most lines by a one-pass reader generated for the policy, the others ' +
      'by the full path; the plain pipeline validates nothing. Without `--jobs`, inputs over 8 MB are spread over worker ' +
      'threads only when the load average leaves a CPU idle for each of at least two workers beside the main thread\'s (never on a 2-CPU ' +
      'machine), else run in one thread (results stay in input order). Peak RSS is the whole process ' +
      `(${TIME !== undefined ? '/usr/bin/time -v' : 'process.resourceUsage() in the child'}), worker threads included; ` +
      'so is CPU time (user + system), which other load on the machine disturbs less than wall time; "system" is the ' +
      'share of that CPU time spent in the kernel. ' +
      'Targets: one thread ≥ 1.0x the plain pipeline, the default mode ≥ 1.5x on an idle machine and never slower than one thread; ' +
      'system time ≤ 15% of CPU; memory flat from 100k to 10M lines.',
  );
  return [
    '## 2. Whole process: batch evaluation of a JSON Lines file',
    '',
    gatedTable(['lines', 'command', 'wall time', 'lines/s', 'vs plain', 'spread (per-round ratios)', 'CPU time', 'vs plain (CPU)', 'system', 'peak RSS', 'load', 'runs (wall s)'], rows),
    '',
    ...notes,
    '',
    lineCosts(),
  ].join('\n');
}

/**
 * Memory at ten million lines (a 3.5 GB file): one run of each mode, for peak RSS and the kernel's
 * share of CPU next to the 1M rows, not for a ratio. The file is deleted afterwards.
 */
async function tenMillionLines(rows: readonly string[][]): Promise<string> {
  const lines = 10_000_000;
  log(`2/4 whole process: ${grouped(lines)} lines (memory)…`);
  const file = join(data, `cases-${lines}.jsonl`);
  await writeJsonl(file, lines);
  try {
    const at = (args: readonly string[]) => measure([BIN, 'eval', POLICY, '--cases', file, '-o', '/dev/null', ...args]);
    const [oneThread, defaultMode] = [at(['--jobs', '1']), at([])];
    const atMillion = (name: string) => rows.find((r) => r[0] === grouped(1_000_000) && r[1].startsWith(name))?.[9] ?? '—';
    const said = (r: Run) => `peak RSS ${r.rssMb.toFixed(0)} MB, ${(lines / r.seconds / 1e3).toFixed(1)} k lines/s, system ${((r.sysSeconds / r.cpuSeconds) * 100).toFixed(0)}% of CPU (load ${r.load.toFixed(1)})`;
    return `${grouped(lines)} lines (one run each, for memory): \`--jobs 1\` ${said(oneThread)} against ${atMillion('… with')} at 1M; ` +
      `the default mode ${said(defaultMode)} against ${atMillion('`sopwright eval')} at 1M.`;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Each step of a batch line timed alone, in one thread (line-costs.ts). */
function lineCosts(): string {
  const count = quick ? 20_000 : 100_000;
  log('2/4 whole process: cost of each step of a line…');
  const { value: out, load } = withLoad(() => execFileSync(process.execPath, [join(cache, 'line-costs.mjs'), POLICY, String(count), '5'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }));
  const costs = JSON.parse(out) as Record<string, number>;
  return [
    `Where the time of a line goes (one thread, in-process, median of 5 passes over ${grouped(count)} lines; load ${load}):`,
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
  let previous: { secs: number; wall: number[] } | undefined;
  for (const branches of settings.branches) {
    log(`3/4 check: ${grouped(branches)} branches…`);
    const file = join(data, `policy-${branches}.sop`);
    writeFileSync(file, generateScaledPolicy(branches, 1));
    // Rounds of `node -e 0` (the yardstick of start-up: the 10k target is ≤ 5x it) and the check.
    const { set: [bare, runs], attempt } = settled(() => rounds([['-e', '0'], [BIN, 'check', file]], settings.checkRuns), widestAgainstFirst, MAX_SPREAD, ATTEMPTS, log);
    noteAttempt(`check ${grouped(branches)} branches`, attempt);
    const secs = median(runs.map((r) => r.seconds));
    const wall = runs.map((r) => r.seconds);
    const vsNode = judgedPair(`check ${grouped(branches)} branches vs node -e 0`, wall, bare.map((r) => r.seconds));
    // Growth compares two rows measured at different times, so whole run sets, not rounds; it is
    // shown only when both spread within the rule (it is not a target, so it does not gate the row).
    const growth = previous === undefined ? '' : Math.max(spread(wall), spread(previous.wall)) <= MAX_SPREAD ? ratio(secs / previous.secs) : '— (runs spread over ±15%)';
    rows.push([
      grouped(branches), `${secs.toFixed(2)} s`, `${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} s`,
      growth, ratio(vsNode.ratio), vsNode.cell,
      `${median(runs.map((r) => r.rssMb)).toFixed(0)} MB`, loadRange(runs.map((r) => r.load)),
      runs.map((r) => r.seconds.toFixed(2)).join(', '),
    ]);
    if (branches === 10_000 && allWithin(`check ${grouped(branches)} branches`)) summary.push(`\`check\` of a 10,000-branch policy takes ${secs.toFixed(2)} s, whole process: ${ratio(vsNode.ratio)} \`node -e 0\` (load ${loadRange(runs.map((r) => r.load))}).`);
    previous = { secs, wall };
  }
  return [
    '## 3. `sopwright check` on generated policies',
    '',
    gatedTable(['branches', 'wall time (whole process)', 'CPU time', 'growth vs previous row (wall)', 'vs node -e 0', 'spread (per-round ratios)', 'peak RSS', 'load', 'runs (wall s)'], rows),
    '',
    'Policies from `generateScaledPolicy(branches, seed 1)` in test/support/generate-policy.ts: a layered DAG of decisions, ' +
      'clean (no errors or warnings), so every check runs to the end; each run alternates with one of `node -e 0`. ' +
      'Targets: 10k branches under 1 s and ≤ 5x `node -e 0`.',
  ].join('\n');
}

// ------------------------------------------------------------------------------------- 4

function startUp(): string {
  log('4/4 start-up…');
  const subjects = [
    { name: '`node -e 0`', args: ['-e', '0'] },
    { name: '`sopwright check rules/after-sales.sop`', args: [BIN, 'check', POLICY] },
  ];
  const { set: runs, attempt } = settled(() => rounds(subjects.map((s) => s.args), settings.startRuns), widestAgainstFirst, MAX_SPREAD, ATTEMPTS, log);
  noteAttempt('start-up', attempt);
  const wall = runs.map((r) => median(r.map((x) => x.seconds * 1000)));
  const cpu = runs.map((r) => median(r.map((x) => x.cpuSeconds * 1000)));
  const seconds = (j: number) => runs[j].map((r) => r.seconds);
  const against = subjects.map((s, j) => (j === 0 ? { ratio: 1, cell: ownSpread(seconds(0)) } : judgedPair(`start-up: ${s.name} vs node -e 0`, seconds(j), seconds(0))));
  const rows = subjects.map((s, j) => [
    s.name, `${wall[j].toFixed(0)} ms`, ratio(against[j].ratio), against[j].cell,
    `${cpu[j].toFixed(0)} ms`, ratio(pairedRatio(runs[j].map((r) => r.cpuSeconds), runs[0].map((r) => r.cpuSeconds)).ratio), loadRange(runs[j].map((r) => r.load)),
    runs[j].map((r) => (r.seconds * 1000).toFixed(0)).join(', '),
  ]);
  if (allWithin('start-up:')) summary.push(`\`check\` of the reference policy starts and finishes in ${wall[1].toFixed(0)} ms, ${ratio(against[1].ratio)} \`node -e 0\` ` +
    `(load ${loadRange(runs.flat().map((r) => r.load))}).`);
  return [
    `## 4. Start-up (${settings.startRuns} runs each, alternating)`,
    '',
    gatedTable(['command', 'median wall', 'vs node -e 0', 'spread (per-round ratios)', 'median CPU', 'vs node -e 0 (CPU)', 'load', 'runs (wall ms)'], rows),
    '',
    'Target: `sopwright check rules/after-sales.sop` within 2.0x of `node -e 0`.',
  ].join('\n');
}

await main();
