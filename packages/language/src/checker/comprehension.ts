// List comprehensions (docs/language.md §7b): `[EXPR for x in XS, y in YS where COND]`. The sources,
// destructuring and filter are typed exactly as a `for` statement's; the variables live in a scope
// of their own (the brackets), under the same no-shadowing rule.
import type { Expression, ListComprehension } from "../ast/nodes.js";
import type { CheckContext } from "./context.js";
import { checkCondition } from "./rules/bool-conditions.js";
import { checkForSource } from "./rules/iterable-sources.js";
import { declareValue } from "./rules/no-shadowing.js";
import type { Scope } from "./scope.js";
import { ANY, ERROR, containsError, listOf, type Type } from "./types.js";

/** How an expression is typed (`inferExpression`, given by its caller). */
type Infer = (ctx: CheckContext, scope: Scope, e: Expression) => Type;

/** The type of a comprehension: a list of its element expression's type. */
export function inferComprehension(ctx: CheckContext, scope: Scope, e: ListComprehension, inferExpression: Infer): Type {
  const inner = scope.child();
  for (const src of e.sources) {
    const names = checkForSource(ctx, src, inferExpression(ctx, inner, src.iterable));
    src.names.forEach((id, i) => declareValue(ctx, inner, id, "loop", names[i] as Type));
  }
  if (e.where !== undefined) checkCondition(ctx, inferExpression(ctx, inner, e.where), e.where);
  const element = inferExpression(ctx, inner, e.element);
  if (element.kind === "error") return ERROR;
  return listOf(containsError(element) ? ANY : element);
}
