import { CstParser, EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { DeclarationCstNode, FileCstNode, ImportCstNode } from './cst.generated.js';
import { errorMessageProvider, messageOf, resetMessages } from './error-messages.js';
import { readItem } from './item-reader.js';
import * as t from './tokens.js';

/**
 * The grammar of .sop files, one rule per rule of grammar/sopwright.ebnf and with the same name
 * (test/syntax/grammar-sync.test.ts checks this). It only recognises: to-ast.ts gives the meaning.
 * Rules are class properties so that a mistyped SUBRULE is a compile error.
 */
export class SopParser extends CstParser {
  /** Indexes into `errors` of the mismatches recovery repaired by inserting the missing token. */
  readonly repairedByInsertion = new Set<number>();

  /**
   * `validate` runs Chevrotain's grammar checks (ambiguities, left recursion…); `recover` turns on
   * error recovery (default on). Both cost start-up time on every run, so the checks are left to
   * test/syntax/parser.test.ts and recovery to a second instance that parses only broken files.
   */
  constructor(options: { readonly validate?: boolean; readonly recover?: boolean } = {}) {
    super(t.allTokens, {
      recoveryEnabled: options.recover ?? true,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain calls this right after saving the mismatch it repairs; remembering which error it
   * was lets that error point where the token is missing rather than at the token after the gap.
   */
  protected override getTokenToInsert(tokenType: TokenType): IToken {
    // Not `this.errors.length`: that getter copies the list, so a file with a repair on every line
    // took time quadratic in its errors. Chevrotain keeps the list itself in `_errors`
    // (parse/parser/traits/error_handler.js); a rename there fails the syntax tests at once.
    this.repairedByInsertion.add((this as unknown as { _errors: readonly unknown[] })._errors.length - 1);
    return super.getTokenToInsert(tokenType);
  }

  // Consuming EOF makes the top-level repetition recoverable: after a broken declaration the
  // parser skips to the next one instead of stopping with "not all input parsed".
  public file = this.RULE('file', () => {
    this.MANY(() => this.OR([
      { ALT: () => this.SUBRULE(this.import) },
      { ALT: () => this.SUBRULE(this.declaration) },
    ]));
    this.CONSUME(EOF);
  });

  public import = this.RULE('import', () => {
    this.CONSUME(t.Import);
    this.CONSUME(t.StringLiteral);
  });

  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.policy) },
      { ALT: () => this.SUBRULE(this.enum) },
      { ALT: () => this.SUBRULE(this.department) },
      { ALT: () => this.SUBRULE(this.fact) },
      { ALT: () => this.SUBRULE(this.const) },
      { ALT: () => this.SUBRULE(this.let) },
      { ALT: () => this.SUBRULE(this.decision) },
      { ALT: () => this.SUBRULE(this.outcome) },
      { ALT: () => this.SUBRULE(this.section) },
      { ALT: () => this.SUBRULE(this.require) },
    ]);
  });

  public text = this.RULE('text', () => {
    this.CONSUME(t.StringLiteral);
    this.MANY(() => {
      this.CONSUME(t.LocaleTag);
      this.CONSUME2(t.StringLiteral);
    });
  });

  // ---------- the policy header ----------

  public policy = this.RULE('policy', () => {
    this.CONSUME(t.Policy);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.policyItem));
    this.CONSUME(t.RCurly);
  });

  public policyItem = this.RULE('policyItem', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Version); this.CONSUME1(t.StringLiteral); } },
      { ALT: () => { this.CONSUME(t.Effective); this.CONSUME2(t.StringLiteral); } },
      {
        ALT: () => {
          this.CONSUME(t.Locales);
          this.SUBRULE1(this.localeName);
          this.MANY(() => {
            this.CONSUME(t.Comma);
            this.SUBRULE2(this.localeName);
          });
        },
      },
      { ALT: () => { this.CONSUME(t.Start); this.CONSUME(t.Identifier); } },
      { ALT: () => { this.CONSUME(t.Timezone); this.CONSUME3(t.StringLiteral); } },
      { ALT: () => { this.CONSUME(t.Always); this.SUBRULE(this.text); } },
    ]);
  });

  public localeName = this.RULE('localeName', () => {
    this.CONSUME1(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Minus);
      this.CONSUME2(t.Identifier);
    });
  });

  // ---------- vocabulary ----------

  public enum = this.RULE('enum', () => {
    this.CONSUME(t.Enum);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.member));
    this.CONSUME(t.RCurly);
  });

  public member = this.RULE('member', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  public department = this.RULE('department', () => {
    this.CONSUME(t.Department);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  public fact = this.RULE('fact', () => {
    this.CONSUME(t.Fact);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
    this.OPTION1(() => this.SUBRULE(this.text));
    this.OPTION2(() => {
      this.CONSUME(t.LCurly);
      this.MANY(() => this.SUBRULE(this.factItem));
      this.CONSUME(t.RCurly);
    });
  });

  public type = this.RULE('type', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Bool) },
      { ALT: () => { this.CONSUME1(t.Money); this.OPTION1(() => this.SUBRULE1(this.range)); } },
      { ALT: () => { this.CONSUME(t.Signed); this.CONSUME2(t.Money); this.OPTION2(() => this.SUBRULE2(this.range)); } },
      { ALT: () => { this.OPTION3(() => this.CONSUME(t.Whole)); this.CONSUME(t.Number); this.OPTION4(() => this.SUBRULE3(this.range)); } },
      { ALT: () => this.CONSUME(t.Text) },
      { ALT: () => this.CONSUME(t.Identifier) },
    ]);
  });

  /** The bounds of a number or money fact, both included; either may be left out: `0..24`, `..100000 CNY`. */
  public range = this.RULE('range', () => {
    this.OPTION1(() => this.SUBRULE1(this.bound));
    this.CONSUME(t.DotDot);
    this.OPTION2(() => this.SUBRULE2(this.bound));
    this.OPTION3(() => this.CONSUME(t.Identifier));
  });

  public bound = this.RULE('bound', () => {
    this.OPTION1(() => this.CONSUME(t.Minus));
    this.OPTION2(() => this.CONSUME(t.Yuan));
    this.CONSUME(t.NumberLiteral);
  });

  public factItem = this.RULE('factItem', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Ask); this.SUBRULE1(this.text); } },
      { ALT: () => { this.CONSUME(t.Note); this.SUBRULE2(this.text); } },
    ]);
  });

  public const = this.RULE('const', () => {
    this.CONSUME(t.Const);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Assign);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  public let = this.RULE('let', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Assign);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  public require = this.RULE('require', () => {
    this.CONSUME(t.Require);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  // ---------- decisions ----------

  public decision = this.RULE('decision', () => {
    this.CONSUME(t.Decision);
    this.CONSUME(t.Identifier);
    this.OPTION1(() => this.SUBRULE(this.text));
    this.OPTION2(() => this.SUBRULE(this.hitPolicy));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.branch));
    this.OPTION3(() => this.SUBRULE(this.otherwise));
    this.CONSUME(t.RCurly);
  });

  public hitPolicy = this.RULE('hitPolicy', () => {
    this.OR([{ ALT: () => this.CONSUME(t.First) }, { ALT: () => this.CONSUME(t.Unique) }]);
  });

  public branch = this.RULE('branch', () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.expr);
    this.CONSUME(t.Arrow);
    this.CONSUME(t.Identifier);
    // The optional name that gives the branch an id no insertion renumbers (`decision.name`).
    this.OPTION(() => {
      this.CONSUME(t.As);
      this.CONSUME2(t.Identifier);
    });
  });

  public otherwise = this.RULE('otherwise', () => {
    this.CONSUME(t.Otherwise);
    this.CONSUME(t.Arrow);
    this.CONSUME(t.Identifier);
  });

  // ---------- outcomes ----------

  public outcome = this.RULE('outcome', () => {
    this.CONSUME(t.Outcome);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.text));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.outcomeItem));
    this.CONSUME(t.RCurly);
  });

  public outcomeItem = this.RULE('outcomeItem', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Owner); this.CONSUME1(t.Identifier); } },
      {
        ALT: () => {
          this.CONSUME(t.Deadline);
          this.OR2([
            { ALT: () => this.SUBRULE(this.due) },
            { ALT: () => this.SUBRULE(this.deadlineCases) },
          ]);
        },
      },
      { ALT: () => { this.CONSUME(t.Do); this.SUBRULE1(this.text); this.OPTION1(() => this.SUBRULE1(this.textLimit)); } },
      { ALT: () => { this.CONSUME(t.Document); this.SUBRULE2(this.text); } },
      { ALT: () => { this.CONSUME(t.Say); this.SUBRULE3(this.text); this.OPTION3(() => this.SUBRULE3(this.textLimit)); } },
      { ALT: () => { this.CONSUME(t.Note); this.SUBRULE4(this.text); this.OPTION4(() => this.SUBRULE4(this.textLimit)); } },
      {
        ALT: () => {
          this.CONSUME(t.Value);
          this.CONSUME3(t.Identifier);
          this.CONSUME(t.Assign);
          this.SUBRULE(this.expr);
          this.OPTION(() => this.SUBRULE5(this.text));
        },
      },
    ]);
  });

  /**
   * The cases a line of an outcome applies to: `via transit_damage, wrong_item_value.high_value`
   * (paths through one of these decisions or branches), `when <condition>`, or both.
   */
  public textLimit = this.RULE('textLimit', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Via);
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.pathRef) });
          this.OPTION(() => {
            this.CONSUME1(t.When);
            this.SUBRULE1(this.expr);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.When);
          this.SUBRULE2(this.expr);
        },
      },
    ]);
  });

  /** A decision (`transit_damage`) or a named branch (`wrong_item_value.high_value`, `wrong_item.otherwise`). */
  public pathRef = this.RULE('pathRef', () => {
    this.CONSUME1(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Dot);
      this.OR([
        { ALT: () => this.CONSUME2(t.Identifier) },
        { ALT: () => this.CONSUME(t.Otherwise) },
      ]);
    });
  });

  /** When something is due: `3 days`, `2 hours after reported_at`, `at 09:00`, `same day`, `appointment_at`. */
  public due = this.RULE('due', () => {
    this.OPTION1(() => this.CONSUME(t.At));
    this.SUBRULE1(this.sum);
    this.OPTION2(() => {
      this.CONSUME(t.After);
      this.SUBRULE2(this.sum);
    });
  });

  /** A deadline with cases of its own, first match wins: `{ when … -> due … otherwise -> due }`. */
  public deadlineCases = this.RULE('deadlineCases', () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.CONSUME(t.When);
      this.SUBRULE1(this.expr);
      this.CONSUME1(t.Arrow);
      this.SUBRULE1(this.due);
    });
    this.OPTION(() => {
      this.CONSUME(t.Otherwise);
      this.CONSUME2(t.Arrow);
      this.SUBRULE2(this.due);
    });
    this.CONSUME(t.RCurly);
  });

  // ---------- handbook prose ----------

  public section = this.RULE('section', () => {
    this.CONSUME(t.Section);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE1(this.text));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE2(this.text));
    this.CONSUME(t.RCurly);
  });

  // ---------- expressions, loosest binding first ----------

  public expr = this.RULE('expr', () => {
    this.SUBRULE(this.orExpr);
  });

  public orExpr = this.RULE('orExpr', () => {
    this.SUBRULE1(this.andExpr);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE1(this.notExpr);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  public notExpr = this.RULE('notExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  public comparison = this.RULE('comparison', () => {
    this.SUBRULE1(this.sum);
    this.OPTION1(() => this.OR([
      { ALT: () => { this.SUBRULE(this.compareOp); this.SUBRULE2(this.sum); } },
      { ALT: () => { this.CONSUME(t.Between); this.SUBRULE3(this.sum); this.CONSUME(t.And); this.SUBRULE4(this.sum); } },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME(t.Not));
          this.CONSUME(t.In);
          this.CONSUME(t.LCurly);
          this.SUBRULE1(this.setMember);
          this.MANY(() => {
            this.CONSUME(t.Comma);
            this.SUBRULE2(this.setMember);
          });
          this.CONSUME(t.RCurly);
        },
      },
    ]));
  });

  /** A member in `in {…}`: bare (`minor`) or qualified by its enum (`damage_level.minor`). */
  public setMember = this.RULE('setMember', () => {
    this.CONSUME1(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Dot);
      this.CONSUME2(t.Identifier);
    });
  });

  public compareOp = this.RULE('compareOp', () => {
    this.CONSUME(t.ComparisonOperator);
  });

  public sum = this.RULE('sum', () => {
    this.SUBRULE1(this.product);
    this.MANY(() => {
      this.CONSUME(t.AdditiveOperator);
      this.SUBRULE2(this.product);
    });
  });

  public product = this.RULE('product', () => {
    this.SUBRULE1(this.unary);
    this.MANY(() => {
      this.CONSUME(t.MultiplicativeOperator);
      this.SUBRULE2(this.unary);
    });
  });

  public unary = this.RULE('unary', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Minus); this.SUBRULE(this.unary); } },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  public atom = this.RULE('atom', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME1(t.NumberLiteral);
          this.OPTION1(() => this.OR3([{ ALT: () => this.CONSUME1(t.Identifier) }, { ALT: () => this.CONSUME(t.Percent) }]));
        },
      },
      { ALT: () => { this.CONSUME(t.Yuan); this.CONSUME2(t.NumberLiteral); } },
      { ALT: () => this.CONSUME(t.SameDay) },
      { ALT: () => this.CONSUME(t.DateLiteral) },
      { ALT: () => this.CONSUME(t.TimeLiteral) },
      { ALT: () => this.CONSUME(t.StringLiteral) },
      { ALT: () => this.CONSUME(t.True) },
      { ALT: () => this.CONSUME(t.False) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(t.Min) }, { ALT: () => this.CONSUME(t.Max) }]);
          this.CONSUME1(t.LParen);
          this.SUBRULE1(this.expr);
          this.MANY(() => {
            this.CONSUME(t.Comma);
            this.SUBRULE2(this.expr);
          });
          this.CONSUME1(t.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.Identifier);
          this.OPTION2(() => {
            this.CONSUME(t.Dot);
            this.CONSUME3(t.Identifier);
          });
        },
      },
      { ALT: () => { this.CONSUME2(t.LParen); this.SUBRULE3(this.expr); this.CONSUME2(t.RParen); } },
    ]);
  });
}

