// Invariant: the id of a `run` is a string (it becomes the `runSettingId`; non-empty and unique
// are checked by value during expansion).
// Counterexample: `for i in 1..3 { run i { } }`.
import type { RunStatement } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { inferExpression } from "../expressions.js";
import type { Scope } from "../scope.js";
import { containsError, isAssignable, printType, STRING } from "../types.js";

/** Types a run's id and reports it unless it is a string. */
export function checkRunId(ctx: CheckContext, scope: Scope, run: RunStatement): void {
  const t = inferExpression(ctx, scope, run.id);
  if (containsError(t) || isAssignable(t, STRING)) return;
  // `null` has nothing to convert: `"${null}"` would be the id "null".
  ctx.report(names.runIdNotString(printType(t), t.kind === "null" ? undefined : ctx.text(run.id.span)), run.id.span);
}
