// `batchc sandbox`: the HealthOmics endpoint and the S3 store on one port of 127.0.0.1. A request
// signed for the service `s3` goes to the store, every other one to HealthOmics (which then checks
// the signature). With a data folder, the state and the objects outlive the process.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG, type SandboxConfig } from "./config.js";
import { closeServer, listen, readRequest, writeResponse } from "./endpoint.js";
import { ObjectStore } from "./object-store.js";
import type { EndpointState } from "./records.js";
import { handleS3 } from "./s3-http.js";
import { createOmicsService, type ServiceRequest, type ServiceResponse } from "./service.js";
import { readState, stateWriter } from "./state-file.js";

/** The credentials the sandbox accepts, printed for the user's environment. */
export const SANDBOX_CREDENTIALS = { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" } as const;
export const SANDBOX_REGION = "us-east-1";
export const DEFAULT_PORT = 4599;

/** How the sandbox runs. */
export interface SandboxOptions {
  /** The port on 127.0.0.1 (0: a free one); {@link DEFAULT_PORT} by default. */
  port?: number;
  /** The folder that keeps batches and objects across restarts; none: a temporary one, removed on close. */
  dataDir?: string;
  config?: SandboxConfig;
  /**
   * `read` (the default): a batch moves one step each time it is read (GetBatch), and times come
   * from a simulated clock; a number: one step every so many ms of the real clock.
   */
  clock?: "read" | number;
  /** Runs started per step while a batch is SUBMITTING. */
  startRate?: number;
  /** The share (0–1) of a batch's never-attempted runs that fail to start. */
  failShare?: number;
  /** Told about each request (one line). */
  log?: (line: string) => void;
  /** The clock; the real one by default. */
  now?: () => Date;
}

/** A running sandbox. */
export interface Sandbox {
  url: string;
  port: number;
  /** The variables that point an AWS SDK (and batchc) at the sandbox. */
  env: Record<string, string>;
  state: EndpointState;
  close(): Promise<void>;
}

/** The signing service of a request's `authorization` header (`omics`, `s3`), if any. */
function signingService(req: ServiceRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ""))?.[1];
}

/** A short description of a HealthOmics request for the log. */
function describe(req: ServiceRequest, reply: ServiceResponse): string {
  const error = reply.headers["x-amzn-errortype"];
  return `${reply.operation ?? `${req.method} ${new URL(req.url, "http://x").pathname}`} ${reply.status}${error !== undefined ? ` ${error}` : ""}`;
}

/** Where the simulated clock of `clock: "read"` starts. */
export const SIMULATED_EPOCH = Date.parse("2026-01-01T00:00:00Z");

/**
 * The clock of `clock: "read"`: simulated, so that the same commands print the same times. It
 * starts after the latest time in the state (or at {@link SIMULATED_EPOCH}) and moves one second
 * each time it is read.
 */
function simulatedClock(state: EndpointState | undefined): () => Date {
  let latest = SIMULATED_EPOCH;
  for (const b of state?.batches.values() ?? []) {
    for (const t of [b.creationTime, b.submittedTime, b.processedTime, b.failedTime, b.steppedAt]) if (t !== undefined) latest = Math.max(latest, t.getTime());
  }
  return () => new Date((latest += 1000));
}

/** Starts the sandbox. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = options.dataDir;
  const root = dataDir ?? mkdtempSync(join(tmpdir(), "batchc-sandbox-"));
  const store = new ObjectStore(join(root, "s3"));
  const writer = dataDir !== undefined ? stateWriter(join(dataDir, "omics-state.json")) : undefined;
  const initialState = dataDir !== undefined ? readState(join(dataDir, "omics-state.json")) : undefined;
  const byReads = options.clock === "read" || options.clock === undefined;
  const now = options.now ?? (byReads ? simulatedClock(initialState) : undefined);
  const service = createOmicsService({
    credentials: SANDBOX_CREDENTIALS,
    region: SANDBOX_REGION,
    settings: store.reader(),
    workflows: (options.config ?? DEFAULT_CONFIG).workflows,
    requireKnownWorkflow: true,
    ...(byReads ? { autoAdvance: true } : { stepMs: options.clock as number }),
    runsPerStep: options.startRate ?? 100,
    failShare: options.failShare ?? 0,
    logRequests: false,
    ...(initialState !== undefined ? { initialState } : {}),
    ...(writer !== undefined ? { onChange: writer.changed } : {}),
    ...(now !== undefined ? { now } : {}),
  });
  const log = options.log ?? (() => {});
  const server = createServer((req, res) => {
    void readRequest(req)
      .then(async (request) => {
        if (signingService(request) === "s3") {
          const reply = handleS3(store, request);
          log(`S3 ${request.method} ${request.url.split("?")[0] ?? ""} ${reply.status}`);
          return writeResponse(res, reply);
        }
        const reply = await service.handle(request);
        log(describe(request, reply));
        writeResponse(res, reply);
      })
      .catch(() => res.destroy());
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    env: {
      AWS_ENDPOINT_URL_OMICS: url,
      AWS_ENDPOINT_URL_S3: url,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_REGION: SANDBOX_REGION,
    },
    state: service.state,
    close: async () => {
      await closeServer(server);
      writer?.flush();
      if (dataDir === undefined) rmSync(root, { recursive: true, force: true });
    },
  };
}
