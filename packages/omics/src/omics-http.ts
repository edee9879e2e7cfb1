// The HealthOmics client: each call is our own HTTP request, signed with SigV4 (service `omics`),
// whose body is exactly the bytes it is given; each reply is read as raw JSON, so no member is
// lost either way (an SDK client serialises and keeps only the members it was generated with).
// Retries follow the SDKs' standard mode: throttling, 5xx, 408 and transient network failures are
// tried again with exponential back-off and jitter, up to `maxAttempts` in all (3 by default).
import { randomUUID } from "node:crypto";
import {
  AwsSetupError,
  checkProfile,
  defaultCredentials,
  resolveOmicsEndpoint,
  resolveRegion,
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  type Env,
} from "./aws-setup.js";
import { DEFAULT_TIMEOUTS, HttpAgents, endpointOf, sendHttp, TransportError, type HttpReply, type HttpTimeouts } from "./http-transport.js";
import { OPERATIONS, operationPath, type OmicsOperation } from "./operations.js";
import { namedExports } from "./sdk-modules.js";

/** Options of {@link makeOmicsClient}. Everything left out comes from the usual AWS sources. */
export interface OmicsClientOptions {
  /** AWS Region; otherwise `AWS_REGION` or the profile's `region`. */
  region?: string;
  /** Named profile from the shared config and credentials files. */
  profile?: string;
  /** A custom endpoint; otherwise `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL` or the config file's. */
  endpointUrl?: string;
  /** Total attempts per call (standard retry mode; 3 by default). */
  maxAttempts?: number;
  /** Explicit credentials (or a provider); otherwise the SDK's default chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Connect and read timeouts; 60 s each by default, as the AWS CLI. */
  timeouts?: Partial<HttpTimeouts>;
  /** The back-off before attempt `attempt + 1` in ms; standard mode's jittered exponential delay by default. */
  retryDelayMs?: (attempt: number, throttled: boolean) => number;
  /** The `user-agent` sent. */
  userAgent?: string;
  /** The environment to read AWS variables from; `process.env` by default. */
  env?: Env;
}

/** An error answer of HealthOmics (or of anything at the endpoint), shaped like an SDK service exception. */
export class OmicsServiceError extends Error {
  readonly $fault: "client" | "server";
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };
  constructor(name: string, message: string, status: number, requestId: string | undefined, attempts: number) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 ? "server" : "client";
    this.$metadata = { httpStatusCode: status, attempts, ...(requestId !== undefined ? { requestId } : {}) };
  }
}

/** A successful HTTP status whose reply cannot be used (not JSON, missing members, wrong types, odd status). */
export class OmicsReplyError extends Error {
  override readonly name = "OmicsReplyError";
  constructor(
    message: string,
    readonly operation: OmicsOperation,
    readonly endpoint: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** One call: path parameters, query and the exact body bytes. */
export interface OmicsCall {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | undefined>>;
  /** The body, sent byte for byte. */
  body?: string;
}

/** A reply's JSON object (every member the endpoint sent) and how it went. */
export interface OmicsReply {
  body: Record<string, unknown>;
  status: number;
  requestId: string | undefined;
  attempts: number;
}

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ProvisionedThroughputExceededException",
  "SlowDown",
  "PriorRequestNotComplete",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "EC2ThrottledException",
  "TransactionInProgressException",
]);
const TRANSIENT_STATUS = new Set([408, 500, 502, 503, 504]);
const TRANSIENT_WIRE = new Set(["connect-timeout", "read-timeout", "reset", "refused"]);
const MAX_BACKOFF_MS = 20_000;

/** Standard mode's delay: a random share of base × 2^(attempt − 1), at most 20 s (base 100 ms, 500 ms when throttled). */
export function standardRetryDelay(attempt: number, throttled: boolean): number {
  const base = throttled ? 500 : 100;
  return Math.floor(Math.random() * Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1)));
}

/** The resolved pieces a client is made of. */
export interface ResolvedOmicsClient {
  region: string;
  /** The base URL, without host prefix. */
  endpoint: URL;
  /** A custom endpoint (no host prefix). */
  custom: boolean;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
  timeouts: HttpTimeouts;
  retryDelayMs: (attempt: number, throttled: boolean) => number;
  userAgent: string;
}

/**
 * Resolves the Region, profile, endpoint and credentials and makes a client. Set-up problems
 * (no Region, a profile that does not exist, a malformed endpoint URL) throw `AwsSetupError`.
 */
export async function makeOmicsClient(options: OmicsClientOptions = {}): Promise<OmicsClient> {
  const setup = { ...options, env: options.env ?? process.env };
  await checkProfile(setup);
  const region = await resolveRegion(setup);
  const endpoint = await resolveOmicsEndpoint(region, setup);
  const credentials =
    options.credentials === undefined
      ? await defaultCredentials(setup)
      : typeof options.credentials === "function"
        ? options.credentials
        : ((c: AwsCredentialIdentity) => async () => c)(options.credentials);
  return new OmicsClient({
    region,
    endpoint: endpoint.url,
    custom: endpoint.custom,
    credentials,
    maxAttempts: options.maxAttempts ?? 3,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    retryDelayMs: options.retryDelayMs ?? standardRetryDelay,
    userAgent: options.userAgent ?? "batchc",
  });
}

/** A HealthOmics client over plain HTTP; see the file header. */
export class OmicsClient {
  private readonly agents = new HttpAgents();
  private signer: Promise<{ sign(request: unknown, options?: unknown): Promise<{ headers: Record<string, string> }> }> | undefined;

  constructor(readonly config: ResolvedOmicsClient) {}

