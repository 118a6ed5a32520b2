import type { Span } from '../source/source-file.js';
import type { Name } from '../syntax/ast.js';
import type { BoundRules } from './binder.js';
import type { SymbolInfo, SymbolTable } from './symbols.js';

/**
 * The reference index: every use of a declared name, with the symbol it resolves to. It is what a
 * language server needs for go-to-definition (a use → its declaration), find-references and
 * rename (a symbol → its uses). Uses are recorded while names are resolved (typing, branch
 * targets, owners, `start`), so the index agrees with the checker. A name that resolves to nothing
 * is not in it (its diagnostic says so); every other use is, even when the policy has errors.
 */

/** One use of a name. */
export interface Reference {
  /** The name as written at the use (for `damage_level.minor`, each part is its own reference). */
  readonly span: Span;
  /** The declaration it resolves to, with its kind. */
  readonly symbol: SymbolInfo;
}

/** Collects uses while the checker resolves names; a use is a span and the id of its symbol. */
export class ReferenceRecorder {
  private readonly uses: { span: Span; id: string }[] = [];

  record(span: Span, id: string): void {
    this.uses.push({ span, id });
  }

  /** The index, once resolution is done and the symbol table is known. */
  finish(symbols: SymbolTable): ReferenceIndex {
    return new ReferenceIndex(this.uses, symbols);
  }
}

/**
 * Every reference of a compile, sorted by file and position, with the look-ups tools make. Built on
 * first use: a command-line compile records the uses (a push per name) but never sorts them.
 */
export class ReferenceIndex {
  private sorted: Reference[] | undefined;
  private readonly bySymbol = new Map<string, Reference[]>();
  private readonly byFile = new Map<string, Reference[]>();

  constructor(
    private readonly uses: readonly { span: Span; id: string }[],
    private readonly symbols: SymbolTable,
  ) {}

  /** Sorted by file, then start offset. */
  get references(): readonly Reference[] {
    if (this.sorted) return this.sorted;
    const refs: Reference[] = [];
    for (const use of this.uses) {
      const symbol = this.symbols.get(use.id);
      if (symbol) refs.push({ span: use.span, symbol });
    }
    refs.sort((a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start - b.span.start));
    for (const r of refs) {
      push(this.bySymbol, r.symbol.id, r);
      push(this.byFile, r.span.file, r);
    }
    return (this.sorted = refs);
  }

  /** The reference under a cursor: `offset` inside the name or right after its last character. */
  at(file: string, offset: number): Reference | undefined {
    void this.references;
    // Names never overlap, so the last reference starting at or before the offset is the only candidate.
    const refs = this.byFile.get(file) ?? [];
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const candidate = refs[lo - 1];
    return candidate && offset <= candidate.span.end ? candidate : undefined;
  }

  /** Every use of a symbol, in file and position order (its declaration is `symbol.span`). */
  to(symbolId: string): readonly Reference[] {
    void this.references;
    return this.bySymbol.get(symbolId) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Records the uses that are plain look-ups in the one namespace: branch targets, outcome owners,
 * the policy's `start` and enum types of facts. Names in expressions need types to resolve (a bare
 * `minor` is a member of the other operand's enum), so the expression typer records those.
 */
export function recordPlainUses(bound: BoundRules, refs: ReferenceRecorder): void {
  const use = (name: Name | null) => {
    if (name && bound.symbols.has(name.text)) refs.record(name.span, name.text);
  };
  use(bound.policy?.start ?? null);
  for (const decl of bound.symbols.values()) {
    if (decl.kind === 'fact' && decl.type.kind === 'named') use(decl.type.name);
    if (decl.kind === 'decision') for (const b of decl.branches) use(b.target);
    if (decl.kind === 'outcome') use(decl.owner);
  }
}
