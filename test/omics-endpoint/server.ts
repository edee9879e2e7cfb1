// A local HealthOmics run-batch endpoint for integration tests. It speaks restJson1 as AWS's
// model describes it, verifies every request's SigV4 signature (from any correct signer: batchc,
// the JavaScript SDK's, botocore's), validates bodies against the committed AWS model file with
// its own code (validate.ts),
// keeps batches in memory and moves them through their lifecycle one step per `GetBatch` (or per
// `advance()`), reads `s3UriSettings` files from an S3 server, and can be told to answer errors.
//
// Choices where the real service is unspecified (see the API reference, §12):
// - An unreadable `s3UriSettings` object at submission → 400 `ValidationException`.
// - Invalid file content (not a JSON array of `InlineSetting`s, empty, duplicate ids) fails the
//   batch on its PENDING → SUBMITTING step; an object that changed or vanished fails it on any step
//   out of CREATING, PENDING or SUBMITTING (the service reads the file until every run is started).
// - `ListRunsInBatch` lists only runs whose start was attempted (none before INPROGRESS).
// - Cancel and delete go through STOPPING / RUNS_DELETING and finish on the next step.
// - Signature failures use the AWS JSON-service names: 403 `MissingAuthenticationTokenException`,
//   400 `IncompleteSignatureException`, 403 `UnrecognizedClientException` (unknown access key),
//   403 `InvalidSignatureException` (wrong secret, changed request, wrong Region or service).
//
// Usage:
//   const endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint"), failRuns: ["s2"] });
//   const client = await makeOmicsClient({ endpointUrl: endpoint.url, region: endpoint.region,
//     credentials: endpoint.credentials, retryDelayMs: () => 0 });
//   endpoint.failNext("StartRunBatch", "ThrottlingException", 2);   // two 429s, then success
//   ... client.send("GetBatch", ...) ...; endpoint.requests / endpoint.batch(id) / endpoint.advance(id, 3)
//   await endpoint.close();
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { makeTestS3, type TestS3 } from "./sdk.js";
import { verifySigV4, type EndpointCredentials } from "./sigv4.js";
import { validateInlineSettings, validateStartRunBatch } from "./validate.js";
import type { OmicsOperation } from "../../packages/omics/src/client.js";

export type { EndpointCredentials } from "./sigv4.js";

/** The credentials a test endpoint accepts unless told otherwise. */
export const TEST_CREDENTIALS: EndpointCredentials = { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "omics-test-secret" };

/** The operations the endpoint implements: the run-batch operations batchc calls. */
export type OperationName = OmicsOperation;

/** A workflow the endpoint knows (GetWorkflow), with its versions (GetWorkflowVersion). */
export interface WorkflowSpec {
  parameterTemplate?: Record<string, { description?: string; optional?: boolean }>;
  versions?: Record<string, { parameterTemplate?: Record<string, { description?: string; optional?: boolean }> }>;
}

/** The eight errors of the run-batch operations, with their HTTP status codes. */
export const OMICS_ERRORS = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  RequestTimeoutException: 408,
  ConflictException: 409,
  ThrottlingException: 429,
  InternalServerException: 500,
} as const;

/** One of the eight modeled error names. */
export type OmicsErrorName = keyof typeof OMICS_ERRORS;

/** An error answer to inject: any `error` name (the status defaults from {@link OMICS_ERRORS}, else 400). */
export interface FaultSpec {
  error: OmicsErrorName | (string & {});
  status?: number;
  /** The `message` of the body; a default names the operation. */
  message?: string;
}

export type BatchStatus =
  | "CREATING"
  | "PENDING"
  | "SUBMITTING"
  | "INPROGRESS"
  | "STOPPING"
  | "CANCELLED"
  | "FAILED"
  | "PROCESSED"
  | "RUNS_DELETING"
  | "RUNS_DELETED";

const BATCH_STATUSES: readonly BatchStatus[] = [
  "CREATING", "PENDING", "SUBMITTING", "INPROGRESS", "STOPPING", "CANCELLED", "FAILED", "PROCESSED", "RUNS_DELETING", "RUNS_DELETED",
];

export type SubmissionStatus = "SUCCESS" | "FAILED" | "CANCEL_SUCCESS" | "CANCEL_FAILED" | "DELETE_SUCCESS" | "DELETE_FAILED";

