import type { Atom, DiffAtom, MemberAtom, OpaqueAtom, TextAtom } from './formula.js';
import { lcm, rat, type Rat } from './rational.js';

/**
 * The solver's theory state for one query: allowed members per enum/bool fact, text equalities,
 * and a difference-constraint graph kept as an all-pairs shortest-path matrix (updated
 * incrementally, so consistency and entailment are O(1) lookups). Every change is trailed so the
 * search can backtrack to a mark.
 *
 * Weights are pairs (c, k) meaning c + k·ε: money constraints are whole fen (k is always 0, since
 * `x < y` is `x <= y - 1 fen`); number constraints are scaled to integers by the lcm of their
 * denominators, and a strict `<` is `<= c - ε`.
 */

/** A fact's value in a model: a member id or text for enum/bool/text facts, an exact number (fen for money). */
export type ModelValue = string | Rat;
export type Model = ReadonlyMap<string, ModelValue>;

/** Thrown when a query's numbers cannot be scaled to safe integers. */
export class TooPrecise extends Error {}

interface Edge {
  readonly from: number;
  readonly to: number;
  readonly c: number;
  readonly k: number;
}

/** How a literal stands in the current state. */
export type Status = 'true' | 'false' | 'open';

const Z_INT = 0;
const Z_RAT = 1;

export class Theory {
  private readonly index = new Map<string, number>();
  private readonly edges = new Map<number, Edge>();
  private scale = 1n;
  private n = 2;
  /** Shortest known bound of x_j - x_i at i·n + j, as c + k·ε (c is Infinity when unbounded). */
  private readonly dc: number[] = [];
  private readonly dk: number[] = [];
  private readonly asserted: Edge[] = [];
  /** The zero node (Z_INT or Z_RAT) of each matrix index. */
  private readonly zeroOf: number[] = [Z_INT, Z_RAT];
  private readonly members = new Map<string, { readonly mask: bigint; readonly domain: readonly string[] }>();
  private readonly texts = new Map<string, { readonly eq: string | null; readonly neq: readonly string[] }>();
  private readonly opaque = new Map<string, OpaqueAtom>();
  /** Matrix undo log: index, old c, old k. */
  private readonly matrixTrail: number[] = [];
  private readonly undo: (() => void)[] = [];
  /** Whether opaque atoms may be assumed (otherwise they are false). */
  allowOpaque = false;

  /**
   * Starts a query: forgets every literal (the state is reused, so a query allocates little) and
   * indexes the difference atoms the query may assert.
   */
  reset(diffAtoms: readonly DiffAtom[], isUnsignedMoney: (fact: string) => boolean, allowOpaque: boolean): void {
    this.allowOpaque = allowOpaque;
    this.index.clear();
    this.edges.clear();
    this.members.clear();
    this.texts.clear();
    this.opaque.clear();
    this.asserted.length = 0;
    this.matrixTrail.length = 0;
    this.undo.length = 0;
    this.zeroOf.length = 2;
    let scale = 1n;
    for (const a of diffAtoms) {
      if (a.domain === 'rat' && a.bound.d !== 1n) scale = lcm(scale, a.bound.d);
      this.indexVar(a.u, a.domain);
      this.indexVar(a.v, a.domain);
    }
    this.scale = scale;
    const n = (this.n = this.zeroOf.length);
    for (let i = 0; i < n * n; i++) {
      this.dc[i] = i % (n + 1) === 0 ? 0 : Infinity;
      this.dk[i] = 0;
    }
    for (const a of diffAtoms) this.edges.set(a.id, this.edgeOf(a));
    // Money facts are ≥ 0 unless signed: the edge x → 0 with weight 0 says 0 - x <= 0.
    for (const [fact, i] of this.index) if (this.zeroOf[i] === Z_INT && isUnsignedMoney(fact)) this.addEdge({ from: i, to: Z_INT, c: 0, k: 0 });
  }

  private indexVar(x: string | null, domain: DiffAtom['domain']): void {
    if (x === null || this.index.has(x)) return;
    this.index.set(x, this.zeroOf.length);
    this.zeroOf.push(domain === 'int' ? Z_INT : Z_RAT);
  }

