// Invariant: a `batch`, `defaults` or `run` block contains only its own fields (docs/language.md §3),
// each written as what it is: `name = value` for fields, `name { ... }` for blocks.
// Counterexample: `run "a" { outputURI = "s3://b/" }` (the field is `outputUri`);
// `run "a" { runGroupId = "1234567" }` (shared by every run: it belongs in `defaults`).
import type { BlockEntry } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { BlockSchema, EntrySpec } from "../block-schemas.js";
import type { CheckContext } from "../context.js";

/**
 * The spec of an entry, or undefined after reporting an unknown name or a field/block mix-up
 * (silently for recovered, empty names).
 */
export function knownEntry(ctx: CheckContext, entry: BlockEntry, schema: BlockSchema): EntrySpec | undefined {
  const name = entry.key.name;
  if (name === "") return undefined;
  const spec = schema.entries.get(name);
  if (spec === undefined) {
    const home = schema.elsewhere.get(name);
    if (home !== undefined) ctx.report(names.misplacedField(name, schema.keyword, home), entry.key.span);
    else ctx.report(names.unknownField(name, schema.keyword, didYouMean(name, schema.entries.keys())), entry.key.span);
    return undefined;
  }
  if (spec.kind === "field" && entry.kind === "MapBlock") {
    ctx.report(names.fieldAsBlock(name), entry.key.span);
    return undefined;
  }
  if (spec.kind !== "field" && entry.kind === "FieldAssignment") {
    ctx.report(names.blockAsField(name), entry.key.span);
    return undefined;
  }
  return spec;
}
