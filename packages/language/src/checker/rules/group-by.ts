// Invariant: `group_by(xs, FIELDS)` names its fields with a string literal or a list of string
// literals, and each is a field of the rows' record type where that type is known.
// Counterexample: `group_by(rows, "smaple")` on `[Row]`, or `group_by(rows, f)`.
import type { CallExpression, Expression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { CheckContext } from "../context.js";
import { ANY, ERROR, NULL, containsError, joinTypes, listOf, printType, type RecordFieldInfo, type Type } from "../types.js";

/** The field names of `group_by`'s second argument, or undefined when it is not literal. */
export function groupFields(e: Expression | undefined): { names: string[]; many: boolean } | undefined {
  if (e === undefined) return undefined;
  if (e.kind === "StringLiteral") return { names: [e.value], many: false };
  if (e.kind !== "ListLiteral" || e.elements.length === 0) return undefined;
  const out: string[] = [];
  for (const x of e.elements) {
    if (x.kind !== "StringLiteral") return undefined;
    out.push(x.value);
  }
  return { names: out, many: true };
}

/** The result type of a well-formed `group_by` call (argument types already checked). */
export function inferGroupBy(ctx: CheckContext, call: CallExpression, args: readonly Type[]): Type {
  const fieldArg = call.args[1];
  const fields = groupFields(fieldArg);
  if (fields === undefined) {
    if (fieldArg !== undefined) ctx.report(names.groupByFields(), fieldArg.span);
    return ERROR;
  }
  const xs = args[0] ?? ANY;
  const row = xs.kind === "list" ? xs.element : ANY;
  if (containsError(row)) return ERROR;
  const keyTypes: [string, Type][] = [];
  let ok = true;
  fields.names.forEach((name, i) => {
    if (row.kind !== "record") {
      keyTypes.push([name, ANY]);
      return;
    }
    const f = row.fields.get(name);
    if (f === undefined) {
      const at = fieldArg?.kind === "ListLiteral" ? (fieldArg.elements[i] ?? fieldArg) : (fieldArg as Expression);
      ctx.report(names.noSuchField(name, printType(row), didYouMean(name, row.fields.keys())), at.span);
      ok = false;
      return;
    }
    // an absent optional field groups under `null`
    keyTypes.push([name, f.optional ? (joinTypes(f.type, NULL) ?? ANY) : f.type]);
  });
  if (!ok) return ERROR;
  // the expander reads an absent optional field as `null` (it knows which from the row type)
  if (row.kind === "record") ctx.expectedTypes.set(call, row);
  const key: Type = fields.many
    ? { kind: "record", fields: new Map<string, RecordFieldInfo>(keyTypes.map(([k, t]) => [k, { type: t, optional: false }])) }
    : (keyTypes[0]?.[1] ?? ANY);
  const items = listOf(row.kind === "never" ? ANY : row);
  return listOf({
    kind: "record",
    fields: new Map<string, RecordFieldInfo>([
      ["key", { type: key, optional: false }],
      ["items", { type: items, optional: false }],
    ]),
  });
}
