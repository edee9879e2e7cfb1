// S3 access for the settings file: a client factory that loads `@aws-sdk/client-s3` only when
// called (commands without S3 never load it), and the mapping of S3 and network failures to
// one clear `S3UploadError` each (BC55xx).
import type { S3Client } from "@aws-sdk/client-s3";
import { io, type DiagnosticMessage } from "./codes.js";
import { serviceText } from "./mask.js";
import { withReplyDeadline } from "./s3-deadline.js";
import { loadS3Sdk, type ErrorLike } from "./sdk-modules.js";

/** How to reach S3. Without `endpointUrl`, the SDK's standard endpoint and credential chain apply. */
export interface S3ClientOptions {
  region?: string;
  /** A profile of the shared config/credentials files (as `AWS_PROFILE`). */
  profile?: string;
  /** An S3-compatible endpoint (`http://127.0.0.1:5000`); switches to path-style addressing. */
  endpointUrl?: string;
  /** Fixed credentials instead of the chain (tests, or credentials resolved elsewhere). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts per request (the SDK's default is 3). */
  maxAttempts?: number;
  /** Connect and read (socket inactivity) timeouts in ms; 60 s each by default, as the AWS CLI. */
  timeouts?: { connectMs: number; readMs: number };
}

/** Discards the SDK's own log lines: every failure reaches the user as one S3UploadError. */
const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Creates an S3 client; `@aws-sdk/client-s3` is imported on the first call. */
export async function makeS3Client(options: S3ClientOptions = {}): Promise<S3Client> {
  const { S3Client } = await loadS3Sdk();
  const client = new S3Client({
    logger: silentLogger,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl, forcePathStyle: true } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    requestHandler: {
      connectionTimeout: options.timeouts?.connectMs ?? 60_000,
      socketTimeout: options.timeouts?.readMs ?? 60_000,
    },
  });
  // The whole reply within the read timeout too, so a trickling server times out (s3-deadline.ts).
  const config = client.config as unknown as { requestHandler: Parameters<typeof withReplyDeadline>[0] };
  config.requestHandler = withReplyDeadline(config.requestHandler, { connectMs: options.timeouts?.connectMs ?? 60_000, readMs: options.timeouts?.readMs ?? 60_000 });
  return client;
}

/** A failed S3 step, as one catalog message (BC55xx). The CLI prints it and exits 3. */
export class S3UploadError extends Error {
  override readonly name = "S3UploadError";
  readonly code: string;
  readonly help: string;
  /** The same, as a message of the diagnostics catalog. */
  readonly diagnostic: DiagnosticMessage;

  constructor(diagnostic: DiagnosticMessage, cause?: unknown) {
    super(diagnostic.message, cause === undefined ? undefined : { cause });
    this.code = diagnostic.code;
    this.help = diagnostic.help ?? "";
    this.diagnostic = diagnostic;
  }
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

const ACCESS_NAMES = new Set([
  "AccessDenied",
  "Forbidden",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "AllAccessDisabled",
  "ExpiredToken",
  "InvalidToken",
  "AccountProblem",
]);

/** The Node network error code (`ECONNREFUSED`...) of an error or of its causes, if any. */
function networkError(e: ErrorLike | undefined, depth = 0): ErrorLike | undefined {
  if (e === undefined || e === null || typeof e !== "object" || depth > 4) return undefined;
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return e;
  if (Array.isArray(e.errors)) for (const x of e.errors) { const n = networkError(x as ErrorLike, depth + 1); if (n) return n; }
  return networkError(e.cause as ErrorLike | undefined, depth + 1);
}

/** The Node HTTP parser's error code (`HPE_…`) of an error or of its causes: the reply was not HTTP. */
function httpParserCode(e: ErrorLike | undefined, depth = 0): string | undefined {
  if (e === undefined || e === null || typeof e !== "object" || depth > 4) return undefined;
  if (typeof e.code === "string" && e.code.startsWith("HPE_")) return e.code;
  return httpParserCode(e.cause as ErrorLike | undefined, depth + 1);
}

/** The HTTP status of an SDK error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  return (err as ErrorLike | undefined)?.$metadata?.httpStatusCode;
}

/** Whether an S3 error is a failed `If-None-Match` precondition (the key exists). */
export function isPreconditionFailed(err: unknown): boolean {
  return (err as ErrorLike | undefined)?.name === "PreconditionFailed" || httpStatus(err) === 412;
}

/** `60 seconds` from a timeout message's `60000 ms`. */
function secondsIn(message: string): string {
  const ms = Number(/(\d+) ms/.exec(message)?.[1] ?? "0");
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? "" : "s"}`;
}

/**
 * Maps an S3 or network failure of `operation` on `s3://bucket/key` to one clear error.
 * `endpoint` names where S3 was called (a custom URL, or `S3 in REGION`), userinfo masked.
 */
export function toS3UploadError(err: unknown, ctx: { operation: string; bucket: string; key: string; endpoint?: string }): S3UploadError {
  if (err instanceof S3UploadError) return err;
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const message = serviceText(typeof e.message === "string" && e.message !== "" ? e.message : name);
  const status = httpStatus(err);
  if (name === "TimeoutError") {
    const where = ctx.endpoint ?? "the S3 endpoint";
    const connect = /establish a connection/i.test(message);
    return new S3UploadError(io.s3TimedOut(where, connect ? "--cli-connect-timeout" : "--cli-read-timeout", secondsIn(message)), err);
  }
  const parseCode = httpParserCode(e);
  if (parseCode !== undefined) return new S3UploadError(io.notS3(ctx.endpoint ?? "the S3 endpoint", `${parseCode}: the reply is not HTTP`), err);
  const net = networkError(e);
  if (net !== undefined) {
    const where =
      ctx.endpoint ??
      (typeof net.hostname === "string"
        ? net.hostname
        : typeof net.address === "string"
          ? `${net.address}${net.port !== undefined ? `:${String(net.port)}` : ""}`
          : "the configured endpoint");
    const what = net.code === "ECONNRESET" || net.code === "EPIPE" ? "the connection was reset" : String(net.message ?? message);
    return new S3UploadError(io.unreachable(where, `${String(net.code)}: ${serviceText(what)}`), err);
  }
  if (/\$response|Deserialization error|char '.'|Unexpected token|non-whitespace/i.test(message) || name === "SyntaxError") {
    return new S3UploadError(io.notS3(ctx.endpoint ?? "the S3 endpoint", `the reply could not be read${status !== undefined ? ` (HTTP ${status})` : ""}`), err);
  }
  if (name === "NoSuchBucket") return new S3UploadError(io.bucketNotFound(ctx.bucket), err);
  if (ACCESS_NAMES.has(name) || status === 403) return new S3UploadError(io.accessDenied(ctx.bucket, ctx.key, `${name}: ${message}`), err);
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(message))
    return new S3UploadError(io.noCredentials(message), err);
  return new S3UploadError(io.s3Failed(ctx.operation, name, message, status), err);
}