/**
 * The parser instances (construction runs the grammar analysis); each parse resets one via `.input`.
 * A file is parsed first without recovery, item by item (`parseItems`), which is all a clean file
 * needs; only a file with syntax errors is parsed again, whole, by the recovering instance, built on
 * first use, to report them all. The plain instance is built on first use too: the item reader
 * reads every item of a clean file, so a `check` of one never pays Chevrotain's analysis (~40 ms).
 */
let plain: SopParser | undefined;
let recovering: SopParser | undefined;

/** The parser without recovery (built on first use). */
export function plainParser(): SopParser {
  return (plain ??= new SopParser({ recover: false }));
}

/**
 * The keywords an import or a declaration starts with. The grammar consumes each of them there and
 * nowhere else (test/syntax/parser.test.ts checks this), so they cut a file's tokens into its items.
 */
export const itemKeywords: ReadonlySet<TokenType> = new Set([
  t.Import, t.Policy, t.Enum, t.Department, t.Fact, t.Const, t.Let, t.Decision, t.Outcome, t.Section, t.Require,
]);

/** The CST of one top-level item of a file. */
export type ItemCstNode = ImportCstNode | DeclarationCstNode;

/**
 * Parses a file's tokens one top-level item at a time, without recovery, and hands each item's CST to
 * `take` as soon as it is built, so the caller can lower it and let it go: a whole file's CST is
 * several times the size of its AST. Cutting at `itemKeywords` finds exactly the items of a file that
 * parses, and items that each parse make a file that parses. Gives undefined at the first item that
 * does not parse: the file has syntax errors, and `parseCst` reports them. Otherwise gives a bound on
 * how deeply any expression of the file nests: the most tokens an expression (the item reader's
 * count) or an item (for one Chevrotain read) holds, since each expression node has a token of its own.
 */
