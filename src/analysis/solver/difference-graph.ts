import type { DiffAtom } from './formula.js';
import { lcm, rat, type Rat } from '../../values/rational.js';

const abs = (x: bigint) => (x < 0n ? -x : x);
import { MAX_FEN, MAX_NUMBER } from '../../values/range.js';

/**
 * Difference constraints `x_u - x_v <= c` over the money and number facts of a query, kept as
 * an all-pairs shortest-path matrix that is closed again after each new edge (O(n²)), so that
 * consistency and entailment of a constraint are O(1) lookups. Changes are trailed for
 * backtracking.
 *
 * Weights are pairs (c, k) meaning c + k·ε. Money constraints are whole fen, so `x < y` was
 * already made `x <= y - 1 fen` and k is 0; number constraints are scaled to integers by the
 * lcm of their denominators, and a strict `<` is `<= c - ε`. Each domain has its own zero node,
 * so money and numbers never mix.
 */

/** The least and greatest value of an integer variable (money facts in fen, dates, moments, clock times). */
export type IntRange = (variable: string) => readonly [number, number];

/** The bounds a number (rational) fact declares (`number 0..1`), either end null when open; undefined when none. */
export type RatRange = (variable: string) => readonly [Rat | null, Rat | null] | undefined;

/** How a literal stands in the current state. */
export type Status = 'true' | 'false' | 'open';

/** Thrown when a query's numbers cannot be scaled to safe integers. */
export class TooPrecise extends Error {}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest range bound kept in the matrix: sums of a few stay exact in a double. */
const MAX_BOUND = 2n ** 51n;
const Z_INT = 0;
const Z_RAT = 1;

export class DifferenceGraph {
  private readonly index = new Map<string, number>();
  private scale = 1n;
  private n = 2;
  /** Shortest known bound of x_j - x_i at i·n + j, as c + k·ε (c is Infinity when unbounded). */
  private readonly dc: number[] = [];
  private readonly dk: number[] = [];
  /** The zero node (Z_INT or Z_RAT) of each matrix index. */
  private readonly zeroOf: number[] = [Z_INT, Z_RAT];
  /** Each difference atom's edge (v → u for u - v <= c + k·ε), by atom id. */
  private readonly edgeFrom: number[] = [];
  private readonly edgeTo: number[] = [];
  private readonly edgeC: number[] = [];
  private readonly edgeK: number[] = [];
  /** Edges asserted so far, as atom ids (negative for built-in bounds and fixed values). */
  private readonly asserted: number[] = [];
  /** Declared bounds of number facts in scaled units (index → [lo, hi], null when open): the model's ε must keep them too. */
  private readonly declared = new Map<number, readonly [bigint | null, bigint | null]>();
  /** Matrix undo log: index, old c, old k. */
  private readonly trail: number[] = [];
  /** Trail and asserted lengths at each mark. */
  private readonly marks: number[] = [];

  /** Forgets everything and indexes the atoms the next queries may assert. */
  reset(diffAtoms: readonly DiffAtom[], intRange: IntRange, ratRange?: RatRange): void {
    if (this.index.size > 0) this.index.clear();
    this.asserted.length = this.trail.length = this.marks.length = 0;
    this.zeroOf.length = 2;
    let scale = 1n;
    for (const a of diffAtoms) {
      if (a.domain === 'rat' && a.bound.d !== 1n) scale = lcm(scale, a.bound.d);
      this.indexVar(a.u, a.domain);
      this.indexVar(a.v, a.domain);
    }
    // Declared bounds of number facts are edges too: their denominators join the scale.
    const bounds = new Map<number, readonly [Rat | null, Rat | null]>();
    if (ratRange) {
      for (const [fact, i] of this.index) {
        const b = this.zeroOf[i] === Z_RAT ? ratRange(fact) : undefined;
        if (b === undefined) continue;
        bounds.set(i, b);
        for (const x of b) if (x !== null && x.d !== 1n) scale = lcm(scale, x.d);
      }
    }
    this.scale = scale;
    const n = (this.n = this.zeroOf.length);
    for (let i = 0; i < n * n; i++) {
      this.dc[i] = i % (n + 1) === 0 ? 0 : Infinity;
      this.dk[i] = 0;
    }
    for (const a of diffAtoms) this.indexEdge(a);
    this.declared.clear();
    this.boundFacts(intRange, bounds);
  }

