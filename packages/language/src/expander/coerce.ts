// Run-time type checks: the checker types every expression statically, but some values are
// only known at run time (`any` from `json()`, strings used as `s3uri` or enum values, `--var`
// text). `conform` checks a value against a declared type; `needsCheck` tells the compiler
// when the static type already guarantees it, so typed code pays nothing.
import type { DiagnosticMessage } from "../diagnostics/diagnostic.js";
import { isS3Uri, s3UriProblem } from "@batchc/model";
import { expand as codes } from "../diagnostics/codes/expand.js";
import { names } from "../diagnostics/codes/names.js";
import { printType, type Type } from "../checker/types.js";
import { isRecordValue, type Value } from "../values.js";
import { describeValue } from "./errors.js";

/** The one S3 URI grammar (`@batchc/model`), for the data-file and `--var` conversions too. */
export { isS3Uri, s3UriProblem };

/** Where and why a value does not fit a type. */
export interface Mismatch {
  /** Path inside the value, `[2].r1` style ("" for the value itself). */
  path: string;
  expected: Type;
  found: Value;
}

/** Returns the first place where `v` does not fit `type`, or undefined when it fits. */
export function mismatch(v: Value, type: Type, path = ""): Mismatch | undefined {
  switch (type.kind) {
    case "any":
    case "error":
      return undefined;
    case "never":
      return { path, expected: type, found: v };
    case "string":
      return typeof v === "string" ? undefined : { path, expected: type, found: v };
    case "s3uri":
      return typeof v === "string" && isS3Uri(v) ? undefined : { path, expected: type, found: v };
    case "int":
      return typeof v === "number" && Number.isInteger(v) ? undefined : { path, expected: type, found: v };
    case "float":
      return typeof v === "number" ? undefined : { path, expected: type, found: v };
    case "bool":
      return typeof v === "boolean" ? undefined : { path, expected: type, found: v };
    case "null":
      return v === null ? undefined : { path, expected: type, found: v };
    case "enum":
      return typeof v === "string" && type.values.includes(v) ? undefined : { path, expected: type, found: v };
    case "list": {
      if (!Array.isArray(v)) return { path, expected: type, found: v };
      for (let i = 0; i < v.length; i++) {
        const m = mismatch(v[i] as Value, type.element, `${path}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    case "record": {
      if (!isRecordValue(v)) return { path, expected: type, found: v };
      for (const [name, field] of type.fields) {
        const x = Object.hasOwn(v, name) ? (v[name] as Value) : undefined;
        if (x === undefined || (x === null && field.optional)) {
          if (field.optional) continue;
          return { path: `${path}.${name}`, expected: field.type, found: null };
        }
        const m = mismatch(x, field.type, `${path}.${name}`);
        if (m) return m;
      }
      return undefined;
    }
  }
}

/** The diagnostic for a mismatch: s3uri and enum problems get their own codes and help. */
export function mismatchMessage(m: Mismatch, what: string): DiagnosticMessage {
  const where = m.path === "" ? what : `${what} (at \`${m.path.replace(/^\./, "")}\`)`;
  if (typeof m.found === "string") {
    if (m.expected.kind === "s3uri") return names.invalidS3Uri(m.found, s3UriProblem(m.found), `for ${where}`);
    if (m.expected.kind === "enum") return codes.notInEnum(m.found, m.expected.values, where);
  }
  return codes.wrongType(where, printType(m.expected), describeValue(m.found));
}

/**
 * True when a value of static type `from` may not fit `to` and must be checked at run time.
 * An unknown static type (undefined) always needs a check.
 */
export function needsCheck(to: Type, from: Type | undefined): boolean {
  if (to.kind === "any" || to.kind === "error") return false;
  if (from === undefined) return true;
  if (from.kind === "never" || from.kind === "error") return false;
  switch (to.kind) {
    case "string":
      return !(from.kind === "string" || from.kind === "s3uri" || from.kind === "enum");
    case "s3uri":
      return from.kind !== "s3uri";
    case "int":
    case "bool":
    case "null":
      return from.kind !== to.kind;
    case "float":
      return !(from.kind === "int" || from.kind === "float");
    case "enum":
      return !(from.kind === "enum" && from.values.every((x) => to.values.includes(x)));
    case "list":
      return from.kind !== "list" || needsCheck(to.element, from.element);
    case "record": {
      if (from.kind !== "record") return true;
      for (const [name, f] of to.fields) {
        const g = from.fields.get(name);
        if (g === undefined) {
          if (!f.optional) return true;
          continue;
        }
        if (g.optional && !f.optional) return true;
        if (needsCheck(f.type, g.type)) return true;
      }
      return false;
    }
    case "never":
      return true;
  }
}


/**
 * A fast test of whether a value fits `type`, specialised once per declared type (the hot
 * checks are s3uri parameters built from templates and enum values). On failure, `mismatch`
 * explains why.
 */
export function fitsTest(type: Type): (v: Value) => boolean {
  switch (type.kind) {
    case "any":
    case "error":
      return () => true;
    case "string":
      return (v) => typeof v === "string";
    case "s3uri":
      return (v) => typeof v === "string" && isS3Uri(v);
    case "int":
      return (v) => typeof v === "number" && Number.isInteger(v);
    case "float":
      return (v) => typeof v === "number";
    case "bool":
      return (v) => typeof v === "boolean";
    case "null":
      return (v) => v === null;
    case "enum": {
      const values = new Set(type.values);
      return (v) => typeof v === "string" && values.has(v);
    }
    default:
      return (v) => mismatch(v, type) === undefined;
  }
}
