// Warning: every `let` and loop variable (of a `for` or a comprehension) is read somewhere.
// A name starting with `_` is exempt: it says "unused on purpose" (`for (_i, r) in ...`).
// Counterexample: `let refs = ["hg38"]` and no use of `refs`.
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import type { ValueSymbol } from "../scope.js";

/** Reports each declared symbol that no expression read. */
export function checkUnusedNames(ctx: CheckContext, declared: readonly ValueSymbol[]): void {
  for (const s of declared) {
    if (s.used === true || s.name.startsWith("_")) continue;
    ctx.report(names.unusedName(s.name, s.kind), s.declaration.span);
  }
}
