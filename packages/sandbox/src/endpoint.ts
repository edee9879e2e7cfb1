// The HealthOmics endpoint on its own HTTP server on 127.0.0.1: what the tests start in-process.
//
// Usage:
//   const endpoint = await startOmicsEndpoint({ settings: reader, failRuns: ["s2"] });
//   const client = await makeOmicsClient({ endpointUrl: endpoint.url, region: endpoint.region,
//     credentials: endpoint.credentials, retryDelayMs: () => 0 });
//   endpoint.failNext("StartRunBatch", "ThrottlingException", 2);   // two 429s, then success
//   ... client.send("GetBatch", ...) ...; endpoint.requests / endpoint.batch(id) / endpoint.advance(id, 3)
//   await endpoint.close();
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OmicsServiceOptions } from "./context.js";
import type { FaultSpec, OmicsErrorName } from "./errors.js";
import type { BatchRecord, EndpointState, LoggedRequest, OperationName } from "./records.js";
import { createOmicsService, type ServiceRequest, type ServiceResponse } from "./service.js";
import type { EndpointCredentials } from "./sigv4.js";

/** Options of {@link startOmicsEndpoint}. */
export interface OmicsEndpointOptions extends OmicsServiceOptions {
  /** Called when the server closes (after connections are closed). */
  onClose?: () => void | Promise<void>;
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

/** Reads a Node request into a {@link ServiceRequest}. */
export async function readRequest(req: IncomingMessage): Promise<ServiceRequest & { raw: Buffer }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: raw.toString("utf-8"), raw };
}

/** Writes a {@link ServiceResponse}. */
export function writeResponse(res: ServerResponse, reply: ServiceResponse): void {
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

/** Listens on `host:port` (port 0: a free one) and returns the port. */
export async function listen(server: Server, port = 0, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Closes a server and its open connections. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Starts an endpoint on 127.0.0.1 (a free port). */
export async function startOmicsEndpoint(options: OmicsEndpointOptions = {}): Promise<OmicsEndpoint> {
  const service = createOmicsService(options);
  const server = createServer((req, res) => {
    void readRequest(req).then(service.handle).then((reply) => writeResponse(res, reply), () => res.destroy());
  });
  const port = await listen(server);
  const { state } = service;
  return {
    url: `http://127.0.0.1:${port}`,
    region: service.region,
    credentials: service.credentials,
    state,
    requests: state.requests,
    requestsOf: (operation) => state.requests.filter((r) => r.operation === operation),
    batch: (id) => {
      const b = state.batches.get(id);
      if (!b) throw new Error(`the endpoint has no batch ${id}`);
      return b;
    },
    advance: service.advance,
    failNext: service.failNext,
    close: async () => {
      await closeServer(server);
      await options.onClose?.();
    },
  };
}
