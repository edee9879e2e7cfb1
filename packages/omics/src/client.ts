// The HealthOmics client: builds an `OmicsClient` over the AWS SDK (loaded on first use, so
// commands that never call AWS never load it) and turns its failures into one clear message.
import type { OmicsClient, OmicsClientConfig } from "@aws-sdk/client-omics";
import { loadOmicsSdk, type ErrorLike } from "./sdk-modules.js";

export type { OmicsClient, OmicsClientConfig } from "@aws-sdk/client-omics";

/** The `@aws-sdk/client-omics` module, loaded once (`loadOmicsSdk`). */
export { loadOmicsSdk, type OmicsSdk } from "./sdk-modules.js";

/** Options of {@link makeOmicsClient}. Everything left out comes from the usual AWS sources. */
export interface OmicsClientOptions {
  /** AWS Region; otherwise `AWS_REGION` or the profile's `region`. */
  region?: string;
  /** Named profile from the shared config and credentials files (the SDK's `profile` option). */
  profile?: string;
  /** A custom endpoint, such as a local test endpoint; otherwise `AWS_ENDPOINT_URL_OMICS` / `AWS_ENDPOINT_URL`. */
  endpointUrl?: string;
  /** Total attempts per call in standard retry mode (the SDK's default is 3). */
  maxAttempts?: number;
  /** A retry strategy to use instead of standard mode (tests pass one without back-off delays). */
  retryStrategy?: OmicsClientConfig["retryStrategy"];
  /** Explicit credentials; otherwise the SDK's default chain (env, profile, SSO, instance role). */
  credentials?: OmicsClientConfig["credentials"];
  /** The environment to read endpoint variables from; `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * True when calls will go to a custom endpoint: `endpointUrl`, or `AWS_ENDPOINT_URL_OMICS` /
 * `AWS_ENDPOINT_URL` in `env` (unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`).
 */
export function usesCustomEndpoint(options: Pick<OmicsClientOptions, "endpointUrl" | "env">): boolean {
  if (options.endpointUrl) return true;
  const env = options.env ?? process.env;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true") return false;
  return Boolean(env.AWS_ENDPOINT_URL_OMICS || env.AWS_ENDPOINT_URL);
}

/**
 * The client config {@link makeOmicsClient} passes to `new OmicsClient(...)`. The batch operations
 * carry the host prefix `workflows-`, which a custom endpoint (e.g. `127.0.0.1`) cannot take, so the
 * prefix is disabled whenever the endpoint is custom.
 */
export function omicsClientConfig(options: OmicsClientOptions = {}): OmicsClientConfig {
  const config: OmicsClientConfig = { retryMode: "standard" };
  if (options.region !== undefined) config.region = options.region;
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.endpointUrl !== undefined) config.endpoint = options.endpointUrl;
  if (usesCustomEndpoint(options)) config.disableHostPrefix = true;
  if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
  if (options.retryStrategy !== undefined) config.retryStrategy = options.retryStrategy;
  if (options.credentials !== undefined) config.credentials = options.credentials;
  return config;
}

/**
 * Creates an `OmicsClient` (loading the SDK on first use) configured by {@link omicsClientConfig}.
 * An endpoint set in the shared config file (`endpoint_url`, or a `services` section) is known
 * only once the SDK has read the file: the client then drops the host prefix as well.
 */
export async function makeOmicsClient(options: OmicsClientOptions = {}): Promise<OmicsClient> {
  const { OmicsClient } = await loadOmicsSdk();
  const config = omicsClientConfig(options);
  const client = new OmicsClient(config);
  if (config.disableHostPrefix !== true) {
    // The SDK's own lookup (cached: the requests reuse it); its protocol reads the flag per request.
    const resolved = client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined>; disableHostPrefix?: boolean };
    if (await resolved.serviceConfiguredEndpoint?.()) resolved.disableHostPrefix = true;
  }
  return client;
}

/** The HealthOmics operations batchc calls, for {@link describeOmicsError}'s IAM advice. */
export type OmicsOperation =
  | "StartRunBatch"
  | "GetBatch"
  | "ListBatch"
  | "ListRunsInBatch"
  | "CancelRunBatch"
  | "DeleteRunBatch"
  | "DeleteBatch"
  | "GetWorkflow";

