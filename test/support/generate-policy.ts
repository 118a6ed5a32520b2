/**
 * Seeded generators of `.sop` policies: large, clean policies for the benchmark
 * (`generateScaledPolicy`) and small random ones for property tests (`generateRandomPolicy`).
 * The same seed always gives the same text.
 */

/** A small fast PRNG (mulberry32): returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Picker {
  readonly random: () => number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function picker(seed: number): Picker {
  const random = seededRandom(seed);
  return {
    random,
    int: (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(random() * items.length)],
    chance: (p) => random() < p,
  };
}

// ---------------------------------------------------------------------------------------------
// The benchmark policy: many decisions in a layered DAG, free of gaps, overlaps and shadowing.

/** One decision's branches before targets are chosen: conditions (null for `otherwise`). */
interface Shape {
  readonly unique: boolean;
  readonly conditions: readonly (string | null)[];
}

const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

/** `count` distinct amounts in fen, ascending, written as money literals. */
function amounts(p: Picker, count: number): string[] {
  const fen = new Set<number>();
  while (fen.size < count) fen.add(p.int(2, 50_000) * (p.chance(0.5) ? 100 : 1));
  return [...fen].sort((a, b) => a - b).map((f) => `${(f / 100).toFixed(f % 100 === 0 ? 0 : 2)} CNY`);
}

/** The enum's members split into `count` non-empty groups, in random order. */
function memberGroups(p: Picker, count: number): string[][] {
  const shuffled = [...MEMBERS].sort(() => p.random() - 0.5);
  const groups: string[][] = Array.from({ length: count }, (_, i) => [shuffled[i]]);
  for (const m of shuffled.slice(count)) p.pick(groups).push(m);
  return groups;
}

function inGroup(fact: string, group: readonly string[], negated = false): string {
  if (group.length === 1) return `${fact} ${negated ? '!=' : '=='} ${group[0]}`;
  return `${fact} ${negated ? 'not in' : 'in'} {${group.join(', ')}}`;
}

/**
 * The decision shapes, each with random constants and groupings. Level L has its own facts
 * (`e<L>`, `a<L>`, `b<L>`, `n<L>`, `f<L>`, `g<L>`), so a decision never contradicts the decisions
 * above it, and each shape takes every case it is given exactly once (no gap, no overlap, no
 * shadowed branch).
 */
const shapes: readonly ((level: number, p: Picker) => Shape)[] = [
  (l, p) => ({ unique: true, conditions: memberGroups(p, p.int(3, 8)).map((g) => inGroup(`e${l}`, g)) }),
  (l, p) => {
    const conditions: (string | null)[] = [];
    for (const group of memberGroups(p, p.int(3, 6)).slice(1)) {
      if (p.chance(0.5)) conditions.push(`${inGroup(`e${l}`, group)} and f${l}`);
      conditions.push(inGroup(`e${l}`, group));
    }
    return { unique: false, conditions: [...conditions, null] };
  },
  (l, p) => ({ unique: false, conditions: [...amounts(p, p.int(2, 6)).reverse().map((c) => `a${l} >= ${c}`), `a${l} > 0 CNY`, null] }),
  (l, p) => {
    const cuts = amounts(p, p.int(2, 6));
    const middle = cuts.slice(1).map((c, i) => `a${l} >= ${cuts[i]} and a${l} < ${c}`);
    return { unique: true, conditions: [`a${l} < ${cuts[0]}`, ...middle, `a${l} >= ${cuts[cuts.length - 1]}`] };
  },
  (l, p) => {
    const [d] = amounts(p, 1);
    return { unique: true, conditions: [`a${l} > b${l} + ${d}`, `a${l} <= b${l} + ${d} and a${l} >= b${l}`, `a${l} < b${l}`] };
  },
  (l, p) => {
    const low = (p.int(1, 29_999) / 100).toFixed(2);
    return { unique: false, conditions: [`min(a${l}, b${l}) >= limit${l}`, `max(a${l}, b${l}) < ${low} CNY`, `a${l} > b${l} and f${l}`, null] };
  },
  (l, p) => {
    const [g1, g2] = memberGroups(p, 2);
    return { unique: true, conditions: [`f${l} and g${l}`, `f${l} and not g${l}`, `not f${l} and ${inGroup(`e${l}`, g1)}`, `not f${l} and ${inGroup(`e${l}`, g2)}`] };
  },
  (l, p) => {
    const cuts = [...new Set(Array.from({ length: p.int(2, 5) }, () => p.int(-400, 400) / 4))].sort((a, b) => b - a);
    return { unique: false, conditions: [...cuts.map((c, i) => `n${l} ${i % 2 ? '>' : '>='} ${c}`), null] };
  },
];

const OUTCOMES = 24;

/**
 * A policy of about `branches` branches (never fewer), spread over decisions in a layered DAG
 * (a few branches join a decision another parent already leads to). Compiles without errors or
 * warnings.
 */
