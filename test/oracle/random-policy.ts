import { add, compare, div, mul, neg, rat, ratFromDecimal, type Rat, sub } from '../../src/values/rational.js';

/**
 * Random small policies for the brute-force oracle, built as a tiny syntax tree of their own:
 * printed as `.sop` text for the checker and the evaluators, and evaluated here directly, with
 * nothing of sopwright's, so the oracle's ground truth is independent of what it judges.
 *
 * Money constants are 0, 1 or 2 fen (K = 2), so every condition is decided the same way on the
 * compressed cases `candidates` enumerates (see there why that covers every region).
 */

export type Fact = 'b1' | 'b2' | 'e' | 'm1' | 'm2' | 'n';
export const MONEY_FACTS: readonly Fact[] = ['m1', 'm2'];

/** A value in a case: booleans, enum member ids, money in fen (an integer), numbers exact. */
export type V = boolean | string | number | Rat;
export type Case = Readonly<Partial<Record<Fact, V>>>;

export type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** A numeric term: money in fen (`m`), or a number (`n`). */
export type Term =
  | { readonly t: 'fact'; readonly f: 'm1' | 'm2' | 'n' }
  | { readonly t: 'sum' | 'diff' | 'min' | 'max'; readonly a: 'm1' | 'm2'; readonly b: 'm1' | 'm2' }
  | { readonly t: 'let' }
  | { readonly t: 'plus'; readonly a: 'm1' | 'm2'; readonly k: string }
  | { readonly t: 'nshift'; readonly by: string }
  | { readonly t: 'nscale'; readonly op: '*' | '/'; readonly by: string };
export type Cond =
  | { readonly c: 'bool'; readonly f: 'b1' | 'b2'; readonly neg: boolean }
  | { readonly c: 'enum'; readonly members: readonly string[]; readonly negated: boolean; readonly form: 'eq' | 'in' | 'qualified' }
  | { readonly c: 'cmp'; readonly term: Term; readonly op: Op; readonly k: string; readonly money: boolean }
  | { readonly c: 'and' | 'or'; readonly parts: readonly Cond[] }
  | { readonly c: 'not'; readonly part: Cond };

export interface Branch {
  readonly cond: Cond | null;
  readonly target: string;
}
export interface Decision {
  readonly id: string;
  readonly unique: boolean;
  readonly branches: readonly Branch[];
}
/** What the number fact `n` may hold: whole numbers only, and bounds (null: open). */
export interface NumberRange {
  readonly whole: boolean;
  readonly lo: string | null;
  readonly hi: string | null;
}

export interface Policy {
  readonly decisions: readonly Decision[];
  /** The declared range of `n` (`whole number 0..2`), or null for a plain `number`. */
  readonly nRange: NumberRange | null;
  /** Outcome id → its computed value's term, if any. */
  readonly values: Readonly<Record<string, Term | null>>;
  readonly text: string;
  readonly facts: readonly Fact[];
  /** Where number conditions change truth: every region lies between or at these. */
  readonly numberBreaks: readonly Rat[];
}

const MEMBERS = ['a', 'b', 'c'];
const OPS: readonly Op[] = ['<', '<=', '>', '>=', '==', '!='];
/** Money constants in yuan: 0, 1 and 2 fen. */
const MONEY_K = ['0', '0.01', '0.02'];
const NUMBER_K = ['0', '0.2', '0.5', '1', '1.5'];
/** Ranges `n` is sometimes declared with: whole numbers, bounds at breakpoints and between them. */
const N_RANGES: readonly NumberRange[] = [
  { whole: true, lo: null, hi: null },
  { whole: true, lo: '0', hi: '2' },
  { whole: true, lo: '-1', hi: null },
  { whole: false, lo: '0', hi: null },
  { whole: false, lo: null, hi: '1' },
  { whole: false, lo: '0.25', hi: '1.5' },
];

