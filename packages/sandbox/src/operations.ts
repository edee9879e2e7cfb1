// The HealthOmics operations: what each does to the state and answers. Synchronous checks of
// StartRunBatch: the body against the AWS model (validate.ts), unique runSettingIds, the
// settings file readable, the workflow known (in the sandbox), and the requestId not reused
// for a different body.
//
// Choices where the real service is unspecified (see the API reference, §12):
// - An unreadable `s3UriSettings` object at submission → 400 `ValidationException`.
// - `ListRunsInBatch` lists only runs whose start was attempted (none before SUBMITTING).
// - Cancel and delete go through STOPPING / RUNS_DELETING and finish on the next step.
// - A requestId reused with a different body → 409 `ConflictException`.
import type { Context } from "./context.js";
import { ServiceError } from "./errors.js";
import { advanceOnce } from "./lifecycle.js";
import { BATCH_STATUSES, SUBMISSION_STATUSES, type BatchRecord, type BatchStatus, type OperationName, type RunRecord, type SubmissionStatus } from "./records.js";
import { validateInlineSettings, validateStartRunBatch } from "./validate.js";
import { batchListItem, batchView, canonicalJson, dropUndefined, firstDuplicate, nextToken, paging, runListItem, startResponse, uuidFor } from "./views.js";

export interface Reply {
  status: number;
  body?: unknown;
}

const NUMID = /^[0-9]{1,18}$/;
const errorName = (err: unknown): string => (err instanceof Error ? err.name : String(err));

function findBatch(ctx: Context, id: string): BatchRecord {
  if (!NUMID.test(id)) throw new ServiceError("ValidationException", `1 validation error detected: Value '${id}' at 'batchId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]+$`);
  const b = ctx.state.batches.get(id);
  if (!b) throw new ServiceError("ResourceNotFoundException", `Batch ${id} not found.`);
  return b;
}

function requireStatus(b: BatchRecord, operation: OperationName, allowed: readonly BatchStatus[]): void {
  if (!allowed.includes(b.status)) {
    throw new ServiceError("ConflictException", `Batch ${b.id} is ${b.status}; ${operation} is allowed only when the batch is ${allowed.join(", ")}.`);
  }
}

const toRun = (setting: Record<string, unknown>): RunRecord => ({ runSettingId: String(setting.runSettingId), setting });

/** The runs of a settings file, or why it cannot be used. */
export function parseSettingsFile(text: string): Record<string, unknown>[] | string {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return "not valid JSON";
  }
  if (!Array.isArray(entries)) return "expected a JSON array of run settings";
  if (entries.length === 0) return "the array is empty";
  if (entries.length > 100_000) return `${entries.length} run settings is more than the 100000 allowed`;
  const checked = validateInlineSettings(entries);
  if (!checked.ok) return checked.message;
  const dup = firstDuplicate(entries.map((e) => String((e as Record<string, unknown>).runSettingId)));
  if (dup !== undefined) return `runSettingId '${dup}' appears more than once`;
  return entries as Record<string, unknown>[];
}

function checkWorkflow(ctx: Context, defaults: Record<string, unknown>): void {
  if (ctx.options.requireKnownWorkflow !== true) return;
  const id = String(defaults.workflowId);
  const workflows = ctx.options.workflows ?? {};
  const w = Object.hasOwn(workflows, id) ? workflows[id] : undefined;
  if (w === undefined) throw new ServiceError("ResourceNotFoundException", `Workflow ${id} not found.`);
  const version = defaults.workflowVersionName;
  if (typeof version === "string" && !(w.versions !== undefined && Object.hasOwn(w.versions, version))) {
    throw new ServiceError("ResourceNotFoundException", `Workflow ${id} version ${version} not found.`);
  }
}

export async function startRunBatch(ctx: Context, body: unknown): Promise<Reply> {
  const checked = validateStartRunBatch(body);
  if (!checked.ok) throw new ServiceError("ValidationException", checked.message);
  const request = body as Record<string, unknown>;
  const requestId = String(request.requestId);
  const fingerprint = canonicalJson(request);
  const seen = ctx.state.requestIds.get(requestId) ?? ctx.inFlight.get(requestId);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new ServiceError("ConflictException", `The requestId '${requestId}' was already used for a different StartRunBatch request.`);
    }
    return { status: 201, body: await seen.response };
  }
  const response = createBatch(ctx, request).then(startResponse);
  ctx.inFlight.set(requestId, { fingerprint, response });
  try {
    const created = await response;
    ctx.state.requestIds.set(requestId, { fingerprint, batchId: String(created.id), response: created });
    ctx.changed = true;
    return { status: 201, body: created };
  } finally {
    ctx.inFlight.delete(requestId);
  }
}

