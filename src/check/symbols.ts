import type { Span } from '../source/source-file.js';
import type { BoundRules, NamedDecl } from './binder.js';

/**
 * The symbol table tools read (hover, go-to-definition, rename): every name a policy declares,
 * by id. Declarations share one namespace, so a top-level id is the name itself; a name declared
 * inside another has the qualified id `<container>.<name>`: enum members (`damage_level.minor`),
 * named branches (`triage.wrong_item`) and outcome values (`partial_refund.refund_cap`). The
 * policy header is not a symbol: nothing refers to it.
 */

export type SymbolKind = NamedDecl['kind'] | 'member' | 'branch' | 'value';

/** One declared name. */
export interface SymbolInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: SymbolKind;
  /** The name where it is declared: what go-to-definition jumps to and rename rewrites. */
  readonly span: Span;
  /** The whole declaration, e.g. for a hover that shows it. */
  readonly declaration: Span;
  /** The enclosing declaration's id, for members, branches and values. */
  readonly container: string | null;
}

/** Symbols by id, in declaration order. A name declared twice keeps its first declaration. */
export type SymbolTable = ReadonlyMap<string, SymbolInfo>;

/** The symbol table of bound declarations. */
export function symbolTable(bound: BoundRules): SymbolTable {
  const table = new Map<string, SymbolInfo>();
  const add = (name: { text: string; span: Span }, kind: SymbolKind, declaration: Span, container: string | null) => {
    const id = container === null ? name.text : `${container}.${name.text}`;
    if (!table.has(id)) table.set(id, { id, name: name.text, kind, span: name.span, declaration, container });
  };
  for (const decl of bound.symbols.values()) {
    add(decl.name, decl.kind, decl.span, null);
    const owner = decl.name.text;
    if (decl.kind === 'enum') for (const m of decl.members) add(m.name, 'member', m.span, owner);
    if (decl.kind === 'decision') for (const b of decl.branches) if (b.name) add(b.name, 'branch', b.span, owner);
    if (decl.kind === 'outcome') for (const v of decl.values) add(v.name, 'value', v.span, owner);
  }
  return table;
}
