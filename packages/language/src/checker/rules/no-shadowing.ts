// Invariant: a `let` or loop variable does not reuse a name visible from an enclosing block, nor
// one already declared in the same block (or the same `for`).
// Counterexample: `let ref = "hg38"` then `for ref in refs { ... }`.
import type { Identifier } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import type { Scope, ValueSymbol } from "../scope.js";
import type { Type } from "../types.js";

/**
 * Declares a name in a scope, reporting a redeclaration (the first one stays) or a shadowed
 * outer name (the inner one is still declared, so its uses are typed by it).
 */
export function declareValue(ctx: CheckContext, scope: Scope, id: Identifier, kind: ValueSymbol["kind"], type: Type): void {
  const name = id.name;
  if (name === "") return;
  const local = scope.lookupLocal(name);
  if (local !== undefined) {
    ctx.report(names.redeclared(name), id.span, { labels: [{ span: local.declaration.span, text: nameLabels.firstDeclared }] });
    return;
  }
  const outer = scope.lookupOuter(name);
  if (outer !== undefined) {
    ctx.report(names.shadowing(name), id.span, { labels: [{ span: outer.declaration.span, text: nameLabels.outerDeclaration(name) }] });
  }
  scope.declare({ name, kind, type, declaration: id });
}
