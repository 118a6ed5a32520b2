import type { Expr } from '../../graph/graph.js';
import { ceil, compare, floor, neg, Rat, rat } from '../../values/rational.js';
import { factOfVar } from './time-domain.js';

/**
 * The solver's view of a condition: a formula in negation normal form over atoms from the decided
 * fragment (enum/bool membership, text equality, difference constraints) plus opaque atoms for
 * conditions outside it. Atoms are interned per analysis and closed under negation, so `not`
 * never reaches the solver.
 */

/** Money facts are whole fen (integers); number facts are rationals. */
export type NumericDomain = 'int' | 'rat';

interface AtomCommon {
  readonly id: number;
  readonly key: string;
  /** The facts the atom reads (for splitting a query into independent parts). */
  readonly facts: readonly string[];
  /** The atom that holds exactly when this one does not. */
  negation: Atom;
  /** The literal formula for this atom, built once. */
  lit: Formula;
}

/** `fact ∈ members`, over a finite domain (an enum's members, or `false`/`true` for a bool). */
export interface MemberAtom extends AtomCommon {
  readonly kind: 'member';
  readonly fact: string;
  readonly domain: readonly string[];
  /** Bit i set when domain[i] is allowed. */
  readonly mask: bigint;
  /** The same mask as a JS number when the domain has at most 30 members (the fast path); else -1. */
  readonly small: number;
}

/** `fact == value` (or `!=` when `equal` is false) for a text fact. */
export interface TextAtom extends AtomCommon {
  readonly kind: 'text';
  readonly fact: string;
  readonly value: string;
  readonly equal: boolean;
}

/** `u - v <= bound` (`<` when strict); a null side is the constant 0. Int atoms are never strict. */
export interface DiffAtom extends AtomCommon {
  readonly kind: 'diff';
  readonly u: string | null;
  readonly v: string | null;
  readonly domain: NumericDomain;
  readonly bound: Rat;
  readonly strict: boolean;
  /** The bound as a JS number when it is a whole number small enough to be exact; else null. */
  readonly whole: number | null;
  /** This atom and its negation: the difference atoms a literal of it brings into a query. */
  pair: { readonly diffs: readonly DiffAtom[]; readonly opaque: false };
}

/** A condition the analysis does not decide: it may be true or false for any input. */
export interface OpaqueAtom extends AtomCommon {
  readonly kind: 'opaque';
  /** The comparison as the user wrote it (after resolving names). */
  readonly expr: Expr;
  readonly text: string;
  /** Why it is not decided, completing "it …": `multiplies two facts`. */
  readonly reason: string;
  readonly positive: boolean;
}

export type Atom = MemberAtom | TextAtom | DiffAtom | OpaqueAtom;

/** An atom before interning gives it an id, a negation and a literal. */
type Draft = { [K in Atom['kind']]: Omit<Extract<Atom, { kind: K }>, 'id' | 'negation' | 'lit' | 'pair'> }[Atom['kind']];

/** The difference atoms a formula can assert, and whether it holds an opaque atom. */
export interface AtomSummary {
  readonly diffs: readonly DiffAtom[];
  readonly opaque: boolean;
}

/** What the solver derives from an and/or node, computed once on first use (in place: faster than a WeakMap). */
export interface JunctionMemo {
  negation: Formula | undefined;
  facts: readonly string[] | undefined;
  summary: AtomSummary | undefined;
}

export type Formula =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'lit'; readonly atom: Atom }
  | { readonly kind: 'and'; readonly parts: readonly Formula[]; readonly memo: JunctionMemo }
  | { readonly kind: 'or'; readonly parts: readonly Formula[]; readonly memo: JunctionMemo };

function junction(kind: 'and' | 'or', parts: readonly Formula[]): Formula {
  return { kind, parts, memo: { negation: undefined, facts: undefined, summary: undefined } };
}

export const TRUE: Formula = { kind: 'true' };
export const FALSE: Formula = { kind: 'false' };

/** The conjunction, flattened, with `true` dropped and `false` absorbing. */
export function and(parts: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const p of parts) {
    if (p.kind === 'false') return FALSE;
    if (p.kind === 'true') continue;
    if (p.kind === 'and') out.push(...p.parts);
    else out.push(p);
  }
  return out.length === 0 ? TRUE : out.length === 1 ? out[0] : junction('and', out);
}