export function generatePolicy(random: () => number): Policy {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const used = new Set<Fact>();
  const breaks: Rat[] = [];
  const useLet = random() < 0.3;
  const nRange = random() < 0.35 ? pick(N_RANGES) : null;

  const moneyTerm = (): Term => {
    const r = random();
    if (useLet && r < 0.15) { used.add('m1'); used.add('m2'); return { t: 'let' }; }
    if (r < 0.5) { const f = pick(MONEY_FACTS) as 'm1' | 'm2'; used.add(f); return { t: 'fact', f }; }
    const a = pick(MONEY_FACTS) as 'm1' | 'm2';
    used.add(a);
    if (r < 0.62) return { t: 'plus', a, k: pick(MONEY_K) };
    const b = (a === 'm1' ? 'm2' : 'm1');
    used.add(b);
    // A sum of two facts is outside the fragment the README calls exact: rare, and judged only by evaluation.
    return { t: r < 0.66 ? 'sum' : pick(['diff', 'min', 'max'] as const), a, b };
  };
  const numberCond = (): Cond => {
    used.add('n');
    const op = pick(OPS);
    const k = pick(NUMBER_K);
    const r = random();
    const kr = ratFromDecimal(k)!;
    if (r < 0.5) { breaks.push(kr); return { c: 'cmp', term: { t: 'fact', f: 'n' }, op, k, money: false }; }
    if (r < 0.75) {
      const by = pick(NUMBER_K.slice(1));
      breaks.push(add(kr, ratFromDecimal(by)!));
      return { c: 'cmp', term: { t: 'nshift', by }, op, k, money: false };
    }
    const by = pick(['2', '4', '0.5']);
    const sop = pick(['*', '/'] as const);
    const byr = ratFromDecimal(by)!;
    breaks.push(sop === '*' ? div(kr, byr) : mul(kr, byr));
    return { c: 'cmp', term: { t: 'nscale', op: sop, by }, op, k, money: false };
  };
  const atom = (): Cond => {
    const r = random();
    if (r < 0.2) { const f = pick(['b1', 'b2'] as const); used.add(f); return { c: 'bool', f, neg: random() < 0.3 }; }
    if (r < 0.4) {
      used.add('e');
      const form = pick(['eq', 'in', 'qualified'] as const);
      const members = form === 'eq' ? [pick(MEMBERS)] : MEMBERS.filter(() => random() < 0.5);
      return { c: 'enum', members: members.length > 0 ? members : ['a'], negated: random() < 0.3, form };
    }
    if (r < 0.85) {
      const term = moneyTerm();
      const k = term.t === 'diff' && random() < 0.5 ? `-${pick(MONEY_K.slice(1))}` : pick(MONEY_K);
      return { c: 'cmp', term, op: pick(OPS), k, money: true };
    }
    return numberCond();
  };
  const cond = (depth: number): Cond => {
    const r = random();
    if (depth < 2 && r < 0.25) return { c: random() < 0.5 ? 'and' : 'or', parts: [cond(depth + 1), cond(depth + 1)] };
    if (depth < 2 && r < 0.32) return { c: 'not', part: cond(depth + 1) };
    return atom();
  };

  const count = 1 + Math.floor(random() * 3);
  const outcomes = ['o0', 'o1', 'o2'];
  const decisions: Decision[] = [];
  for (let i = 0; i < count; i++) {
    const later = Array.from({ length: count - i - 1 }, (_, j) => `d${i + j + 1}`);
    const target = () => (later.length > 0 && random() < 0.4 ? pick(later) : pick(outcomes));
    const branches: Branch[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({ cond: cond(0), target: target() }));
    if (random() < 0.4) branches.push({ cond: null, target: target() });
    // Every later decision is reached by some branch, so none is left out structurally.
    if (i > 0 && !decisions.some((d) => d.branches.some((b) => b.target === `d${i}`))) {
      const d = decisions[Math.floor(random() * decisions.length)];
      (d.branches as Branch[]).unshift({ cond: cond(0), target: `d${i}` });
    }
    decisions.push({ id: `d${i}`, unique: random() < 0.3, branches });
  }
  const values: Record<string, Term | null> = {};
  for (const o of outcomes) {
    const r = random();
    values[o] = r < 0.3 ? moneyTerm() : r < 0.4 ? (used.add('n'), { t: 'nscale', op: '/', by: '3' }) : null;
  }
  const facts = [...used].sort();
  return { decisions, nRange, values, facts, numberBreaks: breaks, text: printPolicy(decisions, values, useLet, nRange) };
}

