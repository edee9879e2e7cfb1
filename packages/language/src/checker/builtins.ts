// The built-in functions (docs/language.md §7) as data: name, parameters, result type. The checker
// types calls with it; the expander imports the same names for its implementations.
import {
  ANY,
  BOOL,
  ERROR,
  FLOAT,
  INT,
  STRING,
  isAssignable,
  isNumeric,
  isOpaque,
  isStringLike,
  joinTypes,
  listOf,
  type RecordFieldInfo,
  type Type,
} from "./types.js";

/** One parameter of a built-in. */
export interface BuiltinParam {
  name: string;
  /** The accepted type as written in messages and docs (`string`, `[T]`, `int | float`). */
  type: string;
  /** Whether an argument of this type is accepted (`any` and `error` always are). */
  accepts(t: Type): boolean;
}

/** The signature of one built-in function. */
export interface Builtin {
  name: string;
  params: readonly BuiltinParam[];
  /** The result type as written in docs (`[string]`). */
  returns: string;
  /** The result type from the (accepted) argument types. */
  result(args: readonly Type[]): Type;
  /** Reads files relative to the `.batch` file (`csv`, `glob`, ...). */
  readsFiles: boolean;
  /**
   * Takes its result type from the context: `let xs: [Row] = csv("f")` has type `[Row]`
   * (recorded in `CheckedProgram.expectedTypes`); `var` takes the `let`'s declared type.
   */
  contextual: boolean;
}

const string = (name: string): BuiltinParam => ({ name, type: "string", accepts: (t) => isAssignable(t, STRING) });
const int = (name: string): BuiltinParam => ({ name, type: "int", accepts: (t) => isAssignable(t, INT) });
const number = (name: string): BuiltinParam => ({ name, type: "int | float", accepts: (t) => isAssignable(t, FLOAT) });
const anyValue = (name: string): BuiltinParam => ({ name, type: "any", accepts: () => true });
const list = (name: string): BuiltinParam => ({ name, type: "[T]", accepts: (t) => t.kind === "list" || isOpaque(t) });

/** The element type of a list argument (`any` when unknown). */
const elementOf = (t: Type | undefined): Type => (t?.kind === "list" ? t.element : t?.kind === "error" ? ERROR : ANY);

/** A list of pairs: the element type of the pairs is the join of both sides, else `any`. */
const pairsOf = (a: Type, b: Type): Type => {
  const j = a.kind === "never" ? b : b.kind === "never" ? a : joinTypes(a, b);
  return listOf(listOf(j === undefined || j.kind === "never" ? ANY : j));
};

const fields = (entries: [string, Type][]): ReadonlyMap<string, RecordFieldInfo> =>
  new Map(entries.map(([k, t]) => [k, { type: t, optional: false }]));

/** The record type of one `pair_reads` element. */
export const PAIRED_READS: Type = {
  kind: "record",
  fields: new Map([
    ...fields([
      ["sample", STRING],
      ["r1", STRING],
      ["r2", STRING],
      ["base", STRING],
    ]),
    ["lane", { type: STRING, optional: true }],
  ]),
};

function builtin(
  name: string,
  params: BuiltinParam[],
  returns: string,
  result: Type | ((args: readonly Type[]) => Type),
  extra: { readsFiles?: boolean; contextual?: boolean } = {},
): Builtin {
  return {
    name,
    params,
    returns,
    result: typeof result === "function" ? result : () => result,
    readsFiles: extra.readsFiles ?? false,
    contextual: extra.contextual ?? false,
  };
}

const boolList = (name: string): BuiltinParam => ({
  name,
  type: "[bool]",
  accepts: (t) => isOpaque(t) || (t.kind === "list" && (t.element.kind === "bool" || isOpaque(t.element) || t.element.kind === "never")),
});

/** The element type of a list argument; `any` for an empty list literal. */
const elementOrAny = (t: Type | undefined): Type => {
  const e = elementOf(t);
  return e.kind === "never" ? ANY : e;
};

const sortable = (t: Type): boolean => isNumeric(t) || isStringLike(t) || isOpaque(t) || t.kind === "never";