const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ["SUCCESS", "FAILED", "CANCEL_SUCCESS", "CANCEL_FAILED", "DELETE_SUCCESS", "DELETE_FAILED"];

export type RunStatus = "RUNNING" | "STOPPING" | "COMPLETED" | "CANCELLED" | "DELETED";

/**
 * Which runs fail to start: a set of `runSettingId`s, or a predicate that returns `true` (default
 * reason and message) or its own `{ reason, message }`.
 */
export type RunFailureSpec =
  | Iterable<string>
  | ((runSettingId: string, setting: Readonly<Record<string, unknown>>) => boolean | { reason: string; message: string });

/** Options of {@link startOmicsEndpoint}. */
export interface OmicsEndpointOptions {
  /** Accepted credentials; {@link TEST_CREDENTIALS} by default. */
  credentials?: EndpointCredentials;
  /** The Region requests must be signed for, also used in ARNs; `us-east-1` by default. */
  region?: string;
  /** The account id in ARNs; `123456789012` by default. */
  accountId?: string;
  /** The S3 server that holds `s3UriSettings` files (path-style, any credentials). */
  s3Endpoint?: string;
  /** Runs whose start is reported as submission `FAILED`. */
  failRuns?: RunFailureSpec;
  /** Started runs whose cancel fails (`CANCEL_FAILED`; the run keeps running). */
  failCancels?: Iterable<string>;
  /** Started runs whose deletion fails (`DELETE_FAILED`). */
  failDeletes?: Iterable<string>;
  /** Rewrites a `ListRunsInBatch` page before it is sent (a short listing, an empty or repeated `nextToken`). */
  listRunsPage?: (batchId: string, page: { runs: Record<string, unknown>[]; nextToken?: string }) => { runs: Record<string, unknown>[]; nextToken?: string };
  /** Whether each `GetBatch` advances the batch one step first; `true` by default. */
  autoAdvance?: boolean;
  /** The clock for batch timestamps; the real one by default. */
  now?: () => Date;
  /** Workflows for GetWorkflow and GetWorkflowVersion, by id; none by default. */
  workflows?: Record<string, WorkflowSpec>;
}

/** One received request, as logged (in arrival order, including rejected ones). */
export interface LoggedRequest {
  /** The operation the path matched, if any. */
  operation: OperationName | undefined;
  method: string;
  /** The decoded path, without the query. */
  path: string;
  /** Query parameters (first value of each). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON (`undefined` when empty or not JSON). */
  body: unknown;
  rawBody: string;
  /** The status code answered. */
  status: number;
  /** The `x-amzn-ErrorType` answered, for errors. */
  errorType?: string;
  /** Whether the answer was an injected fault. */
  injected?: boolean;
}

/** One run of a batch, as the endpoint tracks it. */
export interface RunRecord {
  runSettingId: string;
  setting: Readonly<Record<string, unknown>>;
  submissionStatus?: SubmissionStatus;
  submissionFailureReason?: string;
  submissionFailureMessage?: string;
  runId?: string;
  runArn?: string;
  runInternalUuid?: string;
  runStatus?: RunStatus;
}

/** A batch, as the endpoint keeps it. */
export interface BatchRecord {
  id: string;
  arn: string;
  uuid: string;
  name?: string;
  status: BatchStatus;
  tags?: Record<string, string>;
  requestId: string;
  /** The StartRunBatch body as received. */
  request: Record<string, unknown>;
  defaultRunSetting: Record<string, unknown>;
  runs: RunRecord[];
  /** The settings file, when the runs came from `s3UriSettings`. */
  settingsFile?: { uri: string; bucket: string; key: string; etag: string };
  /** Why the settings file's content cannot be used (fails the batch while PENDING). */
  settingsError?: string;
  failureReason?: string;
  creationTime: Date;
  submittedTime?: Date;
  processedTime?: Date;
  failedTime?: Date;
}

/** The endpoint's mutable state, for assertions. */
export interface EndpointState {
  batches: Map<string, BatchRecord>;
  requests: LoggedRequest[];
  /** Queued faults per operation (`"*"`: any operation), consumed first-in first-out. */
  faults: Map<OperationName | "*", FaultSpec[]>;
}

