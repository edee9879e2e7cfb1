// Syntax error messages for the parser. Chevrotain asks an `errorMessageProvider` for the
// text of each error; this one builds the catalog message (code, message, help) from the
// rule and the expected token, remembers it by its text, and `parse.ts` looks it up again
// (Chevrotain's exceptions keep only the text).
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import type { DiagnosticMessage } from "../diagnostics/diagnostic.js";
import { STATEMENT_HELP, syntax } from "../diagnostics/codes/syntax.js";

/** A catalog message and where it is best shown. */
export interface BuiltMessage {
  message: DiagnosticMessage;
  /**
   * True when the found token itself is the problem (a token that starts no statement);
   * false when something is missing before it, which is best shown right after the
   * previous token when the found one is on a later line.
   */
  onFoundToken: boolean;
}

const built = new Map<string, BuiltMessage>();

/** The catalog message an error text was built from (undefined for unknown texts). */
export function messageFor(text: string): BuiltMessage | undefined {
  return built.get(text);
}

/** Forgets the texts of an earlier parse (called before each parse). */
export function clearMessages(): void {
  built.clear();
}

function remember(message: DiagnosticMessage, onFoundToken = false): string {
  built.set(message.message, { message, onFoundToken });
  return message.message;
}

/** How a found token is named in a message: `` `=` ``, `` `foo` ``, "a string", "end of file". */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return "end of file";
  // Zero-width tokens close what the lexer found cut off at the end of a line.
  if (token.image === "") return "the end of the line";
  switch (token.tokenType.name) {
    case "StringStart":
      return "a string";
    case "StringText":
      return "string text";
    case "StringEscape":
      return "an escape";
    case "StringEnd":
      return "the end of the string";
    case "InterpolationStart":
      return "`${`";
    default: {
      const image = token.image.length > 24 ? `${token.image.slice(0, 21)}...` : token.image;
      return `\`${image}\``;
    }
  }
}

/** How an expected token is named: its label (`` `=` ``, `a name`, `` `then` ``). */
function describeExpected(tokType: TokenType): string {
  if (tokType === EOF) return "end of file";
  return tokType.LABEL ?? `\`${tokType.name}\``;
}

const ENTRY = "a field (`name = value`) or `}`";
const IF_EXPR_HELP = "an `if` expression needs both branches: `if C then A else B`";

/**
 * What was expected, said in context: keyed by `rule/TokenName` of the failed CONSUME
 * (or of the token expected after a repetition, for recovery inside a repetition).
 */
const expectedInContext: Record<string, [expected: string, help?: string]> = {
  "program/EOF": ["a statement", STATEMENT_HELP],
  "batchBlock/LBrace": ["`{` to open the `batch` block"],
  "batchBlock/RBrace": [ENTRY],
  "defaultsBlock/LBrace": ["`{` after `defaults`"],
  "defaultsBlock/RBrace": [ENTRY],
  "runStatement/LBrace": ["`{` after the run id"],
  "runStatement/RBrace": [ENTRY],
  "paramsBody/RBrace": ["a parameter (`name: type`) or `}`"],
  "mapBody/RBrace": ["an entry (`key = value`) or `}`"],
  "mapEntry/Assign": ["`=` after the key"],
  "typeAlias/Identifier": ["a type name after `type`"],
  "typeAlias/Equals": ["`=` after the type name"],
  "letStatement/Identifier": ["a name after `let`"],
  "letStatement/Equals": ["`=` after the name in `let`"],
  "forSource/In": ["`in` after the loop variable"],
  "forStatement/LBrace": ["`{` to open the loop body"],
  "forStatement/RBrace": ["a statement or `}`", STATEMENT_HELP],
  "namePattern/Identifier": ["a name in the `(a, b)` pattern"],
  "namePattern/RParen": ["`)` to close the `(a, b)` pattern"],
  "ifStatement/LBrace": ["`{` after the condition"],
  "ifStatement/RBrace": ["a statement or `}`", STATEMENT_HELP],
  "elseBlock/RBrace": ["a statement or `}`", STATEMENT_HELP],
  "listType/RBracket": ["`]` to close the list type"],
  "recordType/RBrace": ["a field (`name: type`) or `}`"],
  "recordTypeField/Colon": ["`:` and a type after the field name"],
  "conditional/Then": ["`then` after the condition", IF_EXPR_HELP],
  "conditional/Else": ["`else` and a second branch", IF_EXPR_HELP],
  "fieldSuffix/Name": ["a field name after `.`"],
  "indexSuffix/RBracket": ["`]` after the index"],
  "callSuffix/RParen": ["an argument or `)`"],
  "listLiteral/RBracket": ["an element or `]`"],
  "recordLiteral/RBrace": ["a field (`key: value`) or `}`"],
  "recordField/Assign": ["`:` after the key", "record fields are written `key: value`"],
  "parenthesized/RParen": ["`)`"],
  "interpolation/RBrace": ["`}` to close `${`"],
};

