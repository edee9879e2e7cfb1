// Invariant: the condition of an `if` (statement or expression) and of a `where` is a `bool`.
// Counterexample: `for s in samples where s.name { ... }`.
import type { Expression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { containsError, printType, type Type } from "../types.js";

/** Reports a condition `e` of type `t` unless it is `bool` (or `any`/`error`). */
export function checkCondition(ctx: CheckContext, t: Type, e: Expression): void {
  if (t.kind !== "bool" && t.kind !== "any" && !containsError(t)) ctx.report(names.conditionNotBool(printType(t)), e.span);
}