/** A running endpoint and its test handle. */
export interface OmicsEndpoint {
  /** `http://127.0.0.1:PORT`: pass it as the client's endpoint (with `disableHostPrefix: true`). */
  url: string;
  region: string;
  credentials: EndpointCredentials;
  state: EndpointState;
  /** The request log (the same array as `state.requests`). */
  requests: LoggedRequest[];
  /** Logged requests of one operation. */
  requestsOf(operation: OperationName): LoggedRequest[];
  /** A batch by id (throws if there is none: a test bug). */
  batch(id: string): BatchRecord;
  /** Moves a batch `steps` lifecycle steps (default 1), as that many `GetBatch` calls would. */
  advance(id: string, steps?: number): Promise<BatchRecord>;
  /** Makes the next `times` (default 1) calls of `operation` (or `"*"`: any) answer `fault`. */
  failNext(operation: OperationName | "*", fault: OmicsErrorName | FaultSpec, times?: number): void;
  /** Stops the server and closes open connections. */
  close(): Promise<void>;
}

/** An error answer: restJson1 puts the name in `x-amzn-ErrorType` and `{ message }` in the body. */
class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = (OMICS_ERRORS as Record<string, number>)[type] ?? 400,
  ) {
    super(message);
  }
}

interface Reply {
  status: number;
  body?: unknown;
}

const NUMID = /^[0-9]{1,18}$/;
const FIRST_BATCH_ID = 5000001;
const FIRST_RUN_ID = 1000001;

