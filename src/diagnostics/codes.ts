import type { Severity } from './diagnostic.js';

/**
 * The registry of every diagnostic code: `stage/kebab-name`, its default severity and a one-line doc.
 * Add a code here before using it; the README's table of codes is generated from this one.
 */
export const codes = {
  // syntax: scan, parse, lower
  'syntax/unknown-character': { severity: 'error', doc: 'a character no token can start with' },
  'syntax/unterminated-string': { severity: 'error', doc: 'a string is missing its closing quote' },
  'syntax/bad-escape': { severity: 'error', doc: 'a `\\` in a string is not followed by `"`, `\\`, `n` or `t`' },
  'syntax/unexpected-token': { severity: 'error', doc: 'the parser expected something else here' },
  'syntax/unknown-unit': { severity: 'error', doc: 'a number is followed by a unit the language does not know' },
  'syntax/bad-number': { severity: 'error', doc: 'a number literal cannot be read (too large, or money with more than two decimals)' },
  'syntax/duplicate-item': { severity: 'error', doc: 'an item that may appear once (owner, deadline, say, version…) appears twice' },
  'syntax/bad-locale': { severity: 'error', doc: 'a locale name or tag is not of the form `en` or `zh-CN`' },

  // resolve: imports, names, types
  'resolve/import-not-found': { severity: 'error', doc: 'an imported file cannot be read' },
  'resolve/missing-policy': { severity: 'error', doc: 'no `policy` header in the entry file' },
  'resolve/duplicate-policy': { severity: 'error', doc: 'more than one `policy` header' },
  'resolve/duplicate-definition': { severity: 'error', doc: 'two declarations share a name' },
  'resolve/duplicate-member': { severity: 'error', doc: 'an enum lists the same member twice' },
  'resolve/unknown-name': { severity: 'error', doc: 'a name refers to nothing declared' },
  'resolve/unknown-target': { severity: 'error', doc: 'a branch points at something that is neither a decision nor an outcome' },
  'resolve/unknown-type': { severity: 'error', doc: 'a fact has a type that is neither built in nor an enum' },
  'resolve/unknown-member': { severity: 'error', doc: 'an enum member that the enum does not have' },
  'resolve/unknown-department': { severity: 'error', doc: 'an outcome owner that is not a declared department' },
  'resolve/missing-start': { severity: 'error', doc: 'the policy does not say which decision comes first (`start`)' },
  'resolve/ambiguous-name': { severity: 'error', doc: 'a bare name matches members of several enums; qualify it as `enum.member`' },
  'resolve/let-cycle': { severity: 'error', doc: 'derived values (`let`) that depend on themselves' },
  'resolve/missing-translation': { severity: 'warning', doc: 'a text lacks one of the policy\'s locales' },
  'resolve/unknown-locale': { severity: 'warning', doc: 'a text is tagged with a locale the policy does not declare' },
  'resolve/missing-label': { severity: 'warning', doc: 'something a person reads has no label' },
  'type/mismatch': { severity: 'error', doc: 'an operand has the wrong type (money compared with a bool, a duration where money is expected…)' },
  'type/not-a-condition': { severity: 'error', doc: 'a `when` condition is not a yes/no (bool) expression' },
  'type/missing-unit': { severity: 'error', doc: 'a bare number where money or a duration is expected; write `30 CNY` or `3 days`' },
  'type/not-constant': { severity: 'error', doc: 'a `const` whose value is not a literal' },
  'type/negative-money': { severity: 'error', doc: 'a money constant below zero' },

  // graph: the checked decision graph
  'graph/cycle': { severity: 'error', doc: 'a decision reaches itself' },
  'graph/gap': { severity: 'error', doc: 'some inputs reach a decision and match no branch (a witness case is given)' },
  'graph/overlap': { severity: 'error', doc: 'two branches of a `unique` decision match the same input (a witness case is given)' },
  'graph/shadowed-branch': { severity: 'warning', doc: 'no input reaching the decision can reach this branch: earlier branches cover it' },
  'graph/unreachable-decision': { severity: 'warning', doc: 'a decision no path from `start` reaches' },
  'graph/unreachable-outcome': { severity: 'warning', doc: 'an outcome no path from `start` reaches' },
  'graph/unused-fact': { severity: 'warning', doc: 'a fact no condition or value reads' },
  'graph/unused-constant': { severity: 'warning', doc: 'a constant nothing reads' },
  'graph/unused-let': { severity: 'warning', doc: 'a derived value nothing reads' },
  'graph/unused-member': { severity: 'warning', doc: 'an enum member no condition mentions' },
  'graph/unused-department': { severity: 'warning', doc: 'a department no outcome is owned by' },
  'graph/inexact-analysis': { severity: 'info', doc: 'a condition is outside what the analysis decides exactly (non-linear arithmetic); gaps and overlaps are not judged there' },

  // case: reading a case file or key=value arguments
  'case/unreadable': { severity: 'error', doc: 'the case file cannot be read or is not valid YAML/JSON' },
  'case/schema': { severity: 'error', doc: 'the case does not match the policy\'s case schema' },
  'case/unknown-field': { severity: 'error', doc: 'the case has a field the policy does not declare' },

  // eval: evaluating a case
  'eval/division-by-zero': { severity: 'error', doc: 'a value divides by zero for this case' },

  // render: the handbook
  'render/template': { severity: 'error', doc: 'a handbook template failed (unknown field, bad syntax)' },
  'render/browser-not-found': { severity: 'error', doc: 'no Chromium to print the PDF with' },
} as const satisfies Record<string, { severity: Severity; doc: string }>;

/** Every diagnostic code the project knows. */
export type DiagnosticCode = keyof typeof codes;