  private edgeOf(a: DiffAtom): Edge {
    const zero = a.domain === 'int' ? Z_INT : Z_RAT;
    const c = a.bound.n * (a.domain === 'rat' ? this.scale / a.bound.d : 1n);
    if (c > BigInt(Number.MAX_SAFE_INTEGER) || -c > BigInt(Number.MAX_SAFE_INTEGER)) throw new TooPrecise();
    // u - v <= c is the edge v → u.
    return { from: a.v === null ? zero : this.index.get(a.v)!, to: a.u === null ? zero : this.index.get(a.u)!, c: Number(c), k: a.strict ? -1 : 0 };
  }

  /** A position to backtrack to. */
  mark(): [number, number, number] {
    return [this.matrixTrail.length, this.undo.length, this.asserted.length];
  }

  backtrack([m, u, a]: [number, number, number]): void {
    const t = this.matrixTrail;
    while (t.length > m) {
      const k = t.pop()!;
      const c = t.pop()!;
      const i = t.pop()!;
      this.dc[i] = c;
      this.dk[i] = k;
    }
    while (this.undo.length > u) this.undo.pop()!();
    this.asserted.length = a;
  }

  status(atom: Atom): Status {
    switch (atom.kind) {
      case 'member': return this.memberStatus(atom);
      case 'text': return this.textStatus(atom);
      case 'diff': return this.diffStatus(this.edges.get(atom.id)!);
      case 'opaque': return this.opaqueStatus(atom);
    }
  }

  /** Adds a literal; false when it contradicts the state (the state is then unchanged). */
  assert(atom: Atom): boolean {
    const s = this.status(atom);
    if (s !== 'open') return s === 'true';
    switch (atom.kind) {
      case 'member': {
        const before = this.members.get(atom.fact);
        this.members.set(atom.fact, { mask: (before?.mask ?? fullMask(atom)) & atom.mask, domain: atom.domain });
        this.undo.push(() => (before === undefined ? this.members.delete(atom.fact) : this.members.set(atom.fact, before)));
        break;
      }
      case 'text': {
        const before = this.texts.get(atom.fact) ?? { eq: null, neq: [] };
        this.texts.set(atom.fact, atom.equal ? { eq: atom.value, neq: before.neq } : { eq: before.eq, neq: [...before.neq, atom.value] });
        this.undo.push(() => this.texts.set(atom.fact, before));
        break;
      }
      case 'diff': this.addEdge(this.edges.get(atom.id)!); break;
      case 'opaque':
        this.opaque.set(atom.text, atom);
        this.undo.push(() => this.opaque.delete(atom.text));
        break;
    }
    return true;
  }

  private memberStatus(a: MemberAtom): Status {
    const allowed = this.members.get(a.fact)?.mask ?? fullMask(a);
    if ((allowed & a.mask) === 0n) return 'false';
    return (allowed & ~a.mask) === 0n ? 'true' : 'open';
  }

  private textStatus(a: TextAtom): Status {
    const t = this.texts.get(a.fact);
    if (!t) return 'open';
    if (t.eq !== null) return (t.eq === a.value) === a.equal ? 'true' : 'false';
    return t.neq.includes(a.value) ? (a.equal ? 'false' : 'true') : 'open';
  }

  private opaqueStatus(a: OpaqueAtom): Status {
    if (!this.allowOpaque) return 'false';
    const p = this.opaque.get(a.text);
    return p === undefined ? 'open' : p.positive === a.positive ? 'true' : 'false';
  }

  private diffStatus(e: Edge): Status {
    const n = this.n;
    // Entailed when the known bound from → to is already as tight.
    if (lessOrEqual(this.dc[e.from * n + e.to], this.dk[e.from * n + e.to], e.c, e.k)) return 'true';
    // Contradicted when the path back to → from closes a negative cycle.
    const back = e.to * n + e.from;
    return less(this.dc[back] + e.c, this.dk[back] + e.k, 0, 0) ? 'false' : 'open';
  }