/** A failure explained for the user: `message` says what went wrong, `help` what to do. */
export interface OmicsErrorDescription {
  message: string;
  help: string;
}

const SUBMIT_PERMISSIONS =
  "the caller needs `omics:StartRunBatch` and `omics:StartRun` (on the workflow, run group and run resources) and " +
  "`iam:PassRole` on the run role in `roleArn`; the run role needs `s3:GetObject` on the `s3UriSettings` file and the inputs, " +
  "and write access to `outputUri`";

const CREDENTIAL_ERRORS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "IncompleteSignatureException",
  "MissingAuthenticationTokenException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidAccessKeyId",
]);

const NETWORK_TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * Explains an error thrown by an Omics client call: the eight HealthOmics exceptions, credential
 * and signature problems, and network failures (refused connection, unknown host, timeouts).
 * `operation` tailors the IAM advice for `AccessDeniedException`. The result never contains
 * credentials: access key ids, signatures and secrets are masked in any text taken from the error.
 */
export function describeOmicsError(err: unknown, context: { operation?: OmicsOperation } = {}): OmicsErrorDescription {
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const detail = serviceDetail(e);
  const status = e.$metadata?.httpStatusCode;
  const code = systemCode(e);

  switch (name) {
    case "ValidationException":
      return {
        message: `HealthOmics rejected the request as invalid${detail}`,
        help: "fix the field named in the message; `batchc compile` checks the same API limits before anything is sent",
      };
    case "ServiceQuotaExceededException":
      return {
        message: `the request would exceed a HealthOmics service quota${detail}`,
        help: "wait for active batches and runs to finish, split the batch, or request a quota increase in the Service Quotas console (AWS HealthOmics)",
      };
    case "AccessDeniedException":
      return {
        message: `access denied by HealthOmics${detail}`,
        help: accessHelp(context.operation),
      };
    case "ResourceNotFoundException":
      return {
        message: `a resource the request names does not exist${detail}`,
        help: "check that the workflow, run group, cache or batch id exists in the Region the client uses (`--region` or `AWS_REGION`)",
      };
    case "RequestTimeoutException":
      return {
        message: `HealthOmics timed out handling the request${detail}`,
        help: "submit again; the same `requestId` makes a repeated submission return the same batch instead of a new one",
      };
    case "ConflictException":
      return {
        message: `HealthOmics reported a conflict${detail}`,
        help: "the `requestId` was already used for a different batch (change it, or let batchc derive it from the payload), or the batch is in a state that does not allow this operation (check it with `GetBatch`)",
      };
    case "ThrottlingException":
      return {
        message: `HealthOmics throttled the request${detail}`,
        help: "retry later, or allow more attempts with `--max-attempts`",
      };
    case "InternalServerException":
      return {
        message: `HealthOmics had an internal error${detail}`,
        help: "retry later; the same `requestId` makes the retry safe",
      };
  }

  if (CREDENTIAL_ERRORS.has(name)) {
    const expired = /expired/i.test(name) || /expired/i.test(String(e.message ?? ""));
    return {
      message: expired ? `the AWS credentials have expired (${name})` : `AWS did not accept the credentials (${name})${detail}`,
      help: expired
        ? "refresh them (for example `aws sso login`) or pick another profile with `--profile`"
        : "check the access key and secret of the profile in use (`--profile` or `AWS_PROFILE`), that the system clock is correct, and that the Region is right",
    };
  }
  if (name === "CredentialsProviderError" || name === "TokenProviderError") {
    return {
      message: `no usable AWS credentials were found${serviceDetail(e)}`,
      help: "choose a profile with `--profile` or `AWS_PROFILE`, run `aws configure` or `aws sso login`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`",
    };
  }
  if (/region is missing/i.test(String(e.message ?? ""))) {
    return {
      message: "no AWS Region is configured",
      help: "pass `--region`, set `AWS_REGION`, or set `region` in the profile",
    };
  }

  if (code === "ECONNREFUSED") {
    return {
      message: `could not connect to the HealthOmics endpoint${address(e)}: connection refused`,
      help: "check the endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`) and that the service behind it is running",
    };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    const host = typeof e.hostname === "string" ? ` \`${e.hostname}\`` : "";
    return {
      message: `could not resolve the HealthOmics host${host}`,
      help: "check the network connection and the Region; with a custom endpoint, batchc disables the `workflows-` host prefix, so check the endpoint URL itself",
    };
  }
  if (name === "TimeoutError" || (code !== undefined && NETWORK_TIMEOUT_CODES.has(code))) {
    return {
      message: `the connection to HealthOmics${address(e)} ${code === "ECONNRESET" || code === "EPIPE" ? "was reset" : "timed out"}`,
      help: "check the network connection (and proxy settings), then retry; allow more attempts with `--max-attempts`",
    };
  }
  if (name === "AbortError") {
    return { message: "the request to HealthOmics was aborted", help: "run the command again" };
  }
  if (name === "SyntaxError" && e.$metadata !== undefined) {
    return {
      message: `the endpoint's reply could not be read as a HealthOmics response${status !== undefined ? ` (HTTP ${status})` : ""}`,
      help: "check that the endpoint URL points at HealthOmics",
    };
  }
  if (status !== undefined) {
    const what = name === "Unknown" ? "an unexpected error" : `\`${name}\``;
    return {
      message: `HealthOmics answered with ${what} (HTTP ${status})${name === "Unknown" ? "" : detail}`,
      help: status >= 500 ? "retry later; the same `requestId` makes the retry safe" : "check the request and the account's permissions",
    };
  }
  return {
    message: `the HealthOmics call failed${serviceDetail(e)}`,
    help: "run the command again; if it keeps failing, check the network, the credentials and the Region",
  };
}

