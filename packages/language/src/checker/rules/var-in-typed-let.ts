// Invariant: `var("name")` (the CLI's `--var name=value`) is the whole initializer of a `let`
// with a declared type, which gives the value its type; its argument is one string literal.
// Counterexample: `let n = var("n")` (no type), or `run var("id") { }`.
import type { CallExpression, Expression, LetStatement } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { inferExpression } from "../expressions.js";
import type { Scope } from "../scope.js";
import { ERROR, type Type } from "../types.js";

/** Whether an expression is a call of `var`. */
export function isVarCall(e: Expression): e is CallExpression {
  return e.kind === "CallExpression" && e.callee.name === "var";
}

/** Checks `let name: T = var("name")`; returns the binding's type (`T`). */
export function checkVarInitializer(ctx: CheckContext, scope: Scope, s: LetStatement, call: CallExpression, declared: Type | undefined): Type {
  for (const a of call.args) inferExpression(ctx, scope, a);
  if (declared === undefined) {
    ctx.report(names.misplacedVar(s.name.name === "" ? undefined : s.name.name), call.span);
    return ctx.typed(call, ERROR);
  }
  const [arg, ...rest] = call.args;
  if (arg === undefined || rest.length > 0 || arg.kind !== "StringLiteral") {
    if (arg === undefined || arg.kind !== "ErrorExpression") ctx.report(names.varArgument(), call.span);
  }
  return ctx.typed(call, declared);
}
