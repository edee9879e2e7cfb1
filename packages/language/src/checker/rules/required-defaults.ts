// Invariant: a `defaults` block sets `workflowId` and `roleArn` (required by StartRunBatch).
// Counterexample: `defaults { workflowId = "1234567" }` (no `roleArn`).
import type { DefaultsBlock } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { DEFAULTS_SCHEMA } from "../block-schemas.js";
import type { CheckContext } from "../context.js";

/**
 * Reports the required fields a `defaults` block leaves out, at its keyword. A program without
 * any `defaults` block is left to the request emitter (the API's own required-field check).
 */
export function checkRequiredDefaults(ctx: CheckContext, block: DefaultsBlock): void {
  const set = new Set<string>();
  // a block written as `workflowId { }` is reported elsewhere; it still counts as set (no cascade)
  for (const e of block.entries) set.add(e.key.name);
  const missing = DEFAULTS_SCHEMA.required.filter((f) => !set.has(f));
  if (missing.length > 0) ctx.report(names.missingDefaultsFields(missing), block.keyword);
}
