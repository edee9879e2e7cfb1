// The HealthOmics client's public face: the client itself (omics-http.ts, our own signed HTTP
// requests), the typed operations (omics-calls.ts), the AWS set-up (aws-setup.ts), and the one
// explanation of every failure a call can end in.
import { AwsSetupError } from "./aws-setup.js";
import { TransportError } from "./http-transport.js";
import { serviceText } from "./mask.js";
import { OmicsReplyError } from "./omics-http.js";
import type { OmicsOperation } from "./operations.js";
import type { ErrorLike } from "./sdk-modules.js";

export { OmicsClient, OmicsServiceError, OmicsReplyError, makeOmicsClient, standardRetryDelay } from "./omics-http.js";
export type { OmicsClientOptions, OmicsCall, OmicsReply, ResolvedOmicsClient } from "./omics-http.js";
export {
  startRunBatch,
  getBatch,
  listBatch,
  listRunsInBatch,
  cancelRunBatch,
  deleteRunBatch,
  deleteBatch,
  tagResource,
  type ListBatchQuery,
  type ListRunsInBatchQuery,
} from "./omics-calls.js";
export {
  AwsSetupError,
  checkProfile,
  resolveRegion,
  resolveOmicsEndpoint,
  configuredOmicsEndpoint,
  parseEndpointUrl,
  noRegionError,
  profileName,
  OMICS_HOST_PREFIX,
  type AwsSetupOptions,
  type OmicsEndpoint,
} from "./aws-setup.js";
export { DEFAULT_TIMEOUTS, MAX_REPLY_BYTES, TransportError, endpointOf, type HttpTimeouts, type TransportFailure } from "./http-transport.js";
export { findPossibleDuplicates, tagRequestId, REQUEST_ID_TAG, FINISHED_STATUSES, type PossibleDuplicate } from "./duplicates.js";
export { OPERATIONS, operationPath, type OmicsOperation, type OperationBinding } from "./operations.js";

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

/** What a failed wire exchange means for the user, by its kind; `{flag}` names the timeout flag. */
function describeTransport(e: TransportError, operation: OmicsOperation | undefined): OmicsErrorDescription {
  const where = `HealthOmics at \`${e.endpoint}\``;
  const again = retryHelp(operation);
  switch (e.kind) {
    case "connect-timeout":
      return {
        message: `could not connect to ${where} within ${seconds(e.timeoutMs)} (\`--cli-connect-timeout\`)`,
        help: `check the endpoint URL and the network; allow longer with \`--cli-connect-timeout SECONDS\``,
      };
    case "read-timeout":
      return {
        message: `${where} did not answer within ${seconds(e.timeoutMs)} (\`--cli-read-timeout\`)`,
        help: `allow longer with \`--cli-read-timeout SECONDS\`, or check that the endpoint is HealthOmics; ${again}`,
      };
    case "refused":
      return {
        message: `could not connect to ${where}: ${e.code === "ECONNREFUSED" || e.code === undefined ? "connection refused" : e.code}`,
        help: "check the endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`) and that the service behind it is running",
      };
    case "dns":
      return {
        message: `could not resolve the host of ${where}`,
        help: "check the network connection and the Region; with a custom endpoint, batchc disables the `workflows-` host prefix, so check the endpoint URL itself",
      };
    case "reset":
      return {
        message: `the connection to ${where} was reset before a complete reply arrived`,
        help: `check the network connection (and proxy settings); ${again}`,
      };
    case "not-http":
      return { message: `${where} did not answer with HTTP`, help: "check that the endpoint URL points at HealthOmics (and its scheme, `http://` or `https://`)" };
    case "tls":
      return { message: `the TLS connection to ${where} failed (${e.code ?? "TLS error"})`, help: "check the endpoint URL and the certificates it uses (`NODE_EXTRA_CA_CERTS`)" };
    case "too-large":
      return { message: `the reply of ${where} is larger than batchc reads`, help: "check that the endpoint URL points at HealthOmics" };
    default:
      return { message: `the request to ${where} failed${e.code ? ` (${e.code})` : ""}`, help: `check the network connection; ${again}` };
  }
}

