import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/**
 * The parser's error wording, in the language of .sop files: "expected `{` after the decision's label,
 * found `when`". Built from token labels and the rule being parsed, never from token names.
 */

const declarationList = '`policy`, `enum`, `department`, `fact`, `const`, `let`, `decision`, `outcome` or `section`';

/** What may come next inside a block, when its closing `}` was expected instead. */
const blockContents: Readonly<Record<string, string>> = {
  policy: 'a policy item (`version`, `effective`, `locales`, `start` or `always`) or `}`',
  enum: 'a member name or `}`',
  fact: '`ask`, `note` or `}`',
  decision: '`when`, `otherwise` or `}`',
  outcome: 'an outcome item (`owner`, `deadline`, `do`, `document`, `say`, `note` or `value`) or `}`',
  section: 'a paragraph (a string) or `}`',
};

/** What a rule starts with, for "none of the alternatives matched". */
const ruleStarts: Readonly<Record<string, string>> = {
  file: `\`import\` or a declaration (${declarationList})`,
  declaration: `a declaration (${declarationList})`,
  policyItem: blockContents.policy,
  outcomeItem: blockContents.outcome,
  factItem: blockContents.fact,
  type: 'a type (`bool`, `money`, `signed money`, `number`, `text` or an enum\'s name)',
  duration: 'a duration such as `3 days` or `same day`',
  hitPolicy: '`first` or `unique`',
};

/** The declarations whose string after the name is their label. */
const labelled = new Set(['policy', 'enum', 'member', 'department', 'fact', 'const', 'let', 'decision', 'outcome', 'section']);

const valueStart = 'a value (a number, a name, a string, `true`, `false`, `min`, `max` or `(`)';

/** The message provider the parser is configured with. */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    // In a decision only a branch after `otherwise` makes the parser want `}` at `when`/`otherwise`.
    if (expected === t.RCurly && ruleName === 'decision') {
      if (tokenMatcher(actual, t.When)) return '`otherwise` must be the last branch, but `when` follows it';
      if (tokenMatcher(actual, t.Otherwise)) return 'a decision has only one `otherwise` branch';
    }
    // Recovery inside a repetition builds this message after skipping tokens, so the token
    // "before" may be the found one or later: then it says nothing about the place.
    const before = previous && !(previous.startOffset >= actual.startOffset) ? previous : undefined;
    // `when kind = 1`: a single `=` in a condition is meant as a comparison.
    const compare = ruleName === 'branch' && tokenMatcher(actual, t.Assign) ? ' (write `==` to compare)' : '';
    return `expected ${expectedToken(expected, before, ruleName)}${after(before, ruleName)}, found ${found(actual)}${compare}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected ${ruleStarts.file}, found ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const expected = previous?.tokenType === t.Deadline
      ? 'a duration constant\'s name, or a duration such as `3 days` or `same day`'
      : ruleStarts[ruleName] ?? firstTokens(expectedPathsPerAlt.flat(), ruleName);
    return `expected ${expected}${after(previous, ruleName)}, found ${found(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    return `expected ${firstTokens(expectedIterationPaths, ruleName)}${after(previous, ruleName)}, found ${found(actual[0])}`;
  },
};

/** Names the expected token, using the rule and the token before to say what kind of name or item. */
function expectedToken(expected: TokenType, previous: IToken | undefined, ruleName: string): string {
  if (expected === EOF) return ruleStarts.file;
  if (expected === t.RCurly && blockContents[ruleName]) return blockContents[ruleName];
  if (expected !== t.Identifier) return String(expected.LABEL ?? expected.name);
  const before = previous?.tokenType;
  if (before === t.Arrow) return 'an outcome or decision name';
  if (before === t.Owner) return 'a department name';
  if (before === t.Start) return 'a decision name';
  if (before === t.Dot) return 'a member name';
  if (ruleName === 'comparison') return 'an enum member';
  if (ruleName === 'localeName') return 'a locale name such as `en` or `zh-CN`';
  if (ruleName === 'duration') return 'a unit (`days`, `hours` or `minutes`)';
  if (ruleName === 'type') return 'a type';
  return 'a name';
}

/** Lists the distinct first tokens of the expected paths. */
function firstTokens(paths: TokenType[][], ruleName: string): string {
  const labels = [...new Set(paths.map((path) => path[0]).filter(Boolean).map((type) => String(type.LABEL ?? type.name)))];
  if (['expr', 'orExpr', 'andExpr', 'notExpr', 'comparison', 'sum', 'product', 'unary', 'atom'].includes(ruleName)) {
    return valueStart;
  }
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** " after `x`", or " after the decision's label" when the token before ended a label. */
function after(previous: IToken | undefined, ruleName: string): string {
  if (!previous || isNaN(previous.startOffset) || previous.tokenType === EOF) return '';
  if (tokenMatcher(previous, t.StringLiteral)) {
    return labelled.has(ruleName) ? ` after the ${ruleName}'s label` : ' after the text';
  }
  return ` after \`${shorten(previous.image)}\``;
}

/** The token found, quoted as written. */
function found(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'the end of the file';
  if (tokenMatcher(token, t.StringLiteral)) return 'a string';
  return `\`${shorten(token.image)}\``;
}

function shorten(image: string): string {
  return image.length > 24 ? `${image.slice(0, 23)}…` : image;
}
