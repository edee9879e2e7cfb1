// One HTTP exchange with an AWS endpoint over Node's own `http`/`https`, with the AWS CLI's two
// timeouts: a connect timeout (TCP connection established) and a read timeout (no byte for that
// long, and the whole reply within that long after the request is sent, so a server that trickles
// a byte now and then cannot hold a command forever). Replies are bounded in size. Every failure
// is one `TransportError` whose `kind` says what happened, with the endpoint (userinfo masked).
import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import { maskUrl } from "./mask.js";

/** Connect and read timeouts in milliseconds (the AWS CLI's defaults are 60 s each). */
export interface HttpTimeouts {
  connectMs: number;
  readMs: number;
}

/** The AWS CLI's defaults: 60 seconds each. */
export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 60_000, readMs: 60_000 };

/** The largest reply read (HealthOmics replies are pages of at most 100 items). */
export const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/** A request to send: the body is sent exactly as given. */
export interface HttpRequestSpec {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A reply: status, lower-case headers (first value of each) and the raw body. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What went wrong on the wire. */
export type TransportFailure =
  | "connect-timeout"
  | "read-timeout"
  | "refused"
  | "dns"
  | "reset"
  | "not-http"
  | "tls"
  | "too-large"
  | "other";

/** A failed exchange: no usable HTTP reply arrived. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    readonly kind: TransportFailure,
    /** The endpoint, as `scheme://host:port` with any userinfo masked. */
    readonly endpoint: string,
    message: string,
    /** The Node error code, when there is one (`ECONNRESET`). */
    readonly code?: string,
    /** The timeout that ran out, in milliseconds. */
    readonly timeoutMs?: number,
  ) {
    super(message);
  }
}

/** The endpoint part of a URL, for messages: `https://host:port`, userinfo masked. */
export function endpointOf(url: URL): string {
  return maskUrl(url.origin === "null" ? url.href : `${url.protocol}//${url.username ? `${url.username}@` : ""}${url.host}`);
}

/** Keep-alive agents for one client; `close()` ends their sockets. */
export class HttpAgents {
  readonly http = new http.Agent({ keepAlive: true, maxSockets: 8 });
  readonly https = new https.Agent({ keepAlive: true, maxSockets: 8 });
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Sends one request and reads the whole reply, within `timeouts`. */
export function sendHttp(spec: HttpRequestSpec, timeouts: HttpTimeouts, agents?: HttpAgents): Promise<HttpReply> {
  const endpoint = endpointOf(spec.url);
  const secure = spec.url.protocol === "https:";
  const transport = secure ? https : http;
  return new Promise<HttpReply>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err: TransportError | undefined, reply?: HttpReply): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        req.destroy();
        reject(err);
      } else {
        resolve(reply as HttpReply);
      }
    };
    const timeout = (kind: "connect-timeout" | "read-timeout", ms: number): TransportError =>
      new TransportError(
        kind,
        endpoint,
        kind === "connect-timeout"
          ? `could not connect to ${endpoint} within ${seconds(ms)}`
          : `${endpoint} did not answer within ${seconds(ms)}`,
        undefined,
        ms,
      );

    const req = transport.request({
      protocol: spec.url.protocol,
      hostname: spec.url.hostname.replace(/^\[|\]$/g, ""),
      port: spec.url.port === "" ? undefined : Number(spec.url.port),
      path: `${spec.url.pathname}${spec.url.search}`,
      method: spec.method,
      headers: spec.headers,
      agent: agents ? (secure ? agents.https : agents.http) : undefined,
    });

    req.on("socket", (socket: Socket) => watchSocket(req, socket, timeouts, timers, finish, timeout));
    req.on("finish", () => {
      // The whole reply within `readMs` of the request being sent.
      timers.push(setTimeout(() => finish(timeout("read-timeout", timeouts.readMs)), timeouts.readMs));
    });
    req.on("error", (err) => finish(classify(err, endpoint)));
    req.on("response", (res) => readReply(res, endpoint, finish));
    req.end(spec.body);
  });
}

type Finish = (err: TransportError | undefined, reply?: HttpReply) => void;

/** The connect timeout while the socket connects, then no idle time over `readMs`. */
function watchSocket(
  req: http.ClientRequest,
  socket: Socket,
  timeouts: HttpTimeouts,
  timers: NodeJS.Timeout[],
  finish: Finish,
  timeout: (kind: "connect-timeout" | "read-timeout", ms: number) => TransportError,
): void {
  const startReading = (): void => {
    // No byte for `readMs` while the request is under way.
    socket.setTimeout(timeouts.readMs);
  };
  if (socket.connecting) {
    const t = setTimeout(() => finish(timeout("connect-timeout", timeouts.connectMs)), timeouts.connectMs);
    timers.push(t);
    socket.once("connect", () => {
      clearTimeout(t);
      startReading();
    });
  } else {
    startReading();
  }
  const onIdle = (): void => finish(timeout("read-timeout", timeouts.readMs));
  socket.on("timeout", onIdle);
  req.once("close", () => {
    socket.removeListener("timeout", onIdle);
    socket.setTimeout(0);
  });
}

/** Reads the whole reply, at most MAX_REPLY_BYTES, and finishes with it. */
function readReply(res: http.IncomingMessage, endpoint: string, finish: Finish): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REPLY_BYTES) {
      finish(new TransportError("too-large", endpoint, `the reply from ${endpoint} is larger than ${MAX_REPLY_BYTES / 1024 / 1024} MiB`));
      return;
    }
    chunks.push(chunk);
  });
  res.on("error", (err) => finish(classify(err, endpoint)));
  res.on("close", () => {
    if (!res.complete) finish(new TransportError("reset", endpoint, `the connection to ${endpoint} was closed before the reply was complete`, "ECONNRESET"));
  });
  res.on("end", () => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? (v[0] ?? "") : v;
    finish(undefined, { status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
  });
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? "" : "s"}`;
}

/** Turns a Node network error into a `TransportError`. */
function classify(err: Error & { code?: unknown }, endpoint: string): TransportError {
  const code = typeof err.code === "string" ? err.code : undefined;
  if (code === "ECONNREFUSED") return new TransportError("refused", endpoint, `could not connect to ${endpoint}: connection refused`, code);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new TransportError("dns", endpoint, `could not resolve the host of ${endpoint}`, code);
  }
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED" || /socket hang up/i.test(err.message)) {
    return new TransportError("reset", endpoint, `the connection to ${endpoint} was reset before a complete reply arrived`, code ?? "ECONNRESET");
  }
  if (code !== undefined && code.startsWith("HPE_")) {
    return new TransportError("not-http", endpoint, `${endpoint} did not answer with HTTP`, code);
  }
  if (code !== undefined && (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || /CERT|SELF_SIGNED|UNABLE_TO/.test(code))) {
    return new TransportError("tls", endpoint, `the TLS connection to ${endpoint} failed (${code})`, code);
  }
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "ETIMEDOUT") {
    return new TransportError("refused", endpoint, `could not connect to ${endpoint} (${code})`, code);
  }
  return new TransportError("other", endpoint, `the request to ${endpoint} failed${code ? ` (${code})` : ""}`, code);
}
