// Placing the batch-wide problems of the number of runs (the rule is omics' `runCountProblem`)
// and of writing the settings file: at the first `run` for "no runs", else at the `batch`
// keyword, else at the first `run`, else at the file's start.
import type { Diagnostic, FrontEndResult, Span, Statement } from "@batchc/language";
import { partRules, runCountProblem, type EmitError } from "@batchc/omics";
import { SourceLocator } from "./source-places.js";
import { placed } from "./run-checks.js";

/** The first `run` keyword of the program, searching nested blocks in order. */
function firstRun(statements: readonly Statement[]): Span | undefined {
  for (const s of statements) {
    if (s.kind === "RunStatement") return s.keyword;
    const inner =
      s.kind === "ForStatement" ? firstRun(s.body) : s.kind === "IfStatement" ? (firstRun(s.then) ?? firstRun(s.otherwise ?? [])) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Where a batch-wide problem is shown. */
function batchWideSpan(program: FrontEndResult, code: string): Span {
  const statements = program.checked?.program.statements ?? [];
  const first = firstRun(statements) ?? { start: 0, end: 0 };
  if (code === "BC4019") return first;
  const batch = statements.find((s) => s.kind === "BatchBlock");
  return batch && batch.kind === "BatchBlock" ? batch.keyword : first;
}

/** The run-count rule's diagnostic for a program of `count` runs, if it breaks the rule. */
export function runCountDiagnostics(count: number, program: FrontEndResult): Diagnostic[] {
  const batch = program.expansion?.batch;
  // With `maxRunsPerBatch`, the rules of a program cut into parts (docs/language.md §8b).
  if (batch?.maxRunsPerBatch !== undefined) return buildDiagnostics(partRules(count, { ...batch, maxRunsPerBatch: batch.maxRunsPerBatch }), program);
  const problem = runCountProblem(count, batch?.settings !== undefined);
  return problem === undefined ? [] : [placed(program.source.name, batchWideSpan(program, problem.code), problem)];
}

/** The request builder's problems (run count, writing the settings file, part names and ids), placed. */
export function buildDiagnostics(errors: readonly EmitError[], program: FrontEndResult): Diagnostic[] {
  const locator = program.checked !== undefined ? new SourceLocator(program.checked) : undefined;
  return errors.map((e) => {
    // a part's name or request id is shown at the batch's own
    const span = e.scope === "batch" && e.path !== undefined ? locator?.forBatch(e.path) : undefined;
    return placed(program.source.name, span ?? batchWideSpan(program, e.code), e);
  });
}
