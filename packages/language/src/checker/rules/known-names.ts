// Invariant: a name used as a value is a visible `let` or loop variable (built-in functions are
// not values), and a call names a built-in function.
// Counterexample: `run smaple.id { }` where only `sample` is in scope.
import type { CallExpression, NameExpression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import { BUILTIN_NAMES, BUILTINS, type Builtin } from "../builtins.js";
import type { CheckContext } from "../context.js";
import type { Scope } from "../scope.js";
import { ERROR, type Type } from "../types.js";

/** The type of a name in scope, or `error` after reporting it (silently for recovered names). */
export function resolveName(ctx: CheckContext, scope: Scope, e: NameExpression): Type {
  const name = e.name.name;
  if (name === "") return ERROR;
  const symbol = scope.lookup(name);
  if (symbol !== undefined) {
    symbol.used = true;
    return symbol.type;
  }
  if (BUILTINS.has(name)) ctx.report(names.functionAsValue(name), e.name.span);
  else ctx.report(names.unknownName(name, didYouMean(name, scope.visibleNames())), e.name.span);
  return ERROR;
}

/** The built-in a call names, or undefined after reporting an unknown one. */
export function resolveCallee(ctx: CheckContext, scope: Scope, e: CallExpression): Builtin | undefined {
  const name = e.callee.name;
  if (name === "") return undefined;
  const builtin = BUILTINS.get(name);
  if (builtin !== undefined) return builtin;
  if (scope.lookup(name) !== undefined) ctx.report(names.notAFunction(name), e.callee.span);
  else ctx.report(names.unknownFunction(name, didYouMean(name, BUILTIN_NAMES)), e.callee.span);
  return undefined;
}
