import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analysis/index.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { verifyWitnesses } from '../../src/check/checks/witnesses.js';
import { compileEvaluator } from '../../src/eval/engines/compiled/compile-evaluator.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { graphFromSource } from '../check/solver/source.js';
import { seededRandom } from '../support/generate-policy.js';

/**
 * The brute-force oracle for time (issue 11): random small policies over a moment `t1`, `now`, a
 * date `d1` and a clock time `c1` (windows wrapping midnight, moments against each other, dates
 * and clock times of moments, days and calendar months and years), in a zone with a fixed offset
 * now (Asia/Shanghai, UTC, Asia/Kolkata). Ground truth is computed here with the calendar library
 * alone, nothing of sopwright's, over small domains that hold the edges: clock times either side
 * of 09:00 and 23:30, month ends and 29 February, 12 hours and one second more. Cases go to the
 * evaluators as a user types them, moments in several offsets. The interpreter and the compiled
 * evaluator must give the ground truth on every case tried; every gap, overlap and branch taken
 * that brute force finds must be reported by the checker (where it says it is exact); every gap
 * and overlap the checker reports must hold for its witness by the ground truth. Seeded;
 * `SOPWRIGHT_TIME_ORACLE_POLICIES` sets how many policies (25 by default; `npm run fuzz` runs 2,000).
 */

const POLICIES = Number(process.env.SOPWRIGHT_TIME_ORACLE_POLICIES ?? 25);
const ENGINE_CASES = Number(process.env.SOPWRIGHT_TIME_ORACLE_ENGINE_CASES ?? 40);

const ZONES = ['Asia/Shanghai', 'UTC', 'Asia/Kolkata'];
const NOW_DAYS = ['2024-02-29', '2026-01-31', '2026-02-28', '2026-03-01'];
const NOW_CLOCKS = ['00:00:00', '08:59:59', '09:00:00', '23:29:59', '23:30:00', '23:59:59'];
/** t1 = now − each of these seconds (negative: after now). */
const T1_BEFORE = [0, 1, 43_200, 43_201, 86_400, -3600];
/** d1 = now's date − each of these days. */
const D1_BEFORE = [0, 1, 7, 8, 365, 366, 730, 731];
const C1 = [0, 32_399, 32_400, 84_600, 86_399];
/** Offsets the evaluators read moments in. */
const INPUT_OFFSETS = ['+08:00', 'UTC', '-05:00', '+05:45'];
const CLOCK_K = [0, 32_400, 84_600, 86_399];
const DURATIONS = [0, 1, 3600, 43_200, 86_400];

type Fact = 'now' | 't1' | 'd1' | 'c1';
type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
const OPS: readonly Op[] = ['<', '<=', '>', '>=', '==', '!='];

type Clock = { k: 'time-of'; f: 'now' | 't1' } | { k: 'fact' } | { k: 'const'; s: number };
type DateTerm = { k: 'date-of'; f: 'now' | 't1' } | { k: 'd1'; days: number; months: number };
type Cond =
  | { c: 'window'; x: Clock; a: Clock; b: Clock }
  | { c: 'clock'; x: Clock; op: Op; y: Clock }
  | { c: 'elapsed'; op: Op; s: number }
  | { c: 'moments'; op: Op }
  | { c: 'dates'; l: DateTerm; op: Op; r: DateTerm }
  | { c: 'and' | 'or'; parts: Cond[] }
  | { c: 'not'; part: Cond };

interface Decision { id: string; unique: boolean; branches: { cond: Cond | null; target: string }[] }
interface Policy { zone: string; decisions: Decision[]; facts: Set<Fact>; text: string }

/** A case: moments in epoch seconds, the date as a plain date, the clock time in seconds. */
interface Case { now?: number; t1?: number; d1?: Temporal.PlainDate; c1?: number }

