import { diagnostic, type Diagnostic, type Text } from '../diagnostics/diagnostic.js';
import { code, list, msg, type MessageRef } from '../diagnostics/message.js';
import { exactText, Rat } from '../values/rational.js';
import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { Span } from '../source/source-file.js';
import type { EnumDecl, Name } from '../syntax/ast.js';
import type { Expr } from '../graph/graph.js';
import { arithmeticHelp, bareNumberAgainstMoney } from './type-rules.js';
import { describeType } from './types.js';

/** The diagnostics of name resolution and typing in expressions, one constructor per problem. */

/** A `type/mismatch` with an optional hint. */
export function mismatch(span: Span, message: Text, help?: Text): Diagnostic {
  return diagnostic('type/mismatch', span, message, help ? { help } : {});
}

export function missingUnit(literal: Expr, unit: 'CNY' | 'days'): Diagnostic {
  const value = literal.kind !== 'literal' ? '' : literal.value instanceof Rat ? exactText(literal.value) : String(literal.value);
  return diagnostic('type/missing-unit', literal.span, msg('type.missing-unit', { value: code(value), expected: unit === 'CNY' ? msg('type.money') : msg('type.duration') }), {
    help: msg('type.write', { text: code(`${value} ${unit}`) }),
    suggestion: { span: literal.span, replacement: `${value} ${unit}` },
  });
}

export function incomparable(op: string, left: Expr, right: Expr, span: Span): Diagnostic {
  const bare = bareNumberAgainstMoney(left, right);
  if (bare) return missingUnit(bare, left.type.kind === 'money' || right.type.kind === 'money' ? 'CNY' : 'days');
  const yesNo = left.type.kind === 'bool' || right.type.kind === 'bool' ? msg('type.incomparable.bool-help') : undefined;
  return mismatch(span, msg('type.incomparable', { left: describeType(left.type), right: describeType(right.type), op: code(op) }),
    yesNo ?? arithmeticHelp(left.type, right.type) ?? msg('type.incomparable.help'));
}

/** "did you mean `x`?" */
export function didYouMean(name: string): MessageRef {
  return msg('common.did-you-mean', { name: code(name) });
}

/** `resolve/unknown-name`; `suggestion` is the close declared name, if there is one (see NameSuggester). */
export function unknownName(name: Name, suggestion: string | undefined, message?: MessageRef): Diagnostic {
  return diagnostic('resolve/unknown-name', name.span, message ?? msg('resolve.unknown-name', { name: code(name.text) }), {
    label: msg('resolve.unknown-name.label'),
    ...(suggestion
      ? { help: didYouMean(suggestion), suggestion: { span: name.span, replacement: suggestion } }
      : { help: msg('resolve.unknown-name.help') }),
  });
}

export function unknownMember(decl: EnumDecl, member: Name): Diagnostic {
  const names = decl.members.map((m) => m.name.text);
  const suggestion = spellingSuggestion(member.text, names);
  return diagnostic('resolve/unknown-member', member.span, msg('resolve.unknown-member', { enum: code(decl.name.text), member: code(member.text) }), {
    help: suggestion ? didYouMean(suggestion) : msg('resolve.members-are', { members: listNames(names) }),
    ...(suggestion ? { suggestion: { span: member.span, replacement: suggestion } } : {}),
    related: [{ span: decl.name.span, message: msg('common.declared-here', { name: code(decl.name.text) }) }],
  });
}

export function foreignMember(name: Name, owner: EnumDecl, expected: EnumDecl): Diagnostic {
  return diagnostic('type/mismatch', name.span, msg('type.foreign-member', { name: code(name.text), owner: code(owner.name.text), expected: code(expected.name.text) }), {
    help: msg('type.foreign-member.help', { enum: code(expected.name.text), members: listNames(expected.members.map((m) => m.name.text)) }),
    related: [{ span: owner.name.span, message: msg('common.declared-here', { name: code(owner.name.text) }) }],
  });
}

/** `a`, `a` and `b`, `a`, `b` and `c`: backticked names joined for a sentence (in the reader's locale). */
export function listNames(names: readonly string[]) {
  return list(names.map(code), 'and');
}
