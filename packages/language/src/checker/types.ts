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