/** The disjunction, flattened, with `false` dropped and `true` absorbing. */
export function or(parts: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const p of parts) {
    if (p.kind === 'true') return TRUE;
    if (p.kind === 'false') continue;
    if (p.kind === 'or') out.push(...p.parts);
    else out.push(p);
  }
  return out.length === 0 ? FALSE : out.length === 1 ? out[0] : junction('or', out);
}

/** The negation, pushed down to the atoms (memoised: shared subformulas stay shared). */
export function not(f: Formula): Formula {
  switch (f.kind) {
    case 'true': return FALSE;
    case 'false': return TRUE;
    case 'lit': return f.atom.negation.lit;
  }
  if (!f.memo.negation) {
    const parts = f.parts.map(not);
    f.memo.negation = f.kind === 'and' ? or(parts) : and(parts);
  }
  return f.memo.negation;
}

/** The top-level conjuncts of a formula. */
export function conjuncts(f: Formula): readonly Formula[] {
  return f.kind === 'and' ? f.parts : f.kind === 'true' ? [] : [f];
}

/** Every fact the formula reads, memoised per formula node. */
export function factsOf(f: Formula): readonly string[] {
  if (f.kind === 'lit') return f.atom.facts;
  if (f.kind === 'true' || f.kind === 'false') return [];
  if (!f.memo.facts) {
    const set = new Set<string>();
    for (const p of f.parts) for (const fact of factsOf(p)) set.add(fact);
    f.memo.facts = [...set];
  }
  return f.memo.facts;
}

function wholeNumber(r: Rat): number | null {
  if (r.d !== 1n) return null;
  // Beyond the safe integers Number() rounds to 2^53 or further, which is not safe either.
  const x = Number(r.n);
  return Number.isSafeInteger(x) ? x : null;
}

/** Interns atoms for one analysis, so equal atoms are one object and negation is a field read. */
export class AtomTable {
  private readonly atoms = new Map<string, Atom>();
  private nextId = 0;

  /** `fact ∈ domain[bits of mask]`; folds to true/false for the full or empty set. */
  member(fact: string, domain: readonly string[], mask: bigint): Formula {
    if (domain.length <= SMALL_DOMAIN) return this.memberSmall(fact, domain, Number(BigInt.asUintN(SMALL_DOMAIN, mask)));
    const full = (1n << BigInt(domain.length)) - 1n;
    const m = mask & full;
    if (m === 0n) return FALSE;
    if (m === full) return TRUE;
    const key = `m:${fact}:${m}`;
    return this.atoms.get(key)?.lit ?? this.intern(memberDraft(fact, domain, m), memberDraft(fact, domain, full ^ m));
  }

  /**
   * `member` for a domain of at most 30 members with the mask as a number: enums are small, and
   * this runs for every membership test of a policy, so no BigInt arithmetic until an atom is new.
   */
  memberSmall(fact: string, domain: readonly string[], mask: number): Formula {
    const full = (1 << domain.length) - 1;
    const m = mask & full;
    if (m === 0) return FALSE;
    if (m === full) return TRUE;
    // The same key as `member` gives: a number prints as its BigInt does.
    const key = `m:${fact}:${m}`;
    return this.atoms.get(key)?.lit ?? this.intern(memberDraft(fact, domain, BigInt(m)), memberDraft(fact, domain, BigInt(full ^ m)));
  }

  /** `fact == domain[index]`. */
  memberAt(fact: string, domain: readonly string[], index: number): Formula {
    return domain.length <= SMALL_DOMAIN ? this.memberSmall(fact, domain, 1 << index) : this.member(fact, domain, 1n << BigInt(index));
  }

  /** `fact == value` or `fact != value` for a text fact. */
  text(fact: string, value: string, equal: boolean): Formula {
    const make = (eq: boolean): Draft => ({ kind: 'text', key: textKey(fact, value, eq), fact, value, equal: eq, facts: [fact] });
    return this.atoms.get(textKey(fact, value, equal))?.lit ?? this.intern(make(equal), make(!equal));
  }