function accessHelp(operation: OmicsOperation | undefined): string {
  if (operation === undefined || operation === "StartRunBatch") return SUBMIT_PERMISSIONS;
  if (operation === "GetWorkflow") return "the caller needs `omics:GetWorkflow` on the workflow";
  return `the caller needs \`omics:${operation}\` on the batch (\`runBatch/<id>\`)`;
}

/** `: <service message>` without a final period, masked; empty when there is none. */
function serviceDetail(e: ErrorLike): string {
  const text = typeof e.message === "string" ? mask(e.message).trim().replace(/\.+$/, "") : "";
  if (text === "" || text === "UnknownError" || text === e.name) return "";
  return `: ${text}`;
}

/** The Node system error code, looked up on the error, its `cause` and an `AggregateError`'s members. */
function systemCode(e: ErrorLike, depth = 0): string | undefined {
  if (typeof e.code === "string") return e.code;
  if (depth > 3) return undefined;
  if (typeof e.cause === "object" && e.cause !== null) {
    const c = systemCode(e.cause as ErrorLike, depth + 1);
    if (c) return c;
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      if (typeof inner === "object" && inner !== null) {
        const c = systemCode(inner as ErrorLike, depth + 1);
        if (c) return c;
      }
    }
  }
  return undefined;
}

function address(e: ErrorLike): string {
  const inner = [e, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])].find(
    (x): x is ErrorLike => typeof x === "object" && x !== null && typeof (x as ErrorLike).address === "string",
  );
  if (!inner) return "";
  return typeof inner.port === "number" ? ` \`${String(inner.address)}:${inner.port}\`` : ` \`${String(inner.address)}\``;
}

/** Masks anything that looks like a credential in text that came from an error. */
function mask(text: string): string {
  return text
    .replace(/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g, "<access-key-id>")
    .replace(/(Credential=)[^,\s]+/g, "$1<redacted>")
    .replace(/(Signature=)[0-9a-f]+/gi, "$1<redacted>")
    .replace(/((?:aws_)?secret_?access_?key\s*[=:]\s*)\S+/gi, "$1<redacted>")
    .replace(/((?:aws_)?session_?token\s*[=:]\s*)\S+/gi, "$1<redacted>");
}