function generate(random: () => number): Policy {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const facts = new Set<Fact>();
  const clock = (): Clock => {
    const r = random();
    if (r < 0.45) { const f = pick(['now', 't1'] as const); facts.add(f); return { k: 'time-of', f }; }
    if (r < 0.6) { facts.add('c1'); return { k: 'fact' }; }
    return { k: 'const', s: pick(CLOCK_K) };
  };
  const dateTerm = (calendar: boolean): DateTerm => {
    if (random() < 0.5) { const f = pick(['now', 't1'] as const); facts.add(f); return { k: 'date-of', f }; }
    facts.add('d1');
    const r = random();
    return calendar && r < 0.4 ? { k: 'd1', days: 0, months: pick([1, 12, 24, -1]) } : { k: 'd1', days: pick([0, 0, 7, 730]), months: 0 };
  };
  const leaf = (): Cond => {
    const r = random();
    if (r < 0.25) return { c: 'window', x: clock(), a: clock(), b: clock() };
    if (r < 0.4) return { c: 'clock', x: clock(), op: pick(OPS), y: clock() };
    if (r < 0.6) { facts.add('now'); facts.add('t1'); return { c: 'elapsed', op: pick(OPS), s: pick(DURATIONS) }; }
    if (r < 0.68) { facts.add('now'); facts.add('t1'); return { c: 'moments', op: pick(OPS) }; }
    const l = dateTerm(false);
    return { c: 'dates', l, op: pick(OPS), r: dateTerm(l.k !== 'd1') };
  };
  const cond = (depth = 0): Cond => {
    const r = random();
    if (depth < 1 && r < 0.15) return { c: pick(['and', 'or'] as const), parts: [cond(depth + 1), cond(depth + 1)] };
    if (depth < 1 && r < 0.22) return { c: 'not', part: cond(depth + 1) };
    return leaf();
  };
  const count = 1 + Math.floor(random() * 2);
  const decisions: Decision[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(random() * 2);
    const targets = [...Array.from({ length: count - i - 1 }, (_, j) => `k${i + j + 1}`), 'o1', 'o2', 'o3'];
    const branches = Array.from({ length: n }, () => ({ cond: cond() as Cond | null, target: pick(targets) }));
    if (random() < 0.4) branches.push({ cond: null, target: pick(targets) });
    decisions.push({ id: `k${i}`, unique: random() < 0.3, branches });
  }
  const zone = pick(ZONES);
  const declared = { t1: 'fact t1: datetime "T1"', d1: 'fact d1: date "D1"', c1: 'fact c1: time "C1"' };
  const text = [
    `policy p "P" { locales zh-CN  timezone "${zone}"  start k0 }`,
    ...(['t1', 'd1', 'c1'] as const).filter((f) => facts.has(f)).map((f) => declared[f]),
    ...decisions.map((d) => `decision ${d.id} "${d.id}"${d.unique ? ' unique' : ''} {\n${d.branches.map((b) => `  ${b.cond ? `when ${print(b.cond)}` : 'otherwise'} -> ${b.target}`).join('\n')}\n}`),
    'outcome o1 "O1" { }', 'outcome o2 "O2" { }', 'outcome o3 "O3" { }',
  ].join('\n');
  return { zone, decisions, facts, text };
}

function hhmmss(s: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}
function printClock(x: Clock): string {
  return x.k === 'time-of' ? `${x.f}.time` : x.k === 'fact' ? 'c1' : hhmmss(x.s);
}
function printDate(x: DateTerm): string {
  if (x.k === 'date-of') return `${x.f}.date`;
  if (x.months !== 0) return `d1 ${x.months < 0 ? '-' : '+'} ${Math.abs(x.months) % 12 === 0 ? `${Math.abs(x.months) / 12} years` : `${Math.abs(x.months)} months`}`;
  return x.days === 0 ? 'd1' : `d1 + ${x.days} days`;
}
function print(c: Cond): string {
  switch (c.c) {
    case 'window': return `${printClock(c.x)} between ${printClock(c.a)} and ${printClock(c.b)}`;
    case 'clock': return `${printClock(c.x)} ${c.op} ${printClock(c.y)}`;
    case 'elapsed': return `now - t1 ${c.op} ${c.s} seconds`;
    case 'moments': return `t1 ${c.op} now`;
    case 'dates': return `${printDate(c.l)} ${c.op} ${printDate(c.r)}`;
    case 'and': case 'or': return c.parts.map((p) => `(${print(p)})`).join(` ${c.c} `);
    case 'not': return `not (${print(c.part)})`;
  }
}

/** Ground truth, with the calendar library only. */
class Truth {
  private readonly locals = new Map<number, { date: Temporal.PlainDate; clock: number }>();
  constructor(private readonly zone: string) {}

  local(moment: number) {
    let l = this.locals.get(moment);
    if (!l) {
      const z = Temporal.Instant.fromEpochMilliseconds(moment * 1000).toZonedDateTimeISO(this.zone);
      l = { date: z.toPlainDate(), clock: z.hour * 3600 + z.minute * 60 + z.second };
      this.locals.set(moment, l);
    }
    return l;
  }

  clock(x: Clock, k: Case): number {
    return x.k === 'const' ? x.s : x.k === 'fact' ? k.c1! : this.local(k[x.f]!).clock;
  }

  date(x: DateTerm, k: Case): Temporal.PlainDate {
    if (x.k === 'date-of') return this.local(k[x.f]!).date;
    return k.d1!.add({ days: x.days, months: x.months }, { overflow: 'constrain' });
  }

