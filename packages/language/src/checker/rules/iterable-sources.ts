// Invariant: each `for` source is a list; a destructuring source `(a, b) in xs` is a list of
// lists, of the same length as the names when that length is known (`zip`, `enumerate`, literals).
// Counterexample: `for c in "ACGT" { ... }`, or `for (i, x, y) in enumerate(xs) { ... }`.
import type { ForSource } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { ANY, ERROR, containsError, isStringLike, printType, type Type } from "../types.js";

function notIterableHelp(t: Type): string | undefined {
  if (isStringLike(t)) return 'a string is not a list: split it first, as in `split(s, ",")`';
  if (t.kind === "record") return "iterate over its field names with `keys(r)`";
  if (t.kind === "int") return "use a range, as in `1..n`";
  return undefined;
}

/** Checks one source, given its iterable's type; returns the type of each of its names. */
export function checkForSource(ctx: CheckContext, src: ForSource, t: Type): Type[] {
  const n = src.names.length;
  const all = (x: Type): Type[] => src.names.map(() => x);
  if (t.kind === "error") return all(ERROR);
  let element: Type;
  if (t.kind === "list") element = t.element;
  else if (t.kind === "any" || t.kind === "never") element = t;
  else {
    if (containsError(t)) return all(ERROR);
    ctx.report(names.notIterable(printType(t), notIterableHelp(t)), src.iterable.span);
    return all(ERROR);
  }
  if (!src.destructure) return [element, ...all(ERROR).slice(1)];
  const tuple = ctx.tuples.get(src.iterable);
  if (tuple !== undefined) {
    if (tuple.length !== n && n > 0) {
      const first = src.names[0];
      const last = src.names[n - 1];
      const span = first && last ? { start: first.span.start, end: last.span.end } : src.span;
      ctx.report(names.destructureArity(n, tuple.length), span);
      return all(ERROR);
    }
    return src.names.map((_, i) => tuple[i] ?? ERROR);
  }
  if (element.kind === "list") return all(element.element);
  if (element.kind === "any") return all(ANY);
  if (element.kind === "never" || containsError(element)) return all(element.kind === "never" ? element : ERROR);
  ctx.report(names.notDestructurable(printType(element)), src.iterable.span);
  return all(ERROR);
}