  /** The endpoint calls go to, userinfo masked (`https://omics.us-east-1.amazonaws.com`). */
  get endpoint(): string {
    return endpointOf(this.config.endpoint);
  }

  /** The base URL of `operation`: AWS's endpoint with the operation's host prefix, a custom one as it is. */
  endpointFor(operation: OmicsOperation): URL {
    const url = new URL(this.config.endpoint.href);
    if (!this.config.custom) url.hostname = `${OPERATIONS[operation].hostPrefix}${url.hostname}`;
    return url;
  }

  /** Sends one call, with retries; resolves to the reply's JSON object or throws. */
  async send(operation: OmicsOperation, call: OmicsCall = {}): Promise<OmicsReply> {
    const binding = OPERATIONS[operation];
    const url = this.endpointFor(operation);
    const basePath = url.pathname.replace(/\/+$/, "");
    url.pathname = `${basePath}${operationPath(binding, call.params)}`;
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query[k] = String(v);
    url.search = Object.entries(query)
      .map(([k, v]) => `${strictEncode(k)}=${strictEncode(v)}`)
      .join("&");
    const invocation = randomUUID();
    const max = Math.max(1, this.config.maxAttempts);
    for (let attempt = 1; ; attempt++) {
      let reply: HttpReply;
      try {
        const headers = await this.sign(binding.method, url, query, call.body, { invocation, attempt, max });
        reply = await sendHttp({ url, method: binding.method, headers, ...(call.body !== undefined ? { body: call.body } : {}) }, this.config.timeouts, this.agents);
      } catch (err) {
        if (err instanceof TransportError && TRANSIENT_WIRE.has(err.kind) && attempt < max) {
          await delay(this.config.retryDelayMs(attempt, false));
          continue;
        }
        if (err instanceof Error) Object.assign(err, { attempts: attempt });
        throw err;
      }
      const requestId = reply.headers["x-amzn-requestid"] ?? reply.headers["x-amz-request-id"];
      if (reply.status >= 200 && reply.status < 300) return this.success(operation, reply, requestId, attempt);
      const error = serviceError(reply, requestId, attempt);
      const throttled = THROTTLING.has(error.name) || reply.status === 429;
      if ((throttled || TRANSIENT_STATUS.has(reply.status)) && attempt < max) {
        await delay(this.config.retryDelayMs(attempt, throttled));
        continue;
      }
      throw error;
    }
  }

  /** Closes the client's kept-alive connections. */
  destroy(): void {
    this.agents.close();
  }

  private success(operation: OmicsOperation, reply: HttpReply, requestId: string | undefined, attempts: number): OmicsReply {
    const binding = OPERATIONS[operation];
    const fail = (what: string): never => {
      throw new OmicsReplyError(what, operation, this.endpoint, reply.status);
    };
    if (reply.status !== binding.status && reply.status !== 200) {
      fail(`the endpoint answered ${operation} with HTTP ${reply.status}, not ${binding.status}`);
    }
    const text = reply.body.toString("utf-8");
    let body: unknown = {};
    if (text.trim() === "") {
      if (binding.hasBody) fail(`the endpoint's ${operation} reply (HTTP ${reply.status}) is empty`);
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        fail(`the endpoint's ${operation} reply (HTTP ${reply.status}) is not JSON`);
      }
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) fail(`the endpoint's ${operation} reply is not a JSON object`);
    const object = body as Record<string, unknown>;
    const missing = binding.required.filter((m) => object[m] === undefined || object[m] === null);
    if (missing.length > 0) {
      fail(`the endpoint's ${operation} reply has no ${missing.map((m) => `\`${m}\``).join(" or ")}`);
    }
    return { body: object, status: reply.status, requestId, attempts };
  }

  private async sign(
    method: string,
    url: URL,
    query: Record<string, string>,
    body: string | undefined,
    meta: { invocation: string; attempt: number; max: number },
  ): Promise<Record<string, string>> {
    this.signer ??= (async () => {
      const [signing, hashing] = await Promise.all([import("@smithy/signature-v4"), import("@smithy/hash-node")]);
      const { SignatureV4 } = namedExports(signing, "SignatureV4");
      const { Hash } = namedExports(hashing, "Hash");
      return new SignatureV4({
        credentials: this.config.credentials,
        region: this.config.region,
        service: "omics",
        sha256: Hash.bind(null, "sha256"),
      }) as unknown as { sign(request: unknown, options?: unknown): Promise<{ headers: Record<string, string> }> };
    })();
    const signer = await this.signer;
    const headers: Record<string, string> = {
      host: url.host,
      "user-agent": this.config.userAgent,
      "amz-sdk-invocation-id": meta.invocation,
      "amz-sdk-request": `attempt=${meta.attempt}; max=${meta.max}`,
    };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body, "utf-8"));
    }
    const signed = await signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port !== "" ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    return signed.headers;
  }
}

/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
function strictEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase()}`);
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** The restJson1 error of a reply: the type from `x-amzn-errortype` or the body's `__type`/`code`. */
function serviceError(reply: HttpReply, requestId: string | undefined, attempts: number): OmicsServiceError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(reply.body.toString("utf-8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the status alone tells what happened.
  }
  const raw = reply.headers["x-amzn-errortype"] ?? body.__type ?? body.code ?? body.Code;
  const type = typeof raw === "string" ? (raw.split(":")[0] ?? "").replace(/^.*#/, "").trim() : "";
  const message = body.message ?? body.Message ?? body.errorMessage;
  return new OmicsServiceError(type === "" ? "Unknown" : type, typeof message === "string" ? message : "", reply.status, requestId, attempts);
}

export { AwsSetupError };
