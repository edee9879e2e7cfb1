// The HealthOmics endpoint as a request handler: restJson1 routing, the SigV4 check, injected
// faults, the request log, then the operation. Transport-free, so the test endpoint and the
// sandbox (which also serves S3 on the same port) each put it behind their own HTTP server.
//
// Signature failures use the AWS JSON-service names: 403 `MissingAuthenticationTokenException`,
// 400 `IncompleteSignatureException`, 403 `UnrecognizedClientException` (unknown access key),
// 403 `InvalidSignatureException` (wrong secret, changed request, wrong Region or service).
import type { IncomingHttpHeaders } from "node:http";
import { randomUUID } from "node:crypto";
import { emptyState, TEST_CREDENTIALS, type Context, type OmicsServiceOptions } from "./context.js";
import { ServiceError, type FaultSpec, type OmicsErrorName } from "./errors.js";
import { runFailurePredicate } from "./failures.js";
import { advanceOnce, catchUp } from "./lifecycle.js";
import * as op from "./operations.js";
import type { BatchRecord, EndpointState, LoggedRequest, OperationName } from "./records.js";
import { verifySigV4, type EndpointCredentials } from "./sigv4.js";
import { safeDecode } from "./views.js";

/** A received request, as the service needs it. */
export interface ServiceRequest {
  method: string;
  /** The request target: percent-encoded path plus query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer to send. */
export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The HealthOmics operation the request was for, if its path matched one (for logs). */
  operation?: OperationName;
}

/** The endpoint without its transport. */
export interface OmicsService {
  region: string;
  credentials: EndpointCredentials;
  state: EndpointState;
  handle(req: ServiceRequest): Promise<ServiceResponse>;
  /** Moves a batch `steps` lifecycle steps (default 1), as that many `GetBatch` calls would. */
  advance(id: string, steps?: number): Promise<BatchRecord>;
  /** Makes the next `times` (default 1) calls of `operation` (or `"*"`: any) answer `fault`. */
  failNext(operation: OperationName | "*", fault: OmicsErrorName | FaultSpec, times?: number): void;
}

function route(method: string, path: string): { operation: OperationName; id?: string; version?: string } | undefined {
  const wf = /^\/workflow\/([^/]+)(?:\/version\/([^/]+))?$/.exec(path);
  if (wf !== null && method === "GET") {
    const id = safeDecode(wf[1] ?? "");
    return wf[2] !== undefined ? { operation: "GetWorkflowVersion", id, version: safeDecode(wf[2]) } : { operation: "GetWorkflow", id };
  }
  const tag = /^\/tags\/([^/]+)$/.exec(path);
  if (tag) return method === "POST" ? { operation: "TagResource", id: safeDecode(tag[1] ?? "") } : undefined;
  if (path === "/runBatch") return method === "POST" ? { operation: "StartRunBatch" } : method === "GET" ? { operation: "ListBatch" } : undefined;
  if (method === "POST" && path === "/runBatch/cancel") return { operation: "CancelRunBatch" };
  if (method === "POST" && path === "/runBatch/delete") return { operation: "DeleteRunBatch" };
  const m = /^\/runBatch\/([^/]+)(\/run)?$/.exec(path);
  if (!m) return undefined;
  const id = safeDecode(m[1] ?? "");
  if (m[2]) return method === "GET" ? { operation: "ListRunsInBatch", id } : undefined;
  if (method === "GET") return { operation: "GetBatch", id };
  if (method === "DELETE") return { operation: "DeleteBatch", id };
  return undefined;
}

type Route = { operation: OperationName; id?: string; version?: string };

/** What a request is checked and answered with. */
interface Handling {
  ctx: Context;
  credentials: EndpointCredentials;
  /** Each GetBatch moves its batch one step first. */
  autoAdvance: boolean;
  /** The timed clock's step, if any. */
  stepMs: number | undefined;
}

function dispatch(h: Handling, r: Route, body: unknown, query: Record<string, string>): Promise<op.Reply> | op.Reply {
  const { ctx } = h;
  const id = r.id ?? "";
  switch (r.operation) {
    case "StartRunBatch": return op.startRunBatch(ctx, body);
    case "GetBatch": return op.getBatch(ctx, id, h.autoAdvance);
    case "ListBatch": return op.listBatch(ctx, query);
    case "ListRunsInBatch": return op.listRunsInBatch(ctx, id, query);
    case "CancelRunBatch": return op.cancelRunBatch(ctx, body);
    case "DeleteRunBatch": return op.deleteRunBatch(ctx, body);
    case "DeleteBatch": return op.deleteBatch(ctx, id);
    case "TagResource": return op.tagResource(ctx, id, body);
    case "GetWorkflow": return op.getWorkflow(ctx, id);
    case "GetWorkflowVersion": return op.getWorkflowVersion(ctx, id, r.version ?? "");
  }
}

