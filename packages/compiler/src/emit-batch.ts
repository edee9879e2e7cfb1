// The `compile` pipeline after the front end: every run expanded, checked (problems placed at
// the source), and, while all pass, handed to the request builder; then the request and its
// settings file, or the diagnostics. One way through: nothing comes back from a later stage.
import { hasErrors, sortDiagnostics, type Diagnostic, type FrontEndResult, type RunSpec } from "@batchc/language";
import { PartsBuilder, RequestBuilder, type EmitResult } from "@batchc/omics";
import { RunChecker } from "./run-checks.js";
import { buildDiagnostics } from "./run-count.js";

/** A request built. */
export type EmittedBatch = Extract<EmitResult, { ok: true }>;

export interface EmitBatchOptions {
  /** The request id to use instead of the program's (`--request-id`). */
  requestId?: string;
  /** Move values identical in every run into the defaults (inline batches). */
  hoist: boolean;
  /** Folder for the settings file; without it, its bytes are only hashed (a preview). */
  tmpDir?: string;
  /** The runs to put in the request (all checked all the same); default all. */
  select?: (run: RunSpec) => boolean;
}

/** The diagnostics of the runs (warnings, or the errors), and the request(s) when there is no error. */
export interface BatchOutcome {
  diagnostics: Diagnostic[];
  /** The request; with `maxRunsPerBatch`, the first part's. */
  emitted?: EmittedBatch;
  /** Every request in order: the one, or each part's with `maxRunsPerBatch` (docs/language.md §8b). */
  parts?: EmittedBatch[];
}

/** Expands, checks and emits the runs of a program that expanded (`program.expansion` is set). */
export async function emitBatch(program: FrontEndResult, options: EmitBatchOptions): Promise<BatchOutcome> {
  const expansion = program.expansion;
  if (expansion === undefined) throw new Error("emitBatch needs an expanded program");
  const checker = new RunChecker(program);
  const requestId = options.requestId ?? expansion.batch.requestId;
  const { maxRunsPerBatch, ...batch } = { ...expansion.batch, ...(requestId !== undefined ? { requestId } : {}) };
  const build = { ...(options.tmpDir !== undefined ? { tmpDir: options.tmpDir } : { writeSettingsFile: false }), hoist: options.hoist };
  // With `maxRunsPerBatch`, the runs are cut into parts, each a request of its own.
  const builder =
    maxRunsPerBatch === undefined ? new RequestBuilder(batch, expansion.defaults, build) : new PartsBuilder({ ...batch, maxRunsPerBatch }, expansion.defaults, build);
  let failed = checker.setupFailed;
  try {
    for (const run of expansion.runs()) {
      const setting = checker.check(run);
      if (options.select !== undefined && !options.select(run)) continue;
      if (setting === undefined) failed = true;
      if (failed) continue;
      const pending = builder.add(setting as NonNullable<typeof setting>);
      if (pending !== undefined) await pending;
    }
  } catch (e) {
    await builder.discard();
    throw e;
  }
  const diagnostics = sortDiagnostics([...expansion.diagnostics, ...checker.diagnostics()]);
  if (failed || hasErrors([...program.diagnostics, ...diagnostics])) {
    await builder.discard();
    return { diagnostics };
  }
  const built = await builder.finish();
  if (!built.ok) return { diagnostics: sortDiagnostics([...diagnostics, ...buildDiagnostics(built.errors, program)]) };
  const parts = "parts" in built ? built.parts : [built];
  return { diagnostics, emitted: parts[0] as EmittedBatch, parts };
}