  /** `u - v <= bound` (`<` when strict); integer domains are tightened to whole fen. */
  diff(u: string | null, v: string | null, domain: NumericDomain, bound: Rat, strict: boolean): Formula {
    if (domain === 'int') {
      // Whole numbers are built directly: `rat` would look for a common divisor of n and 1.
      if (bound.d !== 1n) bound = new Rat(strict ? ceil(bound) - 1n : floor(bound), 1n);
      else if (strict) bound = new Rat(bound.n - 1n, 1n);
      strict = false;
    }
    if (u === null && v === null) {
      const c = compare(rat(0n), bound);
      return c < 0 || (c === 0 && !strict) ? TRUE : FALSE;
    }
    const whole = wholeNumber(bound);
    const key = diffKey(u, v, domain, bound, strict, whole);
    const found = this.atoms.get(key);
    if (found) return found.lit;
    // ¬(u - v <= c) is v - u < -c, which for whole fen is v - u <= -c - 1.
    const nb = domain === 'int' ? new Rat(-bound.n - 1n, 1n) : neg(bound);
    const ns = domain === 'rat' ? !strict : false;
    // A split moment's variables (`now#D`, `now#T`) belong to its fact.
    const facts = factsOfVars(u, v);
    return this.intern(
      { kind: 'diff', key, u, v, domain, bound, strict, facts, whole },
      { kind: 'diff', key: diffKey(v, u, domain, nb, ns, wholeNumber(nb)), u: v, v: u, domain, bound: nb, strict: ns, facts, whole: wholeNumber(nb) },
    );
  }

  /** A condition outside the decided fragment, keyed by its text (same text, same condition). */
  opaque(expr: Expr, text: string, reason: string, facts: readonly string[]): Formula {
    const make = (positive: boolean): Draft => ({ kind: 'opaque', key: `o:${positive ? '+' : '-'}:${text}`, expr, text, reason, positive, facts });
    return this.atoms.get(`o:+:${text}`)?.lit ?? this.intern(make(true), make(false));
  }

  /** Registers a new atom and its negation; returns the atom's literal. */
  private intern(a: Draft, b: Draft): Formula {
    const atom = this.finish(a);
    const negation = this.finish(b);
    atom.negation = negation;
    negation.negation = atom;
    if (atom.kind === 'diff' && negation.kind === 'diff') atom.pair = negation.pair = { diffs: [atom, negation], opaque: false };
    this.atoms.set(atom.key, atom);
    this.atoms.set(negation.key, negation);
    return atom.lit;
  }

  /** Completes a fresh draft in place (no copy: this runs for every atom of a large policy). */
  private finish(draft: Draft): Atom {
    const atom = draft as Atom;
    (atom as { id: number }).id = this.nextId++;
    atom.lit = { kind: 'lit', atom };
    return atom;
  }
}

/** The facts of a difference's variables, each once, `u`'s first. */
function factsOfVars(u: string | null, v: string | null): string[] {
  const a = u === null ? null : factOfVar(u);
  const b = v === null ? null : factOfVar(v);
  if (a === null) return b === null ? [] : [b];
  return b === null || b === a ? [a] : [a, b];
}

/** Domains up to this many members keep their masks as JS numbers too (bit 30 keeps them positive). */
export const SMALL_DOMAIN = 30;

function memberDraft(fact: string, domain: readonly string[], mask: bigint): Draft {
  const small = domain.length <= SMALL_DOMAIN ? Number(mask) : -1;
  return { kind: 'member', key: `m:${fact}:${mask}`, fact, domain, mask, small, facts: [fact] };
}

function textKey(fact: string, value: string, equal: boolean): string {
  return `t:${fact}:${equal ? '=' : '!'}:${JSON.stringify(value)}`;
}

/** The key of a difference atom; `whole` is the bound as a safe JS number when it is one (it prints as the BigInt does, faster). */
function diffKey(u: string | null, v: string | null, domain: NumericDomain, c: Rat, strict: boolean, whole: number | null): string {
  return `d:${u ?? '0'}:${v ?? '0'}:${domain}:${whole ?? (c.d === 1n ? c.n : `${c.n}/${c.d}`)}:${strict ? '<' : '<='}`;
}
