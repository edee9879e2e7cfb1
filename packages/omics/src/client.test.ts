// The Omics client factory's configuration and `describeOmicsError`'s message for each failure.
import { describe, expect, it } from "vitest";
import { describeOmicsError, loadOmicsSdk, makeOmicsClient, omicsClientConfig, usesCustomEndpoint } from "./client.js";

const sdk = await loadOmicsSdk();

describe("omicsClientConfig", () => {
  it("disables the host prefix for an explicit endpoint", () => {
    expect(omicsClientConfig({ endpointUrl: "http://127.0.0.1:4567", region: "eu-west-1", env: {} })).toEqual({
      retryMode: "standard",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:4567",
      disableHostPrefix: true,
    });
  });

  it("disables the host prefix for an endpoint from the environment", () => {
    expect(omicsClientConfig({ env: { AWS_ENDPOINT_URL_OMICS: "http://127.0.0.1:1" } }).disableHostPrefix).toBe(true);
    expect(omicsClientConfig({ env: { AWS_ENDPOINT_URL: "http://127.0.0.1:1" } }).disableHostPrefix).toBe(true);
  });

  it("keeps the host prefix for the real service", () => {
    expect(omicsClientConfig({ env: {} })).toEqual({ retryMode: "standard" });
    expect(usesCustomEndpoint({ env: { AWS_ENDPOINT_URL_OMICS: "http://127.0.0.1:1", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" } })).toBe(false);
    expect(usesCustomEndpoint({ env: { AWS_ENDPOINT_URL_OMICS: "" } })).toBe(false);
  });

  it("passes profile, attempts and credentials through", () => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
    expect(omicsClientConfig({ profile: "dev", maxAttempts: 5, credentials, env: {} })).toEqual({ retryMode: "standard", profile: "dev", maxAttempts: 5, credentials });
  });
});

describe("makeOmicsClient", () => {
  it("builds a client in standard retry mode with the given settings", async () => {
    const client = await makeOmicsClient({ region: "us-west-2", profile: "dev", endpointUrl: "http://127.0.0.1:4567", maxAttempts: 4, env: {} });
    expect(client).toBeInstanceOf(sdk.OmicsClient);
    expect(client.config.profile).toBe("dev");
    expect(client.config.disableHostPrefix).toBe(true);
    expect(await client.config.region()).toBe("us-west-2");
    expect(await client.config.maxAttempts()).toBe(4);
    expect(client.config.retryMode as unknown).toBe("standard");
    client.destroy();
  });
});

/** An SDK exception as the client throws it. */
function thrown(name: keyof typeof sdk & string, message: string, status: number): Error {
  const Exception = sdk[name] as unknown as new (o: { message: string; $metadata: { httpStatusCode: number } }) => Error;
  return new Exception({ message, $metadata: { httpStatusCode: status } });
}

describe("describeOmicsError", () => {
  it("explains each of the eight HealthOmics exceptions", () => {
    const cases: [Error, string, string][] = [
      [
        thrown("ValidationException", "1 validation error detected: Value at 'requestId' failed.", 400),
        "HealthOmics rejected the request as invalid: 1 validation error detected: Value at 'requestId' failed",
        "fix the field named in the message; `batchc compile` checks the same API limits before anything is sent",
      ],
      [
        thrown("ServiceQuotaExceededException", "Too many active batches.", 402),
        "the request would exceed a HealthOmics service quota: Too many active batches",
        "wait for active batches and runs to finish, split the batch, or request a quota increase in the Service Quotas console (AWS HealthOmics)",
      ],
      [
        thrown("AccessDeniedException", "User is not authorized to perform omics:StartRunBatch.", 403),
        "access denied by HealthOmics: User is not authorized to perform omics:StartRunBatch",
        "the caller needs `omics:StartRunBatch` and `omics:StartRun` (on the workflow, run group and run resources) and `iam:PassRole` on the run role in `roleArn`; the run role needs `s3:GetObject` on the `s3UriSettings` file and the inputs, and write access to `outputUri`",
      ],
      [
        thrown("ResourceNotFoundException", "Workflow 1234567 not found.", 404),
        "a resource the request names does not exist: Workflow 1234567 not found",
        "check that the workflow, run group, cache or batch id exists in the Region the client uses (`--region` or `AWS_REGION`)",
      ],
      [
        thrown("RequestTimeoutException", "Request timed out.", 408),
        "HealthOmics timed out handling the request: Request timed out",
        "submit again; the same `requestId` makes a repeated submission return the same batch instead of a new one",
      ],
      [
        thrown("ConflictException", "The request ID is already in use.", 409),
        "HealthOmics reported a conflict: The request ID is already in use",
        "the `requestId` was already used for a different batch (change it, or let batchc derive it from the payload), or the batch is in a state that does not allow this operation (check it with `GetBatch`)",
      ],
      [
        thrown("ThrottlingException", "Rate exceeded", 429),
        "HealthOmics throttled the request: Rate exceeded",
        "retry later, or allow more attempts with `--max-attempts`",
      ],
      [
        thrown("InternalServerException", "An internal error occurred.", 500),
        "HealthOmics had an internal error: An internal error occurred",
        "retry later; the same `requestId` makes the retry safe",
      ],
    ];
    for (const [err, message, help] of cases) expect(describeOmicsError(err)).toEqual({ message, help });
  });

  it("names the IAM action of the failed operation", () => {
    const err = thrown("AccessDeniedException", "denied", 403);
    expect(describeOmicsError(err, { operation: "GetBatch" }).help).toBe("the caller needs `omics:GetBatch` on the batch (`runBatch/<id>`)");
    expect(describeOmicsError(err, { operation: "GetWorkflow" }).help).toBe("the caller needs `omics:GetWorkflow` on the workflow");
  });

  it("explains rejected, expired and missing credentials", () => {
    const signature = new sdk.OmicsServiceException({ name: "InvalidSignatureException", $fault: "client", message: "The request signature we calculated does not match the signature you provided.", $metadata: { httpStatusCode: 403 } });
    expect(describeOmicsError(signature)).toEqual({
      message: "AWS did not accept the credentials (InvalidSignatureException): The request signature we calculated does not match the signature you provided",
      help: "check the access key and secret of the profile in use (`--profile` or `AWS_PROFILE`), that the system clock is correct, and that the Region is right",
    });
    const expired = new sdk.OmicsServiceException({ name: "ExpiredTokenException", $fault: "client", message: "The security token included in the request is expired", $metadata: { httpStatusCode: 403 } });
    expect(describeOmicsError(expired)).toEqual({
      message: "the AWS credentials have expired (ExpiredTokenException)",
      help: "refresh them (for example `aws sso login`) or pick another profile with `--profile`",
    });
    const missing = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(describeOmicsError(missing)).toEqual({
      message: "no usable AWS credentials were found: Could not load credentials from any providers",
      help: "choose a profile with `--profile` or `AWS_PROFILE`, run `aws configure` or `aws sso login`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`",
    });
    expect(describeOmicsError(new Error("Region is missing"))).toEqual({ message: "no AWS Region is configured", help: "pass `--region`, set `AWS_REGION`, or set `region` in the profile" });
  });

  it("never repeats credentials found in an error's text", () => {
    const err = new sdk.OmicsServiceException({
      name: "InvalidSignatureException",
      $fault: "client",
      message: "Bad header Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/omics/aws4_request, Signature=0123abcd; key ASIAIOSFODNN7EXAMPLE, aws_secret_access_key=wJalrXUtnFEMI/K7MDENG",
      $metadata: { httpStatusCode: 403 },
    });
    const { message } = describeOmicsError(err);
    expect(message).toBe(
      "AWS did not accept the credentials (InvalidSignatureException): Bad header Authorization: AWS4-HMAC-SHA256 Credential=<redacted>, Signature=<redacted>; key <access-key-id>, aws_secret_access_key=<redacted>",
    );
  });

  it("explains network failures", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED", address: "127.0.0.1", port: 9 });
    expect(describeOmicsError(refused)).toEqual({
      message: "could not connect to the HealthOmics endpoint `127.0.0.1:9`: connection refused",
      help: "check the endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`) and that the service behind it is running",
    });
    const aggregate = Object.assign(new AggregateError([refused]), { code: "ECONNREFUSED" });
    expect(describeOmicsError(aggregate).message).toBe("could not connect to the HealthOmics endpoint `127.0.0.1:9`: connection refused");
    const unknownHost = Object.assign(new Error("getaddrinfo ENOTFOUND workflows-omics.xx-east-9.amazonaws.com"), { code: "ENOTFOUND", hostname: "workflows-omics.xx-east-9.amazonaws.com" });
    expect(describeOmicsError(unknownHost)).toEqual({
      message: "could not resolve the HealthOmics host `workflows-omics.xx-east-9.amazonaws.com`",
      help: "check the network connection and the Region; with a custom endpoint, batchc disables the `workflows-` host prefix, so check the endpoint URL itself",
    });
    const timeout = Object.assign(new Error("the request socket did not establish a connection"), { name: "TimeoutError" });
    expect(describeOmicsError(timeout)).toEqual({
      message: "the connection to HealthOmics timed out",
      help: "check the network connection (and proxy settings), then retry; allow more attempts with `--max-attempts`",
    });
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(describeOmicsError(reset).message).toBe("the connection to HealthOmics was reset");
    const etimedout = Object.assign(new Error("connect ETIMEDOUT 10.0.0.1:443"), { code: "ETIMEDOUT", address: "10.0.0.1", port: 443 });
    expect(describeOmicsError(etimedout).message).toBe("the connection to HealthOmics `10.0.0.1:443` timed out");
  });

  it("explains other service answers and unknown failures", () => {
    const unavailable = new sdk.OmicsServiceException({ name: "Unknown", $fault: "server", message: "UnknownError", $metadata: { httpStatusCode: 503 } });
    expect(describeOmicsError(unavailable)).toEqual({ message: "HealthOmics answered with an unexpected error (HTTP 503)", help: "retry later; the same `requestId` makes the retry safe" });
    const odd = new sdk.OmicsServiceException({ name: "SomethingElseException", $fault: "client", message: "odd.", $metadata: { httpStatusCode: 404 } });
    expect(describeOmicsError(odd)).toEqual({ message: "HealthOmics answered with `SomethingElseException` (HTTP 404): odd", help: "check the request and the account's permissions" });
    const html = Object.assign(new SyntaxError("Unexpected token '<'"), { $metadata: { httpStatusCode: 400 } });
    expect(describeOmicsError(html)).toEqual({ message: "the endpoint's reply could not be read as a HealthOmics response (HTTP 400)", help: "check that the endpoint URL points at HealthOmics" });
    expect(describeOmicsError("boom")).toEqual({
      message: "the HealthOmics call failed: boom",
      help: "run the command again; if it keeps failing, check the network, the credentials and the Region",
    });
  });
});
