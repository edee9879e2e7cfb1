// The `check` pipeline after the front end: every run expanded and checked, a slice at a time
// (the language server runs slices between requests), then the run-count rule.
import { hasErrors, sortDiagnostics, type Diagnostic, type FrontEndResult, type RunSpec } from "@batchc/language";
import { RunChecker } from "./run-checks.js";
import { runCountDiagnostics } from "./run-count.js";

export interface RunChecks {
  /** Checks up to `max` more runs, passing each to `seen`; true when none are left. */
  step(max: number, seen?: (run: RunSpec) => void): boolean;
  /** Runs checked so far. */
  readonly count: number;
  /**
   * Every diagnostic of the runs: the expansion's, the API checks' (folded), and the rule on the
   * number of runs whenever that number is known (errors inside runs still count the runs). Not
   * the front end's own.
   */
  finish(): Diagnostic[];
}

/** Starts checking the runs of a program that expanded (`program.expansion` is set). */
export function checkRuns(program: FrontEndResult): RunChecks {
  const expansion = program.expansion;
  if (expansion === undefined) throw new Error("checkRuns needs an expanded program");
  const checker = new RunChecker(program);
  const runs = expansion.runs();
  let count = 0;
  return {
    step(max, seen) {
      for (let i = 0; i < max; i++) {
        const next = runs.next();
        if (next.done) return true;
        count++;
        checker.check(next.value);
        seen?.(next.value);
      }
      return false;
    },
    get count() {
      return count;
    },
    finish() {
      const list = sortDiagnostics([...expansion.diagnostics, ...checker.diagnostics()]);
      if (!hasErrors([...program.diagnostics, ...list])) return sortDiagnostics([...list, ...runCountDiagnostics(count, program)]);
      // With errors, the rule still holds on the runs the program asks for, when they are known:
      // every `run` evaluated, whether it gave a run or an error.
      const attempted = expansion.attemptedRuns();
      return attempted === undefined ? list : sortDiagnostics([...list, ...runCountDiagnostics(attempted, program)]);
    },
  };
}

/** Checks every run of an expanded program; the runs' diagnostics and their number. */
export function checkAllRuns(program: FrontEndResult): { count: number; diagnostics: Diagnostic[] } {
  const checks = checkRuns(program);
  while (!checks.step(4096));
  return { count: checks.count, diagnostics: checks.finish() };
}
