// How a batch moves: CREATING → PENDING → SUBMITTING → INPROGRESS → PROCESSED, one step at a
// time, each step taken on a `GetBatch` (the tests' clock) or every `stepMs` of the clock (the
// sandbox's). While SUBMITTING, each step starts `runsPerStep` runs. A cancel goes through
// STOPPING and a deletion of runs through RUNS_DELETING, each finished on the next step.
//
// Choices where the real service is unspecified (see the API reference, §12):
// - Invalid settings-file content (not a JSON array of `InlineSetting`s, empty, duplicate ids)
//   fails the batch on its PENDING → SUBMITTING step; an object that changed or vanished fails it
//   on any step out of CREATING, PENDING or SUBMITTING (the service reads the file until every run
//   is started).
// - The runs of a batch complete together, on the step after the last start.
import type { Context } from "./context.js";
import { runKey, shareFailures } from "./failures.js";
import { SETTLED_STATUSES, type BatchRecord, type RunStatus } from "./records.js";
import { uuidFor } from "./views.js";

const errorName = (err: unknown): string => (err instanceof Error ? err.name : String(err));

function fail(ctx: Context, b: BatchRecord, reason: string): void {
  b.status = "FAILED";
  b.failureReason = reason;
  b.failedTime = ctx.now();
}

/** Re-checks the settings file's ETag; fails the batch and returns false if it changed or vanished. */
async function settingsUnchanged(ctx: Context, b: BatchRecord): Promise<boolean> {
  const file = b.settingsFile;
  if (!file) return true;
  try {
    const etag = await ctx.options.settings!.head(file.bucket, file.key);
    if (etag === file.etag) return true;
    fail(ctx, b, `The s3UriSettings object ${file.uri} changed after submission (ETag ${file.etag} is now ${etag}).`);
  } catch (err) {
    fail(ctx, b, `The s3UriSettings object ${file.uri} can no longer be read (${errorName(err)}).`);
  }
  return false;
}

/** Chooses the runs that fail by the failure share, among those never attempted before. */
function planFailures(ctx: Context, b: BatchRecord): void {
  const share = ctx.options.failShare ?? 0;
  if (share <= 0) return;
  const candidates = b.runs.filter((r) => !ctx.state.attempted.has(runKey(b.defaultRunSetting, r)));
  for (const [id, failure] of shareFailures(candidates, share)) {
    const run = b.runs.find((r) => r.runSettingId === id);
    if (run) run.plannedFailure = failure;
  }
}

/** Starts up to `runsPerStep` runs not yet attempted; true when every run has been attempted. */
function startRuns(ctx: Context, b: BatchRecord): boolean {
  let budget = ctx.runsPerStep;
  for (const run of b.runs) {
    if (run.submissionStatus !== undefined) continue;
    if (budget-- <= 0) return false;
    if (ctx.options.failShare !== undefined) ctx.state.attempted.add(runKey(b.defaultRunSetting, run));
    const failure = ctx.runFailure(run.runSettingId, run.setting) ?? run.plannedFailure;
    if (failure) {
      run.submissionStatus = "FAILED";
      run.submissionFailureReason = failure.reason;
      run.submissionFailureMessage = failure.message;
      continue;
    }
    const runId = String(ctx.state.nextRunId++);
    run.runId = runId;
    run.runArn = `arn:aws:omics:${ctx.region}:${ctx.accountId}:run/${runId}`;
    run.runInternalUuid = uuidFor("8000", runId);
    run.submissionStatus = "SUCCESS";
    run.runStatus = "RUNNING";
  }
  return true;
}

function setRunStatus(b: BatchRecord, from: RunStatus, to: RunStatus): void {
  for (const run of b.runs) if (run.runStatus === from) run.runStatus = to;
}

/** One lifecycle step; settled batches stay as they are. */
export async function advanceOnce(ctx: Context, b: BatchRecord): Promise<void> {
  if (SETTLED_STATUSES.has(b.status)) return;
  ctx.changed = true;
  switch (b.status) {
    case "CREATING":
      if (await settingsUnchanged(ctx, b)) b.status = "PENDING";
      return;
    case "PENDING":
      if (!(await settingsUnchanged(ctx, b))) return;
      if (b.settingsError !== undefined) return fail(ctx, b, b.settingsError);
      planFailures(ctx, b);
      b.status = "SUBMITTING";
      return;
    case "SUBMITTING":
      if (!(await settingsUnchanged(ctx, b))) return;
      if (!startRuns(ctx, b)) return;
      b.status = "INPROGRESS";
      b.submittedTime = ctx.now();
      return;
    case "INPROGRESS":
      setRunStatus(b, "RUNNING", "COMPLETED");
      b.status = "PROCESSED";
      b.processedTime = ctx.now();
      return;
    case "STOPPING":
      setRunStatus(b, "STOPPING", "CANCELLED");
      b.status = "CANCELLED";
      return;
    case "RUNS_DELETING":
      for (const run of b.runs) if (run.submissionStatus === "DELETE_SUCCESS") run.runStatus = "DELETED";
      b.status = "RUNS_DELETED";
      return;
    default:
      return;
  }
}

/** The most steps one catch-up takes per batch (a sandbox restarted after a long pause). */
const MAX_CATCH_UP = 200_000;

/** On the timed clock: moves every batch the steps that `now()` says are due. */
export async function catchUp(ctx: Context, stepMs: number): Promise<void> {
  const now = ctx.now().getTime();
  for (const b of ctx.state.batches.values()) {
    let at = (b.steppedAt ?? b.creationTime).getTime();
    for (let i = 0; i < MAX_CATCH_UP && now - at >= stepMs && !SETTLED_STATUSES.has(b.status); i++) {
      await advanceOnce(ctx, b);
      at += stepMs;
      b.steppedAt = new Date(at);
    }
  }
}