  holds(c: Cond, k: Case): boolean {
    switch (c.c) {
      case 'window': {
        const [t, a, b] = [this.clock(c.x, k), this.clock(c.a, k), this.clock(c.b, k)];
        return a < b ? t >= a && t < b : t >= a || t < b;
      }
      case 'clock': return cmp(this.clock(c.x, k) - this.clock(c.y, k), c.op);
      case 'elapsed': return cmp(k.now! - k.t1! - c.s, c.op);
      case 'moments': return cmp(k.t1! - k.now!, c.op);
      case 'dates': return cmp(Temporal.PlainDate.compare(this.date(c.l, k), this.date(c.r, k)), c.op);
      case 'and': return c.parts.every((p) => this.holds(p, k));
      case 'or': return c.parts.some((p) => this.holds(p, k));
      case 'not': return !this.holds(c.part, k);
    }
  }
}

function cmp(d: number, op: Op): boolean {
  switch (op) {
    case '<': return d < 0;
    case '<=': return d <= 0;
    case '>': return d > 0;
    case '>=': return d >= 0;
    case '==': return d === 0;
    case '!=': return d !== 0;
  }
}

/** Every case of the small domains, over the facts the policy reads. */
function cases(p: Policy): Case[] {
  const out: Case[] = [];
  for (const day of NOW_DAYS) {
    for (const clock of NOW_CLOCKS) {
      const now = Temporal.PlainDateTime.from(`${day}T${clock}`).toZonedDateTime(p.zone).epochMilliseconds / 1000;
      const date = Temporal.PlainDate.from(day);
      for (const dt of p.facts.has('t1') ? T1_BEFORE : [null]) {
        for (const dd of p.facts.has('d1') ? D1_BEFORE : [null]) {
          for (const c1 of p.facts.has('c1') ? C1 : [null]) {
            out.push({ now, ...(dt !== null ? { t1: now - dt } : {}), ...(dd !== null ? { d1: date.subtract({ days: dd }) } : {}), ...(c1 !== null ? { c1 } : {}) });
          }
        }
      }
    }
  }
  return out;
}

/** The case as a user types it: moments in the given offset. */
function caseArgs(k: Case, offset: string, facts: ReadonlySet<Fact> = new Set(['now'])): string[] {
  const moment = (s: number) => Temporal.Instant.fromEpochMilliseconds(s * 1000).toZonedDateTimeISO(offset).toString({ timeZoneName: 'never' }).replace('+00:00', 'Z');
  const args: string[] = [];
  if (k.now !== undefined && facts.has('now')) args.push(`now=${moment(k.now)}`);
  if (k.t1 !== undefined) args.push(`t1=${moment(k.t1)}`);
  if (k.d1 !== undefined) args.push(`d1=${k.d1.toString()}`);
  if (k.c1 !== undefined) args.push(`c1=${hhmmss(k.c1)}`);
  return args;
}

/** A witness as the ground truth reads it. */
function fromWitness(w: Readonly<Record<string, string>>): Case {
  const moment = (s: string) => Temporal.Instant.from(s).epochMilliseconds / 1000;
  const clock = (s: string) => s.split(':').reduce((acc, x, i) => acc + Number(x) * [3600, 60, 1][i], 0);
  return {
    ...(w.now ? { now: moment(w.now) } : {}),
    ...(w.t1 ? { t1: moment(w.t1) } : {}),
    ...(w.d1 ? { d1: Temporal.PlainDate.from(w.d1) } : {}),
    ...(w.c1 ? { c1: clock(w.c1) } : {}),
  };
}

type Walk = { outcome: string } | { gapAt: string };

interface Seen { gaps: Set<string>; overlaps: Set<string>; taken: Set<string> }

function branchId(d: Decision, i: number): string {
  return d.branches[i].cond === null ? `${d.id}.otherwise` : `${d.id}.${i + 1}`;
}

function walk(p: Policy, truth: Truth, k: Case, seen?: Seen): Walk {
  for (let d = p.decisions[0]; ;) {
    // First match, reading no further than that (a witness holds only the facts read); every
    // condition of a unique decision when tracking overlaps.
    const holds: (boolean | null)[] = [];
    for (const b of d.branches) {
      holds.push(b.cond === null ? null : truth.holds(b.cond, k));
      if (holds[holds.length - 1] === true && !(seen && d.unique)) break;
    }
    if (d.unique && seen) holds.forEach((a, i) => holds.forEach((b, j) => { if (i < j && a && b) seen.overlaps.add(branchId(d, j)); }));
    let i = holds.findIndex((h) => h === true);
    if (i < 0) i = d.branches.findIndex((b) => b.cond === null);
    if (i < 0) {
      seen?.gaps.add(d.id);
      return { gapAt: d.id };
    }
    seen?.taken.add(branchId(d, i));
    const target = d.branches[i].target;
    if (target.startsWith('o')) return { outcome: target };
    d = p.decisions.find((x) => x.id === target)!;
  }
}

