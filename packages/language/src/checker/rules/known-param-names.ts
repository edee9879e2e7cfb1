// Invariant: once `params` is declared, a `params { }` block (in a `run` or in `defaults`) sets
// only declared parameters, each to a value of its declared type.
// Counterexample: `params { fastq_r3 = s.r2 }` where only `fastq_r1` and `fastq_r2` are declared.
import type { MapBlock } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { CheckContext } from "../context.js";
import { checkExpression, inferExpression } from "../expressions.js";
import type { Scope } from "../scope.js";
import { checkUniqueKeys } from "./unique-keys.js";

/**
 * Checks one `params { }` block; adds the declared names it sets to `set`. `inherited` names the
 * parameters that have a default (a run may set them to `null`).
 */
export function checkParamValues(ctx: CheckContext, scope: Scope, block: MapBlock, set: Set<string>, inherited: ReadonlySet<string> = new Set()): void {
  const first = checkUniqueKeys(ctx, block.entries);
  for (const e of block.entries) {
    const name = e.key.name;
    const schema = ctx.params;
    if (name === "" || schema === undefined) {
      inferExpression(ctx, scope, e.value);
      if (name !== "") set.add(name);
      continue;
    }
    const param = schema.params.get(name);
    if (param === undefined) {
      ctx.report(names.unknownParameter(name, didYouMean(name, schema.params.keys())), e.key.span);
      inferExpression(ctx, scope, e.value);
      continue;
    }
    if (first.get(e) === true) set.add(name);
    // `null` leaves it unset: fine for an optional parameter, or one the run inherits a default for
    checkExpression(ctx, scope, e.value, param.type, { allowNull: param.optional || inherited.has(name) });
  }
}
