// Argument checks for built-ins. The checker types arguments statically; these guard values
// typed `any` (from `json()`), so a wrong value is a diagnostic, never a crash.
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { isRecordValue, type RecordValue, type Value } from "../../values.js";
import { BuiltinError, describeValue } from "../errors.js";

function wrong(fn: string, i: number, expected: string, v: Value): BuiltinError {
  return new BuiltinError(codes.wrongType(`argument ${i + 1} of \`${fn}\``, expected, describeValue(v)), i);
}

export function expectString(fn: string, i: number, v: Value): string {
  if (typeof v !== "string") throw wrong(fn, i, "string", v);
  return v;
}

export function expectNumber(fn: string, i: number, v: Value): number {
  if (typeof v !== "number") throw wrong(fn, i, "float", v);
  return v;
}

export function expectInt(fn: string, i: number, v: Value): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw wrong(fn, i, "int", v);
  return v;
}

export function expectList(fn: string, i: number, v: Value): Value[] {
  if (!Array.isArray(v)) throw wrong(fn, i, "list", v);
  return v;
}

export function expectRecord(fn: string, i: number, v: Value): RecordValue {
  if (!isRecordValue(v)) throw wrong(fn, i, "record", v);
  return v;
}

export function expectStringList(fn: string, i: number, v: Value): string[] {
  const xs = expectList(fn, i, v);
  for (const x of xs) if (typeof x !== "string") throw wrong(fn, i, "[string]", v);
  return xs as string[];
}
