// The options an endpoint runs with, resolved once, and the state its operations share.
import type { EndpointState, RunFailure, WorkflowSpec } from "./records.js";
import type { EndpointCredentials } from "./sigv4.js";
import type { RunFailureSpec } from "./failures.js";

/** Where `s3UriSettings` files are read: moto in the tests, the sandbox store in the sandbox. */
export interface SettingsReader {
  /** The object's text and ETag; throws (any error) when it cannot be read. */
  get(bucket: string, key: string): Promise<{ text: string; etag: string }>;
  /** The object's current ETag; throws when it is gone. */
  head(bucket: string, key: string): Promise<string>;
}

/** How the endpoint behaves. Every option has a default that suits a test. */
export interface OmicsServiceOptions {
  /** Accepted credentials; {@link TEST_CREDENTIALS} by default. */
  credentials?: EndpointCredentials;
  /** The Region requests must be signed for, also used in ARNs; `us-east-1` by default. */
  region?: string;
  /** The account id in ARNs; `123456789012` by default. */
  accountId?: string;
  /** Where `s3UriSettings` files are read; without one, a request that names a file is refused. */
  settings?: SettingsReader;
  /** Runs whose start is reported as submission `FAILED`. */
  failRuns?: RunFailureSpec;
  /** The share (0–1) of a batch's never-attempted runs that fail on their first start; 0 by default. */
  failShare?: number;
  /** Started runs whose cancel fails (`CANCEL_FAILED`; the run keeps running). */
  failCancels?: Iterable<string>;
  /** Started runs whose deletion fails (`DELETE_FAILED`). */
  failDeletes?: Iterable<string>;
  /** Rewrites a `ListRunsInBatch` page before it is sent (a short listing, an empty or repeated `nextToken`). */
  listRunsPage?: (batchId: string, page: { runs: Record<string, unknown>[]; nextToken?: string }) => { runs: Record<string, unknown>[]; nextToken?: string };
  /** Whether each `GetBatch` advances the batch one step first; `true` by default (and off when `stepMs` is set). */
  autoAdvance?: boolean;
  /** A timed clock instead: every batch moves one step per `stepMs` milliseconds of `now()`. */
  stepMs?: number;
  /** Runs started per step while a batch is SUBMITTING; all of them by default. */
  runsPerStep?: number;
  /** The clock for batch timestamps; the real one by default. */
  now?: () => Date;
  /** Workflows for GetWorkflow and GetWorkflowVersion, by id; none by default. */
  workflows?: Record<string, WorkflowSpec>;
  /** Refuse a StartRunBatch whose workflow (and version) is not in `workflows` (404); off by default. */
  requireKnownWorkflow?: boolean;
  /** Keep every request in `state.requests`; on by default (the sandbox turns it off). */
  logRequests?: boolean;
  /** The state to start from (the sandbox's data file). */
  initialState?: EndpointState;
  /** Called after a request that changed the state (the sandbox writes its data file). */
  onChange?: (state: EndpointState) => void;
}

/** The credentials a test endpoint accepts unless told otherwise. */
export const TEST_CREDENTIALS: EndpointCredentials = { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "omics-test-secret" };

/** What the operations share. */
export interface Context {
  region: string;
  accountId: string;
  now: () => Date;
  state: EndpointState;
  options: OmicsServiceOptions;
  runFailure: (id: string, setting: Readonly<Record<string, unknown>>) => RunFailure | undefined;
  failCancels: ReadonlySet<string>;
  failDeletes: ReadonlySet<string>;
  runsPerStep: number;
  /** Set by anything that changes the state. */
  changed: boolean;
  /** StartRunBatch calls whose settings file is being read, by requestId. */
  inFlight: Map<string, { fingerprint: string; response: Promise<Record<string, unknown>> }>;
}

/** A fresh, empty state. */
export function emptyState(): EndpointState {
  return { batches: new Map(), requests: [], faults: new Map(), requestIds: new Map(), attempted: new Set(), nextBatchId: 5000001, nextRunId: 1000001 };
}
