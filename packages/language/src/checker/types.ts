// Semantic types: what the checker computes for declarations and expressions.
// Type expressions in the AST (`ast/nodes.ts`) resolve to these.

export type Type =
  | { kind: "string" }
  | { kind: "int" }
  | { kind: "float" }
  | { kind: "bool" }
  | { kind: "s3uri" }
  | { kind: "null" }
  | { kind: "any" }
  /** The element type of an empty list literal: assignable to everything. */
  | { kind: "never" }
  /** A type that could not be computed because of an earlier error: never reported again. */
  | { kind: "error" }
  | { kind: "list"; element: Type }
  | RecordTypeInfo
  /** A union of string literals `"a" | "b"`; a single literal type has one value. */
  | { kind: "enum"; values: readonly string[] };

export interface RecordTypeInfo {
  kind: "record";
  /** Fields in declaration order. */
  fields: ReadonlyMap<string, RecordFieldInfo>;
  /** Alias name, for messages (`Sample`). */
  name?: string;
}

export interface RecordFieldInfo {
  type: Type;
  optional: boolean;
}

export const STRING: Type = { kind: "string" };
export const INT: Type = { kind: "int" };
export const FLOAT: Type = { kind: "float" };
export const BOOL: Type = { kind: "bool" };
export const S3URI: Type = { kind: "s3uri" };
export const NULL: Type = { kind: "null" };
export const ANY: Type = { kind: "any" };
export const NEVER: Type = { kind: "never" };
export const ERROR: Type = { kind: "error" };

export function listOf(element: Type): Type {
  return { kind: "list", element };
}

/** Renders a type as it is written in `.batch` source. */
export function printType(t: Type): string {
  switch (t.kind) {
    case "list":
      return `[${printType(t.element)}]`;
    case "record":
      if (t.name) return t.name;
      return `{ ${[...t.fields].map(([k, f]) => `${k}${f.optional ? "?" : ""}: ${printType(f.type)}`).join(", ")} }`;
    case "enum":
      return t.values.map((v) => JSON.stringify(v)).join(" | ");
    case "never":
      return "never";
    case "error":
      return "<error>";
    default:
      return t.kind;
  }
}

// ---- Helpers (assignability, joins) used by the checker and the expander ----

/** The enum of the given string values (duplicates dropped, order kept). */
export function enumOf(values: Iterable<string>): Type {
  return { kind: "enum", values: [...new Set(values)] };
}

/** True for `int` and `float`. */
export function isNumeric(t: Type): boolean {
  return t.kind === "int" || t.kind === "float";
}

/** True for the string-valued types: `string`, `s3uri` and string-literal unions. */
export function isStringLike(t: Type): boolean {
  return t.kind === "string" || t.kind === "s3uri" || t.kind === "enum";
}

/** True for `any` and `error`: types about which nothing more can be said (or reported). */
export function isOpaque(t: Type): boolean {
  return t.kind === "any" || t.kind === "error";
}

/**
 * Whether a value of type `source` is accepted where `target` is expected.
 * `int` goes to `float`, `never` and `any` go anywhere, `s3uri` and unions go to `string`,
 * a `string` goes to `s3uri` or to a union (its value is checked during expansion),
 * lists are covariant, records structural (extra fields allowed; a required field must be
 * present and required in the source). `error` is assignable both ways (never reported twice).
 */
export function isAssignable(source: Type, target: Type): boolean {
  if (source.kind === "error" || target.kind === "error") return true;
  if (source.kind === "any" || source.kind === "never" || target.kind === "any") return true;
  switch (target.kind) {
    case "string":
    case "s3uri":
      return isStringLike(source);
    case "float":
      return isNumeric(source);
    case "int":
    case "bool":
    case "null":
      return source.kind === target.kind;
    case "never":
      return false;
    case "enum":
      return source.kind === "string" || (source.kind === "enum" && source.values.every((v) => target.values.includes(v)));
    case "list":
      return source.kind === "list" && isAssignable(source.element, target.element);
    case "record": {
      if (source.kind !== "record") return false;
      for (const [name, field] of target.fields) {
        const s = source.fields.get(name);
        if (s === undefined) {
          if (!field.optional) return false;
          continue;
        }
        if (s.optional && !field.optional) return false;
        if (!(field.optional && s.type.kind === "null") && !isAssignable(s.type, field.type)) return false;
      }
      return true;
    }
  }
}

/**
 * The least type both `a` and `b` are assignable to, for list elements and `if` branches,
 * or undefined when there is none. `int`/`float` join to `float`, string-like types to
 * `string` (two unions to their union). Nullable types are not representable, so `null`
 * with another type joins to `any`: `if c then null else "x"` is accepted wherever a value
 * is, and checked by value there (the expander relies on static types being exact).
 */
export function joinTypes(a: Type, b: Type): Type | undefined {
  if (a.kind === "error" || b.kind === "error") return ERROR;
  if (a.kind === "never") return b;
  if (b.kind === "never") return a;
  if (a.kind === "null" || b.kind === "null") return a.kind === b.kind ? a : ANY;
  if (a.kind === "any" || b.kind === "any") return ANY;
  if (isNumeric(a) && isNumeric(b)) return a.kind === b.kind ? a : FLOAT;
  if (isStringLike(a) && isStringLike(b)) {
    if (a.kind === "enum" && b.kind === "enum") return enumOf([...a.values, ...b.values]);
    return a.kind === b.kind && a.kind !== "enum" ? a : STRING;
  }
  if (a.kind === "bool" && b.kind === "bool") return a;
  if (a.kind === "list" && b.kind === "list") {
    const element = joinTypes(a.element, b.element);
    return element === undefined ? undefined : listOf(element);
  }
  if (a.kind === "record" && b.kind === "record") {
    if (isAssignable(b, a)) return a;
    if (isAssignable(a, b)) return b;
    return undefined;
  }
  return undefined;
}

/** Whether `==`/`!=` may compare the two types: one assignable to the other, or `null`. */
export function isComparable(a: Type, b: Type): boolean {
  return a.kind === "null" || b.kind === "null" || isAssignable(a, b) || isAssignable(b, a);
}

/** The element type of a list type, `any` for `any`, `error` for `error`, else undefined. */
export function elementType(t: Type): Type | undefined {
  if (t.kind === "list") return t.element;
  if (t.kind === "any" || t.kind === "error") return t;
  return undefined;
}

/** Whether a type is `error` or has an `error` part (a list of errors, a record with an error field). */
export function containsError(t: Type): boolean {
  if (t.kind === "error") return true;
  if (t.kind === "list") return containsError(t.element);
  if (t.kind === "record") for (const f of t.fields.values()) if (containsError(f.type)) return true;
  return false;
}
