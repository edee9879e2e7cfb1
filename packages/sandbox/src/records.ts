// What the HealthOmics endpoint keeps: batches and their runs, the request log, the statuses of
// the model's enums. Plain data, so the sandbox can write it to a file and read it back.
import type { IncomingHttpHeaders } from "node:http";
import type { FaultSpec } from "./errors.js";

/** The operations the endpoint implements: the run-batch operations batchc calls. */
export type OperationName =
  | "StartRunBatch"
  | "GetBatch"
  | "ListBatch"
  | "ListRunsInBatch"
  | "CancelRunBatch"
  | "DeleteRunBatch"
  | "DeleteBatch"
  | "GetWorkflow"
  | "GetWorkflowVersion"
  | "TagResource";

/** A workflow parameter, as GetWorkflow's `parameterTemplate` describes it. */
export interface WorkflowParameter {
  description?: string;
  optional?: boolean;
}

/** A workflow the endpoint knows (GetWorkflow), with its versions (GetWorkflowVersion). */
export interface WorkflowSpec {
  name?: string;
  parameterTemplate?: Record<string, WorkflowParameter>;
  versions?: Record<string, { parameterTemplate?: Record<string, WorkflowParameter> }>;
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

export const BATCH_STATUSES: readonly BatchStatus[] = [
  "CREATING", "PENDING", "SUBMITTING", "INPROGRESS", "STOPPING", "CANCELLED", "FAILED", "PROCESSED", "RUNS_DELETING", "RUNS_DELETED",
];

/** The statuses a batch stays in: no step moves it on. */
export const SETTLED_STATUSES: ReadonlySet<BatchStatus> = new Set(["CANCELLED", "FAILED", "PROCESSED", "RUNS_DELETED"]);

export type SubmissionStatus = "SUCCESS" | "FAILED" | "CANCEL_SUCCESS" | "CANCEL_FAILED" | "DELETE_SUCCESS" | "DELETE_FAILED";

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ["SUCCESS", "FAILED", "CANCEL_SUCCESS", "CANCEL_FAILED", "DELETE_SUCCESS", "DELETE_FAILED"];

export type RunStatus = "RUNNING" | "STOPPING" | "COMPLETED" | "CANCELLED" | "DELETED";

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

/** Why a run did not start: `submissionFailureReason` and `submissionFailureMessage`. */
export interface RunFailure {
  reason: string;
  message: string;
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
  /** The failure share's choice, made when the batch starts submitting (see failures.ts). */
  plannedFailure?: RunFailure;
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
  /** When the batch last moved a step on the timed clock. */
  steppedAt?: Date;
}

/** A requestId already used: the body's fingerprint and the batch it started. */
export interface RequestIdRecord {
  fingerprint: string;
  batchId: string;
  /** The StartRunBatch answer, kept for a repeat after the batch is deleted. */
  response: Record<string, unknown>;
}

/** The endpoint's mutable state, for assertions (and, in the sandbox, for its data file). */
export interface EndpointState {
  batches: Map<string, BatchRecord>;
  requests: LoggedRequest[];
  /** Queued faults per operation (`"*"`: any operation), consumed first-in first-out. */
  faults: Map<OperationName | "*", FaultSpec[]>;
  /** The requestIds of started batches. */
  requestIds: Map<string, RequestIdRecord>;
  /** Runs whose start was already attempted once (by {@link runKey}): they do not fail again by the failure share. */
  attempted: Set<string>;
  nextBatchId: number;
  nextRunId: number;
}
