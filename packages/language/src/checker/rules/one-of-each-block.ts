// Invariant: a program has at most one `batch`, one `defaults` and one `params` statement.
// Counterexample: `defaults { workflowId = "1" }` followed by `defaults { roleArn = "arn:x" }`.
import type { BatchBlock, DefaultsBlock, ParamsBlock, Program } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

/** The first top-level block of each kind (the ones that count). */
export interface TopLevelBlocks {
  batch: BatchBlock | undefined;
  defaults: DefaultsBlock | undefined;
  params: ParamsBlock | undefined;
}

const KEYWORDS = { BatchBlock: "batch", DefaultsBlock: "defaults", ParamsBlock: "params" } as const;

/** Finds the top-level blocks, reporting every repeat with a label at the first. */
export function checkOneOfEachBlock(ctx: CheckContext, program: Program): TopLevelBlocks {
  const found: TopLevelBlocks = { batch: undefined, defaults: undefined, params: undefined };
  for (const s of program.statements) {
    if (s.kind !== "BatchBlock" && s.kind !== "DefaultsBlock" && s.kind !== "ParamsBlock") continue;
    const keyword = KEYWORDS[s.kind];
    const first = found[keyword];
    if (first !== undefined) {
      ctx.report(names.duplicateBlock(keyword), s.keyword, { labels: [{ span: first.keyword, text: nameLabels.firstBlock(keyword) }] });
      continue;
    }
    if (s.kind === "BatchBlock") found.batch = s;
    else if (s.kind === "DefaultsBlock") found.defaults = s;
    else found.params = s;
  }
  return found;
}