async function createBatch(ctx: Context, request: Record<string, unknown>): Promise<BatchRecord> {
  const settings = request.batchRunSettings as { inlineSettings?: Record<string, unknown>[]; s3UriSettings?: string };
  const defaultRunSetting = request.defaultRunSetting as Record<string, unknown>;
  checkWorkflow(ctx, defaultRunSetting);
  let runs: RunRecord[] = [];
  let settingsFile: BatchRecord["settingsFile"];
  let settingsError: string | undefined;
  if (settings.inlineSettings !== undefined) {
    const dup = firstDuplicate(settings.inlineSettings.map((s) => String(s.runSettingId)));
    if (dup !== undefined) throw new ServiceError("ValidationException", `runSettingId '${dup}' appears more than once in inlineSettings.`);
    runs = settings.inlineSettings.map(toRun);
  } else {
    const uri = String(settings.s3UriSettings);
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!m) throw new ServiceError("ValidationException", `s3UriSettings '${uri}' is not an s3://bucket/key URI.`);
    const [, bucket = "", key = ""] = m;
    const reader = ctx.options.settings;
    if (reader === undefined) throw new ServiceError("ValidationException", "This endpoint has no S3 store configured, so it cannot read s3UriSettings.");
    let text: string;
    let etag: string;
    try {
      ({ text, etag } = await reader.get(bucket, key));
    } catch (err) {
      throw new ServiceError("ValidationException", `Unable to read s3UriSettings ${uri}: ${errorName(err)}.`);
    }
    settingsFile = { uri, bucket, key, etag };
    const parsed = parseSettingsFile(text);
    if (typeof parsed === "string") settingsError = `The s3UriSettings file ${uri} is invalid: ${parsed}`;
    else runs = parsed.map(toRun);
  }
  const id = String(ctx.state.nextBatchId++);
  const b: BatchRecord = {
    id,
    arn: `arn:aws:omics:${ctx.region}:${ctx.accountId}:runBatch/${id}`,
    uuid: uuidFor("a000", id),
    status: "CREATING",
    requestId: String(request.requestId),
    request,
    defaultRunSetting,
    runs,
    creationTime: ctx.now(),
  };
  if (typeof request.batchName === "string") b.name = request.batchName;
  if (request.tags !== undefined) b.tags = request.tags as Record<string, string>;
  if (settingsFile) b.settingsFile = settingsFile;
  if (settingsError !== undefined) b.settingsError = settingsError;
  ctx.state.batches.set(id, b);
  ctx.changed = true;
  return b;
}

export async function getBatch(ctx: Context, id: string, advance: boolean): Promise<Reply> {
  const b = findBatch(ctx, id);
  if (advance) await advanceOnce(ctx, b);
  return { status: 200, body: batchView(b) };
}

function oneFilter(query: Record<string, string>, names: readonly string[]): void {
  const filters = names.filter((f) => query[f] !== undefined);
  if (filters.length > 1) throw new ServiceError("ValidationException", `Only one filter is supported per call, got ${filters.join(", ")}.`);
}

export function listBatch(ctx: Context, query: Record<string, string>): Reply {
  const { maxItems, offset } = paging(query);
  oneFilter(query, ["status", "name", "runGroupId"]);
  if (query.status !== undefined && !BATCH_STATUSES.includes(query.status as BatchStatus)) {
    throw new ServiceError("ValidationException", `Value '${query.status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [${BATCH_STATUSES.join(", ")}]`);
  }
  const all = [...ctx.state.batches.values()].filter(
    (b) =>
      (query.status === undefined || b.status === query.status) &&
      (query.name === undefined || b.name === query.name) &&
      (query.runGroupId === undefined || b.defaultRunSetting.runGroupId === query.runGroupId),
  );
  const page = all.slice(offset, offset + maxItems).map(batchListItem);
  return { status: 200, body: dropUndefined({ items: page, nextToken: nextToken(offset + maxItems, all.length) }) };
}

