import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { Span } from '../source/source-file.js';
import type { EnumDecl, Name } from '../syntax/ast.js';
import type { Expr } from '../graph/graph.js';
import { arithmeticHelp, bareNumberAgainstMoney } from './type-rules.js';
import { describeType } from './types.js';

/** The diagnostics of name resolution and typing in expressions, one constructor per problem. */

/** A `type/mismatch` with an optional hint. */
export function mismatch(span: Span, message: string, help?: string): Diagnostic {
  return diagnostic('type/mismatch', span, message, help ? { help } : {});
}

export function missingUnit(literal: Expr, unit: 'CNY' | 'days'): Diagnostic {
  const value = literal.kind === 'literal' ? String(literal.value) : '';
  return diagnostic('type/missing-unit', literal.span, `\`${value}\` has no unit, but ${unit === 'CNY' ? 'money' : 'a duration'} is expected here`, {
    help: `write \`${value} ${unit}\``,
    suggestion: { span: literal.span, replacement: `${value} ${unit}` },
  });
}

export function incomparable(op: string, left: Expr, right: Expr, span: Span): Diagnostic {
  const bare = bareNumberAgainstMoney(left, right);
  if (bare) return missingUnit(bare, left.type.kind === 'money' || right.type.kind === 'money' ? 'CNY' : 'days');
  const yesNo = left.type.kind === 'bool' || right.type.kind === 'bool'
    ? 'a yes/no value compares only with another yes/no value; to combine it with a comparison, use `and` or `or`'
    : undefined;
  return mismatch(span, `cannot compare ${describeType(left.type)} with ${describeType(right.type)} using \`${op}\``,
    yesNo ?? arithmeticHelp(left.type, right.type) ?? 'both sides of a comparison must have the same type');
}

/** `resolve/unknown-name`; `suggestion` is the close declared name, if there is one (see NameSuggester). */
export function unknownName(name: Name, suggestion: string | undefined, message?: string): Diagnostic {
  return diagnostic('resolve/unknown-name', name.span, message ?? `unknown name \`${name.text}\``, {
    label: 'not declared',
    ...(suggestion
      ? { help: `did you mean \`${suggestion}\`?`, suggestion: { span: name.span, replacement: suggestion } }
      : { help: 'declare it as a `fact`, `const` or `let`, or check the spelling' }),
  });
}

export function unknownMember(decl: EnumDecl, member: Name): Diagnostic {
  const names = decl.members.map((m) => m.name.text);
  const suggestion = spellingSuggestion(member.text, names);
  return diagnostic('resolve/unknown-member', member.span, `\`${decl.name.text}\` has no member \`${member.text}\``, {
    help: suggestion ? `did you mean \`${suggestion}\`?` : `its members are ${listNames(names)}`,
    ...(suggestion ? { suggestion: { span: member.span, replacement: suggestion } } : {}),
    related: [{ span: decl.name.span, message: `\`${decl.name.text}\` declared here` }],
  });
}

export function foreignMember(name: Name, owner: EnumDecl, expected: EnumDecl): Diagnostic {
  return diagnostic('type/mismatch', name.span, `\`${name.text}\` is a member of \`${owner.name.text}\`, not of \`${expected.name.text}\``, {
    help: `the members of \`${expected.name.text}\` are ${listNames(expected.members.map((m) => m.name.text))}`,
    related: [{ span: owner.name.span, message: `\`${owner.name.text}\` declared here` }],
  });
}

/** `a`, `a` and `b`, `a`, `b` and `c`: backticked names joined for a sentence. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
