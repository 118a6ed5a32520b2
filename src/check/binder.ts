import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg, type MessageRef } from '../diagnostics/message.js';
import type { Declaration, EnumDecl, PolicyDecl, RuleFile } from '../syntax/ast.js';
import { NameSuggester } from './name-suggester.js';

/** A declaration that has a name in the policy's one namespace (every kind but the policy header). */
export type NamedDecl = Exclude<Declaration, PolicyDecl>;

/** The policy's names: every declaration by name, and which enums each member name belongs to. */
export interface BoundRules {
  readonly policy: PolicyDecl | null;
  readonly entryFile: string;
  readonly symbols: ReadonlyMap<string, NamedDecl>;
  /** Member name → the enums that have a member of that name (for bare `missing_items`). */
  readonly memberOwners: ReadonlyMap<string, readonly EnumDecl[]>;
  /**
   * Names whose declaration was already reported: declared twice, or broken by a syntax error. A use
   * that finds nothing, or the wrong kind, under such a name is not reported again.
   */
  readonly duplicated: ReadonlySet<string>;
  readonly files: readonly RuleFile[];
  /** "Did you mean" for names that resolve to nothing, from these symbols. */
  readonly suggestions: NameSuggester;
}

/** The kind of a declaration as a phrase for messages ("`x` is a fact, not a decision"). */
export function kindName(kind: NamedDecl['kind']): MessageRef {
  return msg(`kind.${kind}`);
}

/**
 * Puts every declaration of the loaded files into one namespace. Reports duplicate names, duplicate
 * enum members and policy headers that are missing or repeated. The entry file comes first.
 */
export function bind(files: readonly RuleFile[]): { value: BoundRules; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const symbols = new Map<string, NamedDecl>();
  const memberOwners = new Map<string, EnumDecl[]>();
  const duplicated = new Set<string>();
  let policy: PolicyDecl | null = null;
  const entryFile = files[0]?.path ?? '';

  for (const file of files) {
    for (const decl of file.declarations) {
      if (decl.kind === 'policy') {
        // An imported header is reported as such even when the entry's header came first.
        if (file.path !== entryFile) diagnostics.push(policyOutsideEntry(decl, entryFile));
        else if (policy) diagnostics.push(duplicatePolicy(decl, policy));
        else policy = decl;
        continue;
      }
      const earlier = symbols.get(decl.name.text);
      if (earlier) {
        diagnostics.push(duplicateDefinition(decl, earlier));
        duplicated.add(decl.name.text);
        continue;
      }
      symbols.set(decl.name.text, decl);
      if (decl.kind === 'enum') bindMembers(decl, memberOwners, diagnostics);
    }
  }
  // Declarations a syntax error broke: their names exist, so uses of them are no new problem.
  const broken = files.flatMap((f) => f.broken ?? []);
  for (const b of broken) if (b.kind !== 'policy' && !symbols.has(b.name)) duplicated.add(b.name);
  const brokenHeader = files[0]?.broken?.some((b) => b.kind === 'policy') ?? false;
  if (!policy && files[0] && !brokenHeader) diagnostics.push(missingPolicy(files[0]));
  const suggestions = new NameSuggester(symbols);
  return { value: { policy, entryFile, symbols, memberOwners, duplicated, files, suggestions }, diagnostics };
}

function bindMembers(decl: EnumDecl, owners: Map<string, EnumDecl[]>, diagnostics: Diagnostic[]): void {
  const seen = new Map<string, EnumDecl['members'][number]>();
  for (const member of decl.members) {
    const first = seen.get(member.name.text);
    if (first) {
      diagnostics.push(
        diagnostic('resolve/duplicate-member', member.name.span, msg('resolve.duplicate-member', { enum: code(decl.name.text), member: code(member.name.text) }), {
          related: [{ span: first.name.span, message: msg('resolve.duplicate-member.first') }],
          help: msg('resolve.duplicate-member.help'),
        }),
      );
      continue;
    }
    seen.set(member.name.text, member);
    const list = owners.get(member.name.text) ?? [];
    list.push(decl);
    owners.set(member.name.text, list);
  }
}

function duplicateDefinition(decl: NamedDecl, earlier: NamedDecl): Diagnostic {
  return diagnostic('resolve/duplicate-definition', decl.name.span, msg('resolve.duplicate-definition', { name: code(decl.name.text), kind: kindName(earlier.kind) }), {
    label: msg('resolve.duplicate-definition.label'),
    related: [{ span: earlier.name.span, message: msg('resolve.duplicate-definition.first', { name: code(decl.name.text) }) }],
    help: msg('resolve.duplicate-definition.help'),
  });
}

function duplicatePolicy(decl: PolicyDecl, first: PolicyDecl): Diagnostic {
  return diagnostic('resolve/duplicate-policy', decl.name.span, msg('resolve.duplicate-policy', { name: code(decl.name.text) }), {
    related: [{ span: first.name.span, message: msg('resolve.duplicate-policy.first') }],
    help: msg('resolve.duplicate-policy.help'),
  });
}

function policyOutsideEntry(decl: PolicyDecl, entry: string): Diagnostic {
  return diagnostic('resolve/duplicate-policy', decl.name.span, msg('resolve.policy-in-import', { header: code(`policy ${decl.name.text}`) }), {
    help: msg('resolve.policy-in-import.help', { entry: code(entry) }),
  });
}

function missingPolicy(file: RuleFile): Diagnostic {
  return diagnostic('resolve/missing-policy', { file: file.path, start: 0, end: 0 }, msg('resolve.missing-policy'), {
    help: msg('resolve.missing-policy.help'),
  });
}
