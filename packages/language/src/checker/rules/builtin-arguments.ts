// Invariant: a built-in is called with exactly its parameters, each argument of an accepted type.
// Counterexample: `split(s.name)` (no `sep`), or `pad("7", 3)`.
import type { CallExpression } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { printSignature, type Builtin } from "../builtins.js";
import type { CheckContext } from "../context.js";
import { containsError, printType, type Type } from "../types.js";

/**
 * Checks the arity and each argument's type (arguments already typed). True when the call is
 * well-formed; an argument of type `error` makes it false without a further report.
 */
export function checkArguments(ctx: CheckContext, call: CallExpression, builtin: Builtin, args: readonly Type[]): boolean {
  if (args.length !== builtin.params.length) {
    ctx.report(names.wrongArity(builtin.name, builtin.params.length, args.length, printSignature(builtin)), call.span);
    return false;
  }
  let ok = true;
  builtin.params.forEach((p, i) => {
    const t = args[i];
    const arg = call.args[i];
    if (t === undefined || arg === undefined) return;
    if (containsError(t)) ok = false;
    else if (t.kind !== "any" && !p.accepts(t)) {
      ctx.report(names.badArgument(builtin.name, p.name, p.type, printType(t)), arg.span);
      ok = false;
    }
  });
  return ok;
}
