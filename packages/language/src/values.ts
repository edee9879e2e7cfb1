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

/** Short display form of a value for diagnostics (`S000123`, `"t2t"`, `[1, 2]`). */
export function displayValue(v: Value, max = 60): string {
  let s: string;
  if (typeof v === "string") s = JSON.stringify(v);
  else if (isRecordValue(v)) {
    s = `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${displayValue(x, 20)}`)
      .join(", ")} }`;
  } else if (Array.isArray(v)) s = `[${v.map((x) => displayValue(x, 20)).join(", ")}]`;
  else s = String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