  private addEdge(e: Edge): void {
    const { n, dc, dk } = this;
    this.asserted.push(e);
    for (let i = 0; i < n; i++) {
      const ic = dc[i * n + e.from];
      if (ic === Infinity) continue;
      const ik = dk[i * n + e.from];
      for (let j = 0; j < n; j++) {
        const jc = dc[e.to * n + j];
        if (jc === Infinity) continue;
        const c = ic + e.c + jc;
        const k = ik + e.k + dk[e.to * n + j];
        const at = i * n + j;
        if (less(c, k, dc[at], dk[at])) {
          this.matrixTrail.push(at, dc[at], dk[at]);
          dc[at] = c;
          dk[at] = k;
        }
      }
    }
  }

  /** The first opaque condition assumed, when any was. */
  firstOpaque(): OpaqueAtom | undefined {
    return this.opaque.values().next().value;
  }

  /** A model of the current state (facts with no constraint are left out). */
  model(): Map<string, ModelValue> {
    const out = new Map<string, ModelValue>();
    for (const [fact, m] of this.members) out.set(fact, firstMember(m.mask, m.domain));
    for (const [fact, t] of this.texts) out.set(fact, t.eq ?? freshText(t.neq));
    this.numericModel(out);
    return out;
  }

  private numericModel(out: Map<string, ModelValue>): void {
    const { n, dc, dk } = this;
    // Fix each fact in turn to the value nearest 0 its current interval allows, propagating as
    // we go: values stay small and readable (0, a bound, a bound ± 1 fen) and stay consistent,
    // because the closed matrix gives each fact's exact interval.
    for (const i of this.index.values()) {
      const zero = this.zeroOf[i];
      const up = zero * n + i;
      const down = i * n + zero;
      let c = 0;
      let k = 0;
      if (less(0, 0, -dc[down], -dk[down])) [c, k] = [-dc[down], -dk[down]];
      else if (less(dc[up], dk[up], 0, 0)) [c, k] = [dc[up], dk[up]];
      this.addEdge({ from: zero, to: i, c, k });
      this.addEdge({ from: i, to: zero, c: -c, k: -k });
    }
    const den = this.pickEpsilon();
    for (const [fact, i] of this.index) {
      const at = this.zeroOf[i] * n + i;
      const c = BigInt(dc[at]);
      const k = BigInt(dk[at]);
      out.set(fact, this.zeroOf[i] === Z_INT ? rat(c) : rat(c * den + k * this.scale, this.scale * den));
    }
  }

  /**
   * The largest ε of 1, 0.1, 0.01, … (in the facts' units) for which the fixed values meet every
   * asserted constraint x_to - x_from <= c + k·ε (a strict `<` was asserted with k = -1).
   */
  private pickEpsilon(): bigint {
    const { n, dc, dk } = this;
    const value = (i: number): [bigint, bigint] => {
      const at = this.zeroOf[i] * n + i;
      return [BigInt(dc[at]), BigInt(dk[at])];
    };
    for (let den = 1n; den <= 10n ** 18n; den *= 10n) {
      // In scaled units ε is scale/den; multiply c + k·ε through by den.
      const ok = this.asserted.every((e) => {
        const [tc, tk] = value(e.to);
        const [fc, fk] = value(e.from);
        return (tc - fc) * den + (tk - fk) * this.scale <= BigInt(e.c) * den + BigInt(e.k) * this.scale;
      });
      if (ok) return den;
    }
    throw new Error('internal error: no ε satisfies the strict constraints, please report');
  }
}

function fullMask(a: MemberAtom): bigint {
  return (1n << BigInt(a.domain.length)) - 1n;
}

function firstMember(mask: bigint, domain: readonly string[]): string {
  for (let i = 0; i < domain.length; i++) if ((mask >> BigInt(i)) & 1n) return domain[i];
  return domain[0] ?? '';
}

/** A text value none of the `!=` constraints exclude. */
function freshText(excluded: readonly string[]): string {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? 'other' : `other${i}`;
    if (!excluded.includes(candidate)) return candidate;
  }
}

function less(c1: number, k1: number, c2: number, k2: number): boolean {
  return c1 < c2 || (c1 === c2 && k1 < k2);
}

function lessOrEqual(c1: number, k1: number, c2: number, k2: number): boolean {
  return c1 < c2 || (c1 === c2 && k1 <= k2);
}
