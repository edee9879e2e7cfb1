// What built-ins that touch files or options see: the host, the `.batch` folder, `--var`
// values, caches shared by one expansion, and the data-file origins of rows and lines; and
// what one expansion's comprehensions share (the data lines they name cells in, and what
// their `where`s kept).
import type { Expression } from "../../ast/nodes.js";
import type { Type } from "../../checker/types.js";
import type { Host } from "../../host.js";
import type { Value } from "../../values.js";
import type { DataLines } from "../data-cell.js";
import type { TableRow } from "./table-scan.js";
import type { BuiltinError } from "../errors.js";
import type { DataOrigin } from "../run-spec.js";

/**
 * Where the elements of a list read from a data file came from: element i is on line
 * `lines[i]` (the rows of `csv`/`tsv`), or else `firstLine + i` (the lines of `lines()`).
 */
export interface ListOrigin {
  file: string;
  firstLine: number;
  lines?: Int32Array;
  /** The rows of `csv` (`,`) or `tsv` (a tab): how to find a row's cells again, for messages. */
  delimiter?: string;
}

/** State shared by every built-in call of one expansion. */
export interface ExpandContext {
  host: Host;
  /** Folder of the `.batch` file: data-file paths and glob patterns are relative to it. */
  baseDir: string;
  vars: Readonly<Record<string, string>>;
  /** The data-file lines of the lists that `csv`, `tsv` and `lines()` produced. */
  listOrigins: Map<Value[], ListOrigin>;
  /**
   * The data-file line of each row record of those lists, by the record: for a record that
   * reaches a loop other than through its own list. Built from `listOrigins` when first asked
   * (see `rowOrigin`); most expansions never need it.
   */
  rowOrigins: Map<object, DataOrigin>;
  /** How many entries of `listOrigins` `rowOrigins` holds the rows of. */
  rowOriginsFrom: number;
  /** Results (or the failure) of data-file calls, by function, path and declared type. */
  fileCache: Map<string, Value | BuiltinError>;
  /** File listings for `glob`, by folder. */
  listings: Map<string, readonly string[]>;
  /** The data files' lines read again to name cells in messages (of runs and comprehensions). */
  dataLines: DataLines;
  /** The `csv`/`tsv` files' rows read again to name an empty cell (BC3048), by delimiter and file. */
  dataTables: Map<string, readonly TableRow[] | undefined>;
  /**
   * The `where` of each comprehension, by its condition (one entry however often, and in how
   * many runs, the comprehension is evaluated): for the warning about one that keeps nothing.
   */
  comprehensionWheres: Map<Expression, WhereUse>;
}

/** Whether a `where` was ever evaluated (to true or false), and whether it ever held. */
export interface WhereUse {
  tested: boolean;
  kept: boolean;
}

/** One call site of a built-in: the shared context and the type its result must have. */
export interface CallSite {
  ctx: ExpandContext;
  /** The declared type of the result (`let xs: [Row] = csv(...)`), when there is one. */
  expected: Type | undefined;
  /** A stable text form of `expected`, for cache keys. */
  expectedKey: string;
}

/** A built-in as the evaluator calls it: evaluated arguments and the call site. */
export type BuiltinImpl = (args: readonly Value[], site: CallSite) => Value;

/** A fresh context with empty caches. */
export function createContext(host: Host, baseDir: string, vars: Readonly<Record<string, string>> = {}): ExpandContext {
  return {
    host,
    baseDir,
    vars,
    listOrigins: new Map(),
    rowOrigins: new Map(),
    rowOriginsFrom: 0,
    fileCache: new Map(),
    listings: new Map(),
    dataLines: new Map(),
    dataTables: new Map(),
    comprehensionWheres: new Map(),
  };
}

/** The data-file line of element `i` of a list with origin `o`. */
export function elementLine(o: ListOrigin, i: number): number {
  return o.lines !== undefined ? (o.lines[i] as number) : o.firstLine + i;
}

/** The data-file line of a row record of a `csv`/`tsv` list, or undefined. */
export function rowOrigin(ctx: ExpandContext, record: object): DataOrigin | undefined {
  if (ctx.rowOriginsFrom < ctx.listOrigins.size) {
    let i = 0;
    for (const [list, origin] of ctx.listOrigins) {
      if (i++ < ctx.rowOriginsFrom || origin.lines === undefined) continue;
      const { file, lines } = origin;
      list.forEach((row, j) => {
        if (typeof row === "object" && row !== null) ctx.rowOrigins.set(row, { file, line: lines[j] as number });
      });
    }
    ctx.rowOriginsFrom = ctx.listOrigins.size;
  }
  return ctx.rowOrigins.get(record);
}
