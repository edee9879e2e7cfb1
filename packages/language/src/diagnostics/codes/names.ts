// BC2xxx: names and types (the checker). One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const warning = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "warning",
  message,
  ...rest,
});

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

/** Adds `help` only when there is one (did-you-mean may find nothing). */
const withHelp = (help: string | undefined): Partial<DiagnosticMessage> => (help === undefined ? {} : { help });

/** `a`, `a` and `b`, `a`, `b` and `c`, each in backticks. */
export function listNames(names: readonly string[]): string {
  const q = names.map((n) => `\`${n}\``);
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/** The hint of a `null` that inherits a default (docs/language.md §8a), static (BC2051) or at run time (BC3048). */
export const INHERITS_DEFAULT_HELP =
  "this run inherits the default; to leave it out for some runs, set it per run instead of in `defaults` (values shared by every run are moved into `defaultRunSetting` by the compiler anyway)";

/** What a `null` run id should be instead (BC2037, BC3009): `"${null}"` or `str(null)` would give the id "null". */
export const RUN_ID_EXAMPLE = 'such as `"S1"`, or make it from the loop variables (`"${s.sample_id}-${ref}"`)';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Texts of secondary labels (other places a diagnostic points at). */
export const nameLabels = {
  firstBlock: (keyword: string): string => `first \`${keyword}\` block`,
  firstSet: "first set here",
  firstDeclared: "first declared here",
  outerDeclaration: (name: string): string => `outer \`${name}\` declared here`,
  cycleMember: (name: string): string => `\`${name}\` is part of the cycle`,
  otherBranch: (type: string): string => `this branch is \`${type}\``,
  firstElement: (type: string): string => `the first element is \`${type}\``,
} as const;

/** `A` -> `B` -> `A`, with the middle of a long cycle left out. */
function cyclePath(path: readonly string[]): string {
  const shown = path.map((p) => `\`${p}\``);
  if (shown.length <= 10) return shown.join(" -> ");
  return [...shown.slice(0, 5), `... (${shown.length - 7} more)`, ...shown.slice(-2)].join(" -> ");
}

export const names = {
  /** A second `batch`, `defaults` or `params` statement. */
  duplicateBlock: (keyword: string): DiagnosticMessage =>
    error("BC2001", `only one \`${keyword}\` block is allowed`, { help: `merge it into the first \`${keyword}\` block` }),

  /** `batch`, `defaults`, `params` or `type` inside a `for` or `if`. */
  notTopLevel: (keyword: string): DiagnosticMessage =>
    error("BC2002", `\`${keyword}\` is only allowed at the top level`, { help: "move it out of the `for` or `if` block" }),

  /** A run's (or `defaults`') `params` block sets a name the `params` statement does not declare. */
  unknownParameter: (name: string, help?: string): DiagnosticMessage =>
    error("BC2003", `unknown parameter \`${name}\``, { label: "not declared in `params`", ...withHelp(help) }),

  /** A run leaves required parameters unset (and `defaults` does not set them either). */
  missingParameters: (missing: readonly string[]): DiagnosticMessage =>
    error("BC2004", `run is missing required ${plural(missing.length, "parameter", "parameters")} ${listNames(missing)}`, {
      help: "set them in this run's `params` block or in `defaults { params { ... } }`, or declare a default",
    }),

  /** `defaults` without `workflowId` or `roleArn`. */
  missingDefaultsFields: (missing: readonly string[]): DiagnosticMessage =>
    error("BC2005", `\`defaults\` is missing required ${plural(missing.length, "field", "fields")} ${listNames(missing)}`, {
      help: `add ${missing.map((m) => `\`${m} = "..."\``).join(" and ")}`,
    }),

  /** A field that the block does not allow. */
  unknownField: (name: string, block: string, help?: string): DiagnosticMessage =>
    error("BC2006", `unknown field \`${name}\` in \`${block}\``, withHelp(help)),

  /** A field of another block: a `defaults`-only member in `run`, a batch member in `defaults`, ... */
  misplacedField: (name: string, block: string, home: readonly string[]): DiagnosticMessage => {
    const where = listNames(home).replace(/ and /, " or ");
    const why =
      block === "run" && home.includes("defaults")
        ? `\`${name}\` is shared by every run of a batch; set it in \`defaults\``
        : home.includes("batch")
          ? `\`${name}\` belongs to the batch itself; set it in \`batch\``
          : `\`${name}\` is a run setting; set it in ${where}`;
    return error("BC2060", why, { help: `move this line into ${where}` });
  },

  /** `name { ... }` where `name = ...` is expected. */
  fieldAsBlock: (name: string): DiagnosticMessage =>
    error("BC2007", `\`${name}\` is a field, not a block`, { help: `write \`${name} = ...\`` }),

  /** `runTags = ...` where `runTags { ... }` is expected. */
  blockAsField: (name: string): DiagnosticMessage =>
    error("BC2008", `\`${name}\` is a block, not a field`, { help: `write \`${name} { key = "value" }\`` }),

  /** The same field or map key set twice in one block. */
  duplicateField: (name: string): DiagnosticMessage =>
    error("BC2009", `\`${name}\` is set more than once`, { help: "remove one of them" }),

  /** A name that is not declared in scope. */
  unknownName: (name: string, help?: string): DiagnosticMessage =>
    error("BC2010", `unknown name \`${name}\``, { label: "not found in this scope", ...withHelp(help) }),

  /** A `let` or loop variable with the name of one in an enclosing block. */
  shadowing: (name: string): DiagnosticMessage =>
    error("BC2011", `\`${name}\` shadows an outer declaration`, { help: "rename one of them" }),

  /** Two declarations of one name in the same block (or the same `for`). */
  redeclared: (name: string): DiagnosticMessage =>
    error("BC2012", `\`${name}\` is already declared in this block`, { help: "rename one of them" }),

  /** A built-in function's name used as a value. */
  functionAsValue: (name: string): DiagnosticMessage =>
    error("BC2013", `\`${name}\` is a built-in function, not a value`, { help: `call it: \`${name}(...)\`` }),

  /** A call to a name that is neither a built-in nor declared. */
  unknownFunction: (name: string, help?: string): DiagnosticMessage =>
    error("BC2014", `unknown function \`${name}\``, withHelp(help)),

  /** A call to a `let` or loop variable. */
  notAFunction: (name: string): DiagnosticMessage =>
    error("BC2015", `\`${name}\` is not a function`, { help: "only built-in functions can be called" }),

  /** `var("x")` anywhere but as the whole initializer of a typed `let`. */
  misplacedVar: (letName?: string): DiagnosticMessage =>
    error("BC2016", "`var()` is only allowed as the whole value of a `let` with a declared type", {
      help:
        letName === undefined
          ? 'bind it first: `let name: string = var("name")`'
          : `declare the type: \`let ${letName}: string = var("${letName}")\``,
    }),

  /** A type name that is neither built in nor an alias. */
  unknownType: (name: string, help?: string): DiagnosticMessage => error("BC2017", `unknown type \`${name}\``, withHelp(help)),

  /** Type aliases that refer to themselves. */
  aliasCycle: (path: readonly string[]): DiagnosticMessage =>
    error("BC2018", `type \`${path[0] ?? ""}\` refers to itself (${cyclePath(path)})`, {
      help: "recursive types are not supported",
    }),

  /** Two `type` statements with one name. */
  duplicateAlias: (name: string): DiagnosticMessage =>
    error("BC2019", `type \`${name}\` is already declared`, { help: "rename one of them" }),

  /** A value of the wrong type. */
  typeMismatch: (expected: string, found: string, help?: string): DiagnosticMessage =>
    error("BC2020", `expected \`${expected}\`, found \`${found}\``, withHelp(help)),

  /** A string literal that is not a member of the expected union. */
  notEnumMember: (value: string, expected: string, help?: string): DiagnosticMessage =>
    error("BC2021", `\`${JSON.stringify(value)}\` is not one of \`${expected}\``, withHelp(help)),

  /**
   * A value where an `s3uri` is expected that is not one, wherever it comes from: a literal or
   * template, a data-file cell, a `--var` value, a computed value (one code for one grammar).
   * `why` is the grammar's reason; `where` says what the value is for or where it was read.
   */
  invalidS3Uri: (value: string, why?: string, where?: string): DiagnosticMessage => {
    const shown = [...value].length > 80 ? `${[...value].slice(0, 79).join("")}…` : value;
    return error("BC2022", `\`${JSON.stringify(shown)}\` is not an S3 URI${where === undefined ? "" : ` (${where})`}`, {
      help: `${why === undefined ? "" : `${why}; `}an S3 URI starts with \`s3://\` and a bucket name, as in \`s3://my-bucket/path/\``,
    });
  },

  /** A record literal without some required fields of its expected type. */
  missingRecordFields: (missing: readonly string[], type: string): DiagnosticMessage =>
    error("BC2023", `missing required ${plural(missing.length, "field", "fields")} ${listNames(missing)} of \`${type}\``),

  /** A field (in a literal or an access) that the record type does not have. */
  noSuchField: (name: string, type: string, help?: string): DiagnosticMessage =>
    error("BC2024", `type \`${type}\` has no field \`${name}\``, withHelp(help)),

  /** `.field` on something that is not a record. */
  noFields: (type: string): DiagnosticMessage => error("BC2025", `type \`${type}\` has no fields`),

  /** `x[i]` on something that is not a list or a record. */
  notIndexable: (type: string): DiagnosticMessage => error("BC2026", `type \`${type}\` cannot be indexed`),

  /** `xs[i]` with `i` of the wrong type. */
  badIndex: (expected: string, found: string): DiagnosticMessage =>
    error("BC2027", `an index here must be \`${expected}\`, found \`${found}\``),

  /** A binary operator applied to operand types it does not take. */
  badOperands: (op: string, left: string, right: string, help?: string): DiagnosticMessage =>
    error("BC2028", `operator \`${op}\` cannot be applied to \`${left}\` and \`${right}\``, withHelp(help)),

  /** A unary operator applied to an operand type it does not take. */
  badOperand: (op: string, operand: string): DiagnosticMessage =>
    error("BC2029", `operator \`${op}\` cannot be applied to \`${operand}\``),

  /** A built-in called with the wrong number of arguments. */
  wrongArity: (fn: string, expected: number, given: number, signature: string): DiagnosticMessage =>
    error(
      "BC2030",
      `\`${fn}\` takes ${expected} ${plural(expected, "argument", "arguments")} but ${given} ${plural(given, "was", "were")} given`,
      { help: `the signature is \`${signature}\`` },
    ),

  /** A built-in's argument of the wrong type. */
  badArgument: (fn: string, param: string, expected: string, found: string): DiagnosticMessage =>
    error("BC2031", `argument \`${param}\` of \`${fn}\` must be \`${expected}\`, found \`${found}\``),

  /** A `for` source that is not a list. */
  notIterable: (type: string, help?: string): DiagnosticMessage =>
    error("BC2032", `\`for\` needs a list, found \`${type}\``, withHelp(help)),

  /** `for (a, b) in xs` where the elements of `xs` are not lists. */
  notDestructurable: (element: string): DiagnosticMessage =>
    error("BC2033", `cannot destructure elements of type \`${element}\``, { help: "`(a, b)` takes apart lists, as from `zip` or `enumerate`" }),

  /** `for (a, b, c) in pairs`: the number of names differs from the known list length. */
  destructureArity: (names: number, length: number): DiagnosticMessage =>
    error("BC2034", `${names} ${plural(names, "name", "names")} cannot destructure lists of length ${length}`),

  /** An `if` or `where` condition that is not a `bool`. */
  conditionNotBool: (found: string): DiagnosticMessage =>
    error("BC2035", `a condition must be \`bool\`, found \`${found}\``, { help: "compare it, as in `x == \"yes\"` or `len(xs) > 0`" }),

  /** A tag value (in `tags` or `runTags`) that is not a string. */
  tagValueNotString: (found: string, text: string): DiagnosticMessage =>
    error("BC2036", `a tag value must be a string, found \`${found}\``, { help: `convert it with a template: \`"\${${text}}"\`` }),

  /**
   * A `run` id that is not a string. `text` is the id as written; undefined for `null`, which a
   * template would turn into the id "null".
   */
  runIdNotString: (found: string, text: string | undefined): DiagnosticMessage =>
    error("BC2037", `a run id must be a string, found \`${found}\``, {
      help:
        text === undefined
          ? `a run id is a non-empty string: write one, ${RUN_ID_EXAMPLE}`
          : `convert it with a template: \`"\${${text}}"\``,
    }),

  /** `params from "file"` where the file cannot be read. */
  templateUnreadable: (file: string, reason: string, similar?: string): DiagnosticMessage =>
    error("BC2038", `cannot read parameter template \`${file}\`: ${reason}`, withHelp(similar)),

  /** `params from "file"` where the file is not a parameter template. */
  templateInvalid: (file: string, reason: string): DiagnosticMessage =>
    error("BC2039", `invalid parameter template \`${file}\`: ${reason}`, {
      help: 'a template is a JSON object like `{ "NAME": { "description": "...", "optional": true } }`',
    }),

  /** A declaration in a `params from` block for a name that the template does not have. */
  notInTemplate: (name: string, file: string, help?: string): DiagnosticMessage =>
    error("BC2040", `parameter \`${name}\` is not in the template \`${file}\``, withHelp(help)),

  /** Two declarations of one parameter. */
  duplicateParam: (name: string): DiagnosticMessage =>
    error("BC2041", `parameter \`${name}\` is declared more than once`, { help: "remove one of them" }),

  /** A parameter declaration without a type (allowed only after `params from`). */
  missingParamType: (name: string): DiagnosticMessage =>
    error("BC2042", `parameter \`${name}\` needs a type`, { help: `write \`${name}: string\` (or another type)` }),

  /** A record type or literal naming one field twice. */
  duplicateRecordField: (name: string): DiagnosticMessage =>
    error("BC2043", `field \`${name}\` appears more than once`, { help: "remove one of them" }),

  /** A list literal whose elements have no common type. */
  listElementMismatch: (first: string, found: string): DiagnosticMessage =>
    error("BC2044", `list elements must have one type: expected \`${first}\`, found \`${found}\``, {
      help: "use a record to group values of different types, as in `{ name: \"a\", n: 1 }`",
    }),

  /** `if C then A else B` with branches of unrelated types. */
  branchMismatch: (then: string, otherwise: string): DiagnosticMessage =>
    error("BC2045", `the branches of \`if\` have different types \`${then}\` and \`${otherwise}\``),

  /** A `|` union member that is not a string literal. */
  unionMember: (): DiagnosticMessage =>
    error("BC2046", "only string literals can be joined with `|`", { help: 'write a union of strings, as in `"a" | "b"`' }),

  /** `var(x)` whose argument is not a string literal. */
  varArgument: (): DiagnosticMessage =>
    error("BC2047", "`var` takes the variable's name as one string literal", { help: 'write `var("name")`' }),

  /** `let xs: T = csv(...)` where `T` is not a list of records with scalar fields. */
  dataFileType: (fn: string, type: string): DiagnosticMessage =>
    error("BC2048", `\`${fn}\` cannot produce \`${type}\``, {
      help: "declare a list of records with scalar fields, as in `[{ id: string, n: int }]`",
    }),

  /** `type string = ...`: a built-in type name used for an alias. */
  builtinTypeName: (name: string): DiagnosticMessage =>
    error("BC2049", `\`${name}\` is a built-in type and cannot be redefined`, { help: "choose another name" }),

  /** `group_by(xs, f)` whose fields are not written as string literals. */
  groupByFields: (): DiagnosticMessage =>
    error("BC2050", "`group_by` takes its field names as a string literal or a list of string literals", {
      help: 'write `group_by(xs, "sample")` or `group_by(xs, ["patient", "sample"])`',
    }),

  /** A run sets to `null` a parameter, tag or field that `defaults` (or a declared default) sets (BC3048 when it is `null` only at run time). */
  nullInheritsDefault: (what: string): DiagnosticMessage =>
    warning("BC2051", `${what} is set to \`null\`, but the run still gets the default value`, {
      label: "inherits the default",
      help: INHERITS_DEFAULT_HELP,
    }),

  /** A workflow schema's `pattern` that RE2 cannot compile: its values are not checked. */
  patternNotChecked: (name: string, file: string, pattern: string, reason: string): DiagnosticMessage =>
    warning("BC2053", `the pattern of parameter \`${name}\` in \`${file}\` is not checked: ${reason}`, {
      label: "pattern not checked",
      notes: [`the pattern is ${JSON.stringify(pattern.length > 120 ? `${pattern.slice(0, 119)}…` : pattern)}`],
      help: "patterns are matched in linear time with RE2 syntax, which has no lookaround (`(?=`, `(?<!`) or backreferences (`\\1`); check these values yourself",
    }),

  /** A `let` or loop variable that nothing reads. */
  unusedName: (name: string, kind: "let" | "loop"): DiagnosticMessage =>
    warning("BC2052", `${kind === "let" ? "`let`" : "loop variable"} \`${name}\` is never used`, {
      label: "never used",
      help: `remove it, or start its name with \`_\` (\`_${name}\`) to keep it unused`,
    }),
} as const;
