// Batch-wide rules on the number of runs (docs/language.md §8.5) and placing emission errors:
// 0 runs, more than 100,000, or more than 100 without a `settings` prefix.
import type { Diagnostic, FrontEndResult, Span, Statement } from "@batchc/language";
import { api, MAX_INLINE_RUNS, MAX_RUNS, type DiagnosticMessage, type EmitError } from "@batchc/omics";
import { SourceLocator } from "./source-map.js";

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

/** Where a batch-wide problem is shown: the `batch` keyword, else the first `run`, else the file start. */
function batchWideSpan(frontEnd: FrontEndResult): Span {
  const statements = frontEnd.checked?.program.statements ?? [];
  const batch = statements.find((s) => s.kind === "BatchBlock");
  if (batch && batch.kind === "BatchBlock") return batch.keyword;
  return firstRun(statements) ?? { start: 0, end: 0 };
}

function place(frontEnd: FrontEndResult, span: Span, msg: DiagnosticMessage): Diagnostic {
  const d: Diagnostic = { code: msg.code, severity: msg.severity, file: frontEnd.source.name, message: msg.message, span };
  if (msg.label !== undefined) d.label = msg.label;
  if (msg.help !== undefined) d.help = msg.help;
  if (msg.notes !== undefined) d.notes = [...msg.notes];
  return d;
}

/** The run-count rules, for `check` (which does not emit a request). */
export function runCountDiagnostics(count: number, frontEnd: FrontEndResult): Diagnostic[] {
  const settings = frontEnd.expansion?.batch.settings;
  if (count === 0) {
    const statements = frontEnd.checked?.program.statements ?? [];
    return [place(frontEnd, firstRun(statements) ?? { start: 0, end: 0 }, api.noRuns())];
  }
  if (count > MAX_RUNS) return [place(frontEnd, batchWideSpan(frontEnd), api.tooManyRuns(count))];
  if (count > MAX_INLINE_RUNS && settings === undefined) return [place(frontEnd, batchWideSpan(frontEnd), api.settingsPrefixRequired(count))];
  return [];
}

/** Emission errors (run counts, batch and defaults limits) as diagnostics at their source. */
export function emitErrorDiagnostics(errors: readonly EmitError[], frontEnd: FrontEndResult): Diagnostic[] {
  const locator = frontEnd.checked ? new SourceLocator(frontEnd.checked) : undefined;
  return errors.map((e) => {
    let span: Span | undefined;
    if (e.code === "BC4019") span = firstRun(frontEnd.checked?.program.statements ?? []);
    else if (e.scope === "batch" && e.path) span = locator?.forBatch(e.path);
    else if (e.scope === "defaults" && e.path) span = locator?.forDefaults(e.path);
    return place(frontEnd, span ?? batchWideSpan(frontEnd), e);
  });
}
