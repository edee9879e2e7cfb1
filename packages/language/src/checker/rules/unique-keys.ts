// Invariant: a block (`defaults`, `run`, `batch`, `tags`, `runTags`, `params`) sets each field or
// key at most once.
// Counterexample: `runTags { sample = s.id, sample = s.name }`.
import type { BlockEntry, Key } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

/**
 * Reports every repeated key (with a label at its first use) and returns whether each entry is
 * the first of its key. Entries with a recovered (empty) key are neither first nor reported.
 */
export function checkUniqueKeys<E extends BlockEntry>(ctx: CheckContext, entries: readonly E[]): Map<E, boolean> {
  const seen = new Map<string, Key>();
  const out = new Map<E, boolean>();
  for (const e of entries) {
    const name = e.key.name;
    if (name === "") {
      out.set(e, false);
      continue;
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      ctx.report(names.duplicateField(name), e.key.span, { labels: [{ span: prev.span, text: nameLabels.firstSet }] });
      out.set(e, false);
      continue;
    }
    seen.set(name, e.key);
    out.set(e, true);
  }
  return out;
}
