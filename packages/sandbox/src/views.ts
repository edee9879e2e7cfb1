// What the endpoint answers about its records: the GetBatch, StartRunBatch, ListBatch and
// ListRunsInBatch shapes, paging tokens, and the small JSON helpers the operations share.
import { ServiceError } from "./errors.js";
import type { BatchRecord, RunRecord } from "./records.js";

/** The GetBatch answer for a batch: counts are derived from the runs, so they always agree. */
export function batchView(b: BatchRecord): Record<string, unknown> {
  const count = (p: (r: RunRecord) => boolean): number => b.runs.filter(p).length;
  const beforeStarts = b.status === "CREATING" || b.status === "PENDING" || b.status === "SUBMITTING";
  const started = (r: RunRecord): boolean => r.runId !== undefined;
  return dropUndefined({
    id: b.id,
    arn: b.arn,
    uuid: b.uuid,
    name: b.name,
    status: b.status,
    tags: b.tags,
    totalRuns: b.runs.length,
    defaultRunSetting: b.defaultRunSetting,
    submissionSummary: {
      successfulStartSubmissionCount: count(started),
      failedStartSubmissionCount: count((r) => r.submissionStatus === "FAILED"),
      pendingStartSubmissionCount: beforeStarts ? count((r) => r.submissionStatus === undefined) : 0,
      successfulCancelSubmissionCount: count((r) => r.submissionStatus === "CANCEL_SUCCESS"),
      failedCancelSubmissionCount: count((r) => r.submissionStatus === "CANCEL_FAILED"),
      successfulDeleteSubmissionCount: count((r) => r.submissionStatus === "DELETE_SUCCESS"),
      failedDeleteSubmissionCount: count((r) => r.submissionStatus === "DELETE_FAILED"),
    },
    runSummary: {
      pendingRunCount: 0,
      startingRunCount: 0,
      runningRunCount: count((r) => r.runStatus === "RUNNING"),
      stoppingRunCount: count((r) => r.runStatus === "STOPPING"),
      completedRunCount: count((r) => r.runStatus === "COMPLETED"),
      deletedRunCount: count((r) => r.runStatus === "DELETED"),
      failedRunCount: 0,
      cancelledRunCount: count((r) => r.runStatus === "CANCELLED"),
    },
    creationTime: b.creationTime.toISOString(),
    submittedTime: b.submittedTime?.toISOString(),
    processedTime: b.processedTime?.toISOString(),
    failedTime: b.failedTime?.toISOString(),
    failureReason: b.failureReason,
  });
}

/** The StartRunBatch answer. */
export function startResponse(b: BatchRecord): Record<string, unknown> {
  return dropUndefined({ id: b.id, arn: b.arn, status: "CREATING", uuid: b.uuid, tags: b.tags });
}

/** A ListBatch item. */
export function batchListItem(b: BatchRecord): Record<string, unknown> {
  return dropUndefined({
    id: b.id,
    name: b.name,
    status: b.status,
    totalRuns: b.runs.length,
    workflowId: b.defaultRunSetting.workflowId,
    createdAt: b.creationTime.toISOString(),
  });
}

/** A ListRunsInBatch item. */
export function runListItem(r: RunRecord): Record<string, unknown> {
  return dropUndefined({
    runSettingId: r.runSettingId,
    runId: r.runId,
    runInternalUuid: r.runInternalUuid,
    runArn: r.runArn,
    submissionStatus: r.submissionStatus,
    submissionFailureReason: r.submissionFailureReason,
    submissionFailureMessage: r.submissionFailureMessage,
  });
}

/** `maxItems` (1–100, default 100) and the offset a `startingToken` carries. */
export function paging(query: Record<string, string>): { maxItems: number; offset: number } {
  let maxItems = 100;
  if (query.maxItems !== undefined) {
    maxItems = Number(query.maxItems);
    if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 100) {
      throw new ServiceError("ValidationException", `Value '${query.maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 100`);
    }
  }
  let offset = 0;
  if (query.startingToken !== undefined) {
    const m = /^offset:(\d+)$/.exec(Buffer.from(query.startingToken, "base64url").toString("utf-8"));
    if (!m) throw new ServiceError("ValidationException", "The startingToken is not valid.");
    offset = Number(m[1]);
  }
  return { maxItems, offset };
}

/** The token of the page that starts at `offset`, or undefined after the last page. */
export function nextToken(offset: number, total: number): string | undefined {
  return offset < total ? Buffer.from(`offset:${offset}`).toString("base64url") : undefined;
}

/** A deterministic UUID for an id (`variant` tells batches and runs apart). */
export function uuidFor(variant: string, id: string): string {
  return `00000000-0000-4000-${variant}-${id.padStart(12, "0")}`;
}

/** JSON with object keys sorted, to compare request bodies regardless of key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The first value that appears twice. */
export function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