/** The rules of blocks that hold fields, and their keywords. */
const FIELD_BLOCKS: Record<string, string> = { batchBlock: "batch", defaultsBlock: "defaults", runStatement: "run" };
/** Token names of the keywords a statement starts with. */
const STATEMENT_STARTS: ReadonlySet<string> = new Set(["Batch", "Defaults", "Params", "Type", "Let", "For", "If", "Run"]);

/** What a rule with alternatives expected when none of them matched. */
const constructOfRule: Record<string, [expected: string, help?: string]> = {
  statement: ["a statement", STATEMENT_HELP],
  paramsBlock: [
    "`{` to open the `params` block, or `from` and a file",
    'declare parameters with `params { name: type }`, or read them from the workflow with `params from "template.json"`',
  ],
  blockItem: [ENTRY],
  blockEntry: ["`=` after the field name", "fields are written `name = value`, map blocks `name { key = value }`"],
  key: ["a name or a string"],
  forSource: ["a loop variable or `(a, b)`"],
  ifStatement: ["`if` or `{` after `else`"],
  primaryType: ["a type"],
  expression: ["an expression"],
  notExpression: ["an expression"],
  unary: ["an expression"],
  primary: ["an expression"],
  postfix: ["an expression"],
  string: ["string text or `\"`"],
};

/** Chevrotain's error text, built from the syntax catalog (see `messageFor`). */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = describeToken(actual);
    const inContext = expectedInContext[`${ruleName}/${expected.name}`];
    // After a repetition at the top level the parser wanted the end of the file: the
    // real problem is a token that starts no statement.
    if (expected === EOF) {
      const [what, help] = inContext ?? ["a statement", STATEMENT_HELP];
      return remember(syntax.expectedConstruct(what, found, help), true);
    }
    // A statement where a field block should have ended: the block was left open.
    const block = FIELD_BLOCKS[ruleName];
    if (block !== undefined && expected.name === "RBrace" && STATEMENT_STARTS.has(actual.tokenType.name)) {
      return remember(syntax.expectedToken(`\`}\` to close the \`${block}\` block`, found));
    }
    if (inContext) return remember(syntax.expectedToken(inContext[0], found, inContext[1]));
    return remember(syntax.expectedToken(describeExpected(expected), found));
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return remember(syntax.expectedConstruct("a statement", describeToken(firstRedundant), STATEMENT_HELP), true);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const found = describeToken(actual[0]);
    const inRule = constructOfRule[ruleName];
    if (inRule) return remember(syntax.expectedConstruct(inRule[0], found, inRule[1]), ruleName === "statement");
    const firsts = new Set<string>();
    for (const alt of expectedPathsPerAlt) for (const path of alt) if (path[0]) firsts.add(describeExpected(path[0]));
    return remember(syntax.expectedConstruct(oneOf([...firsts]), found));
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = new Set<string>();
    for (const path of expectedIterationPaths) if (path[0]) firsts.add(describeExpected(path[0]));
    return remember(syntax.expectedConstruct(oneOf([...firsts]), describeToken(actual[0])));
  },
};

function oneOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "something else";
  return `one of ${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
