// What built-ins that touch files or options see: the host, the `.batch` folder, `--var`
// values, caches shared by one expansion, and the data-file origins of rows and lines.
import type { Type } from "../../checker/types.js";
import type { Host } from "../../host.js";
import type { Value } from "../../values.js";
import type { BuiltinError } from "../errors.js";
import type { DataOrigin } from "../run-spec.js";

/** Where the elements of a list read by `lines()` came from: element i is on line `firstLine + i`. */
export interface ListOrigin {
  file: string;
  firstLine: number;
}

/** State shared by every built-in call of one expansion. */
export interface ExpandContext {
  host: Host;
  /** Folder of the `.batch` file: data-file paths and glob patterns are relative to it. */
  baseDir: string;
  vars: Readonly<Record<string, string>>;
  /**
   * The data-file line of every row record that `csv`/`tsv` produced. A Map, not a WeakMap:
   * it lives as long as the expansion (which caches the rows anyway) and is much cheaper.
   */
  rowOrigins: Map<object, DataOrigin>;
  /** The data-file lines of lists that `lines()` produced. */
  listOrigins: Map<Value[], ListOrigin>;
  /** Results (or the failure) of data-file calls, by function, path and declared type. */
  fileCache: Map<string, Value | BuiltinError>;
  /** File listings for `glob`, by folder. */
  listings: Map<string, readonly string[]>;
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
    rowOrigins: new Map(),
    listOrigins: new Map(),
    fileCache: new Map(),
    listings: new Map(),
  };
}
