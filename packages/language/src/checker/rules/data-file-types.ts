// Invariant: the declared type of a `csv`/`tsv` call is a list of records whose fields are
// scalars (one column each); `json` may be declared with any type.
// Counterexample: `let xs: [string] = csv("samples.csv")`.
import type { CallExpression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { containsError, printType, type Type } from "../types.js";

const SCALAR = new Set(["string", "int", "float", "bool", "s3uri", "enum", "any", "error"]);

/** Whether rows of a table file can be converted to `t`. */
export function isTableType(t: Type): boolean {
  if (t.kind === "any" || t.kind === "error") return true;
  if (t.kind !== "list") return false;
  const row = t.element;
  if (row.kind === "any" || row.kind === "error") return true;
  if (row.kind !== "record") return false;
  for (const f of row.fields.values()) if (!SCALAR.has(f.type.kind)) return false;
  return true;
}

/** Checks the contextual type of a data-file call; true when the call may produce it. */
export function checkDataFileType(ctx: CheckContext, call: CallExpression, expected: Type): boolean {
  const fn = call.callee.name;
  if ((fn === "csv" || fn === "tsv") && !containsError(expected) && !isTableType(expected)) {
    ctx.report(names.dataFileType(fn, printType(expected)), call.span);
    return false;
  }
  return true;
}
