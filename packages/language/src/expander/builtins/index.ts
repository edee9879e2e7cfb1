// The table of built-in functions (docs/language.md §7) as the evaluator calls them. The set of
// names must stay identical to the checker's signatures in `checker/builtins.ts`.
import type { Value } from "../../values.js";
import type { BuiltinImpl } from "./context.js";
import { csv, glob, json, lines, tsv } from "./files.js";
import { s3Glob } from "./s3-glob.js";
import { enumerate, flatten, keys, len, range, sort, unique, zip } from "./lists.js";
import { float, int, max, min } from "./numbers.js";
import { pairReads } from "./pair-reads.js";
import { anyOrAll, count, firstOrLast, groupBy, sum } from "./reshape.js";
import { basename, dirname, stem } from "./paths.js";
import { join, lower, match, matches, pad, replace, split, str, trim, upper } from "./strings.js";
import { varBuiltin } from "./var.js";

export { csv, glob, json, lines, tsv, splitLines, resolvePath } from "./files.js";
export { parseDelimited, readTable, tableToRecords } from "./csv.js";
export { compareStrings, deepEqual, enumerate, flatten, intRange, keys, len, range, sort, unique, zip, MAX_LIST } from "./lists.js";
export { float, int, max, min } from "./numbers.js";
export { pairReads, readMate } from "./pair-reads.js";
export { anyOrAll, count, firstOrLast, groupBy, sum } from "./reshape.js";
export { basename, dirname, stem } from "./paths.js";
export { join, lower, match, matches, pad, replace, split, str, trim, upper } from "./strings.js";
export { convertVar, varBuiltin } from "./var.js";
export { createContext, type BuiltinImpl, type CallSite, type ExpandContext, type ListOrigin } from "./context.js";

const a0 = (args: readonly Value[]): Value => args[0] as Value;
const a1 = (args: readonly Value[]): Value => args[1] as Value;
const a2 = (args: readonly Value[]): Value => args[2] as Value;

/** Every built-in by name. */
export const BUILTIN_IMPLS: ReadonlyMap<string, BuiltinImpl> = new Map<string, BuiltinImpl>([
  // data files
  ["csv", csv],
  ["tsv", tsv],
  ["json", json],
  ["lines", lines],
  ["glob", glob],
  ["s3_glob", s3Glob],
  // strings
  ["str", (a) => str(a0(a))],
  ["lower", (a) => lower(a0(a))],
  ["upper", (a) => upper(a0(a))],
  ["trim", (a) => trim(a0(a))],
  ["replace", (a) => replace(a0(a), a1(a), a2(a))],
  ["split", (a) => split(a0(a), a1(a))],
  ["join", (a) => join(a0(a), a1(a))],
  ["pad", (a) => pad(a0(a), a1(a))],
  ["matches", (a) => matches(a0(a), a1(a))],
  ["match", (a) => match(a0(a), a1(a))],
  // paths and URIs
  ["basename", (a) => basename(a0(a))],
  ["dirname", (a) => dirname(a0(a))],
  ["stem", (a) => stem(a0(a))],
  // lists
  ["len", (a) => len(a0(a))],
  ["range", (a) => range(a0(a), a1(a))],
  ["zip", (a) => zip(a0(a), a1(a))],
  ["enumerate", (a) => enumerate(a0(a))],
  ["flatten", (a) => flatten(a0(a))],
  ["unique", (a) => unique(a0(a))],
  ["sort", (a) => sort(a0(a))],
  ["keys", (a) => keys(a0(a))],
  // reshaping
  ["group_by", (a, site) => groupBy(a0(a), a1(a), site)],
  ["first", (a) => firstOrLast("first", a0(a))],
  ["last", (a) => firstOrLast("last", a0(a))],
  ["any", (a) => anyOrAll("any", a0(a))],
  ["all", (a) => anyOrAll("all", a0(a))],
  ["sum", (a) => sum(a0(a))],
  ["count", (a) => count(a0(a))],
  // numbers
  ["int", (a) => int(a0(a))],
  ["float", (a) => float(a0(a))],
  ["min", (a) => min(a0(a), a1(a))],
  ["max", (a) => max(a0(a), a1(a))],
  // genomics
  ["pair_reads", (a) => pairReads(a0(a))],
  // command line
  ["var", varBuiltin],
]);

/** Built-ins whose result depends on a declared type (`let xs: [Row] = csv(...)`). */
export const TYPED_BUILTINS: ReadonlySet<string> = new Set(["csv", "tsv", "json", "lines", "var"]);
