// BC1xxx: lexing and parsing. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

/** What may follow `\` in a string. */
const ESCAPES = "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\$`";

/** The keywords a statement starts with. */
export const STATEMENT_HELP = "a statement starts with `batch`, `defaults`, `params`, `type`, `let`, `for`, `if` or `run`";

export const syntax = {
  /** One or more characters that start no token (`@`, `!`, `'`). */
  unexpectedCharacter: (text: string): DiagnosticMessage =>
    error("BC1001", `unexpected character${[...text].length > 1 ? "s" : ""} ${JSON.stringify(text)}`, {
      help: text.startsWith("'")
        ? 'strings are written in double quotes: "..."'
        : text === "&" || text === "&&"
          ? "use `and`"
          : text === "!"
            ? "use `not` (or `!=` to compare)"
            : "remove it, or put it inside a string",
    }),
  /** A string whose closing `"` is missing on its line (or before the end of the file). */
  unterminatedString: (): DiagnosticMessage =>
    error("BC1002", "unterminated string", {
      label: "no closing `\"` on this line",
      help: 'close it with `"`; a string cannot span lines (write a line break as `\\n`)',
    }),
  /** `\q` and other escapes the language does not have. */
  unknownEscape: (sequence: string): DiagnosticMessage =>
    error("BC1003", `unknown escape \`${sequence}\` in a string`, { help: ESCAPES }),
  /** A token that must come next is missing: `let x 1` (no `=`). */
  expectedToken: (expected: string, found: string, help?: string): DiagnosticMessage =>
    error("BC1004", `expected ${expected}, found ${found}`, help === undefined ? {} : { help }),
  /** None of a construct's forms starts here: `let x = }` (no expression). */
  expectedConstruct: (expected: string, found: string, help?: string): DiagnosticMessage =>
    error("BC1005", `expected ${expected}, found ${found}`, help === undefined ? {} : { help }),
  /** `a < b < c`: comparisons do not chain. */
  chainedComparison: (operator: string): DiagnosticMessage =>
    error("BC1006", `comparison operators cannot be chained: unexpected \`${operator}\``, {
      help: "join two comparisons with `and`: `a < b and b < c`",
    }),
  /** `s.f(x)` or `(f)(x)`: only a plain name can be called. */
  calleeNotName: (): DiagnosticMessage =>
    error("BC1007", "only a function name can be called", {
      label: "not a function name",
      help: "call a built-in function by its name: `lower(s.name)`",
    }),
  /** A number literal that is not a finite number, or an integer beyond 2^53. */
  numberOutOfRange: (raw: string, integer: boolean): DiagnosticMessage =>
    error("BC1008", `number \`${raw.length > 24 ? `${raw.slice(0, 21)}...` : raw}\` is out of range`, {
      help: integer ? "integers are exact up to 2^53 (9007199254740992)" : "numbers must be finite double-precision values",
    }),
  /** `${...}` where only a plain string is allowed: keys, string types, `params from`. */
  interpolationNotAllowed: (where: string): DiagnosticMessage =>
    error("BC1009", `${where} cannot contain \`\${...}\``, { help: "write a plain string here" }),
  /** `let`, `for`, `if` or `run` among the fields of a `run`, `defaults` or `batch` block. */
  statementInBlock: (keyword: string): DiagnosticMessage =>
    error("BC1011", `\`${keyword}\` cannot be used among the fields of a block`, {
      label: "a statement, not a field",
      help:
        keyword === "for" || keyword === "if"
          ? `blocks hold only fields (\`name = value\`): put the block inside the \`${keyword}\` instead`
          : keyword === "let" || keyword === "type"
            ? `blocks hold only fields (\`name = value\`): write the \`${keyword}\` before the block`
            : "blocks cannot be nested: close this block with `}` first",
    }),
  /** Brackets or operators nested deeper than the parser supports. */
  tooDeeplyNested: (limit: number): DiagnosticMessage =>
    error("BC1010", `nested too deeply (more than ${limit} levels)`, {
      help: "split the expression with `let` bindings",
    }),
  // Codes from BC1050 on: hostile input.
  /** A byte sequence in the `.batch` file that is not UTF-8. */
  invalidUtf8: (line: number, column: number): DiagnosticMessage =>
    error("BC1050", `invalid UTF-8 at line ${line}, column ${column}`, {
      label: "not UTF-8",
      help: "save the file as UTF-8 (the byte here is shown as U+FFFD)",
    }),
} as const;
