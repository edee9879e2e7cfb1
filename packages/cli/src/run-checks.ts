// The checks `batchc check` makes on every run of an expanded program (the same validator, the
// same run-count rules), a slice at a time: the language server runs them between requests.
import { hasErrors, sortDiagnostics, type Diagnostic, type FrontEndResult, type RunSpec } from "@batchc/language";
import { RunValidator, validatedRuns } from "./load.js";
import { runCountDiagnostics } from "./run-count.js";

export interface RunChecks {
  /** Checks up to `max` more runs, passing each to `seen`; true when none are left. */
  step(max: number, seen?: (run: RunSpec) => void): boolean;
  /** Runs checked so far. */
  readonly count: number;
  /**
   * Every diagnostic of the runs: the expansion's, the API checks' (folded), and, when the
   * program has no error, the rules on the number of runs.
   */
  finish(): Diagnostic[];
}

/** Starts the run checks of a program that expanded (`frontEnd.expansion` is set). */
export function runChecks(frontEnd: FrontEndResult): RunChecks {
  const validator = new RunValidator(frontEnd);
  const runs = validatedRuns(frontEnd, validator);
  let count = 0;
  return {
    step(max, seen) {
      for (let i = 0; i < max; i++) {
        const next = runs.next();
        if (next.done) return true;
        count++;
        seen?.(next.value);
      }
      return false;
    },
    get count() {
      return count;
    },
    finish() {
      const list = sortDiagnostics([...(frontEnd.expansion?.diagnostics ?? []), ...validator.finish()]);
      if (hasErrors([...frontEnd.diagnostics, ...list])) return list;
      return sortDiagnostics([...list, ...runCountDiagnostics(count, frontEnd)]);
    },
  };
}
