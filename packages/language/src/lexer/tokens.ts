// Token types of the `.batch` language (the first phase: text -> tokens).
//
// The lexer has two modes. In `main`, `"` pushes `string` mode and `{` pushes another
// `main` (so a `}` always closes what opened last); `}` pops. In `string`, text runs,
// escapes and `${` (which pushes `main`) are tokens of their own and `"` pops. A string is
// therefore always `StringStart (StringText | StringEscape | InterpolationStart expr RBrace)*
// StringEnd`, with every token at its true offset. A line break inside a string ends it
// (`StringNewline`, turned into a diagnostic and a zero-width `StringEnd` by `lex.ts`).
import { createToken, Lexer, type IMultiModeLexerDefinition, type TokenType } from "chevrotain";

const MAIN = "main";
const STRING = "string";

// ---- Categories (no pattern of their own) ----

/** Anything usable as a key or field name: identifiers and every keyword. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
/** `==`, `!=`, `<`, `<=`, `>`, `>=` */
export const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA, label: "a comparison operator" });
/** `+`, `-` */
export const AdditiveOperator = createToken({ name: "AdditiveOperator", pattern: Lexer.NA, label: "`+` or `-`" });
/**
 * `=` and `:` where either may be written by mistake for the other (fields `name = value`,
 * record fields `key: value`): the parser accepts both there and the AST builder reports
 * the wrong one, so one slip costs one diagnostic.
 */
export const Assign = createToken({ name: "Assign", pattern: Lexer.NA, label: "`=`" });
/** `*`, `/`, `%` */
export const MultiplicativeOperator = createToken({ name: "MultiplicativeOperator", pattern: Lexer.NA, label: "`*`, `/` or `%`" });

// ---- Trivia ----

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** The lexer group comments are kept in: not parser input, but the formatter keeps them. */
export const COMMENTS = "comments";
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: COMMENTS });

// ---- Names and keywords ----

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: "a name",
  categories: [Name],
});

const keyword = (word: string): TokenType =>
  createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    label: `\`${word}\``,
    longer_alt: Identifier,
    categories: [Name],
  });

export const Batch = keyword("batch");
export const Defaults = keyword("defaults");
export const Params = keyword("params");
export const Run = keyword("run");
export const For = keyword("for");
export const In = keyword("in");
export const Where = keyword("where");
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");
export const Let = keyword("let");
export const Type = keyword("type");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const True = keyword("true");
export const False = keyword("false");
export const Null = keyword("null");
export const From = keyword("from");

/** Every keyword, in the order of docs/language.md §2. */
export const keywords: readonly TokenType[] = [
  Batch, Defaults, Params, Run, For, In, Where, If, Then, Else, Let, Type, And, Or, Not, True, False, Null, From,
];

// ---- Literals ----

/** `42`, `1.5`, `2e3`, `1.5e-3`. No sign (`-3` is unary minus); `1..4` lexes as `1`, `..`, `4`. */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  label: "a number",
});

/** The opening `"` of a string (main mode; pushes string mode). */
export const StringStart = createToken({ name: "StringStart", pattern: /"/, label: "a string", push_mode: STRING });
/** The closing `"` of a string (string mode; pops). */
export const StringEnd = createToken({ name: "StringEnd", pattern: /"/, label: "`\"`", pop_mode: true });
/** A run of plain characters inside a string (a `$` not followed by `{` is plain). */
export const StringText = createToken({
  name: "StringText",
  // Every character but `"`, `$`, `\`, CR and LF, spelled as ranges so that the lexer's
  // first-character optimisation can use it; then `$` when no `{` follows.
  pattern: /(?:[\u0000-\u0009\u000B\u000C\u000E-\u0021\u0023\u0025-\u005B\u005D-\uFFFF]|\$(?!\{))+/,
  label: "string text",
  line_breaks: false,
});
/** `\` and the character after it; `lex.ts` reports the unknown ones. */
export const StringEscape = createToken({ name: "StringEscape", pattern: /\\[^\r\n]?/, label: "an escape", line_breaks: false });
/** `${` inside a string (pushes main mode; the matching `}` pops it). */
export const InterpolationStart = createToken({ name: "InterpolationStart", pattern: /\$\{/, label: "`${`", push_mode: MAIN });
/** A line break inside a string: the string is unterminated (removed by `lex.ts`). */
export const StringNewline = createToken({
  name: "StringNewline",
  pattern: /\r\n?|\n/,
  label: "a line break",
  line_breaks: true,
  pop_mode: true,
});

// ---- Punctuation ----

export const LBrace = createToken({ name: "LBrace", pattern: /\{/, label: "`{`", push_mode: MAIN });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/, label: "`}`", pop_mode: true });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "`]`" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "`)`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "`:`", categories: [Assign] });
export const Question = createToken({ name: "Question", pattern: /\?/, label: "`?`" });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/, label: "`|`" });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./, label: "`..`" });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "`.`" });
export const EqualEqual = createToken({ name: "EqualEqual", pattern: /==/, label: "`==`", categories: [ComparisonOperator] });
export const NotEqual = createToken({ name: "NotEqual", pattern: /!=/, label: "`!=`", categories: [ComparisonOperator] });
export const LessEqual = createToken({ name: "LessEqual", pattern: /<=/, label: "`<=`", categories: [ComparisonOperator] });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: />=/, label: "`>=`", categories: [ComparisonOperator] });
export const Less = createToken({ name: "Less", pattern: /</, label: "`<`", categories: [ComparisonOperator] });
export const Greater = createToken({ name: "Greater", pattern: />/, label: "`>`", categories: [ComparisonOperator] });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "`=`", categories: [Assign] });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "`+`", categories: [AdditiveOperator] });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "`-`", categories: [AdditiveOperator] });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "`*`", categories: [MultiplicativeOperator] });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "`/`", categories: [MultiplicativeOperator] });
export const Percent = createToken({ name: "Percent", pattern: /%/, label: "`%`", categories: [MultiplicativeOperator] });

/** Main-mode tokens, ordered: longer operators before their prefixes, keywords before identifiers. */
const mainMode: TokenType[] = [
  WhiteSpace,
  Comment,
  StringStart,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  Question,
  Pipe,
  DotDot,
  Dot,
  EqualEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  NumberLiteral,
  ...keywords,
  Identifier,
];

/** String-mode tokens. */
const stringMode: TokenType[] = [StringEnd, InterpolationStart, StringEscape, StringNewline, StringText];

/** The lexer definition: two modes, starting in `main`. */
export const lexerDefinition: IMultiModeLexerDefinition = {
  modes: { [MAIN]: mainMode, [STRING]: stringMode },
  defaultMode: MAIN,
};

/**
 * Every token type the parser knows (categories included), in a fixed order. `StringNewline`
 * never reaches the parser but is listed so the vocabulary matches the lexer's.
 */
export const allTokens: TokenType[] = [
  Name,
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
  Assign,
  ...mainMode,
  StringEnd,
  InterpolationStart,
  StringEscape,
  StringNewline,
  StringText,
];