const table: Builtin[] = [
  // data files; without a declared type `csv`/`tsv` rows are `any` (every cell a string at run time)
  builtin("csv", [string("path")], "[any]", listOf(ANY), { readsFiles: true, contextual: true }),
  builtin("tsv", [string("path")], "[any]", listOf(ANY), { readsFiles: true, contextual: true }),
  builtin("json", [string("path")], "any", ANY, { readsFiles: true, contextual: true }),
  builtin("lines", [string("path")], "[string]", listOf(STRING), { readsFiles: true }),
  builtin("glob", [string("pattern")], "[string]", listOf(STRING), { readsFiles: true }),
  builtin("s3_glob", [string("pattern")], "[string]", listOf(STRING), { readsFiles: true }),
  // strings
  builtin("str", [anyValue("x")], "string", STRING),
  builtin("lower", [string("s")], "string", STRING),
  builtin("upper", [string("s")], "string", STRING),
  builtin("trim", [string("s")], "string", STRING),
  builtin("replace", [string("s"), string("old"), string("new")], "string", STRING),
  builtin("split", [string("s"), string("sep")], "[string]", listOf(STRING)),
  builtin("join", [list("xs"), string("sep")], "string", STRING),
  builtin("pad", [int("n"), int("width")], "string", STRING),
  builtin("matches", [string("s"), string("regex")], "bool", BOOL),
  // `match` gives `null` when there is no match; nullable types are not representable, so
  // it is `any` (checked by value where it is used)
  builtin("match", [string("s"), string("regex")], "[string] | null", ANY),
  // paths and URIs
  builtin("basename", [string("p")], "string", STRING),
  builtin("dirname", [string("p")], "string", STRING),
  builtin("stem", [string("p")], "string", STRING),
  // lists
  builtin(
    "len",
    [{ name: "x", type: "[T] | string | record", accepts: (t) => t.kind === "list" || t.kind === "record" || isStringLike(t) || isOpaque(t) }],
    "int",
    INT,
  ),
  builtin("range", [int("start"), int("end")], "[int]", listOf(INT)),
  builtin("zip", [list("xs"), list("ys")], "[[T | U]]", (a) => pairsOf(elementOf(a[0]), elementOf(a[1]))),
  builtin("enumerate", [list("xs")], "[[int | T]]", (a) => pairsOf(INT, elementOf(a[0]))),
  builtin(
    "flatten",
    [{ name: "xs", type: "[[T]]", accepts: (t) => isOpaque(t) || (t.kind === "list" && (t.element.kind === "list" || isOpaque(t.element) || t.element.kind === "never")) }],
    "[T]",
    (a) => {
      const e = elementOf(a[0]);
      return e.kind === "list" ? e : listOf(e.kind === "never" ? e : ANY);
    },
  ),
  builtin("unique", [list("xs")], "[T]", (a) => a[0] ?? ANY),
  builtin(
    "sort",
    [{ name: "xs", type: "[string] | [int] | [float]", accepts: (t) => isOpaque(t) || (t.kind === "list" && sortable(t.element)) }],
    "[T]",
    (a) => a[0] ?? ANY,
  ),
  builtin(
    "keys",
    [{ name: "r", type: "record", accepts: (t) => t.kind === "record" || isOpaque(t) }],
    "[string]",
    listOf(STRING),
  ),
  // reshaping (§7b); `group_by`'s result is typed from its field names by the checker
  builtin("group_by", [list("xs"), { name: "fields", type: "string | [string]", accepts: (t) => isAssignable(t, STRING) || isAssignable(t, listOf(STRING)) }], "[{ key: K, items: [T] }]", listOf(ANY)),
  builtin("first", [list("xs")], "T", (a) => elementOrAny(a[0])),
  builtin("last", [list("xs")], "T", (a) => elementOrAny(a[0])),
  builtin("any", [boolList("xs")], "bool", BOOL),
  builtin("all", [boolList("xs")], "bool", BOOL),
  builtin(
    "sum",
    [{ name: "xs", type: "[int] | [float]", accepts: (t) => isOpaque(t) || (t.kind === "list" && (isNumeric(t.element) || isOpaque(t.element) || t.element.kind === "never")) }],
    "int | float",
    (a) => {
      const e = elementOf(a[0]);
      return e.kind === "int" || e.kind === "never" ? INT : e.kind === "float" ? FLOAT : ANY;
    },
  ),
  builtin("count", [list("xs")], "int", INT),
  // numbers
  builtin(
    "int",
    [{ name: "x", type: "string | int | float", accepts: (t) => isAssignable(t, STRING) || isNumeric(t) }],
    "int",
    INT,
  ),
  builtin(
    "float",
    [{ name: "x", type: "string | int | float", accepts: (t) => isAssignable(t, STRING) || isNumeric(t) }],
    "float",
    FLOAT,
  ),
  builtin("min", [number("a"), number("b")], "int | float", (a) => (a[0]?.kind === "int" && a[1]?.kind === "int" ? INT : FLOAT)),
  builtin("max", [number("a"), number("b")], "int | float", (a) => (a[0]?.kind === "int" && a[1]?.kind === "int" ? INT : FLOAT)),
  // genomics
  builtin("pair_reads", [{ name: "files", type: "[string]", accepts: (t) => isAssignable(t, listOf(STRING)) }], "[{ sample: string, r1: string, r2: string, base: string, lane?: string }]", listOf(PAIRED_READS)),
  // the CLI's `--var name=value`; only as `let name: T = var("name")`
  builtin("var", [string("name")], "T", ANY, { contextual: true }),
];

/** Every built-in function by name. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(table.map((b) => [b.name, b]));

/** The built-in function names, in the order of docs/language.md §7. */
export const BUILTIN_NAMES: readonly string[] = table.map((b) => b.name);

/** The data-file built-ins whose result type may come from a `let` annotation. */
export const DATA_FILE_BUILTINS: readonly string[] = ["csv", "tsv", "json"];

/** `name(a: A, b: B) -> R`, for messages. */
export function printSignature(b: Builtin): string {
  return `${b.name}(${b.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) -> ${b.returns}`;
}
