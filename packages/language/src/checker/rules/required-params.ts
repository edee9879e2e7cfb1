// Invariant: every run sets each required parameter (not optional, without a declared
// default), in its own `params` block or through `defaults { params { } }`.
// Counterexample: `params { sample_id: string }` and `run "a" { }`.
import type { RunStatement } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

/** Reports the required parameters a run leaves unset (none when parameters are unchecked). */
export function checkRequiredParams(ctx: CheckContext, run: RunStatement, set: ReadonlySet<string>, fromDefaults: ReadonlySet<string>): void {
  const schema = ctx.params;
  if (schema === undefined) return;
  const missing: string[] = [];
  for (const p of schema.params.values()) {
    if (p.optional || p.default !== undefined || set.has(p.name) || fromDefaults.has(p.name)) continue;
    missing.push(p.name);
  }
  if (missing.length > 0) ctx.report(names.missingParameters(missing), run.keyword);
}
