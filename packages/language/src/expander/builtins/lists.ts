// List and record built-ins: `len`, `range`, `zip`, `enumerate`, `flatten`, `unique`, `sort`,
// `keys`, plus deep equality and code-point string order (shared by `==`, `<`, `sort`, `glob`).
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { checkListSize, MAX_LIST } from "../limits.js";
import { codePointLength } from "@batchc/text";
import { isRecordValue, type Value } from "../../values.js";
import { BuiltinError, describeValue, kindOf } from "../errors.js";
import { expectInt, expectList, expectRecord } from "./args.js";

/** Lists longer than this are not built (ranges in `for` sources stay lazy and have no limit). */
export { MAX_LIST };

/** Orders strings by Unicode code point (not UTF-16 unit): astral characters sort after U+FFFF. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (D800–DFFF) encode code points above FFFF: move them above E000–FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Deep equality of values: lists element by element, records by keys regardless of order. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !deepEqual(a[k] as Value, b[k] as Value)) return false;
  }
  return true;
}

/** `len(x)`: elements of a list, code points of a string, fields of a record. */
export function len(x: Value): number {
  if (typeof x === "string") return codePointLength(x);
  if (Array.isArray(x)) return x.length;
  if (isRecordValue(x)) return Object.keys(x).length;
  throw new BuiltinError(codes.wrongType("argument 1 of `len`", "list", describeValue(x)), 0);
}

/** `range(a, b)`: the integers from `a` up to but not including `b`. */
export function range(a: Value, b: Value): number[] {
  const from = expectInt("range", 0, a);
  const to = expectInt("range", 1, b);
  return intRange(from, to - 1);
}

/** The integers from `from` to `to`, both included (empty when `to < from`), as `a..b`. */
export function intRange(from: number, to: number): number[] {
  const size = to - from + 1;
  if (size <= 0) return [];
  if (size > MAX_LIST) throw new BuiltinError(codes.rangeTooLarge(size, MAX_LIST));
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = from + i;
  return out;
}

/** `zip(xs, ys)`: pairs `[x, y]`, as many as the shorter list. */
export function zip(xs: Value, ys: Value): Value[] {
  const a = expectList("zip", 0, xs);
  const b = expectList("zip", 1, ys);
  const n = Math.min(a.length, b.length);
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) out[i] = [a[i] as Value, b[i] as Value];
  return out;
}

/** `enumerate(xs)`: pairs `[i, x]` with `i` from 0. */
export function enumerate(xs: Value): Value[] {
  const a = expectList("enumerate", 0, xs);
  return a.map((x, i) => [i, x]);
}

/** `flatten(xss)`: one level; elements that are not lists are kept as they are. */
export function flatten(xss: Value): Value[] {
  const a = expectList("flatten", 0, xss);
  let size = 0;
  for (const x of a) size += Array.isArray(x) ? x.length : 1;
  checkListSize(size);
  const out: Value[] = [];
  for (const x of a) {
    if (Array.isArray(x)) for (const y of x) out.push(y);
    else out.push(x);
  }
  return out;
}

/** `unique(xs)`: drops later duplicates (deep equality), keeping first occurrences in order. */
export function unique(xs: Value): Value[] {
  const a = expectList("unique", 0, xs);
  const seen = new Set<string | number | boolean | null>();
  // Lists and records by a canonical text (keys sorted): equal values, equal texts; linear.
  const objects = new Set<string>();
  const out: Value[] = [];
  for (const x of a) {
    if (typeof x === "object" && x !== null) {
      const key = canonicalText(x);
      if (objects.has(key)) continue;
      objects.add(key);
    } else {
      if (seen.has(x)) continue;
      seen.add(x);
    }
    out.push(x);
  }
  return out;
}

/** JSON text of a value with record keys sorted, so deeply equal values give equal texts. */
function canonicalText(v: Value): string {
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalText).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText((v as Record<string, Value>)[k] as Value)}`).join(",")}}`;
}

/** `sort(xs)`: numbers numerically, strings by code point; a mixed list is an error. Stable. */
export function sort(xs: Value): Value[] {
  const a = expectList("sort", 0, xs);
  if (a.length === 0) return [];
  const first = a[0] as Value;
  if (typeof first === "number" && a.every((x) => typeof x === "number")) return [...(a as number[])].sort((x, y) => x - y);
  if (typeof first === "string" && a.every((x) => typeof x === "string")) return [...(a as string[])].sort(compareStrings);
  const kinds = [...new Set(a.map((x) => (kindOf(x) === "float" ? "int" : kindOf(x))))].map((k) => (k === "int" ? "numbers" : `${k}s`));
  throw new BuiltinError(codes.cannotSort(kinds.length === 1 ? (kinds[0] as string) : `mixed ${kinds.join(" and ")}`), 0);
}

/** `keys(record)`: the field names, in order. */
export function keys(r: Value): string[] {
  return Object.keys(expectRecord("keys", 0, r));
}
