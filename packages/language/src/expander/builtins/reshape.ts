// Reshaping built-ins (docs/language.md §7b): `group_by`, `first`, `last`, `any`, `all`, `sum`,
// `count`. `group_by` keeps the order of first appearance and compares keys by deep equality.
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { isRecordValue, type RecordValue, type Value } from "../../values.js";
import { BuiltinError, describeValue } from "../errors.js";
import { expectList } from "./args.js";
import { rowOrigin, type CallSite } from "./context.js";
import { setKey } from "../records.js";
import { deepEqual } from "./lists.js";

/** The field names of `group_by`'s second argument: one string, or a non-empty list of strings. */
function fieldNames(v: Value): { names: string[]; many: boolean } {
  if (typeof v === "string") return { names: [v], many: false };
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")) return { names: v as string[], many: true };
  throw new BuiltinError(codes.wrongType("argument 2 of `group_by`", "string | [string]", describeValue(v)), 1);
}

/** A short hash-free bucket key for a group key: exact for scalars, JSON for the rest. */
function bucketOf(k: Value): string {
  return typeof k === "string" ? `s${k}` : typeof k === "object" && k !== null ? `o${JSON.stringify(k)}` : `${typeof k}${String(k)}`;
}

/** True when the checker typed the rows and `name` is an optional field of them. */
function optional(site: CallSite, name: string): boolean {
  const t = site.expected;
  return t?.kind === "record" && t.fields.get(name)?.optional === true;
}

/** `group_by(xs, fields)`: `[{ key, items }]` in order of first appearance. */
export function groupBy(xsValue: Value, fieldsValue: Value, site: CallSite): RecordValue[] {
  const xs = expectList("group_by", 0, xsValue);
  const { names, many } = fieldNames(fieldsValue);
  const out: RecordValue[] = [];
  const buckets = new Map<string, RecordValue[]>();
  for (const row of xs) {
    if (!isRecordValue(row)) throw new BuiltinError(codes.wrongType("an element of argument 1 of `group_by`", "record", describeValue(row)), 0);
    const parts: Value[] = [];
    for (const name of names) {
      if (!Object.hasOwn(row, name)) {
        if (optional(site, name)) {
          parts.push(null);
          continue;
        }
        const origin = rowOrigin(site.ctx, row);
        throw new BuiltinError(codes.groupByMissingField(name, Object.keys(row), origin === undefined ? undefined : `${origin.file}:${origin.line}`), 1, name);
      }
      parts.push(row[name] as Value);
    }
    let key: Value;
    if (many) {
      const r: RecordValue = {};
      names.forEach((n, i) => setKey(r, n, parts[i] as Value));
      key = r;
    } else key = parts[0] as Value;
    const bucket = bucketOf(key);
    let candidates = buckets.get(bucket);
    if (candidates === undefined) buckets.set(bucket, (candidates = []));
    let group = candidates.find((g) => deepEqual(g.key as Value, key));
    if (group === undefined) {
      group = { key, items: [] };
      candidates.push(group);
      out.push(group);
    }
    (group.items as Value[]).push(row);
  }
  return out;
}

/** `first(xs)` / `last(xs)`; an empty list is an error naming the call. */
export function firstOrLast(which: "first" | "last", xsValue: Value): Value {
  const xs = expectList(which, 0, xsValue);
  if (xs.length === 0) throw new BuiltinError(codes.emptyList(which));
  return (which === "first" ? xs[0] : xs[xs.length - 1]) as Value;
}

/** `any(xs)` (false on `[]`) and `all(xs)` (true on `[]`) over lists of bools. */
export function anyOrAll(which: "any" | "all", xsValue: Value): boolean {
  const xs = expectList(which, 0, xsValue);
  for (const x of xs) if (typeof x !== "boolean") throw new BuiltinError(codes.wrongType(`an element of argument 1 of \`${which}\``, "bool", describeValue(x)), 0);
  return which === "any" ? xs.some((x) => x === true) : xs.every((x) => x === true);
}

/** `sum(xs)`: 0 on `[]`. */
export function sum(xsValue: Value): number {
  const xs = expectList("sum", 0, xsValue);
  let total = 0;
  for (const x of xs) {
    if (typeof x !== "number") throw new BuiltinError(codes.wrongType("an element of argument 1 of `sum`", "int | float", describeValue(x)), 0);
    total += x;
  }
  return total;
}

/** `count(xs)` = `len(xs)` on lists. */
export function count(xsValue: Value): number {
  return expectList("count", 0, xsValue).length;
}