export function listRunsInBatch(ctx: Context, id: string, query: Record<string, string>): Reply {
  const b = findBatch(ctx, id);
  const { maxItems, offset } = paging(query);
  oneFilter(query, ["submissionStatus", "runSettingId", "runId"]);
  if (query.submissionStatus !== undefined && !SUBMISSION_STATUSES.includes(query.submissionStatus as SubmissionStatus)) {
    throw new ServiceError("ValidationException", `Value '${query.submissionStatus}' at 'submissionStatus' failed to satisfy constraint: Member must satisfy enum value set: [${SUBMISSION_STATUSES.join(", ")}]`);
  }
  const all = b.runs.filter(
    (r) =>
      r.submissionStatus !== undefined &&
      (query.submissionStatus === undefined || r.submissionStatus === query.submissionStatus) &&
      (query.runSettingId === undefined || r.runSettingId === query.runSettingId) &&
      (query.runId === undefined || r.runId === query.runId),
  );
  const runs = all.slice(offset, offset + maxItems).map(runListItem);
  const next = nextToken(offset + maxItems, all.length);
  const page: { runs: Record<string, unknown>[]; nextToken?: string } = next !== undefined ? { runs, nextToken: next } : { runs };
  return { status: 200, body: dropUndefined(ctx.options.listRunsPage?.(b.id, page) ?? page) };
}

function batchIdFromBody(body: unknown): string {
  const id = (body as { batchId?: unknown } | undefined)?.batchId;
  if (typeof id !== "string") throw new ServiceError("ValidationException", "1 validation error detected: Value null at 'batchId' failed to satisfy constraint: Member must not be null");
  return id;
}

export function cancelRunBatch(ctx: Context, body: unknown): Reply {
  const b = findBatch(ctx, batchIdFromBody(body));
  requireStatus(b, "CancelRunBatch", ["PENDING", "SUBMITTING", "INPROGRESS"]);
  for (const run of b.runs) {
    if (run.runStatus === "RUNNING" && ctx.failCancels.has(run.runSettingId)) {
      run.submissionStatus = "CANCEL_FAILED";
    } else if (run.runStatus === "RUNNING") {
      run.runStatus = "STOPPING";
      run.submissionStatus = "CANCEL_SUCCESS";
    }
  }
  b.status = "STOPPING";
  b.steppedAt = ctx.now();
  ctx.changed = true;
  return { status: 202, body: {} };
}

export function deleteRunBatch(ctx: Context, body: unknown): Reply {
  const b = findBatch(ctx, batchIdFromBody(body));
  requireStatus(b, "DeleteRunBatch", ["PROCESSED", "CANCELLED"]);
  for (const run of b.runs) if (run.runId !== undefined) run.submissionStatus = ctx.failDeletes.has(run.runSettingId) ? "DELETE_FAILED" : "DELETE_SUCCESS";
  b.status = "RUNS_DELETING";
  b.steppedAt = ctx.now();
  ctx.changed = true;
  return { status: 202, body: {} };
}

export function tagResource(ctx: Context, arn: string, body: unknown): Reply {
  const b = [...ctx.state.batches.values()].find((x) => x.arn === arn);
  if (!b) throw new ServiceError("ResourceNotFoundException", `Resource ${arn} not found.`);
  const tags = (body as { tags?: unknown } | undefined)?.tags;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags) || Object.values(tags).some((v) => typeof v !== "string")) {
    throw new ServiceError("ValidationException", "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must be a map of strings");
  }
  b.tags = { ...b.tags, ...(tags as Record<string, string>) };
  ctx.changed = true;
  return { status: 204 };
}

export function deleteBatch(ctx: Context, id: string): Reply {
  const b = findBatch(ctx, id);
  requireStatus(b, "DeleteBatch", ["PROCESSED", "FAILED", "CANCELLED", "RUNS_DELETED"]);
  ctx.state.batches.delete(id);
  ctx.changed = true;
  return { status: 202 };
}

export function getWorkflow(ctx: Context, id: string): Reply {
  const workflows = ctx.options.workflows ?? {};
  const w = Object.hasOwn(workflows, id) ? workflows[id] : undefined;
  if (w === undefined) throw new ServiceError("ResourceNotFoundException", `Workflow ${id} not found.`);
  return {
    status: 200,
    body: dropUndefined({ id, arn: `arn:aws:omics:${ctx.region}:${ctx.accountId}:workflow/${id}`, name: w.name, status: "ACTIVE", parameterTemplate: w.parameterTemplate }),
  };
}

export function getWorkflowVersion(ctx: Context, id: string, version: string): Reply {
  const workflows = ctx.options.workflows ?? {};
  const w = Object.hasOwn(workflows, id) ? workflows[id] : undefined;
  const v = w?.versions !== undefined && Object.hasOwn(w.versions, version) ? w.versions[version] : undefined;
  if (v === undefined) throw new ServiceError("ResourceNotFoundException", `Workflow ${id} version ${version} not found.`);
  return { status: 200, body: dropUndefined({ workflowId: id, versionName: version, status: "ACTIVE", parameterTemplate: v.parameterTemplate }) };
}
