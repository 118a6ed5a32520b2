import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Every token of the .sop language. Each has a `label`: the parser's error messages
 * (error-messages.ts) print labels, never token names.
 *
 * Each also says which characters can start it and whether it can hold a line break. Chevrotain
 * would otherwise work both out from the pattern each time a lexer is built, parsing every regular
 * expression (about a third of building the parser and lexer, paid on every run); the lexer it
 * builds is the same (test/syntax/lexer-hints.test.ts compares it with one built without them).
 */
function starts(chars: string, lineBreaks = false): { start_chars_hint: string[]; line_breaks: boolean } {
  return { start_chars_hint: [...chars], line_breaks: lineBreaks };
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** Names are ASCII (strings and comments may hold any Unicode). */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z][A-Za-z0-9_]*/, ...starts(LETTERS), label: 'a name' });

/** Creates a keyword; `longer_alt` lets `policy_owner` lex as one name rather than `policy` + `_owner`. */
function keyword(word: string): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({ name, pattern: new RegExp(word), ...starts(word[0]), label: `\`${word}\``, longer_alt: Identifier });
}

export const Import = keyword('import');
export const Policy = keyword('policy');
export const Version = keyword('version');
export const Effective = keyword('effective');
export const Locales = keyword('locales');
export const Start = keyword('start');
export const Always = keyword('always');
export const Enum = keyword('enum');
export const Department = keyword('department');
export const Fact = keyword('fact');
export const Bool = keyword('bool');
export const Money = keyword('money');
export const Signed = keyword('signed');
export const Number = keyword('number');
/** `whole number`: a number fact that takes whole numbers only. */
export const Whole = keyword('whole');
export const Text = keyword('text');
export const Ask = keyword('ask');
export const Note = keyword('note');
export const Const = keyword('const');
export const Let = keyword('let');
export const Decision = keyword('decision');
export const First = keyword('first');
export const Unique = keyword('unique');
export const When = keyword('when');
export const Otherwise = keyword('otherwise');
/** `when … -> target as name`: the branch's stable name. */
export const As = keyword('as');
export const Via = keyword('via');
export const Outcome = keyword('outcome');
export const Owner = keyword('owner');
export const Deadline = keyword('deadline');
export const Do = keyword('do');
export const Document = keyword('document');
export const Say = keyword('say');
export const Value = keyword('value');
export const Section = keyword('section');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const True = keyword('true');
export const False = keyword('false');
export const Min = keyword('min');
export const Max = keyword('max');
export const Timezone = keyword('timezone');
export const Require = keyword('require');
export const Between = keyword('between');
export const After = keyword('after');
export const At = keyword('at');

/** The keyword tokens, in no particular order (the TextMate grammar must know each one). */
export const keywordTokens: readonly TokenType[] = [
  Import, Policy, Version, Effective, Locales, Start, Always, Enum, Department, Fact, Bool, Money,
  Signed, Number, Text, Ask, Note, Const, Let, Decision, First, Unique, When, Otherwise, As, Via, Outcome,
  Owner, Deadline, Do, Document, Say, Value, Section, And, Or, Not, In, True, False, Min, Max,
  Timezone, Require, Between, After, At, Whole,
];

/** The keywords as written. */
export const keywords: readonly string[] = keywordTokens.map((t) => String(t.LABEL).slice(1, -1));

// ---------- literals ----------