function takeFault(state: EndpointState, operation: OperationName): FaultSpec | undefined {
  for (const key of [operation, "*"] as const) {
    const queue = state.faults.get(key);
    if (queue && queue.length > 0) return queue.shift();
  }
  return undefined;
}

function parseBody(text: string): { body: unknown; json: boolean } {
  if (text === "") return { body: undefined, json: true };
  try {
    return { body: JSON.parse(text), json: true };
  } catch {
    return { body: undefined, json: false };
  }
}

/** The answer to one request: signature, route, injected fault, then the operation. */
async function handleRequest(h: Handling, req: ServiceRequest): Promise<ServiceResponse> {
  const { ctx } = h;
  const url = new URL(req.url, "http://endpoint.invalid");
  const path = safeDecode(url.pathname);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
  const { body, json } = parseBody(req.body);
  const matched = route(req.method, url.pathname);
  const entry: LoggedRequest = { operation: matched?.operation, method: req.method, path, query, headers: req.headers, body, rawBody: req.body, status: 0 };
  if (ctx.options.logRequests !== false) ctx.state.requests.push(entry);

  const send = (status: number, payload: unknown, errorType?: string): ServiceResponse => {
    entry.status = status;
    const headers: Record<string, string> = { "x-amzn-requestid": randomUUID() };
    if (errorType !== undefined) {
      entry.errorType = errorType;
      headers["x-amzn-errortype"] = errorType;
    }
    const operation = matched !== undefined ? { operation: matched.operation } : {};
    if (payload === undefined) return { status, headers, ...operation };
    headers["content-type"] = "application/json";
    return { status, headers, body: JSON.stringify(payload), ...operation };
  };
  const sendError = (e: ServiceError): ServiceResponse => send(e.status, { message: e.message }, e.type);

  try {
    const auth = await verifySigV4({ method: req.method, url: req.url, headers: req.headers, body: req.body }, h.credentials, { region: ctx.region, service: "omics" });
    if (!auth.ok) return sendError(new ServiceError(auth.error, auth.message, auth.status));
    if (!matched) return sendError(new ServiceError("UnknownOperationException", `No operation matches ${req.method} ${path}.`, 404));
    const fault = takeFault(ctx.state, matched.operation);
    if (fault) {
      entry.injected = true;
      return sendError(new ServiceError(fault.error, fault.message ?? `Injected ${fault.error} for ${matched.operation}.`, fault.status));
    }
    if (!json) return sendError(new ServiceError("SerializationException", "The request body is not valid JSON.", 400));
    if (h.stepMs !== undefined) await catchUp(ctx, h.stepMs);
    const reply = await dispatch(h, matched, body, query);
    return send(reply.status, reply.body);
  } catch (err) {
    if (err instanceof ServiceError) return sendError(err);
    return sendError(new ServiceError("InternalServerException", `The endpoint failed: ${err instanceof Error ? err.message : String(err)}`));
  } finally {
    if (ctx.changed) {
      ctx.changed = false;
      ctx.options.onChange?.(ctx.state);
    }
  }
}

function makeContext(options: OmicsServiceOptions): Context {
  return {
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "123456789012",
    now: options.now ?? (() => new Date()),
    state: options.initialState ?? emptyState(),
    options,
    runFailure: runFailurePredicate(options.failRuns),
    failCancels: new Set(options.failCancels ?? []),
    failDeletes: new Set(options.failDeletes ?? []),
    runsPerStep: options.runsPerStep ?? Number.POSITIVE_INFINITY,
    changed: false,
    inFlight: new Map(),
  };
}

/** Creates the service. */
export function createOmicsService(options: OmicsServiceOptions = {}): OmicsService {
  const ctx = makeContext(options);
  const h: Handling = {
    ctx,
    credentials: options.credentials ?? TEST_CREDENTIALS,
    stepMs: options.stepMs,
    autoAdvance: options.stepMs === undefined && (options.autoAdvance ?? true),
  };
  const { state } = ctx;
  return {
    region: ctx.region,
    credentials: h.credentials,
    state,
    handle: (req) => handleRequest(h, req),
    advance: async (id, steps = 1) => {
      const b = state.batches.get(id);
      if (!b) throw new Error(`the endpoint has no batch ${id}`);
      for (let i = 0; i < steps; i++) await advanceOnce(ctx, b);
      ctx.changed = false;
      options.onChange?.(state);
      return b;
    },
    failNext: (operation, fault, times = 1) => {
      const spec: FaultSpec = typeof fault === "string" ? { error: fault } : fault;
      const queue = state.faults.get(operation) ?? [];
      for (let i = 0; i < times; i++) queue.push(spec);
      state.faults.set(operation, queue);
    },
  };
}