function printPolicy(decisions: readonly Decision[], values: Readonly<Record<string, Term | null>>, useLet: boolean, nRange: NumberRange | null): string {
  const range = nRange && (nRange.lo !== null || nRange.hi !== null) ? ` ${nRange.lo ?? ''}..${nRange.hi ?? ''}` : '';
  const lines = [
    'policy p "P" { locales zh-CN  start d0 }',
    'enum kind "K" { a "A"  b "B"  c "C" }',
    'fact b1: bool "B1"', 'fact b2: bool "B2"', 'fact e: kind "E"',
    'fact m1: money "M1"', 'fact m2: money "M2"', `fact n: ${nRange?.whole ? 'whole ' : ''}number${range} "N"`,
    ...(useLet ? ['let total = max(m1, m2 + 0.01 CNY) "T"'] : []),
  ];
  for (const [id, term] of Object.entries(values)) {
    lines.push(`outcome ${id} "${id}" {${term ? ` value v = ${printTerm(term)} "V"` : ''} }`);
  }
  for (const d of decisions) {
    lines.push(`decision ${d.id} "${d.id}"${d.unique ? ' unique' : ''} {`);
    for (const b of d.branches) lines.push(b.cond ? `  when ${printCond(b.cond)} -> ${b.target}` : `  otherwise -> ${b.target}`);
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

function printTerm(t: Term): string {
  switch (t.t) {
    case 'fact': return t.f;
    case 'sum': return `${t.a} + ${t.b}`;
    case 'diff': return `${t.a} - ${t.b}`;
    case 'min': case 'max': return `${t.t}(${t.a}, ${t.b})`;
    case 'let': return 'total';
    case 'plus': return `${t.a} + ${t.k} CNY`;
    case 'nshift': return `n - ${t.by}`;
    case 'nscale': return `n ${t.op} ${t.by}`;
  }
}

function printCond(c: Cond): string {
  switch (c.c) {
    case 'bool': return c.neg ? `not ${c.f}` : c.f;
    case 'enum': {
      if (c.form === 'eq') return `e ${c.negated ? '!=' : '=='} ${c.members[0]}`;
      const members = c.members.map((m) => (c.form === 'qualified' ? `kind.${m}` : m)).join(', ');
      return `e ${c.negated ? 'not in' : 'in'} {${members}}`;
    }
    case 'cmp': {
      const k = c.money ? (c.k.startsWith('-') ? `-${c.k.slice(1)} CNY` : `${c.k} CNY`) : c.k;
      return `${printTerm(c.term)} ${c.op} ${k}`;
    }
    case 'and': case 'or': return c.parts.map((p) => `(${printCond(p)})`).join(` ${c.c} `);
    case 'not': return `not (${printCond(c.part)})`;
  }
}

const decimals = new Map<string, Rat>();
/** A decimal constant as an exact number, read once. */
function dec(text: string): Rat {
  let r = decimals.get(text);
  if (r === undefined) decimals.set(text, (r = ratFromDecimal(text)!));
  return r;
}

/** The value of a term for a case: money in fen (a JS integer, exact at these sizes), numbers exact; undefined when a fact is missing. */
export function termValue(t: Term, x: Case): number | Rat | undefined {
  const fen = (f: Fact): number | undefined => x[f] as number | undefined;
  const two = (f: (a: number, b: number) => number, a: Fact, b: Fact) => {
    const l = fen(a);
    const r = fen(b);
    return l === undefined || r === undefined ? undefined : f(l, r);
  };
  switch (t.t) {
    case 'fact': return t.f === 'n' ? (x.n as Rat | undefined) : fen(t.f);
    case 'sum': return two((a, b) => a + b, t.a, t.b);
    case 'diff': return two((a, b) => a - b, t.a, t.b);
    case 'min': return two(Math.min, t.a, t.b);
    case 'max': return two(Math.max, t.a, t.b);
    case 'let': return two((a, b) => Math.max(a, b + 1), 'm1', 'm2');
    case 'plus': { const a = fen(t.a); return a === undefined ? undefined : a + yuanToFen(t.k); }
    case 'nshift': { const n = x.n as Rat | undefined; return n && sub(n, dec(t.by)); }
    case 'nscale': { const n = x.n as Rat | undefined; return n && (t.op === '*' ? mul(n, dec(t.by)) : div(n, dec(t.by))); }
  }
}

function yuanToFen(k: string): number {
  return Math.round(Number(k) * 100);
}

/** Three-valued truth of a condition (undefined: unknown) with Kleene and/or, as the README defines it. */
export function truth(c: Cond, x: Case): boolean | undefined {
  switch (c.c) {
    case 'bool': { const v = x[c.f]; return v === undefined ? undefined : (v === true) !== c.neg; }
    case 'enum': { const v = x.e; return v === undefined ? undefined : c.members.includes(v as string) !== c.negated; }
    case 'cmp': {
      const v = termValue(c.term, x);
      if (v === undefined) return undefined;
      const d = typeof v === 'number' ? Math.sign(v - yuanToFen(c.k)) : compare(v, dec(c.k));
      switch (c.op) {
        case '<': return d < 0;
        case '<=': return d <= 0;
        case '>': return d > 0;
        case '>=': return d >= 0;
        case '==': return d === 0;
        case '!=': return d !== 0;
      }
    }
    // falls through (unreachable): every op returns
    case 'and': case 'or': {
      const settle = c.c === 'or';
      let unknown = false;
      for (const p of c.parts) {
        const v = truth(p, x);
        if (v === undefined) unknown = true;
        else if (v === settle) return settle;
      }
      return unknown ? undefined : !settle;
    }
    case 'not': { const v = truth(c.part, x); return v === undefined ? undefined : !v; }
  }
}

/**
 * Every case the oracle tries: the product of each used fact's candidates. Money facts take 0 …
 * 2(K+1) fen (0 … K+1 when only one is used). Why that covers every region: every money condition
 * compares ±x, x ± y, min or max with a constant |c| ≤ K fen. Sort the amounts and cap each gap
 * between neighbours (and the smallest amount) at K+1: a comparison whose value spans a capped
 * gap is beyond ±K before and after, so it keeps its truth, and one that spans no capped gap is
 * unchanged. So every case agrees with a compressed one on every condition. Numbers take each
 * breakpoint, the midpoints between them and one beyond each end: every interval and point.
 */
export function candidates(p: Policy): Case[] {
  const money = p.facts.filter((f) => f === 'm1' || f === 'm2');
  const top = money.length * 3; // (K + 1) per money fact, K = 2
  const domain = (f: Fact): V[] => {
    switch (f) {
      case 'b1': case 'b2': return [false, true];
      case 'e': return MEMBERS;
      case 'm1': case 'm2': return Array.from({ length: top + 1 }, (_, i) => i);
      case 'n': return numberCandidates(p.numberBreaks, p.nRange);
    }
  };
  let cases: Record<string, V>[] = [{}];
  for (const f of p.facts) cases = cases.flatMap((c) => domain(f).map((v) => ({ ...c, [f]: v })));
  return cases as Case[];
}

function numberCandidates(breaks: readonly Rat[], range: NumberRange | null): Rat[] {
  if (range === null) return plainCandidates(breaks);
  // Within the range only: its ends are breakpoints too. A whole number takes every integer from
  // one below the least breakpoint to one above the greatest (each region's integers, all of them).
  const lo = range.lo === null ? null : dec(range.lo);
  const hi = range.hi === null ? null : dec(range.hi);
  const inside = (x: Rat) => (lo === null || compare(x, lo) >= 0) && (hi === null || compare(x, hi) <= 0);
  const all = [...breaks, ...(lo ? [lo] : []), ...(hi ? [hi] : [])];
  if (!range.whole) return plainCandidates(all).filter(inside);
  const floor = (x: Rat) => (x.n >= 0n ? x.n / x.d : -((-x.n + x.d - 1n) / x.d));
  const ends = all.length === 0 ? [0n, 0n] : [all.reduce((a, b) => (compare(a, b) < 0 ? a : b)), all.reduce((a, b) => (compare(a, b) > 0 ? a : b))].map(floor);
  const out: Rat[] = [];
  for (let k = ends[0] - 1n; k <= ends[1] + 2n; k++) if (inside(rat(k))) out.push(rat(k));
  return out;
}

function plainCandidates(breaks: readonly Rat[]): Rat[] {
  const sorted = [...breaks].sort(compare).filter((b, i, all) => i === 0 || compare(all[i - 1], b) !== 0);
  if (sorted.length === 0) return [rat(0n)];
  const out: Rat[] = [sub(sorted[0], rat(1n))];
  sorted.forEach((b, i) => {
    out.push(b);
    out.push(i + 1 < sorted.length ? div(add(b, sorted[i + 1]), rat(2n)) : add(b, rat(1n)));
  });
  return out;
}

/** A case as `key=value` arguments, as a user types it (money in yuan). */
export function caseArgs(x: Case): string[] {
  return Object.entries(x).map(([k, v]) => `${k}=${typeof v === 'number' ? (v / 100).toFixed(2) : typeof v === 'object' ? exactDecimal(v as Rat) : String(v)}`);
}

function exactDecimal(r: Rat): string {
  // Candidates are decimals by construction (breakpoints and their midpoints).
  let scale = 0n;
  let d = r.d;
  while (d !== 1n) {
    if (d % 10n === 0n) d /= 10n;
    else if (d % 2n === 0n) d /= 2n;
    else if (d % 5n === 0n) d /= 5n;
    else throw new Error(`not a decimal: ${r.n}/${r.d}`);
    scale++;
  }
  const factor = 10n ** scale;
  const scaled = (r.n * factor) / r.d;
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(Number(scale) + 1, '0');
  return scale === 0n ? `${sign}${digits}` : `${sign}${digits.slice(0, -Number(scale))}.${digits.slice(-Number(scale))}`;
}

export { neg };