  /**
   * Every fact lies within its range (src/values/range.ts, time-domain.ts), as the case reader
   * enforces: money facts are ≥ 0 unless signed, clock times within a day, dates in years 0–9999: the edge x → 0 with weight c says 0 - x <= c, the edge
   * 0 → x says x <= c. Number bounds are scaled too; where that would leave the integers a double
   * holds exactly (very fine denominators), numbers go unbounded and witness verification has
   * the last word.
   */
  private boundFacts(intRange: IntRange, declared: ReadonlyMap<number, readonly [Rat | null, Rat | null]>): void {
    const { n, dc } = this;
    const numberBound = BigInt(MAX_NUMBER) * this.scale;
    const numbersBounded = numberBound <= MAX_BOUND;
    for (const [fact, i] of this.index) {
      const zero = this.zeroOf[i];
      if (zero === Z_INT) {
        const [lo, hi] = intRange(fact);
        dc[zero * n + i] = hi;
        dc[i * n + zero] = -lo;
      } else {
        if (numbersBounded) dc[zero * n + i] = dc[i * n + zero] = Number(numberBound);
        const [lo, hi] = declared.get(i) ?? [null, null];
        const scaled = (x: Rat | null) => (x === null ? null : x.n * (this.scale / x.d));
        const [slo, shi] = [scaled(lo), scaled(hi)];
        if (shi !== null && abs(shi) <= MAX_BOUND) dc[zero * n + i] = Number(shi);
        if (slo !== null && abs(slo) <= MAX_BOUND) dc[i * n + zero] = -Number(slo);
        if (slo !== null || shi !== null) this.declared.set(i, [slo, shi]);
      }
    }
    // Only edges through the zero nodes exist yet, so one pass closes the matrix (O(n²)).
    for (let i = 2; i < n; i++) {
      const zi = dc[i * n + this.zeroOf[i]];
      if (zi === Infinity) continue;
      for (let j = 2; j < n; j++) {
        if (i !== j && this.zeroOf[i] === this.zeroOf[j]) dc[i * n + j] = zi + dc[this.zeroOf[j] * n + j];
      }
    }
  }

  private indexVar(x: string | null, domain: DiffAtom['domain']): void {
    if (x === null || this.index.has(x)) return;
    this.index.set(x, this.zeroOf.length);
    this.zeroOf.push(domain === 'int' ? Z_INT : Z_RAT);
  }

  private indexEdge(a: DiffAtom): void {
    const zero = a.domain === 'int' ? Z_INT : Z_RAT;
    let c = a.domain === 'int' || this.scale === 1n ? a.whole : null;
    if (c === null) {
      const scaled = a.bound.n * (this.scale / a.bound.d);
      if (scaled > MAX_SAFE || -scaled > MAX_SAFE) throw new TooPrecise();
      c = Number(scaled);
    }
    this.edgeFrom[a.id] = a.v === null ? zero : this.index.get(a.v)!;
    this.edgeTo[a.id] = a.u === null ? zero : this.index.get(a.u)!;
    this.edgeC[a.id] = c;
    this.edgeK[a.id] = a.strict ? -1 : 0;
  }

  mark(): void {
    this.marks.push(this.trail.length, this.asserted.length);
  }

  backtrack(): void {
    this.asserted.length = this.marks.pop()!;
    const m = this.marks.pop()!;
    const t = this.trail;
    while (t.length > m) {
      const k = t.pop()!;
      const c = t.pop()!;
      const i = t.pop()!;
      this.dc[i] = c;
      this.dk[i] = k;
    }
  }

  status(atom: DiffAtom): Status {
    const { n, dc, dk } = this;
    const id = atom.id;
    const from = this.edgeFrom[id];
    const to = this.edgeTo[id];
    const c = this.edgeC[id];
    const k = this.edgeK[id];
    // Entailed when the known bound from → to is already as tight.
    if (lessOrEqual(dc[from * n + to], dk[from * n + to], c, k)) return 'true';
    // Contradicted when the path back to → from closes a negative cycle.
    return less(dc[to * n + from] + c, dk[to * n + from] + k, 0, 0) ? 'false' : 'open';
  }

