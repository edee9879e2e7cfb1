// BC3xxx: expansion, built-ins and data files. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";
import { didYouMean } from "@batchc/text";
import { INHERITS_DEFAULT_HELP, RUN_ID_EXAMPLE } from "./names.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

const quoted = (s: string): string => JSON.stringify(s);
const place = (file: string, line: number, column?: number): string =>
  column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;

export const expand = {
  /** `xs[5]` on a shorter list. */
  indexOutOfRange: (index: number, length: number) =>
    error("BC3001", `index ${index} is out of range for a list of length ${length}`, {
      label: "out of range",
      help: length === 0 ? "the list is empty" : `valid indices are 0 to ${length - 1}`,
    }),
  /** `r.x` on a record (typed `any`) without the key. */
  missingKey: (key: string, available: readonly string[]) =>
    error("BC3002", `record has no field \`${key}\``, {
      label: "no such field",
      help:
        didYouMean(key, available) ??
        (available.length === 0 ? "the record is empty" : `its fields are ${available.map((k) => `\`${k}\``).join(", ")}`),
    }),
  /** `a / 0` or `a % 0`. */
  divisionByZero: (operator: "/" | "%") =>
    error("BC3003", operator === "/" ? "division by zero" : "modulo by zero", { label: "the right side is 0" }),
  /** `int("x")`, `float("1.2.3")`: a value that does not convert. */
  invalidConversion: (shown: string, type: string, reason?: string) =>
    error("BC3004", `cannot convert ${shown} to \`${type}\``, reason === undefined ? {} : { help: reason }),
  // BC3005 (a value that is not an `s3uri`) is retired: every route reports BC2022 (`names.invalidS3Uri`).
  /** A value outside the enum of a field or parameter. */
  notInEnum: (value: string, values: readonly string[], what?: string) =>
    error(
      "BC3006",
      `${quoted(value)} is not one of ${values.map(quoted).join(", ")}${what === undefined ? "" : ` (${what})`}`,
      { help: didYouMean(value, values, quoted) ?? `use one of ${values.map(quoted).join(", ")}` },
    ),
  /** A value of the wrong type at run time (values typed `any`, for example from `json()`). */
  wrongType: (what: string, expected: string, found: string) =>
    error("BC3007", `${what} must be \`${expected}\`, found ${found}`),
  /** `run "" { ... }` */
  emptyRunId: () => error("BC3008", "the run id is an empty string", { help: "every run needs a non-empty, unique id" }),
  /** `run 42 { ... }` with a value typed `any`. */
  runIdNotString: (found: string) =>
    error("BC3009", `the run id must be a string, found ${found}`, {
      // `str(null)` would make the id "null"
      help: found === "`null`" ? `a run id is a non-empty string: give every run one, ${RUN_ID_EXAMPLE}` : "convert it with `str(...)`",
    }),
  /** Two runs with the same id. */
  duplicateRunId: (id: string) =>
    error("BC3010", `duplicate run id ${quoted(id)}`, {
      label: "produced again here",
      help: "run ids must be unique in the batch; add the loop variables that tell the runs apart to the id",
    }),
  /** `var("x")` without `--var x=...`. */
  varMissing: (name: string) =>
    error("BC3011", `no value for \`var("${name}")\``, { label: "not supplied", help: `pass it with \`--var ${name}=VALUE\`` }),
  /** `--var x=abc` for an `int` let. */
  varInvalid: (name: string, value: string, type: string, reason?: string) =>
    error("BC3012", `the value ${quoted(value)} of \`--var ${name}\` is not a valid \`${type}\``, {
      help: reason ?? `pass a \`${type}\` with \`--var ${name}=VALUE\``,
    }),
  /** A data file that cannot be read. */
  fileUnreadable: (file: string, reason: string, similar?: string) =>
    error("BC3013", `cannot read \`${file}\`: ${reason}`, { help: similar ?? "paths are relative to the folder of the `.batch` file" }),
  /** A csv/tsv cell that does not convert to its declared column type. */
  badCell: (file: string, line: number, column: number, name: string, type: string, shown: string, reason?: string) =>
    error("BC3014", `bad \`${type}\` value ${shown} in column \`${name}\` at ${place(file, line, column)}`, {
      notes: [`in ${file}, line ${line}, column ${column}`],
      ...(reason === undefined ? {} : { help: reason }),
    }),
  /** A declared column that is not in the header row. */
  missingColumn: (file: string, name: string, header: readonly string[]) =>
    error("BC3015", `column \`${name}\` is missing from the header of \`${file}\``, {
      notes: [`the header (${file}:1) is: ${header.join(", ")}`],
      help: didYouMean(name, header) ?? `add a \`${name}\` column, or mark the field optional (\`${name}?\`)`,
    }),
  /** A csv/tsv row with more or fewer cells than the header. */
  cellCount: (file: string, line: number, found: number, expected: number) =>
    error("BC3016", `row at ${place(file, line)} has ${found} cell${found === 1 ? "" : "s"}, the header has ${expected}`, {
      notes: [`in ${file}, line ${line}`],
    }),
  /** A quoted csv cell that never closes. */
  unterminatedQuote: (file: string, line: number, column: number) =>
    error("BC3017", `unterminated quoted cell at ${place(file, line, column)}`, {
      help: 'close the cell with `"`; write a quote inside a quoted cell as `""`',
    }),
  /** A csv/tsv file without a header row. */
  emptyTable: (file: string) => error("BC3018", `\`${file}\` has no header row`, { help: "the first line names the columns" }),
  /** Two header cells with the same name. */
  duplicateColumn: (file: string, name: string, column: number) =>
    error("BC3019", `column \`${name}\` appears twice in the header of \`${file}\``, { notes: [`the second one is at ${place(file, 1, column)}`] }),
  /** A JSON file that does not parse. */
  jsonSyntax: (file: string, reason: string, line?: number, column?: number) =>
    error("BC3020", `\`${file}\` is not valid JSON: ${reason}`, line === undefined ? {} : { notes: [`at ${place(file, line, column)}`] }),
  /** A JSON value that does not match the declared type. */
  jsonType: (file: string, path: string, expected: string, found: string) =>
    error("BC3021", `\`${file}\`: \`${path}\` must be \`${expected}\`, found ${found}`),
  /** `glob()` without any match. */
  globNoMatch: (pattern: string) =>
    error("BC3022", `no file matches ${quoted(pattern)}`, {
      label: "no match",
      help: "patterns are relative to the folder of the `.batch` file; `*` and `?` stay within a folder, `**` crosses folders",
    }),
  /** An invalid regular expression in `matches`/`match`. */
  invalidRegex: (regex: string, reason: string) => error("BC3023", `invalid regular expression ${quoted(regex)}: ${reason}`),
  /** `pair_reads`: a file whose mate is missing. */
  unpairedRead: (file: string, sample: string, missing: "R1" | "R2") =>
    error("BC3024", `\`${file}\` has no mate: sample \`${sample}\` has no ${missing} file`, {
      help: "each sample needs exactly one `_R1` and one `_R2` (or `_1` and `_2`) file",
    }),
  /** `pair_reads`: two files for the same sample and mate. */
  duplicateRead: (file: string, other: string, sample: string, mate: "R1" | "R2") =>
    error("BC3025", `\`${file}\` is a second ${mate} file for sample \`${sample}\``, { notes: [`the first is \`${other}\``] }),
  /** `pair_reads`: a file without a mate marker or a FASTQ extension. */
  notAReadFile: (file: string) =>
    error("BC3026", `\`${file}\` is not a paired FASTQ file name`, {
      help: "expected a name like `S1_R1.fastq.gz`, `S1_R2_001.fq.gz` or `S1_1.fastq` (`.fastq.gz`, `.fq.gz`, `.fastq`, `.fq`)",
    }),
  /** `sort()` on a list that mixes kinds or holds values without an order. */
  cannotSort: (found: string) =>
    error("BC3027", `cannot sort a list of ${found}`, { help: "`sort` orders lists of numbers or lists of strings" }),
  /** `for (a, b) in xs` with an element of another length. */
  destructureMismatch: (names: number, found: string) =>
    error("BC3028", `cannot unpack ${found} into ${names} names`, { label: "this element" }),
  /** Expansion gives up after this many distinct errors. */
  tooManyErrors: (limit: number) =>
    error("BC3029", `too many errors; expansion stopped after ${limit} distinct errors`, { help: "fix the errors above and compile again" }),
  /** A range too large to build as a list (outside a `for` source, where ranges stay lazy). */
  rangeTooLarge: (size: number, limit: number) =>
    error("BC3030", `range of ${size} elements is too large to build as a list (limit ${limit})`, {
      help: "iterate over it directly in a `for` source, where ranges are not materialised",
    }),
  /** An operator applied to values (typed `any`) it does not support. */
  operandTypes: (operator: string, left: string, right?: string) =>
    error(
      "BC3031",
      right === undefined ? `cannot apply \`${operator}\` to ${left}` : `cannot apply \`${operator}\` to ${left} and ${right}`,
    ),
  /** `x.f` or `x[i]` on a value (typed `any`) that is not a record or a list. */
  notAContainer: (access: "field" | "index", found: string) =>
    error("BC3032", access === "field" ? `cannot read a field of ${found}` : `cannot index ${found}`, {
      label: access === "field" ? "not a record" : "not a list",
    }),
  /** A loop source (typed `any`) that is not a list. */
  notIterable: (found: string) => error("BC3033", `cannot iterate over ${found}`, { label: "not a list" }),
  /** `group_by(rows, "f")` on a row (untyped data) without the field. */
  groupByMissingField: (field: string, available: readonly string[], row: string | undefined) =>
    error("BC3034", `\`group_by\`: a row has no field \`${field}\`${row === undefined ? "" : ` (${row})`}`, {
      help: didYouMean(field, available) ?? (available.length === 0 ? "the row has no fields" : `its fields are ${available.map((k) => `\`${k}\``).join(", ")}`),
    }),
  /** `first([])` or `last([])`. */
  emptyList: (fn: string) =>
    error("BC3035", `\`${fn}\` of an empty list`, { help: `guard it, as in \`if len(xs) > 0 then ${fn}(xs) else ...\`` }),
  /** A comprehension that would build more elements than a list may hold. */
  comprehensionTooLarge: (limit: number) =>
    error("BC3036", `this comprehension builds more than ${limit} elements`, {
      help: "filter earlier with `where`, or loop with a `for` statement, whose sources are not materialised",
    }),
  /** A data file (or glob folder) outside the `.batch` folder and the `--allow-read` folders. */
  readOutside: (file: string) =>
    error("BC3037", `\`${file}\` is outside the project: data files are read only inside the folder of the \`.batch\` file`, {
      label: "read outside the project",
      help: "move the file next to the `.batch` file, or allow its folder with `--allow-read PATH`",
    }),
  /** A device, FIFO, socket or /proc file given as a data file. */
  specialFile: (file: string, reason: string) =>
    error("BC3038", `cannot read \`${file}\`: ${reason}`, {
      label: "not a regular file",
      help: "data files must be regular files (devices, pipes, sockets and /proc, /sys, /dev are refused)",
    }),
  /** A data file above the size limit. */
  fileTooLarge: (file: string, reason: string) =>
    error("BC3039", `cannot read \`${file}\`: ${reason}`, { label: "too large", help: "split the file, or filter it before compiling" }),
  /** A data file that is not valid UTF-8. */
  invalidUtf8: (file: string, line: number, column: number) =>
    error("BC3040", `\`${file}\` is not valid UTF-8 at ${place(file, line, column)}`, {
      notes: [`in ${file}, line ${line}, column ${column}`],
      help: "save the file as UTF-8",
    }),
  /**
   * A `where` that was tested and held in no combination: a `for` loop's (the loop produced no
   * run) or a comprehension's (it was always empty).
   */
  whereKeepsNothing: (of: "loop" | "comprehension" = "loop") => ({
    code: "BC3041",
    severity: "warning" as const,
    message: `this \`where\` keeps no combination: ${of === "loop" ? "the loop produces no run" : "the comprehension is always empty"}`,
    label: "never true",
    help: "check the condition against the data (a misspelt value or a wrong comparison)",
  }),
  /** A parameter value that does not match its JSON Schema `pattern`. */
  patternMismatch: (name: string, value: string, pattern: string) =>
    error("BC3042", `parameter \`${name}\` = ${quoted(value.length > 60 ? `${value.slice(0, 59)}…` : value)} does not match the workflow's pattern`, {
      notes: [`the pattern is ${quoted(pattern.length > 120 ? `${pattern.slice(0, 119)}…` : pattern)}`],
    }),
  /** `s3_glob` without S3: no listing could be made (no credentials, no access, a failed call). */
  s3Unavailable: (pattern: string, reason: string) =>
    error("BC3043", `\`s3_glob(${quoted(pattern)})\` needs S3 access: ${reason}`, {
      label: "needs S3",
      help: "run with AWS credentials that may call `s3:ListBucket` on the bucket (`--profile`, or the `AWS_*` variables)",
    }),
  /** `s3_glob` whose pattern is not an `s3://bucket/…` URI. */
  s3GlobPattern: (pattern: string) =>
    error("BC3044", `${quoted(pattern)} is not an S3 pattern`, { help: "write it as `s3://bucket/prefix/**/*.fastq.gz`" }),
  /** `s3_glob` without any match. */
  s3GlobNoMatch: (pattern: string, listed: string) =>
    error("BC3045", `no S3 object matches ${quoted(pattern)}`, {
      label: "no match",
      notes: [`listed every object under \`${listed}\``],
      help: "`*` and `?` stay within one `/`-separated level, `**` crosses levels",
    }),
  /** A string or list built by the program above the size limit. */
  valueTooLarge: (kind: "string" | "list", size: number, limit: number) =>
    error(
      "BC3046",
      kind === "string"
        ? `this string would have ${size.toLocaleString("en-US")} characters, more than the limit of ${limit.toLocaleString("en-US")}`
        : `this list would have ${size.toLocaleString("en-US")} elements, more than the limit of ${limit.toLocaleString("en-US")}`,
      { label: "too large", help: "values this large cannot be sent to HealthOmics; build smaller ones" },
    ),
  /** `batch { maxRunsPerBatch = N }` with N not a whole number from 1 to 100,000. */
  badMaxRunsPerBatch: (why: string) =>
    error("BC3047", "`maxRunsPerBatch` is out of range", {
      label: "not from 1 to 100000",
      help: `${why}; a run batch holds at most 100,000 runs`,
    }),
  /**
   * A run's parameter, tag or field whose value is `null` at run time (not written `null`: that
   * is BC2051) while `defaults` (or a declared default) sets it: the run still gets the default.
   */
  nullOverDefault: (what: string): DiagnosticMessage => ({
    code: "BC3048",
    severity: "warning",
    message: `${what} is \`null\` in this run, but the run still gets the default value`,
    label: "is `null`: inherits the default",
    help: INHERITS_DEFAULT_HELP,
  }),
} as const;
