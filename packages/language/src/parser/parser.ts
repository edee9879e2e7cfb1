// The parser (tokens -> CST). A Chevrotain CstParser with error recovery; `build.ts` turns
// its CST into the AST. One instance is reused: set `parser.input = tokens`, call
// `parser.program()`, read `parser.errors`. The grammar in EBNF is `grammar/batch.ebnf`;
// each rule below carries its production.
import { CstParser, EOF, MismatchedTokenException, NoViableAltException, tokenMatcher, type CstNode, type IToken, type TokenType } from "chevrotain";
import {
  allTokens,
  And,
  Assign,
  AdditiveOperator,
  Batch,
  Colon,
  Comma,
  ComparisonOperator,
  Defaults,
  Dot,
  DotDot,
  Else,
  Equals,
  False,
  For,
  From,
  Identifier,
  If,
  In,
  InterpolationStart,
  LBrace,
  LBracket,
  Let,
  LParen,
  Minus,
  MultiplicativeOperator,
  Name,
  Not,
  Null,
  NumberLiteral,
  Or,
  Params,
  Pipe,
  Question,
  RBrace,
  RBracket,
  RParen,
  Run,
  StringEnd,
  StringEscape,
  StringStart,
  StringText,
  Then,
  True,
  Type,
  Where,
} from "../lexer/tokens.js";
import { shipped } from "../shipped.js";
import { errorMessageProvider } from "./messages.js";

/** Keywords that start a statement. */
const STATEMENT_KEYWORDS: ReadonlySet<TokenType> = new Set([Batch, Defaults, Params, Type, Let, For, If, Run]);