export function generateScaledPolicy(branches: number, seed = 1): string {
  const p = picker(seed);
  const decisions: { id: string; level: number; shape: Shape; targets: string[] }[] = [];
  const byLevel: string[][] = [];
  const queue: number[] = [];
  let total = 0;
  const add = (level: number): string => {
    const shape = p.pick(shapes)(level, p);
    const id = `d${decisions.length}`;
    decisions.push({ id, level, shape, targets: [] });
    (byLevel[level] ??= []).push(id);
    queue.push(decisions.length - 1);
    total += shape.conditions.length;
    return id;
  };
  add(0);
  while (queue.length > 0) {
    const d = decisions[queue.shift()!];
    for (let i = 0; i < d.shape.conditions.length; i++) {
      const siblings = byLevel[d.level + 1] ?? [];
      let target: string;
      if (total < branches && p.chance(0.6)) target = add(d.level + 1);
      else if (siblings.length > 0 && p.chance(0.05)) target = p.pick(siblings);
      else target = `o${p.int(0, OUTCOMES - 1)}`;
      d.targets.push(target);
    }
  }
  const used = new Set(decisions.flatMap((d) => d.targets));
  // Declare only the facts and constants some condition reads, so the policy has no warnings.
  const names = new Set(decisions.flatMap((d) => d.shape.conditions.flatMap((c) => c?.match(/\b[a-z]+\d+\b/g) ?? [])));
  const lines = [`policy bench "基准" { locales zh-CN  start d0 }`, `enum pick "选项" { ${MEMBERS.map((m) => `${m} "${m}"`).join('  ')} }`];
  for (let l = 0; l < byLevel.length; l++) {
    const declarations: [string, string][] = [
      [`e${l}`, `fact e${l}: pick "类${l}"`], [`a${l}`, `fact a${l}: money "额${l}"`], [`b${l}`, `fact b${l}: money "费${l}"`],
      [`n${l}`, `fact n${l}: number "数${l}"`], [`f${l}`, `fact f${l}: bool "是${l}"`], [`g${l}`, `fact g${l}: bool "否${l}"`],
      [`limit${l}`, `const limit${l} = ${300 + l} CNY "限${l}"`],
    ];
    for (const [name, line] of declarations) if (names.has(name)) lines.push(line);
  }
  for (const d of decisions) {
    lines.push(`decision ${d.id} "判${d.id}"${d.shape.unique ? ' unique' : ''} {`);
    d.shape.conditions.forEach((c, i) => lines.push(c === null ? `  otherwise -> ${d.targets[i]}` : `  when ${c} -> ${d.targets[i]}`));
    lines.push('}');
  }
  for (let o = 0; o < OUTCOMES; o++) if (used.has(`o${o}`)) lines.push(`outcome o${o} "果${o}" { }`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Small random policies for property tests.

/** Facts of every random policy; `n` is a plain number. */
const RANDOM_HEADER = `policy rnd "随机" { locales zh-CN  start d0 }
enum kind "类型" { a "甲"  b "乙"  c "丙" }
fact k: kind "类型"
fact j: kind "类型二"
fact flag: bool "标志"
fact other: bool "其他"
fact x: money "金额"
fact y: money "运费"
fact n: number "数量"
const limit = 100 CNY "门槛"
const half = 0.5 "一半"
let cap = min(x, y) "上限"
`;

/** Conditions from the decided fragment, with edge constants (a fen either side of a bound). */
const ATOMS: readonly string[] = [
  'flag', 'not other', 'flag == other',
  'k == a', 'k != b', 'k in {a, c}', 'k not in {a}', 'j == c', 'k == j',
  'x > 30 CNY', 'x >= 30.01 CNY', 'x <= limit', 'x < 100.01 CNY', 'y >= limit', 'y < 30 CNY',
  'x >= y', 'x > y + 10 CNY', 'x - y <= 0.01 CNY', 'cap < 50 CNY', 'max(x, y) >= limit', 'min(x, y + 20 CNY) > 30 CNY',
  'x * 2 >= 60 CNY', 'n > half', 'n <= 2', 'n >= 2 * half', 'n < 0.51',
];

/** Conditions the analysis does not decide (multiples of facts against each other). */
const OPAQUE_ATOMS: readonly string[] = ['x * 2 > y', 'x + y > limit', 'n * 2 > n + 1'];

function randomCondition(p: Picker, depth: number, opaque: boolean): string {
  if (depth === 0 || p.chance(0.4)) return opaque && p.chance(0.1) ? p.pick(OPAQUE_ATOMS) : p.pick(ATOMS);
  const op = p.pick(['and', 'or', 'not']);
  if (op === 'not') return `not (${randomCondition(p, depth - 1, opaque)})`;
  return `(${randomCondition(p, depth - 1, opaque)}) ${op} (${randomCondition(p, depth - 1, opaque)})`;
}

export interface RandomPolicyOptions {
  /** Whether conditions outside the decided fragment may appear. */
  readonly opaque?: boolean;
}

/**
 * A small random policy: 2–4 decisions (each leading only to later ones, so no cycles), 1–4
 * random branches each, sometimes `unique`, sometimes without `otherwise`.
 */
export function generateRandomPolicy(seed: number, options: RandomPolicyOptions = {}): string {
  const p = picker(seed);
  const count = p.int(2, 4);
  const lines = [RANDOM_HEADER];
  for (let d = 0; d < count; d++) {
    const target = () => (d + 1 < count && p.chance(0.5) ? `d${p.int(d + 1, count - 1)}` : p.pick(['o1', 'o2', 'o3']));
    lines.push(`decision d${d} "判${d}"${p.chance(0.25) ? ' unique' : ''} {`);
    const n = p.int(1, 4);
    for (let i = 0; i < n; i++) lines.push(`  when ${randomCondition(p, 2, options.opaque ?? false)} -> ${target()}`);
    if (p.chance(0.5)) lines.push(`  otherwise -> ${target()}`);
    lines.push('}');
  }
  lines.push('outcome o1 "一" { }', 'outcome o2 "二" { }', 'outcome o3 "三" { }');
  return `${lines.join('\n')}\n`;
}