/** The category the parser consumes for any string; the concrete tokens below decide how to read it. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });
export const TripleString = createToken({
  name: 'TripleString', pattern: /"""[\s\S]*?"""/, ...starts('"', true), categories: StringLiteral, label: 'a string',
});
/** A `"""` with no closing `"""`: it runs to the end of the file. Lexed (not an error token) so one clear diagnostic is given. */
export const UnterminatedTripleString = createToken({
  name: 'UnterminatedTripleString', pattern: /"""[\s\S]*/, ...starts('"', true), categories: StringLiteral, label: 'a string',
});
export const PlainString = createToken({
  name: 'PlainString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/, ...starts('"'), categories: StringLiteral, label: 'a string',
});
/** A `"` with no closing `"` on its line. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, ...starts('"'), categories: StringLiteral, label: 'a string',
});

/** `2026-12-01`; whether the date exists is checked when lowering (`syntax/bad-time`). */
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}(?![\d:])/, ...starts(DIGITS), label: 'a date' });
/** `09:00`, `9:00`, `16:00:30`; whether the time exists is checked when lowering (`syntax/bad-time`). */
export const TimeLiteral = createToken({ name: 'TimeLiteral', pattern: /\d{1,2}:\d{2}(?::\d{2})?(?!\d)/, ...starts(DIGITS), label: 'a clock time' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/, ...starts(DIGITS), label: 'a number' });
/** `@en`, `@zh-CN`; the form is checked when lowering (`syntax/bad-locale`). */
export const LocaleTag = createToken({ name: 'LocaleTag', pattern: /@[A-Za-z]+(?:-[A-Za-z0-9]+)*/, ...starts('@'), label: 'a locale tag such as `@en`' });
/** `¥500`; the full-width `￥` that Chinese keyboards type is accepted too. */
export const Yuan = createToken({ name: 'Yuan', pattern: /[¥￥]/, ...starts('¥￥'), label: '`¥`' });
/** One token so `same` and `day` stay free as names; the look-ahead keeps `same daylight` two tokens. */
export const SameDay = createToken({
  name: 'SameDay', pattern: /same[ \t]+day(?![A-Za-z0-9_])/, ...starts('s'), label: '`same day`',
});

// ---------- punctuation and operators ----------

export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, label: 'a comparison such as `==` or `<`' });
export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, label: '`+` or `-`' });
export const MultiplicativeOperator = createToken({ name: 'MultiplicativeOperator', pattern: Lexer.NA, label: '`*` or `/`' });

export const Arrow = createToken({ name: 'Arrow', pattern: /->/, ...starts('-'), label: '`->`' });
export const EqualEqual = createToken({ name: 'EqualEqual', pattern: /==/, ...starts('='), categories: ComparisonOperator, label: '`==`' });
export const NotEqual = createToken({ name: 'NotEqual', pattern: /!=/, ...starts('!'), categories: ComparisonOperator, label: '`!=`' });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/, ...starts('<'), categories: ComparisonOperator, label: '`<=`' });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/, ...starts('>'), categories: ComparisonOperator, label: '`>=`' });
export const Less = createToken({ name: 'Less', pattern: /</, ...starts('<'), categories: ComparisonOperator, label: '`<`' });
export const Greater = createToken({ name: 'Greater', pattern: />/, ...starts('>'), categories: ComparisonOperator, label: '`>`' });
export const Assign = createToken({ name: 'Assign', pattern: /=/, ...starts('='), label: '`=`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, ...starts('+'), categories: AdditiveOperator, label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, ...starts('-'), categories: AdditiveOperator, label: '`-`' });
export const Star = createToken({ name: 'Star', pattern: /\*/, ...starts('*'), categories: MultiplicativeOperator, label: '`*`' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, ...starts('/'), categories: MultiplicativeOperator, label: '`/`' });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/, ...starts('{'), label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/, ...starts('}'), label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, ...starts('('), label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, ...starts(')'), label: '`)`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, ...starts(','), label: '`,`' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, ...starts(':'), label: '`:`' });
/** `0..24` in a fact's type: the bounds of a number or money fact. */
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, ...starts('.'), label: '`..`' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, ...starts('.'), label: '`.`' });
/** `30%`: a percentage, the number 30/100. */
export const Percent = createToken({ name: 'Percent', pattern: /%/, ...starts('%'), label: '`%`' });

// ---------- trivia ----------

/** `##` lines: kept out of the parser's input in their own group; to-ast attaches them as `doc`. */
export const DocComment = createToken({ name: 'DocComment', pattern: /##[^\r\n]*/, ...starts('#'), group: 'docs', label: 'a doc comment' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, ...starts('#'), group: Lexer.SKIPPED, label: 'a comment' });
/** The byte-order mark some Windows editors write counts as white space. */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\uFEFF]+/, ...starts('\t\n\r \uFEFF', true), group: Lexer.SKIPPED, label: 'white space' });

/**
 * The lexer tries patterns in this order and takes the first that matches, so order matters:
 * - `##` before `#`, `"""` before `"`, and each terminated string before its unterminated fallback;
 * - two-character operators before their one-character prefixes (`->` before `-`, `==` before `=`, `<=` before `<`);
 * - `same day` and every keyword before Identifier (Identifier matches every keyword too); the keywords'
 *   `longer_alt: Identifier` then lets
 *   a name that merely starts with a keyword (`notes`, `first_reply`) lex as a name
 *   (chevrotain examples/lexer/keywords_vs_identifiers).
 */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  Comment,
  TripleString,
  UnterminatedTripleString,
  PlainString,
  UnterminatedString,
  // Dates and clock times start like numbers, so they come first.
  DateLiteral,
  TimeLiteral,
  NumberLiteral,
  LocaleTag,
  Yuan,
  Arrow,
  EqualEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Assign,
  Plus,
  Minus,
  Star,
  Slash,
  LCurly,
  RCurly,
  LParen,
  RParen,
  Comma,
  Colon,
  DotDot,
  Dot,
  Percent,
  SameDay,
  // Longest keyword first: `do` would otherwise take the start of `document` (and `not` of `note`),
  // and `longer_alt` would then turn the whole word into a name, not into the longer keyword.
  ...[...keywordTokens].sort((a, b) => String(b.LABEL).length - String(a.LABEL).length),
  Identifier,
  // Categories last: they match nothing themselves but must be known to the lexer.
  StringLiteral,
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
];
