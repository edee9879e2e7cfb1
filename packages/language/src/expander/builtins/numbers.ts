// Number built-ins: `int`, `float`, `min`, `max`. Integers must stay exact (|n| <= 2^53 - 1).
import { expand as codes } from "../../diagnostics/codes/expand.js";
import type { Value } from "../../values.js";
import { BuiltinError, describeValue } from "../errors.js";
import { FLOAT, INT } from "./text-values.js";
import { compareStrings } from "./lists.js";

/** `int(x)`: floats truncate toward zero, strings must be written `-?\d+`, bools are 1 and 0. */
export function int(x: Value): number {
  if (typeof x === "number") {
    const v = Math.trunc(x);
    if (!Number.isSafeInteger(v)) throw new BuiltinError(codes.invalidConversion(String(x), "int", "integers are exact only up to 2^53"), 0);
    return v === 0 ? 0 : v;
  }
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "string") {
    const s = x.trim();
    if (!INT.test(s)) throw new BuiltinError(codes.invalidConversion(JSON.stringify(x), "int", "an `int` is written as digits with an optional `-`"), 0).about(x);
    const v = Number(s);
    if (!Number.isSafeInteger(v)) throw new BuiltinError(codes.invalidConversion(JSON.stringify(x), "int", "integers are exact only up to 2^53"), 0).about(x);
    return v === 0 ? 0 : v;
  }
  throw new BuiltinError(codes.invalidConversion(describeValue(x), "int"), 0);
}

/** `float(x)`: numbers as they are; strings written like `1.5`, `-3` or `2e3`. */
export function float(x: Value): number {
  if (typeof x === "number") return x;
  if (typeof x === "string") {
    const s = x.trim();
    const v = Number(s);
    if (!FLOAT.test(s) || !Number.isFinite(v)) {
      throw new BuiltinError(codes.invalidConversion(JSON.stringify(x), "float", "a `float` is written like `1.5`, `-3` or `2e3`"), 0).about(x);
    }
    return v;
  }
  throw new BuiltinError(codes.invalidConversion(describeValue(x), "float"), 0);
}

function order(fn: string, a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  throw new BuiltinError(codes.operandTypes(fn, describeValue(a), describeValue(b)));
}

/** `min(a, b)`: the smaller of two numbers (or strings, by code point); `a` on a tie. */
export function min(a: Value, b: Value): Value {
  return order("min", a, b) <= 0 ? a : b;
}

/** `max(a, b)`: the larger of two numbers (or strings, by code point); `a` on a tie. */
export function max(a: Value, b: Value): Value {
  return order("max", a, b) >= 0 ? a : b;
}