function seconds(ms: number | undefined): string {
  const s = (ms ?? 0) / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? "" : "s"}`;
}

/** True for a submission (or an unknown operation, which is treated as one). */
function submits(operation: OmicsOperation | undefined): boolean {
  return operation === "StartRunBatch" || operation === undefined;
}

/** What to do after a transient failure: a StartRunBatch is safe to repeat thanks to its `requestId`. */
function retryHelp(operation: OmicsOperation | undefined): string {
  return submits(operation) ? "then submit again: the same `requestId` returns the same batch instead of starting a new one" : "then run the command again";
}

/** Help for a server-side failure. */
function laterHelp(operation: OmicsOperation | undefined): string {
  return submits(operation) ? "retry later; the same `requestId` makes the retry safe" : "retry later";
}

/** Help for a `ConflictException`, by operation. */
function conflictHelp(operation: OmicsOperation | undefined): string {
  switch (operation) {
    case "StartRunBatch":
    case undefined:
      return "the `requestId` was already used for a different request (change it, or let batchc derive it from the content)";
    case "CancelRunBatch":
    case "DeleteRunBatch":
    case "DeleteBatch":
      return "the batch is in a state that does not allow this operation; check it with `batchc status BATCH_ID`";
    default:
      return "run the command again in a moment";
  }
}

/**
 * Explains an error thrown by an Omics client call: the eight HealthOmics exceptions, credential
 * and signature problems, set-up problems (Region, profile, endpoint), unusable replies and wire
 * failures (refused, unknown host, reset, timeouts). `operation` tailors the advice. The result
 * never contains credentials, control characters or an unbounded service message.
 */
export function describeOmicsError(err: unknown, context: { operation?: OmicsOperation } = {}): OmicsErrorDescription {
  const operation = context.operation;
  if (err instanceof TransportError) return describeTransport(err, operation);
  if (err instanceof AwsSetupError) return { message: serviceText(err.message), help: err.help };
  if (err instanceof OmicsReplyError) {
    return {
      message: `${serviceText(err.message)} (at \`${err.endpoint}\`)`,
      help: "check that the endpoint URL points at HealthOmics; nothing was done with this reply",
    };
  }
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const detail = serviceDetail(e);
  const status = e.$metadata?.httpStatusCode;

  const known = describeServiceException(name, detail, operation);
  if (known !== undefined) return known;
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
      message: `no usable AWS credentials were found${detail}`,
      help: "choose a profile with `--profile` or `AWS_PROFILE`, run `aws configure` or `aws sso login`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`",
    };
  }
  if (status !== undefined) {
    const what = name === "Unknown" ? "an unexpected error" : `\`${serviceText(name)}\``;
    return {
      message: `HealthOmics answered with ${what} (HTTP ${status})${name === "Unknown" ? "" : detail}`,
      help: status >= 500 ? laterHelp(operation) : "check the request and the account's permissions",
    };
  }
  return {
    message: `the HealthOmics call failed${detail}`,
    help: "run the command again; if it keeps failing, check the network, the credentials and the Region",
  };
}

/** The eight exceptions of the HealthOmics API, explained; undefined for any other name. */
function describeServiceException(name: string, detail: string, operation: OmicsOperation | undefined): OmicsErrorDescription | undefined {
  switch (name) {
    case "ValidationException":
      return {
        message: `HealthOmics rejected the request as invalid${detail}`,
        help:
          submits(operation)
            ? "fix the field named in the message; `batchc compile` checks the same API limits before anything is sent"
            : "check the arguments (batch id, filters) named in the message",
      };
    case "ServiceQuotaExceededException":
      return {
        message: `the request would exceed a HealthOmics service quota${detail}`,
        help: "wait for active batches and runs to finish, split the batch, or request a quota increase in the Service Quotas console (AWS HealthOmics)",
      };
    case "AccessDeniedException":
      return { message: `access denied by HealthOmics${detail}`, help: accessHelp(operation) };
    case "ResourceNotFoundException":
      return {
        message: `a resource the request names does not exist${detail}`,
        help:
          submits(operation)
            ? "check that the workflow, run group and cache exist in the Region the client uses (`--region` or `AWS_REGION`)"
            : "check the batch id (`batchc list` shows the batches) and the Region (`--region` or `AWS_REGION`)",
      };
    case "RequestTimeoutException":
      return {
        message: `HealthOmics timed out handling the request${detail}`,
        help: submits(operation)
          ? "submit again; the same `requestId` makes a repeated submission return the same batch instead of a new one"
          : "run the command again",
      };
    case "ConflictException":
      return { message: `HealthOmics reported a conflict${detail}`, help: conflictHelp(operation) };
    case "ThrottlingException":
      return { message: `HealthOmics throttled the request${detail}`, help: "retry later, or allow more attempts with `--max-attempts`" };
    case "InternalServerException":
      return { message: `HealthOmics had an internal error${detail}`, help: laterHelp(operation) };
  }
  return undefined;
}

function accessHelp(operation: OmicsOperation | undefined): string {
  if (operation === undefined || operation === "StartRunBatch") return SUBMIT_PERMISSIONS;
  if (operation === "GetWorkflow") return "the caller needs `omics:GetWorkflow` on the workflow";
  if (operation === "GetWorkflowVersion") return "the caller needs `omics:GetWorkflowVersion` on the workflow version";
  if (operation === "ListBatch") return "the caller needs `omics:ListBatch`";
  return `the caller needs \`omics:${operation}\` on the batch (\`runBatch/<id>\`)`;
}

/** `: <service message>` without a final period, masked and escaped; empty when there is none. */
function serviceDetail(e: ErrorLike): string {
  const text = typeof e.message === "string" ? serviceText(e.message.trim()).replace(/\.+$/, "") : "";
  if (text === "" || text === "UnknownError" || text === e.name) return "";
  return `: ${text}`;
}

