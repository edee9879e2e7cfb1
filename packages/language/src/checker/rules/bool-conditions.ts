// Invariant: the condition of an `if` (statement or expression) and of a `where` is a `bool`.
// Counterexample: `for s in samples where s.name { ... }`.
import type { Expression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { inferExpression } from "../expressions.js";
import type { Scope } from "../scope.js";
import { containsError, printType } from "../types.js";

/** Types a condition and reports it unless it is `bool` (or `any`/`error`). */
export function checkCondition(ctx: CheckContext, scope: Scope, e: Expression | undefined): void {
  if (e === undefined) return;
  const t = inferExpression(ctx, scope, e);
  if (t.kind !== "bool" && t.kind !== "any" && !containsError(t)) ctx.report(names.conditionNotBool(printType(t)), e.span);
}