  /** Adds an atom whose status is open. */
  assert(atom: DiffAtom): void {
    const id = atom.id;
    this.addEdge(this.edgeFrom[id], this.edgeTo[id], this.edgeC[id], this.edgeK[id], id);
  }

  /** Adds the edge from → to with weight c + k·ε and closes the matrix over it. */
  private addEdge(from: number, to: number, ec: number, ek: number, id: number): void {
    const { n, dc, dk } = this;
    this.asserted.push(id);
    for (let i = 0; i < n; i++) {
      const ic = dc[i * n + from];
      if (ic === Infinity) continue;
      const ik = dk[i * n + from];
      for (let j = 0; j < n; j++) {
        const jc = dc[to * n + j];
        if (jc === Infinity) continue;
        const c = ic + ec + jc;
        const k = ik + ek + dk[to * n + j];
        const at = i * n + j;
        if (less(c, k, dc[at], dk[at])) {
          this.trail.push(at, dc[at], dk[at]);
          dc[at] = c;
          dk[at] = k;
        }
      }
    }
  }

  /**
   * Values for every indexed fact, exact (fen for money). Each fact in turn is fixed to the
   * value nearest 0 its current interval allows, propagating as it goes: values stay small and
   * readable (0, a bound, a bound ± 1 fen) and consistent, because the closed matrix gives each
   * fact's exact interval. Call between mark and backtrack: the fixing edges are trailed.
   */
  model(out: { set(fact: string, value: Rat): unknown }): void {
    const { n, dc, dk } = this;
    for (const i of this.index.values()) {
      const zero = this.zeroOf[i];
      const up = zero * n + i;
      const down = i * n + zero;
      let c = 0;
      let k = 0;
      if (less(0, 0, -dc[down], -dk[down])) [c, k] = [-dc[down], -dk[down]];
      else if (less(dc[up], dk[up], 0, 0)) [c, k] = [dc[up], dk[up]];
      this.addEdge(zero, i, c, k, -1);
      this.addEdge(i, zero, -c, -k, -1);
    }
    const den = this.pickEpsilon();
    for (const [fact, i] of this.index) {
      const [c, k] = this.valueAt(i);
      out.set(fact, this.zeroOf[i] === Z_INT ? rat(c) : rat(c * den + k * this.scale, this.scale * den));
    }
  }

  private valueAt(i: number): [bigint, bigint] {
    const at = this.zeroOf[i] * this.n + i;
    return [BigInt(this.dc[at]), BigInt(this.dk[at])];
  }

  /**
   * The largest ε of 1, 0.1, 0.01, … (in the facts' units) for which the fixed values meet every
   * asserted constraint x_to - x_from <= c + k·ε (a strict `<` was asserted with k = -1).
   */
  private pickEpsilon(): bigint {
    const edges = this.asserted.filter((id) => id >= 0);
    for (let den = 1n; den <= 10n ** 18n; den *= 10n) {
      // In scaled units ε is scale/den; multiply c + k·ε through by den.
      const ok = edges.every((id) => {
        const [tc, tk] = this.valueAt(this.edgeTo[id]);
        const [fc, fk] = this.valueAt(this.edgeFrom[id]);
        return (tc - fc) * den + (tk - fk) * this.scale <= BigInt(this.edgeC[id]) * den + BigInt(this.edgeK[id]) * this.scale;
      });
      // A number fact's declared bounds (`number ..1`) hold for the value c + k·ε as well.
      const within = [...this.declared].every(([i, [lo, hi]]) => {
        const [c, k] = this.valueAt(i);
        const v = c * den + k * this.scale;
        return (lo === null || lo * den <= v) && (hi === null || v <= hi * den);
      });
      if (ok && within) return den;
    }
    throw new Error('internal error: no ε satisfies the strict constraints, please report');
  }
}

function less(c1: number, k1: number, c2: number, k2: number): boolean {
  return c1 < c2 || (c1 === c2 && k1 < k2);
}

function lessOrEqual(c1: number, k1: number, c2: number, k2: number): boolean {
  return c1 < c2 || (c1 === c2 && k1 <= k2);
}
