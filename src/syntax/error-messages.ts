import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { code, formatMessage, list, msg, type Arg, type MessageRef } from '../diagnostics/message.js';
import * as t from './tokens.js';

/**
 * The parser's error wording, in the language of .sop files: "expected `{` after the decision's label,
 * found `when`". Built from token labels and the rule being parsed, never from token names, as
 * registry messages: Chevrotain wants a string, so the provider returns the English text and keeps
 * the message it came from for `messageOf` (the parser turns it into a diagnostic right after).
 */

const built = new Map<string, MessageRef>();

/** The registry message behind a parser error's text (undefined for a text this provider did not build). */
export function messageOf(text: string): MessageRef | undefined {
  return built.get(text);
}

/** Forgets the messages of the previous parse (called before each parse, so the map stays small). */
export function resetMessages(): void {
  built.clear();
}

function keep(ref: MessageRef): string {
  const text = formatMessage(ref, 'en');
  built.set(text, ref);
  return text;
}

const declarationList = list(['policy', 'enum', 'department', 'fact', 'const', 'let', 'decision', 'outcome', 'section', 'require'].map(code), 'or');

/** What may come next inside a block, when its closing `}` was expected instead. */
const blockContents: Readonly<Record<string, MessageRef>> = {
  policy: msg('parse.block.policy'),
  enum: msg('parse.block.enum'),
  fact: msg('parse.block.fact'),
  decision: msg('parse.block.decision'),
  outcome: msg('parse.block.outcome'),
  section: msg('parse.block.section'),
};

/** What a rule starts with, for "none of the alternatives matched". */
const ruleStarts: Readonly<Record<string, MessageRef>> = {
  file: msg('parse.import-or-declaration', { list: declarationList }),
  declaration: msg('parse.declaration', { list: declarationList }),
  policyItem: blockContents.policy,
  outcomeItem: blockContents.outcome,
  factItem: blockContents.fact,
  type: msg('parse.type'),
  due: msg('parse.due'),
  hitPolicy: msg('parse.hit-policy'),
};

/** The declarations whose string after the name is their label. */
const labelled = new Set(['policy', 'enum', 'member', 'department', 'fact', 'const', 'let', 'decision', 'outcome', 'section', 'require']);

const valueStart = msg('parse.value');

/** "expected X after Y, found Z". */
function expected(what: Arg, after: Arg, found: Arg, hint: Arg = ''): string {
  return keep(msg('parse.expected', { expected: what, after, found, hint }));
}

/** The message provider the parser is configured with. */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected: want, actual, previous, ruleName }) {
    // In a decision only a branch after `otherwise` makes the parser want `}` at `when`/`otherwise`.
    if (want === t.RCurly && ruleName === 'decision') {
      if (tokenMatcher(actual, t.When)) return keep(msg('parse.otherwise-last'));
      if (tokenMatcher(actual, t.Otherwise)) return keep(msg('parse.one-otherwise'));
    }
    // Recovery inside a repetition builds this message after skipping tokens, so the token
    // "before" may be the found one or later: then it says nothing about the place.
    const before = previous && !(previous.startOffset >= actual.startOffset) ? previous : undefined;
    // `when kind = 1`: a single `=` in a condition is meant as a comparison.
    const compare = ruleName === 'branch' && tokenMatcher(actual, t.Assign) ? msg('parse.hint-compare') : '';
    return expected(expectedToken(want, before, ruleName), after(before, ruleName), found(actual), compare);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return expected(ruleStarts.file, '', found(firstRedundant));
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const what = previous?.tokenType === t.Deadline
      ? msg('parse.deadline')
      : ruleStarts[ruleName] ?? firstTokens(expectedPathsPerAlt.flat(), ruleName);
    return expected(what, after(previous, ruleName), found(actual[0]));
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    return expected(firstTokens(expectedIterationPaths, ruleName), after(previous, ruleName), found(actual[0]));
  },
};

/** Names the expected token, using the rule and the token before to say what kind of name or item. */
function expectedToken(expected: TokenType, previous: IToken | undefined, ruleName: string): Arg {
  if (expected === EOF) return ruleStarts.file;
  if (expected === t.RCurly && blockContents[ruleName]) return blockContents[ruleName];
  if (expected !== t.Identifier) return String(expected.LABEL ?? expected.name);
  const before = previous?.tokenType;
  if (before === t.Arrow) return msg('parse.name.target');
  if (before === t.Owner) return msg('parse.name.department');
  if (before === t.Start) return msg('parse.name.decision');
  if (before === t.Dot) return msg('parse.name.member');
  if (ruleName === 'comparison') return msg('parse.name.enum-member');
  if (ruleName === 'localeName') return msg('parse.name.locale');
  if (ruleName === 'type') return msg('parse.name.type');
  return msg('parse.name');
}

/** Lists the distinct first tokens of the expected paths. */
function firstTokens(paths: TokenType[][], ruleName: string): Arg {
  const labels = [...new Set(paths.map((path) => path[0]).filter(Boolean).map((type) => String(type.LABEL ?? type.name)))];
  if (['expr', 'orExpr', 'andExpr', 'notExpr', 'comparison', 'sum', 'product', 'unary', 'atom'].includes(ruleName)) {
    return valueStart;
  }
  if (labels.length <= 1) return labels[0] ?? msg('parse.something-else');
  return list(labels, 'or');
}

/** " after `x`", or " after the decision's label" when the token before ended a label. */
function after(previous: IToken | undefined, ruleName: string): Arg {
  if (!previous || isNaN(previous.startOffset) || previous.tokenType === EOF) return '';
  if (tokenMatcher(previous, t.StringLiteral)) {
    return labelled.has(ruleName) ? msg('parse.after-label', { rule: ruleName }) : msg('parse.after-text');
  }
  return msg('parse.after-token', { token: code(shorten(previous.image)) });
}

/** The token found, quoted as written. */
function found(token: IToken | undefined): Arg {
  if (!token || token.tokenType === EOF) return msg('parse.found-eof');
  if (tokenMatcher(token, t.StringLiteral)) return msg('parse.found-string');
  return code(shorten(token.image));
}

function shorten(image: string): string {
  return image.length > 24 ? `${image.slice(0, 23)}…` : image;
}