/** Starts an endpoint on 127.0.0.1 (a free port). */
export async function startOmicsEndpoint(options: OmicsEndpointOptions = {}): Promise<OmicsEndpoint> {
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  const now = options.now ?? (() => new Date());
  const autoAdvance = options.autoAdvance ?? true;
  const runFailure = runFailurePredicate(options.failRuns);
  const failCancels = new Set(options.failCancels ?? []);
  const failDeletes = new Set(options.failDeletes ?? []);
  const state: EndpointState = { batches: new Map(), requests: [], faults: new Map() };
  /** requestId → the body's fingerprint and the batch it created (a promise while the file is read). */
  const requestIds = new Map<string, { fingerprint: string; batch: Promise<BatchRecord> }>();
  let nextBatchId = FIRST_BATCH_ID;
  let nextRunId = FIRST_RUN_ID;
  let s3: TestS3 | undefined;

  const s3Client = (): TestS3 => {
    if (options.s3Endpoint === undefined) {
      throw new ServiceError("ValidationException", "This test endpoint has no s3Endpoint configured, so it cannot read s3UriSettings.");
    }
    s3 ??= makeTestS3(options.s3Endpoint);
    return s3;
  };

  const findBatch = (id: string): BatchRecord => {
    if (!NUMID.test(id)) throw new ServiceError("ValidationException", `1 validation error detected: Value '${id}' at 'batchId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]+$`);
    const b = state.batches.get(id);
    if (!b) throw new ServiceError("ResourceNotFoundException", `Batch ${id} not found.`);
    return b;
  };

  // ---- lifecycle --------------------------------------------------------------------------

  const fail = (b: BatchRecord, reason: string): void => {
    b.status = "FAILED";
    b.failureReason = reason;
    b.failedTime = now();
  };

  /** Re-checks the settings file's ETag; fails the batch and returns false if it changed or vanished. */
  const settingsUnchanged = async (b: BatchRecord): Promise<boolean> => {
    const file = b.settingsFile;
    if (!file) return true;
    try {
      const etag = await s3Client().headObject(file.bucket, file.key);
      if (etag === file.etag) return true;
      fail(b, `The s3UriSettings object ${file.uri} changed after submission (ETag ${file.etag} is now ${etag}).`);
    } catch (err) {
      fail(b, `The s3UriSettings object ${file.uri} can no longer be read (${errorName(err)}).`);
    }
    return false;
  };

  const startRuns = (b: BatchRecord): void => {
    for (const run of b.runs) {
      const failure = runFailure(run.runSettingId, run.setting);
      if (failure) {
        run.submissionStatus = "FAILED";
        run.submissionFailureReason = failure.reason;
        run.submissionFailureMessage = failure.message;
        continue;
      }
      const runId = String(nextRunId++);
      run.runId = runId;
      run.runArn = `arn:aws:omics:${region}:${accountId}:run/${runId}`;
      run.runInternalUuid = uuidFor("8000", runId);
      run.submissionStatus = "SUCCESS";
      run.runStatus = "RUNNING";
    }
  };

  const setRunStatus = (b: BatchRecord, from: RunStatus, to: RunStatus): void => {
    for (const run of b.runs) if (run.runStatus === from) run.runStatus = to;
  };

  /** One lifecycle step; terminal states stay as they are. */
  const advanceOnce = async (b: BatchRecord): Promise<void> => {
    switch (b.status) {
      case "CREATING":
        if (await settingsUnchanged(b)) b.status = "PENDING";
        return;
      case "PENDING":
        if (!(await settingsUnchanged(b))) return;
        if (b.settingsError !== undefined) return fail(b, b.settingsError);
        b.status = "SUBMITTING";
        return;
      case "SUBMITTING":
        if (!(await settingsUnchanged(b))) return;
        startRuns(b);
        b.status = "INPROGRESS";
        b.submittedTime = now();
        return;
      case "INPROGRESS":
        setRunStatus(b, "RUNNING", "COMPLETED");
        b.status = "PROCESSED";
        b.processedTime = now();
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
  };

  const requireStatus = (b: BatchRecord, operation: OperationName, allowed: readonly BatchStatus[]): void => {
    if (!allowed.includes(b.status)) {
      throw new ServiceError("ConflictException", `Batch ${b.id} is ${b.status}; ${operation} is allowed only when the batch is ${allowed.join(", ")}.`);
    }
  };

  // ---- operations -------------------------------------------------------------------------

  const startRunBatch = async (body: unknown): Promise<Reply> => {
    const checked = validateStartRunBatch(body);
    if (!checked.ok) throw new ServiceError("ValidationException", checked.message);
    const request = body as Record<string, unknown>;
    const requestId = String(request.requestId);
    const fingerprint = canonicalJson(request);
    const seen = requestIds.get(requestId);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new ServiceError("ConflictException", `The requestId '${requestId}' was already used for a different StartRunBatch request.`);
      }
      return { status: 201, body: startResponse(await seen.batch) };
    }
    const batch = createBatch(request);
    requestIds.set(requestId, { fingerprint, batch });
    try {
      return { status: 201, body: startResponse(await batch) };
    } catch (err) {
      requestIds.delete(requestId);
      throw err;
    }
  };

  const createBatch = async (request: Record<string, unknown>): Promise<BatchRecord> => {
    const settings = request.batchRunSettings as { inlineSettings?: Record<string, unknown>[]; s3UriSettings?: string };
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
      let text: string;
      let etag: string;
      try {
        ({ text, etag } = await s3Client().getObject(bucket, key));
      } catch (err) {
        if (err instanceof ServiceError) throw err;
        throw new ServiceError("ValidationException", `Unable to read s3UriSettings ${uri}: ${errorName(err)}.`);
      }
      settingsFile = { uri, bucket, key, etag };
      const parsed = parseSettingsFile(text);
      if (typeof parsed === "string") settingsError = `The s3UriSettings file ${uri} is invalid: ${parsed}`;
      else runs = parsed.map(toRun);
    }
    const id = String(nextBatchId++);
    const defaultRunSetting = request.defaultRunSetting as Record<string, unknown>;
    const b: BatchRecord = {
      id,
      arn: `arn:aws:omics:${region}:${accountId}:runBatch/${id}`,
      uuid: uuidFor("a000", id),
      status: "CREATING",
      requestId: String(request.requestId),
      request,
      defaultRunSetting,
      runs,
      creationTime: now(),
    };
    if (typeof request.batchName === "string") b.name = request.batchName;
    if (request.tags !== undefined) b.tags = request.tags as Record<string, string>;
    if (settingsFile) b.settingsFile = settingsFile;
    if (settingsError !== undefined) b.settingsError = settingsError;
    state.batches.set(id, b);
    return b;
  };

  const getBatch = async (id: string): Promise<Reply> => {
    const b = findBatch(id);
    if (autoAdvance) await advanceOnce(b);
    return { status: 200, body: batchView(b) };
  };

  const listBatch = (query: Record<string, string>): Reply => {
    const { maxItems, offset } = paging(query);
    const filters = (["status", "name", "runGroupId"] as const).filter((f) => query[f] !== undefined);
    if (filters.length > 1) {
      throw new ServiceError("ValidationException", `Only one filter is supported per call, got ${filters.join(", ")}.`);
    }
    if (query.status !== undefined && !BATCH_STATUSES.includes(query.status as BatchStatus)) {
      throw new ServiceError("ValidationException", `Value '${query.status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [${BATCH_STATUSES.join(", ")}]`);
    }
    const all = [...state.batches.values()].filter(
      (b) =>
        (query.status === undefined || b.status === query.status) &&
        (query.name === undefined || b.name === query.name) &&
        (query.runGroupId === undefined || b.defaultRunSetting.runGroupId === query.runGroupId),
    );
    const page = all.slice(offset, offset + maxItems).map((b) => dropUndefined({
      id: b.id,
      name: b.name,
      status: b.status,
      totalRuns: b.runs.length,
      workflowId: b.defaultRunSetting.workflowId,
      createdAt: b.creationTime.toISOString(),
    }));
    return { status: 200, body: dropUndefined({ items: page, nextToken: nextToken(offset + maxItems, all.length) }) };
  };

  const listRunsInBatch = (id: string, query: Record<string, string>): Reply => {
    const b = findBatch(id);
    const { maxItems, offset } = paging(query);
    const filters = (["submissionStatus", "runSettingId", "runId"] as const).filter((f) => query[f] !== undefined);
    if (filters.length > 1) {
      throw new ServiceError("ValidationException", `Only one filter is supported per call, got ${filters.join(", ")}.`);
    }
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
    const runs = all.slice(offset, offset + maxItems).map((r) => dropUndefined({
      runSettingId: r.runSettingId,
      runId: r.runId,
      runInternalUuid: r.runInternalUuid,
      runArn: r.runArn,
      submissionStatus: r.submissionStatus,
      submissionFailureReason: r.submissionFailureReason,
      submissionFailureMessage: r.submissionFailureMessage,
    }));
    const next = nextToken(offset + maxItems, all.length);
    const page: { runs: Record<string, unknown>[]; nextToken?: string } = next !== undefined ? { runs, nextToken: next } : { runs };
    return { status: 200, body: dropUndefined(options.listRunsPage?.(b.id, page) ?? page) };
  };

  const batchIdFromBody = (body: unknown): string => {
    const id = (body as { batchId?: unknown } | undefined)?.batchId;
    if (typeof id !== "string") throw new ServiceError("ValidationException", "1 validation error detected: Value null at 'batchId' failed to satisfy constraint: Member must not be null");
    return id;
  };

  const cancelRunBatch = (body: unknown): Reply => {
    const b = findBatch(batchIdFromBody(body));
    requireStatus(b, "CancelRunBatch", ["PENDING", "SUBMITTING", "INPROGRESS"]);
    for (const run of b.runs) {
      if (run.runStatus === "RUNNING" && failCancels.has(run.runSettingId)) {
        run.submissionStatus = "CANCEL_FAILED";
      } else if (run.runStatus === "RUNNING") {
        run.runStatus = "STOPPING";
        run.submissionStatus = "CANCEL_SUCCESS";
      }
    }
    b.status = "STOPPING";
    return { status: 202, body: {} };
  };

  const deleteRunBatch = (body: unknown): Reply => {
    const b = findBatch(batchIdFromBody(body));
    requireStatus(b, "DeleteRunBatch", ["PROCESSED", "CANCELLED"]);
    for (const run of b.runs) if (run.runId !== undefined) run.submissionStatus = failDeletes.has(run.runSettingId) ? "DELETE_FAILED" : "DELETE_SUCCESS";
    b.status = "RUNS_DELETING";
    return { status: 202, body: {} };
  };

  const tagResource = (arn: string, body: unknown): Reply => {
    const b = [...state.batches.values()].find((x) => x.arn === arn);
    if (!b) throw new ServiceError("ResourceNotFoundException", `Resource ${arn} not found.`);
    const tags = (body as { tags?: unknown } | undefined)?.tags;
    if (typeof tags !== "object" || tags === null || Array.isArray(tags) || Object.values(tags).some((v) => typeof v !== "string")) {
      throw new ServiceError("ValidationException", "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must be a map of strings");
    }
    b.tags = { ...b.tags, ...(tags as Record<string, string>) };
    return { status: 204 };
  };

  const deleteBatch = (id: string): Reply => {
    const b = findBatch(id);
    requireStatus(b, "DeleteBatch", ["PROCESSED", "FAILED", "CANCELLED", "RUNS_DELETED"]);
    state.batches.delete(id);
    return { status: 202 };
  };

  // ---- HTTP -------------------------------------------------------------------------------

  const getWorkflow = (id: string): Reply => {
    const w = Object.hasOwn(options.workflows ?? {}, id) ? options.workflows?.[id] : undefined;
    if (w === undefined) throw new ServiceError("ResourceNotFoundException", `Workflow ${id} not found.`);
    return { status: 200, body: dropUndefined({ id, arn: `arn:aws:omics:${region}:123456789012:workflow/${id}`, status: "ACTIVE", parameterTemplate: w.parameterTemplate }) };
  };

  const getWorkflowVersion = (target: string): Reply => {
    const [id = "", version = ""] = target.split("\0");
    const w = Object.hasOwn(options.workflows ?? {}, id) ? options.workflows?.[id] : undefined;
    const v = w?.versions !== undefined && Object.hasOwn(w.versions, version) ? w.versions[version] : undefined;
    if (v === undefined) throw new ServiceError("ResourceNotFoundException", `Workflow ${id} version ${version} not found.`);
    return { status: 200, body: dropUndefined({ workflowId: id, versionName: version, status: "ACTIVE", parameterTemplate: v.parameterTemplate }) };
  };

  const route = (method: string, path: string): { operation: OperationName; id?: string } | undefined => {
    const wf = /^\/workflow\/([^/]+)(?:\/version\/([^/]+))?$/.exec(path);
    if (wf !== null && method === "GET") {
      return wf[2] !== undefined ? { operation: "GetWorkflowVersion", id: `${safeDecode(wf[1] ?? "")}\0${safeDecode(wf[2])}` } : { operation: "GetWorkflow", id: wf[1] ?? "" };
    }
    const tag = /^\/tags\/([^/]+)$/.exec(path);
    if (tag) return method === "POST" ? { operation: "TagResource", id: tag[1] ?? "" } : undefined;
    if (path === "/runBatch") return method === "POST" ? { operation: "StartRunBatch" } : method === "GET" ? { operation: "ListBatch" } : undefined;
    if (method === "POST" && path === "/runBatch/cancel") return { operation: "CancelRunBatch" };
    if (method === "POST" && path === "/runBatch/delete") return { operation: "DeleteRunBatch" };
    const m = /^\/runBatch\/([^/]+)(\/run)?$/.exec(path);
    if (!m) return undefined;
    const id = m[1] ?? "";
    if (m[2]) return method === "GET" ? { operation: "ListRunsInBatch", id } : undefined;
    if (method === "GET") return { operation: "GetBatch", id };
    if (method === "DELETE") return { operation: "DeleteBatch", id };
    return undefined;
  };

  const dispatch = async (operation: OperationName, id: string, body: unknown, query: Record<string, string>): Promise<Reply> => {
    switch (operation) {
      case "StartRunBatch": return startRunBatch(body);
      case "GetBatch": return getBatch(id);
      case "ListBatch": return listBatch(query);
      case "ListRunsInBatch": return listRunsInBatch(id, query);
      case "CancelRunBatch": return cancelRunBatch(body);
      case "DeleteRunBatch": return deleteRunBatch(body);
      case "DeleteBatch": return deleteBatch(id);
      case "TagResource": return tagResource(id, body);
      case "GetWorkflow": return getWorkflow(id);
      case "GetWorkflowVersion": return getWorkflowVersion(id);
    }
  };

  const takeFault = (operation: OperationName): FaultSpec | undefined => {
    for (const key of [operation, "*"] as const) {
      const queue = state.faults.get(key);
      if (queue && queue.length > 0) return queue.shift();
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf-8");
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    const url = new URL(target, "http://endpoint.invalid");
    const path = safeDecode(url.pathname);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
    let body: unknown;
    let bodyIsJson = true;
    if (rawBody !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyIsJson = false;
      }
    }
    const matched = route(method, url.pathname);
    const entry: LoggedRequest = { operation: matched?.operation, method, path, query, headers: req.headers, body, rawBody, status: 0 };
    state.requests.push(entry);

    const send = (status: number, payload: unknown, errorType?: string): void => {
      entry.status = status;
      const headers: Record<string, string> = { "x-amzn-requestid": randomUUID() };
      if (errorType !== undefined) {
        entry.errorType = errorType;
        headers["x-amzn-errortype"] = errorType;
      }
      if (payload === undefined) {
        res.writeHead(status, headers).end();
      } else {
        headers["content-type"] = "application/json";
        res.writeHead(status, headers).end(JSON.stringify(payload));
      }
    };
    const sendError = (e: ServiceError): void => send(e.status, { message: e.message }, e.type);

    try {
      const auth = await verifySigV4({ method, url: target, headers: req.headers, body: rawBody }, credentials, { region, service: "omics" });
      if (!auth.ok) return sendError(new ServiceError(auth.error, auth.message, auth.status));
      if (!matched) return sendError(new ServiceError("UnknownOperationException", `No operation matches ${method} ${path}.`, 404));
      const fault = takeFault(matched.operation);
      if (fault) {
        entry.injected = true;
        return sendError(new ServiceError(fault.error, fault.message ?? `Injected ${fault.error} for ${matched.operation}.`, fault.status));
      }
      if (!bodyIsJson) return sendError(new ServiceError("SerializationException", "The request body is not valid JSON.", 400));
      const reply = await dispatch(matched.operation, safeDecode(matched.id ?? ""), body, query);
      send(reply.status, reply.body);
    } catch (err) {
      if (err instanceof ServiceError) return sendError(err);
      sendError(new ServiceError("InternalServerException", `The test endpoint failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    region,
    credentials,
    state,
    requests: state.requests,
    requestsOf: (operation) => state.requests.filter((r) => r.operation === operation),
    batch: (id) => {
      const b = state.batches.get(id);
      if (!b) throw new Error(`the test endpoint has no batch ${id}`);
      return b;
    },
    advance: async (id, steps = 1) => {
      const b = state.batches.get(id);
      if (!b) throw new Error(`the test endpoint has no batch ${id}`);
      for (let i = 0; i < steps; i++) await advanceOnce(b);
      return b;
    },
    failNext: (operation, fault, times = 1) => {
      const spec: FaultSpec = typeof fault === "string" ? { error: fault } : fault;
      const queue = state.faults.get(operation) ?? [];
      for (let i = 0; i < times; i++) queue.push(spec);
      state.faults.set(operation, queue);
    },
    close: async () => {
      s3?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

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

function startResponse(b: BatchRecord): Record<string, unknown> {
  return dropUndefined({ id: b.id, arn: b.arn, status: "CREATING", uuid: b.uuid, tags: b.tags });
}

function toRun(setting: Record<string, unknown>): RunRecord {
  return { runSettingId: String(setting.runSettingId), setting };
}

/** The runs of a settings file, or why it cannot be used. */
function parseSettingsFile(text: string): Record<string, unknown>[] | string {
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

function runFailurePredicate(spec: RunFailureSpec | undefined): (id: string, setting: Readonly<Record<string, unknown>>) => { reason: string; message: string } | undefined {
  const fallback = (id: string) => ({ reason: "ValidationException", message: `Run setting ${id} failed validation (injected by the test endpoint).` });
  if (spec === undefined) return () => undefined;
  if (typeof spec === "function") {
    return (id, setting) => {
      const r = spec(id, setting);
      return r === true ? fallback(id) : r === false ? undefined : r;
    };
  }
  const ids = new Set(spec);
  return (id) => (ids.has(id) ? fallback(id) : undefined);
}

function paging(query: Record<string, string>): { maxItems: number; offset: number } {
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

function nextToken(offset: number, total: number): string | undefined {
  return offset < total ? Buffer.from(`offset:${offset}`).toString("base64url") : undefined;
}

/** A deterministic UUID for an id (`variant` tells batches and runs apart). */
function uuidFor(variant: string, id: string): string {
  return `00000000-0000-4000-${variant}-${id.padStart(12, "0")}`;
}

/** JSON with object keys sorted, to compare request bodies regardless of key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : String(err);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