export function parseItems(file: SourceFile, tokens: IToken[], take: (item: ItemCstNode) => void): number | undefined {
  let start = 0;
  let deepest = 0;
  while (start < tokens.length) {
    let end = start + 1;
    while (end < tokens.length && !itemKeywords.has(tokens[end].tokenType)) end++;
    // The hand-written twin reads a clean item; Chevrotain reads (and reports) any other.
    const read = readItem(file, tokens, start, end);
    if (read) {
      take(read.item as ItemCstNode);
      deepest = Math.max(deepest, read.longestExpression);
    } else {
      const parser = plainParser();
      parser.input = tokens.slice(start, end);
      const item = tokens[start].tokenType === t.Import ? parser.import() : parser.declaration();
      if (parser.errors.length > 0) return undefined;
      take(item as ItemCstNode);
      deepest = Math.max(deepest, end - start);
    }
    start = end;
  }
  return deepest;
}

/** What parsing one file's tokens gives: a CST (partial where recovery stepped in) and the syntax errors. */
export interface ParseCstResult {
  readonly cst: FileCstNode;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a whole file's tokens into a CST with recovery on, reporting every syntax error recovery gets
 * past; never throws. Clean files take the faster `parseItems`; this is for the files it rejects.
 */
export function parseCst(file: SourceFile, tokens: IToken[]): ParseCstResult {
  const parser = (recovering ??= new SopParser());
  parser.input = tokens;
  parser.repairedByInsertion.clear();
  resetMessages();
  const cst = parser.file() as unknown as FileCstNode;
  const diagnostics = parser.errors.map((error, i) => {
    const span = errorSpan(file, error, parser.repairedByInsertion.has(i));
    return quotedSetMember(error, span, tokens) ?? unexpectedToken(error, span);
  });
  return { cst, diagnostics };
}

/**
 * `r in {"新疆", north}`: authors write a member's label where its name belongs. Said plainly, with
 * the name when the file declares a member with that label (`xinjiang "新疆"`).
 */
function quotedSetMember(error: IRecognitionException, span: Span, tokens: readonly IToken[]): Diagnostic | undefined {
  const found = error.token;
  if (found.tokenType !== t.PlainString || error.context.ruleStack.at(-1) !== 'setMember') return undefined;
  const label = found.image;
  const named = tokens.findIndex((tok, i) => tok.tokenType === t.Identifier && tokens[i + 1]?.tokenType === t.PlainString && tokens[i + 1].image === label);
  const text = code(label.slice(1, -1));
  const message = msg('parse.quoted-member', { text });
  if (named < 0) return diagnostic('syntax/unexpected-token', span, message, { help: msg('parse.quoted-member.help') });
  const name = tokens[named].image;
  return diagnostic('syntax/unexpected-token', span, message, {
    help: msg('parse.quoted-member.name', { name: code(name), text }),
    suggestion: { span, replacement: name },
  });
}

/** The found token's span; for a token inserted by recovery or for the end of input, the end of the token before. */
function errorSpan(file: SourceFile, error: IRecognitionException, inserted: boolean): Span {
  const token = error.token;
  if (!inserted && !isNaN(token.startOffset) && token.tokenType !== EOF) {
    return { file: file.path, start: token.startOffset, end: token.startOffset + token.image.length };
  }
  const previous = (error as { previousToken?: IToken }).previousToken;
  const at = previous && !isNaN(previous.startOffset) ? previous.startOffset + previous.image.length : file.text.length;
  return { file: file.path, start: at, end: at };
}

function unexpectedToken(error: IRecognitionException, span: Span): Diagnostic {
  return diagnostic('syntax/unexpected-token', span, messageOf(error.message) ?? error.message);
}
