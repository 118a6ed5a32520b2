import { DifferenceGraph, type IntRange, type RatRange, type Status } from './difference-graph.js';
import type { Atom, DiffAtom, MemberAtom, OpaqueAtom, TextAtom } from './formula.js';
import type { Rat } from '../../values/rational.js';

/**
 * The solver's theory state for one query: allowed members per enum/bool fact, text equalities,
 * assumed opaque conditions, and the difference constraints of money and number facts. Every
 * change is trailed so the search can backtrack to a mark. One instance serves every query, in
 * plain arrays and maps set up once per decision, because `check` runs on every save and a large
 * policy asks tens of thousands of queries.
 */

/** A fact's value in a model: a member id or text for enum/bool/text facts, an exact number (fen for money). */
export type ModelValue = string | Rat;
export type Model = ReadonlyMap<string, ModelValue>;

export type { Status } from './difference-graph.js';
export { TooPrecise } from './difference-graph.js';

type TextState = { readonly eq: string | null; readonly neq: readonly string[] };

const UNDO_MEMBER = 0;
const UNDO_TEXT = 1;
const UNDO_OPAQUE = 2;

export class Theory {
  private readonly differences = new DifferenceGraph();
  /** Allowed members of each constrained fact: a bit set (a number for up to 30 members). */
  private readonly members = new Map<string, number | bigint>();
  private readonly domains = new Map<string, readonly string[]>();
  private readonly texts = new Map<string, TextState>();
  private readonly opaque = new Map<string, OpaqueAtom>();
  private readonly undoKind: number[] = [];
  private readonly undoFact: string[] = [];
  private readonly undoOld: unknown[] = [];
  /** Undo-log length at each mark. */
  private readonly marks: number[] = [];
  /** Who the current set-up is for: queries with the same owner skip the set-up. */
  private owner: object | undefined;
  /** Whether opaque atoms may be assumed (otherwise they are false). */
  allowOpaque = false;

  /** Sets up for `owner`'s queries unless already set up for them (the state is then at its base). */
  prepare(owner: object, diffAtoms: readonly DiffAtom[], intRange: IntRange, ratRange?: RatRange): void {
    this.allowOpaque = false;
    if (owner === this.owner) return;
    this.owner = undefined;
    // Map.clear allocates a fresh table, so only clear what holds something.
    if (this.members.size > 0) this.members.clear();
    if (this.texts.size > 0) this.texts.clear();
    if (this.opaque.size > 0) this.opaque.clear();
    this.undoKind.length = this.undoFact.length = this.undoOld.length = this.marks.length = 0;
    this.differences.reset(diffAtoms, intRange, ratRange);
    this.owner = owner;
  }

  /** Drops the set-up (after a search was cut short, the state is not at its base). */
  forget(): void {
    this.owner = undefined;
    this.allowOpaque = false;
  }

  /** Records the current state; `backtrack` returns to the latest mark. */
  mark(): void {
    this.marks.push(this.undoKind.length);
    this.differences.mark();
  }

  /** Undoes everything since the latest mark and drops that mark. */
  backtrack(): void {
    this.differences.backtrack();
    const u = this.marks.pop()!;
    while (this.undoKind.length > u) {
      const kind = this.undoKind.pop()!;
      const fact = this.undoFact.pop()!;
      const old = this.undoOld.pop();
      const map = (kind === UNDO_MEMBER ? this.members : kind === UNDO_TEXT ? this.texts : this.opaque) as Map<string, unknown>;
      if (old === undefined) map.delete(fact);
      else map.set(fact, old);
    }
  }

  status(atom: Atom): Status {
    switch (atom.kind) {
      case 'member': return this.memberStatus(atom);
      case 'text': return this.textStatus(atom);
      case 'diff': return this.differences.status(atom);
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
        this.trail(UNDO_MEMBER, atom.fact, before);
        this.domains.set(atom.fact, atom.domain);
        this.members.set(atom.fact, atom.small >= 0 ? ((before as number | undefined) ?? -1) & atom.small : ((before as bigint | undefined) ?? -1n) & atom.mask);
        break;
      }
      case 'text': {
        const before = this.texts.get(atom.fact);
        this.trail(UNDO_TEXT, atom.fact, before);
        const t = before ?? { eq: null, neq: [] };
        this.texts.set(atom.fact, atom.equal ? { eq: atom.value, neq: t.neq } : { eq: t.eq, neq: [...t.neq, atom.value] });
        break;
      }
      case 'diff': this.differences.assert(atom); break;
      case 'opaque':
        this.trail(UNDO_OPAQUE, atom.text, undefined);
        this.opaque.set(atom.text, atom);
        break;
    }
    return true;
  }

  private trail(kind: number, fact: string, old: unknown): void {
    this.undoKind.push(kind);
    this.undoFact.push(fact);
    this.undoOld.push(old);
  }

  private memberStatus(a: MemberAtom): Status {
    const allowed = this.members.get(a.fact);
    if (a.small >= 0) {
      const set = allowed === undefined ? -1 : (allowed as number);
      if ((set & a.small) === 0) return 'false';
      return (set & ~a.small & ((1 << a.domain.length) - 1)) === 0 ? 'true' : 'open';
    }
    const set = allowed === undefined ? (1n << BigInt(a.domain.length)) - 1n : (allowed as bigint);
    if ((set & a.mask) === 0n) return 'false';
    return (set & ~a.mask & ((1n << BigInt(a.domain.length)) - 1n)) === 0n ? 'true' : 'open';
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

  /** The first opaque condition assumed, when any was. */
  firstOpaque(): OpaqueAtom | undefined {
    return this.opaque.values().next().value;
  }

  /** A model of the current state (enum, bool and text facts with no constraint are left out). Call between mark and backtrack. */
  model(): Map<string, ModelValue> {
    const out = new Map<string, ModelValue>();
    for (const [fact, set] of this.members) out.set(fact, firstMember(set, this.domains.get(fact)!));
    for (const [fact, t] of this.texts) out.set(fact, t.eq ?? freshText(t.neq));
    this.differences.model(out);
    return out;
  }
}

function firstMember(set: number | bigint, domain: readonly string[]): string {
  for (let i = 0; i < domain.length; i++) {
    const on = typeof set === 'number' ? (set >> i) & 1 : Number((set >> BigInt(i)) & 1n);
    if (on) return domain[i];
  }
  return domain[0] ?? '';
}

/** A text value none of the `!=` constraints exclude. */
function freshText(excluded: readonly string[]): string {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? 'other' : `other${i}`;
    if (!excluded.includes(candidate)) return candidate;
  }
}
