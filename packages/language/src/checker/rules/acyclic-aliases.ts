// Invariant: a type alias never refers to itself, directly or through other aliases
// (recursive types are not supported).
// Counterexample: `type A = { next: B }` with `type B = [A]`.
import type { TypeAlias } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

const MAX_LABELS = 10;

/** Reports one cycle, at its first member's name, with a label at every other member. */
export function reportAliasCycle(ctx: CheckContext, cycle: readonly TypeAlias[]): void {
  const [first, ...rest] = cycle;
  if (first === undefined) return;
  const path = [...cycle.map((d) => d.name.name), first.name.name];
  // A long cycle is labelled at its first members only (the message counts the others).
  ctx.report(names.aliasCycle(path), first.name.span, {
    labels: rest.slice(0, MAX_LABELS).map((d) => ({ span: d.name.span, text: nameLabels.cycleMember(d.name.name) })),
  });
}