function checkPolicy(seed: number, problems: string[], counts: { cases: number; engine: number; witnesses: number; inexact: number }): void {
  const p = generate(seededRandom(seed));
  const fail = (what: string): void => void problems.push(`seed ${seed}: ${what}\n${p.text}`);
  const graph: DecisionGraph = graphFromSource(p.text);
  const { findings, reachableBranches } = verifyWitnesses(graph, analyseGraph(graph));
  const truth = new Truth(p.zone);
  const seen: Seen = { gaps: new Set(), overlaps: new Set(), taken: new Set() };
  const compiled = compileEvaluator(graph);
  const random = seededRandom(seed * 104_729);
  const all = cases(p);
  const rate = Math.min(1, ENGINE_CASES / all.length);
  for (const k of all) {
    const t = walk(p, truth, k, seen);
    counts.cases++;
    if (random() >= rate) continue;
    const read = readCaseArgs(graph, caseArgs(k, INPUT_OFFSETS[Math.floor(random() * INPUT_OFFSETS.length)], p.facts));
    if (read.value === undefined) return fail(`the case ${caseArgs(k, 'UTC').join(' ')} is refused: ${read.diagnostics[0]?.message}`);
    const results = [['interpreter', evaluate(graph, read.value)], ['compiled', compiled.evaluate(read.value)]] as const;
    for (const [engine, r] of results) {
      const ok = 'outcome' in t ? r.status === 'decided' && r.outcome?.id === t.outcome : r.status === 'error' && r.diagnostics.some((d) => d.code === 'graph/gap');
      if (!ok) return fail(`${engine} differs from the ground truth (${JSON.stringify(t)}) on ${caseArgs(k, '+08:00').join(' ')}: ${r.status} ${r.outcome?.id ?? ''}`);
    }
    counts.engine++;
  }
  // Claims: each reported gap and overlap holds for its witness by the ground truth.
  for (const f of findings) {
    if (f.kind !== 'gap' && f.kind !== 'overlap') continue;
    if (!f.witness) return fail(`${f.kind} in ${f.decision.id} without a witness`);
    const k = fromWitness(f.witness);
    if (f.kind === 'gap') {
      const w = walk(p, truth, k);
      if (!('gapAt' in w) || w.gapAt !== f.decision.id) return fail(`the gap witness ${JSON.stringify(f.witness)} does not fall through ${f.decision.id}`);
    } else {
      const d = p.decisions.find((x) => x.id === f.decision.id)!;
      const at = (id: string) => d.branches[d.branches.findIndex((_, i) => branchId(d, i) === id)].cond!;
      if (!truth.holds(at(f.branch.id), k) || !truth.holds(at(f.earlier[0].id), k)) return fail(`the overlap witness ${JSON.stringify(f.witness)} does not match both branches`);
    }
    counts.witnesses++;
  }
  // What brute force finds, the checker reports, in every decision it analyses exactly.
  const inexact = new Set(findings.filter((f) => f.kind === 'inexact').map((f) => f.decision.id));
  counts.inexact += inexact.size;
  const gaps = new Set(findings.filter((f) => f.kind === 'gap').map((f) => f.decision.id));
  const overlapping = new Set(findings.flatMap((f) => (f.kind === 'overlap' ? [f.branch.id] : [])));
  for (const d of seen.gaps) if (!inexact.has(d) && !gaps.has(d)) return fail(`brute force falls through ${d}, the checker reports no gap`);
  for (const b of seen.overlaps) if (!inexact.has(b.split('.')[0]) && !overlapping.has(b)) return fail(`brute force finds ${b} overlapping, the checker does not`);
  for (const b of seen.taken) if (!inexact.has(b.split('.')[0]) && !reachableBranches.has(b)) return fail(`brute force takes ${b}, the checker says it is never taken`);
}

describe('the brute-force oracle for time', () => {
  it(`agrees with the checker and both evaluators on ${POLICIES} random time policies`, () => {
    const problems: string[] = [];
    const counts = { cases: 0, engine: 0, witnesses: 0, inexact: 0 };
    for (let seed = 1; seed <= POLICIES && problems.length < 3; seed++) {
      try {
        checkPolicy(seed, problems, counts);
      } catch (e) {
        problems.push(`seed ${seed}: ${(e as Error).stack}\n${generate(seededRandom(seed)).text}`);
      }
    }
    if (process.env.SOPWRIGHT_ORACLE_REPORT) console.log(JSON.stringify({ policies: POLICIES, ...counts }));
    expect(problems).toEqual([]);
    expect(counts.witnesses).toBeGreaterThan(0);
  }, 240_000);
});