/** The `.batch` grammar as a Chevrotain CST parser. */
export class BatchParser extends CstParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: 1,
      errorMessageProvider,
      skipValidations: shipped,
    });
    this.performSelfAnalysis();
  }

  // ---- Statements ----

  // program = { statement } ;
  program = this.RULE("program", () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  // statement = batchBlock | defaultsBlock | paramsBlock | typeAlias | letStatement
  //           | forStatement | ifStatement | runStatement ;
  statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.batchBlock) },
      { ALT: () => this.SUBRULE(this.defaultsBlock) },
      { ALT: () => this.SUBRULE(this.paramsBlock) },
      { ALT: () => this.SUBRULE(this.typeAlias) },
      { ALT: () => this.SUBRULE(this.letStatement) },
      { ALT: () => this.SUBRULE(this.forStatement) },
      { ALT: () => this.SUBRULE(this.ifStatement) },
      { ALT: () => this.SUBRULE(this.runStatement) },
    ]);
  });

  // batchBlock = "batch" [ expression ] "{" { blockItem [ "," ] } "}" ;
  // (the name cannot start with `{`: that brace opens the block)
  batchBlock = this.RULE("batchBlock", () => {
    const keyword = this.CONSUME(Batch);
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== LBrace,
      DEF: () => this.SUBRULE(this.expression),
    });
    this.CONSUME(LBrace);
    this.MANY({
      GATE: () => !this.closesBlock(keyword),
      DEF: () => {
        this.SUBRULE(this.blockItem);
        this.OPTION2(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RBrace);
  });

  // defaultsBlock = "defaults" "{" { blockItem [ "," ] } "}" ;
  defaultsBlock = this.RULE("defaultsBlock", () => {
    const keyword = this.CONSUME(Defaults);
    this.CONSUME(LBrace);
    this.MANY({
      GATE: () => !this.closesBlock(keyword),
      DEF: () => {
        this.SUBRULE(this.blockItem);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RBrace);
  });

  // paramsBlock = "params" ( "from" string [ paramsBody ] | paramsBody ) ;
  // (after `from` the block is optional: `params from "t.json"` declares the template as it is)
  paramsBlock = this.RULE("paramsBlock", () => {
    this.CONSUME(Params);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(From);
          this.SUBRULE(this.string);
          this.OPTION(() => this.SUBRULE(this.paramsBody));
        },
      },
      { ALT: () => this.SUBRULE2(this.paramsBody) },
    ]);
  });

  // paramsBody = "{" { paramDeclaration [ "," ] } "}" ;
  paramsBody = this.RULE("paramsBody", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.paramDeclaration);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  // paramDeclaration = key [ "?" ] [ ":" type ] [ "=" value ] ;
  paramDeclaration = this.RULE("paramDeclaration", () => {
    this.SUBRULE(this.key);
    this.OPTION(() => this.CONSUME(Question));
    this.OPTION2(() => {
      this.CONSUME(Colon);
      this.SUBRULE(this.type);
    });
    this.OPTION3(() => {
      this.CONSUME(Equals);
      this.SUBRULE(this.value);
    });
  });

  // blockItem = misplacedStatement | blockEntry ;
  blockItem = this.RULE("blockItem", () => {
    this.OR([
      { GATE: () => this.startsMisplacedStatement(), ALT: () => this.SUBRULE(this.misplacedStatement), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.blockEntry) },
    ]);
  });

  // misplacedStatement = statement ;
  // (`let x = ...`, `for ...`, `if ...` or `run ...` among a block's fields: parsed whole,
  // then reported by the AST builder and dropped)
  misplacedStatement = this.RULE("misplacedStatement", () => {
    this.SUBRULE(this.statement);
  });

  // blockEntry = key ( mapBody | fieldValue | missingEquals ) ;
  // (missingEquals: a value on the key's line without `=`, reported by the AST builder;
  // it never starts with `{`, which opens a map body)
  blockEntry = this.RULE("blockEntry", () => {
    this.SUBRULE(this.key);
    this.OR([
      { ALT: () => this.SUBRULE(this.mapBody) },
      { ALT: () => this.SUBRULE(this.fieldValue) },
      {
        GATE: () => this.LA(1).tokenType !== LBrace && this.onSameLine(),
        ALT: () => this.SUBRULE(this.missingEquals),
        IGNORE_AMBIGUITIES: true,
      },
    ]);
  });

  // missingEquals = expression ;
  missingEquals = this.RULE("missingEquals", () => {
    this.SUBRULE(this.expression);
  });

  // fieldValue = "=" value ;
  // (`:` is accepted in place of `=` and reported by the AST builder)
  fieldValue = this.RULE("fieldValue", () => {
    this.CONSUME(Assign);
    this.SUBRULE(this.value);
  });

  // value = expression | (nothing) ;
  // The value of a field, map entry, parameter default or record field. It is missing
  // (and recorded in `missingValues`) when the next line starts the next entry: `name =`
  // then `outputUri = ...` is a forgotten value, not `name = outputUri`.
  value = this.RULE("value", () => {
    this.OR([
      { GATE: () => !this.nextLineStartsEntry(), ALT: () => this.SUBRULE(this.expression) },
      {
        GATE: () => this.nextLineStartsEntry(),
        ALT: () => this.ACTION(() => this.missingValues.push({ previous: this.LA(0), next: this.LA(1) })),
        IGNORE_AMBIGUITIES: true,
      },
    ]);
  });

  // mapBody = "{" { mapEntry [ "," ] } "}" ;
  mapBody = this.RULE("mapBody", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.mapEntry);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  // mapEntry = key "=" value ;
  // (`:` is accepted in place of `=` and reported by the AST builder)
  mapEntry = this.RULE("mapEntry", () => {
    this.SUBRULE(this.key);
    this.CONSUME(Assign);
    this.SUBRULE(this.value);
  });

  // key = NAME | string ;      (NAME: an identifier or any keyword)
  key = this.RULE("key", () => {
    this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.SUBRULE(this.string) }]);
  });

  // typeAlias = "type" IDENT "=" type ;
  typeAlias = this.RULE("typeAlias", () => {
    this.CONSUME(Type);
    this.CONSUME(Identifier);
    this.CONSUME(Equals);
    this.SUBRULE(this.type);
  });

  // letStatement = "let" IDENT [ ":" type ] "=" expression ;
  letStatement = this.RULE("letStatement", () => {
    this.CONSUME(Let);
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.SUBRULE(this.type);
    });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // forStatement = "for" forSource { "," forSource } [ "where" expression ] "{" { statement } "}" ;
  forStatement = this.RULE("forStatement", () => {
    this.CONSUME(For);
    this.SUBRULE(this.forSource);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.forSource);
    });
    this.OPTION(() => {
      this.CONSUME(Where);
      this.SUBRULE(this.expression);
    });
    this.CONSUME(LBrace);
    this.MANY2(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  // forSource = ( IDENT | namePattern ) "in" expression ;
  forSource = this.RULE("forSource", () => {
    this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.SUBRULE(this.namePattern) }]);
    this.CONSUME(In);
    this.SUBRULE(this.expression);
  });

  // namePattern = "(" IDENT { "," IDENT } [ "," ] ")" ;
  namePattern = this.RULE("namePattern", () => {
    this.CONSUME(LParen);
    this.CONSUME(Identifier);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.OPTION(() => this.CONSUME2(Identifier));
    });
    this.CONSUME(RParen);
  });

  // ifStatement = "if" expression "{" { statement } "}" [ "else" ( ifStatement | elseBlock ) ] ;
  ifStatement = this.RULE("ifStatement", () => {
    this.CONSUME(If);
    this.SUBRULE(this.expression);
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
    this.OPTION(() => {
      this.CONSUME(Else);
      this.OR([{ ALT: () => this.SUBRULE(this.ifStatement) }, { ALT: () => this.SUBRULE(this.elseBlock) }]);
    });
  });

  // elseBlock = "{" { statement } "}" ;
  elseBlock = this.RULE("elseBlock", () => {
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  // runStatement = "run" expression "{" { blockItem [ "," ] } "}" ;
  runStatement = this.RULE("runStatement", () => {
    const keyword = this.CONSUME(Run);
    this.SUBRULE(this.expression);
    this.CONSUME(LBrace);
    this.MANY({
      GATE: () => !this.closesBlock(keyword),
      DEF: () => {
        this.SUBRULE(this.blockItem);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RBrace);
  });

  // ---- Types ----

  // type = primaryType { "|" primaryType } ;
  type = this.RULE("type", () => {
    this.SUBRULE(this.primaryType);
    this.MANY(() => {
      this.CONSUME(Pipe);
      this.SUBRULE2(this.primaryType);
    });
  });

  // primaryType = IDENT | string | listType | recordType ;
  primaryType = this.RULE("primaryType", () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.SUBRULE(this.string) },
      { ALT: () => this.SUBRULE(this.listType) },
      { ALT: () => this.SUBRULE(this.recordType) },
    ]);
  });

  // listType = "[" type "]" ;
  listType = this.RULE("listType", () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.type);
    this.CONSUME(RBracket);
  });

  // recordType = "{" { recordTypeField [ "," ] } "}" ;
  recordType = this.RULE("recordType", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.recordTypeField);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  // recordTypeField = key [ "?" ] ":" type ;
  recordTypeField = this.RULE("recordTypeField", () => {
    this.SUBRULE(this.key);
    this.OPTION(() => this.CONSUME(Question));
    this.CONSUME(Colon);
    this.SUBRULE(this.type);
  });

  // ---- Expressions, loosest first ----

  // expression = conditional | orExpression ;
  expression = this.RULE("expression", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.conditional) }, { ALT: () => this.SUBRULE(this.orExpression) }]);
  });

  // conditional = "if" expression "then" expression "else" expression ;
  conditional = this.RULE("conditional", () => {
    this.CONSUME(If);
    this.SUBRULE(this.expression);
    this.CONSUME(Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(Else);
    this.SUBRULE3(this.expression);
  });

  // orExpression = andExpression { "or" andExpression } ;
  orExpression = this.RULE("orExpression", () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.andExpression);
    });
  });

  // andExpression = notExpression { "and" notExpression } ;
  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.CONSUME(And);
      this.SUBRULE2(this.notExpression);
    });
  });

  // notExpression = negation | comparison ;
  notExpression = this.RULE("notExpression", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.negation) }, { ALT: () => this.SUBRULE(this.comparison) }]);
  });

  // negation = "not" notExpression ;
  negation = this.RULE("negation", () => {
    this.CONSUME(Not);
    this.SUBRULE(this.notExpression);
  });

  // comparison = range [ COMPARISON_OP range ] ;
  // (parsed as a repetition so that a chained `a < b < c` gets its own diagnostic)
  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.range);
    this.MANY(() => {
      this.CONSUME(ComparisonOperator);
      this.SUBRULE2(this.range);
    });
  });

  // range = additive [ ".." additive ] ;
  range = this.RULE("range", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.CONSUME(DotDot);
      this.SUBRULE2(this.additive);
    });
  });

  // additive = multiplicative { ( "+" | "-" ) multiplicative } ;
  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.CONSUME(AdditiveOperator);
      this.SUBRULE2(this.multiplicative);
    });
  });

  // multiplicative = unary { ( "*" | "/" | "%" ) unary } ;
  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(MultiplicativeOperator);
      this.SUBRULE2(this.unary);
    });
  });

  // unary = negative | postfix ;
  unary = this.RULE("unary", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.negative) }, { ALT: () => this.SUBRULE(this.postfix) }]);
  });

  // negative = "-" unary ;
  negative = this.RULE("negative", () => {
    this.CONSUME(Minus);
    this.SUBRULE(this.unary);
  });

  // postfix = primary { fieldSuffix | indexSuffix | callSuffix } ;
  postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.fieldSuffix) },
        { ALT: () => this.SUBRULE(this.indexSuffix) },
        { ALT: () => this.SUBRULE(this.callSuffix) },
      ]);
    });
  });

  // fieldSuffix = "." NAME ;
  fieldSuffix = this.RULE("fieldSuffix", () => {
    this.CONSUME(Dot);
    this.CONSUME(Name);
  });

  // indexSuffix = "[" expression "]" ;
  indexSuffix = this.RULE("indexSuffix", () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.expression);
    this.CONSUME(RBracket);
  });

  // callSuffix = "(" { expression [ "," ] } ")" ;
  callSuffix = this.RULE("callSuffix", () => {
    this.CONSUME(LParen);
    this.MANY({
      GATE: () => !this.nextLineStartsEntry(true),
      DEF: () => {
        this.SUBRULE(this.expression);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RParen);
  });

  // primary = NUMBER | string | "true" | "false" | "null" | listLiteral | recordLiteral
  //         | parenthesized | IDENT ;
  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.SUBRULE(this.string) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(Null) },
      { ALT: () => this.SUBRULE(this.listLiteral) },
      { ALT: () => this.SUBRULE(this.recordLiteral) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.CONSUME(Identifier) },
    ]);
  });

  // listLiteral = "[" [ expression ( comprehension | { [ "," ] expression } [ "," ] ) ] "]" ;
  // (commas are optional between elements, as in every list of entries)
  listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(LBracket);
    this.OPTION({
      GATE: () => !this.nextLineStartsEntry(true),
      DEF: () => {
        this.SUBRULE(this.expression);
        this.OR([
          { ALT: () => this.SUBRULE(this.comprehension) },
          {
            ALT: () => {
              this.OPTION2(() => this.CONSUME(Comma));
              this.MANY({
                GATE: () => !this.nextLineStartsEntry(true),
                DEF: () => {
                  this.SUBRULE2(this.expression);
                  this.OPTION3(() => this.CONSUME2(Comma));
                },
              });
            },
          },
        ]);
      },
    });
    this.CONSUME(RBracket);
  });

  // comprehension = "for" forSource { "," forSource } [ ( "where" | "if" ) expression ] ;
  // (`if` is accepted in place of `where` and reported by the AST builder)
  comprehension = this.RULE("comprehension", () => {
    this.CONSUME(For);
    this.SUBRULE(this.forSource);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.forSource);
    });
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(Where) }, { ALT: () => this.CONSUME(If) }]);
      this.SUBRULE(this.expression);
    });
  });

  // recordLiteral = "{" { recordField [ "," ] } "}" ;
  recordLiteral = this.RULE("recordLiteral", () => {
    this.CONSUME(LBrace);
    this.MANY({
      // `key:` on the next line is the record's next field; `key =` is the next block entry.
      GATE: () => !this.nextLineStartsEntry(false),
      DEF: () => {
        this.SUBRULE(this.recordField);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RBrace);
  });

  // recordField = key ":" value ;
  // (`=` is accepted in place of `:` and reported by the AST builder)
  recordField = this.RULE("recordField", () => {
    this.SUBRULE(this.key);
    this.CONSUME(Assign);
    this.SUBRULE(this.value);
  });

  // parenthesized = "(" expression ")" ;
  parenthesized = this.RULE("parenthesized", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  // string = '"' { STRING_TEXT | STRING_ESCAPE | interpolation } '"' ;
  string = this.RULE("string", () => {
    this.CONSUME(StringStart);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(StringText) },
        { ALT: () => this.CONSUME(StringEscape) },
        { ALT: () => this.SUBRULE(this.interpolation) },
      ]);
    });
    this.CONSUME(StringEnd);
  });

  // interpolation = "${" expression "}" ;
  // The lexer guarantees the closing `}`: after a broken expression, what is left before it
  // is skipped with one error, so a slip inside `${...}` does not derail the whole string.
  interpolation = this.RULE("interpolation", () => {
    const start = this.CONSUME(InterpolationStart);
    this.OPTION(() => this.SUBRULE(this.expression));
    this.ACTION(() => this.skipToInterpolationEnd(start));
    this.CONSUME(RBrace);
  });

  /**
   * Problems Chevrotain found in the grammar itself (ambiguities, left recursion). Always
   * empty for a correct grammar: `performSelfAnalysis` throws otherwise.
   */
  get grammarErrors(): readonly { message: string }[] {
    return (this as unknown as { definitionErrors: { message: string }[] }).definitionErrors;
  }

  /** The text the current tokens come from (set by `parseTokens`; used by line-sensitive gates). */
  sourceText = "";

  /**
   * Reports what stands between an interpolation's expression (or its `${`, when the
   * expression is missing) and its `}`, and skips it.
   */
  private skipToInterpolationEnd(start: IToken): void {
    const found = this.LA(1);
    const empty = this.LA(0) === start;
    if (found.tokenType === RBrace && !empty) return;
    if (found.tokenType === EOF) return; // CONSUME reports it
    const previous = this.LA(0);
    const message = empty
      ? errorMessageProvider.buildNoViableAltMessage({ expectedPathsPerAlt: [], actual: [found], previous, ruleName: "expression" })
      : errorMessageProvider.buildMismatchTokenMessage({ expected: RBrace, actual: found, previous, ruleName: "interpolation" });
    const error = empty ? new NoViableAltException(message, found, previous) : new MismatchedTokenException(message, found, previous);
    this.errors = [...this.errors, error];
    let depth = 0;
    for (let t = this.LA(1); t.tokenType !== EOF; t = this.LA(1)) {
      if (t.tokenType === RBrace) {
        if (depth === 0) break;
        depth--;
      } else if (t.tokenType === LBrace || t.tokenType === InterpolationStart) {
        depth++;
      }
      this.SKIP_TOKEN();
    }
  }

  /** Values found missing by the `value` rule during the current parse. */
  missingValues: { previous: IToken; next: IToken }[] = [];

  /**
   * True when the next tokens, on a later line, look like the start of another entry
   * (`name =`, `name {`, and unless `colon` is false `name:`, `name?`): no expression
   * continues that way, so a value, list or argument list left open ends here.
   */
  private nextLineStartsEntry(colon = true): boolean {
    const next = this.LA(1);
    if (!tokenMatcher(next, Name) || this.onSameLine()) return false;
    const after = this.LA(2).tokenType;
    return after === Equals || after === LBrace || (colon && (after === Colon || after === Question));
  }

  /**
   * True when a statement begins a line indented no deeper than the line of the block's
   * keyword: the block was left open (`run "a" {` ... then `let y = 1` at the left margin).
   * Only tokens that can never be a field of the block count (`let x`, `run "id"`,
   * `defaults {`), so this cannot misread a correct program.
   */
  private closesBlock(keyword: IToken): boolean {
    if (this.onSameLine()) return false;
    const next = this.LA(1).tokenType;
    // `batch {` and `defaults {` are never fields (`params {` is one in `run` and `defaults`).
    const blockStatement = this.LA(2).tokenType === LBrace && (next === Batch || next === Defaults);
    if (!blockStatement && !this.startsMisplacedStatement()) return false;
    return indentOf(this.sourceText, this.LA(1).startOffset) <= indentOf(this.sourceText, keyword.startOffset);
  }

  /**
   * True when a statement keyword starts a statement here, not a field that happens to be
   * named like a keyword (`type = "x"`, `params { ... }`).
   */
  private startsMisplacedStatement(): boolean {
    if (!STATEMENT_KEYWORDS.has(this.LA(1).tokenType)) return false;
    const after = this.LA(2).tokenType;
    return after !== Equals && after !== LBrace;
  }

  /** True when the next token is on the line of the previous one. */
  private onSameLine(): boolean {
    const previous = this.LA(0);
    const next = this.LA(1);
    if (!Number.isFinite(previous.startOffset) || !Number.isFinite(next.startOffset)) return false;
    for (let i = previous.startOffset + previous.image.length; i < next.startOffset; i++) {
      const c = this.sourceText.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  /**
   * Recovery never invents the tokens that make up a string's inside, nor a name: an
   * inserted token carries no text, so the error is better reported where it is.
   */
  override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return tokType !== StringText && tokType !== StringEscape && tokType !== InterpolationStart;
  }
}

/** The width of the white space that starts the line holding `offset`. */
function indentOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let i = start;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - start;
}

/** The one shared parser instance (Chevrotain parsers are meant to be reused). */
export const parser = new BatchParser();

/** Parses the tokens of `text` into a `program` CST; errors are left in `parser.errors`. */
export function parseTokens(tokens: IToken[], text: string): CstNode {
  parser.sourceText = text;
  parser.missingValues = [];
  parser.input = tokens;
  return parser.program();
}
