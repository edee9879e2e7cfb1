// The checker's errors, as the expander sees them when it expands a program despite them (so a
// program's data-file and run problems, and its number of runs, are reported with its static
// errors): places where the program is wrong. Whatever holds one is not evaluated, or not used:
// - an expression holding one evaluates to "already reported" (no cascade of run-time errors);
// - a top-level `let` holding one is poisoned, as when its evaluation fails;
// - a `run` statement holding one is evaluated (its id taken, its run counted) but gives no run;
// - one in the `batch`, `defaults` or `params` block or a type alias leaves every run unchecked
//   against the API (no run is given: their checks would see settings the program did not
//   mean), and one in the `batch` block leaves the number of runs unjudged (its `settings` or
//   `maxRunsPerBatch` may be the wrong one).
import type { Statement } from "../ast/nodes.js";
import type { Span } from "../source.js";

export class Faults {
  /** A fault in the `batch` block. */
  readonly inBatch: boolean;
  /** A fault in the set-up (`batch`, `defaults`, `params`, a type alias). */
  readonly inSetup: boolean;

  constructor(
    private readonly spans: readonly Span[],
    statements: readonly Statement[],
  ) {
    let batch = false;
    let setup = false;
    for (const f of spans) {
      const s = statements.find((st) => contains(st.span, f));
      if (s === undefined || s.kind === "BatchBlock") batch = true;
      if (s === undefined || s.kind === "BatchBlock" || s.kind === "DefaultsBlock" || s.kind === "ParamsBlock" || s.kind === "TypeAlias") setup = true;
    }
    this.inBatch = batch;
    this.inSetup = setup;
  }

  /** Whether a fault lies inside `span`. */
  within(span: Span): boolean {
    for (const f of this.spans) if (contains(span, f)) return true;
    return false;
  }
}

/** No faults: a program without errors. */
export const NO_FAULTS = new Faults([], []);

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
