// Invariant: tag values (in `tags` and `runTags`) are strings; other scalars are not converted
// silently, the template `"${x}"` says so.
// Counterexample: `runTags { lane = s.lane }` where `lane: int`.
import type { Expression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { inferExpression } from "../expressions.js";
import type { Scope } from "../scope.js";
import { containsError, isAssignable, printType, STRING } from "../types.js";

/** Types one tag value and reports it unless it is a string. */
export function checkTagValue(ctx: CheckContext, scope: Scope, value: Expression): void {
  const t = inferExpression(ctx, scope, value);
  // `null` leaves the tag unset (docs/language.md §8a)
  if (!containsError(t) && t.kind !== "null" && !isAssignable(t, STRING)) ctx.report(names.tagValueNotString(printType(t), ctx.text(value.span)), value.span);
}
