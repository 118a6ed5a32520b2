import type { Expr } from '../graph.js';
import { ceil, compare, floor, neg, rat, type Rat } from './rational.js';

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
type Draft = { [K in Atom['kind']]: Omit<Extract<Atom, { kind: K }>, 'id' | 'negation' | 'lit'> }[Atom['kind']];

export type Formula =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'lit'; readonly atom: Atom }
  | { readonly kind: 'and'; readonly parts: readonly Formula[] }
  | { readonly kind: 'or'; readonly parts: readonly Formula[] };

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
  return out.length === 0 ? TRUE : out.length === 1 ? out[0] : { kind: 'and', parts: out };
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
  return out.length === 0 ? FALSE : out.length === 1 ? out[0] : { kind: 'or', parts: out };
}

const negations = new WeakMap<Formula, Formula>();

/** The negation, pushed down to the atoms (memoised: shared subformulas stay shared). */
export function not(f: Formula): Formula {
  switch (f.kind) {
    case 'true': return FALSE;
    case 'false': return TRUE;
    case 'lit': return f.atom.negation.lit;
  }
  let result = negations.get(f);
  if (!result) {
    const parts = f.parts.map(not);
    result = f.kind === 'and' ? or(parts) : and(parts);
    negations.set(f, result);
  }
  return result;
}

/** The top-level conjuncts of a formula. */
export function conjuncts(f: Formula): readonly Formula[] {
  return f.kind === 'and' ? f.parts : f.kind === 'true' ? [] : [f];
}

const factSets = new WeakMap<Formula, readonly string[]>();

/** Every fact the formula reads, memoised per formula node. */
export function factsOf(f: Formula): readonly string[] {
  if (f.kind === 'lit') return f.atom.facts;
  if (f.kind === 'true' || f.kind === 'false') return [];
  let facts = factSets.get(f);
  if (!facts) {
    const set = new Set<string>();
    for (const p of f.parts) for (const fact of factsOf(p)) set.add(fact);
    facts = [...set];
    factSets.set(f, facts);
  }
  return facts;
}

const keys = new WeakMap<Formula, string>();

/** A string that is equal for structurally equal formulas over the same interned atoms. */
export function keyOf(f: Formula): string {
  switch (f.kind) {
    case 'true': return 'T';
    case 'false': return 'F';
    case 'lit': return String(f.atom.id);
  }
  let key = keys.get(f);
  if (key === undefined) {
    key = `${f.kind === 'and' ? '&' : '|'}(${f.parts.map(keyOf).join(',')})`;
    keys.set(f, key);
  }
  return key;
}

/** Every opaque atom in the formula (positive form), in first-seen order. */
export function opaqueAtoms(f: Formula, out = new Map<string, OpaqueAtom>()): Map<string, OpaqueAtom> {
  if (f.kind === 'lit') {
    if (f.atom.kind === 'opaque') {
      const positive = f.atom.positive ? f.atom : (f.atom.negation as OpaqueAtom);
      if (!out.has(positive.text)) out.set(positive.text, positive);
    }
  } else if (f.kind === 'and' || f.kind === 'or') {
    for (const p of f.parts) opaqueAtoms(p, out);
  }
  return out;
}

/** Interns atoms for one analysis, so equal atoms are one object and negation is a field read. */
export class AtomTable {
  private readonly atoms = new Map<string, Atom>();
  private nextId = 0;

  /** `fact ∈ domain[bits of mask]`; folds to true/false for the full or empty set. */
  member(fact: string, domain: readonly string[], mask: bigint): Formula {
    const full = (1n << BigInt(domain.length)) - 1n;
    const m = mask & full;
    if (m === 0n) return FALSE;
    if (m === full) return TRUE;
    return this.intern(`m:${fact}:${m}`, `m:${fact}:${full ^ m}`, (key) => ({ kind: 'member', key, fact, domain, mask: m, facts: [fact] }),
      (key) => ({ kind: 'member', key, fact, domain, mask: full ^ m, facts: [fact] }),
    );
  }

  /** `fact == value` or `fact != value` for a text fact. */
  text(fact: string, value: string, equal: boolean): Formula {
    const k = (eq: boolean) => `t:${fact}:${eq ? '=' : '!'}:${JSON.stringify(value)}`;
    const make = (eq: boolean) => (key: string): Draft => ({ kind: 'text', key, fact, value, equal: eq, facts: [fact] });
    return this.intern(k(equal), k(!equal), make(equal), make(!equal));
  }

  /** `u - v <= bound` (`<` when strict); integer domains are tightened to whole fen. */
  diff(u: string | null, v: string | null, domain: NumericDomain, bound: Rat, strict: boolean): Formula {
    if (domain === 'int') {
      if (bound.d !== 1n) bound = rat(strict ? ceil(bound) - 1n : floor(bound));
      else if (strict) bound = { n: bound.n - 1n, d: 1n };
      strict = false;
    }
    if (u === null && v === null) {
      const c = compare(rat(0n), bound);
      return c < 0 || (c === 0 && !strict) ? TRUE : FALSE;
    }
    const negBound = neg(bound);
    const negStrict = domain === 'rat' ? !strict : false;
    const nb = domain === 'int' ? rat(negBound.n - 1n) : negBound;
    const key = (a: string | null, b: string | null, c: Rat, s: boolean) => `d:${a ?? '0'}:${b ?? '0'}:${domain}:${c.n}/${c.d}:${s ? '<' : '<='}`;
    const facts = [u, v].filter((x): x is string => x !== null);
    return this.intern(
      key(u, v, bound, strict),
      key(v, u, nb, negStrict),
      (k) => ({ kind: 'diff', key: k, u, v, domain, bound, strict, facts }),
      (k) => ({ kind: 'diff', key: k, u: v, v: u, domain, bound: nb, strict: negStrict, facts }),
    );
  }

  /** A condition outside the decided fragment, keyed by its text (same text, same condition). */
  opaque(expr: Expr, text: string, reason: string, facts: readonly string[]): Formula {
    const make = (positive: boolean) => (key: string): Draft => ({ kind: 'opaque', key, expr, text, reason, positive, facts });
    return this.intern(`o:+:${text}`, `o:-:${text}`, make(true), make(false));
  }

  private intern(key: string, negKey: string, make: (key: string) => Draft, makeNeg: (key: string) => Draft): Formula {
    const found = this.atoms.get(key);
    if (found) return found.lit;
    const atom = this.finish(make(key));
    const negation = this.finish(makeNeg(negKey));
    atom.negation = negation;
    negation.negation = atom;
    this.atoms.set(key, atom);
    this.atoms.set(negKey, negation);
    return atom.lit;
  }

  private finish(draft: Draft): Atom {
    const atom = { ...draft, id: this.nextId++ } as Atom;
    atom.lit = { kind: 'lit', atom };
    return atom;
  }
}
