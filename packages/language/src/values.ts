// Runtime values of the expander: plain JSON-like JavaScript values, so runs serialise fast.
// Integers and floats are both `number`; the checker keeps them apart statically.

export type Value = string | number | boolean | null | Value[] | RecordValue;

export interface RecordValue {
  [key: string]: Value;
}

export function isRecordValue(v: Value): v is RecordValue {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Converts a value to a string as `str()` and `${...}` do: strings as they are, others as JSON. */
export function valueToString(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  return JSON.stringify(v);
}

/**
 * Records of a data file with errors (a declared column missing, a cell that does not convert,
 * a row with the wrong number of cells): kept so the runs can still be counted, with each
 * unknown field a getter that aborts whatever reads it (see `unknownField`).
 */
const PARTIAL = new WeakSet<RecordValue>();

/** Makes `key` of `r` unknown: reading it calls `abort`, which throws. */
export function unknownField(r: RecordValue, key: string, abort: () => never): void {
  Object.defineProperty(r, key, { get: abort, enumerable: true, configurable: true });
  PARTIAL.add(r);
}

/** The fields of a record for messages, without reading an unknown one (it is `undefined`). */
export function shownFields(r: RecordValue): [string, Value | undefined][] {
  if (!PARTIAL.has(r)) return Object.entries(r);
  return Object.keys(r).map((k) => [k, Object.getOwnPropertyDescriptor(r, k)?.get === undefined ? r[k] : undefined]);
}

/** Short display form of a value for diagnostics (`S000123`, `"t2t"`, `[1, 2]`). */
export function displayValue(v: Value, max = 60): string {
  let s: string;
  if (typeof v === "string") s = JSON.stringify(v);
  else if (isRecordValue(v)) {
    s = `{ ${shownFields(v)
      .map(([k, x]) => `${k}: ${x === undefined ? "?" : displayValue(x, 20)}`)
      .join(", ")} }`;
  } else if (Array.isArray(v)) s = `[${v.map((x) => displayValue(x, 20)).join(", ")}]`;
  else s = String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
