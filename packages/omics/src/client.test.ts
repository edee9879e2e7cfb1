// The Omics client's set-up (Region, profile, endpoint and host prefix, resolved as the AWS SDKs
// do) and `describeOmicsError`'s message for each failure.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeOmicsError, makeOmicsClient, noRegionError, OmicsReplyError, OmicsServiceError, TransportError } from "./client.js";

/** An environment with shared config files of the given text (none by default). */
function envWith(config = "", credentials = ""): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "batchc-aws-"));
  writeFileSync(join(dir, "config"), config);
  writeFileSync(join(dir, "credentials"), credentials);
  return { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
}

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

describe("makeOmicsClient", () => {
  it("calls AWS's endpoint for the Region with the `workflows-` host prefix", async () => {
    const client = await makeOmicsClient({ region: "us-west-2", credentials, env: envWith() });
    expect([client.endpointFor("StartRunBatch").href, client.config.custom, client.config.region]).toEqual(["https://workflows-omics.us-west-2.amazonaws.com/", false, "us-west-2"]);
    expect(client.endpointFor("TagResource").host).toBe("tags-omics.us-west-2.amazonaws.com");
    const cn = await makeOmicsClient({ region: "cn-north-1", credentials, env: envWith() });
    expect(cn.endpointFor("GetBatch").host).toBe("workflows-omics.cn-north-1.amazonaws.com.cn");
    const fips = await makeOmicsClient({ region: "us-east-1", credentials, env: { ...envWith(), AWS_USE_FIPS_ENDPOINT: "true" } });
    expect(fips.endpointFor("ListBatch").host).toBe("workflows-omics-fips.us-east-1.amazonaws.com");
  });

  it("takes a custom endpoint without the prefix: the flag, then AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL, the config file", async () => {
    const env = envWith("[default]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:7003\n");
    const at = async (options: Parameters<typeof makeOmicsClient>[0]) => {
      const c = await makeOmicsClient({ credentials, ...options });
      return [c.endpointFor("GetBatch").href, c.config.custom, c.config.region];
    };
    expect(await at({ endpointUrl: "http://127.0.0.1:7000", env: { ...env, AWS_ENDPOINT_URL_OMICS: "http://127.0.0.1:7001" } })).toEqual(["http://127.0.0.1:7000/", true, "eu-west-1"]);
    expect(await at({ env: { ...env, AWS_ENDPOINT_URL_OMICS: "http://127.0.0.1:7001", AWS_ENDPOINT_URL: "http://127.0.0.1:7002" } })).toEqual(["http://127.0.0.1:7001/", true, "eu-west-1"]);
    expect(await at({ env: { ...env, AWS_ENDPOINT_URL: "http://127.0.0.1:7002" } })).toEqual(["http://127.0.0.1:7002/", true, "eu-west-1"]);
    expect(await at({ env })).toEqual(["http://127.0.0.1:7003/", true, "eu-west-1"]);
    expect(await at({ env: { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" } })).toEqual(["https://workflows-omics.eu-west-1.amazonaws.com/", false, "eu-west-1"]);
    const services = envWith("[profile dev]\nregion = us-east-2\nservices = local\n[services local]\nomics =\n  endpoint_url = http://127.0.0.1:7004\n");
    expect(await at({ profile: "dev", env: services })).toEqual(["http://127.0.0.1:7004/", true, "us-east-2"]);
  });

  it("says when no Region is configured anywhere", async () => {
    await expect(makeOmicsClient({ credentials, env: envWith() })).rejects.toThrow("no AWS Region is configured: pass `--region` or set `AWS_REGION`");
    await expect(makeOmicsClient({ credentials, env: { ...envWith(), AWS_REGION: "eu-west-3" } })).resolves.toBeDefined();
  });

  it("names a profile that does not exist, as the AWS CLI does", async () => {
    await expect(makeOmicsClient({ profile: "nonexistent", region: "us-east-1", env: envWith() })).rejects.toThrow("The config profile (nonexistent) could not be found");
    await expect(makeOmicsClient({ region: "us-east-1", env: { ...envWith(), AWS_PROFILE: "gone" } })).rejects.toThrow("The config profile (gone) could not be found");
    const c = await makeOmicsClient({ profile: "ci", env: envWith("", "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\nregion = ap-south-1\n") });
    expect(c.config.region).toBe("ap-south-1");
  });

  it("refuses an endpoint URL that is not http(s), without echoing its password", async () => {
    const err = await makeOmicsClient({ region: "us-east-1", credentials, endpointUrl: "ftp://user:hunter2@host", env: envWith() }).catch((e: unknown) => e);
    expect(describeOmicsError(err).message).toBe("the endpoint URL must start with `http://` or `https://` and name a host");
    const bad = await makeOmicsClient({ region: "us-east-1", credentials, endpointUrl: "http://user:hunter2@", env: envWith() }).catch((e: unknown) => e);
    expect(describeOmicsError(bad).message).not.toContain("hunter2");
  });
});

/** A service error as the client throws it. */
function thrown(name: string, message: string, status: number): Error {
  return new OmicsServiceError(name, message, status, undefined, 1);
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
        "check that the workflow, run group and cache exist in the Region the client uses (`--region` or `AWS_REGION`)",
      ],
      [
        thrown("RequestTimeoutException", "Request timed out.", 408),
        "HealthOmics timed out handling the request: Request timed out",
        "submit again; the same `requestId` makes a repeated submission return the same batch instead of a new one",
      ],
      [
        thrown("ConflictException", "The request ID is already in use.", 409),
        "HealthOmics reported a conflict: The request ID is already in use",
        "the `requestId` was already used for a different request (change it, or let batchc derive it from the content)",
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
    expect(describeOmicsError(err, { operation: "ListBatch" }).help).toBe("the caller needs `omics:ListBatch`");
  });

  it("gives help that fits the operation (a timeout or conflict on GetBatch says nothing of requestIds)", () => {
    expect(describeOmicsError(thrown("RequestTimeoutException", "slow", 408), { operation: "GetBatch" }).help).toBe("run the command again");
    expect(describeOmicsError(thrown("RequestTimeoutException", "slow", 408), { operation: "ListBatch" }).help).toBe("run the command again");
    expect(describeOmicsError(thrown("ConflictException", "busy", 409), { operation: "GetBatch" }).help).toBe("run the command again in a moment");
    expect(describeOmicsError(thrown("ConflictException", "busy", 409), { operation: "CancelRunBatch" }).help).toBe(
      "the batch is in a state that does not allow this operation; check it with `batchc status BATCH_ID`",
    );
    expect(describeOmicsError(thrown("InternalServerException", "oops", 500), { operation: "ListRunsInBatch" }).help).toBe("retry later");
  });

  it("explains rejected, expired and missing credentials", () => {
    const signature = thrown("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.", 403);
    expect(describeOmicsError(signature)).toEqual({
      message: "AWS did not accept the credentials (InvalidSignatureException): The request signature we calculated does not match the signature you provided",
      help: "check the access key and secret of the profile in use (`--profile` or `AWS_PROFILE`), that the system clock is correct, and that the Region is right",
    });
    const expired = thrown("ExpiredTokenException", "The security token included in the request is expired", 403);
    expect(describeOmicsError(expired)).toEqual({
      message: "the AWS credentials have expired (ExpiredTokenException)",
      help: "refresh them (for example `aws sso login`) or pick another profile with `--profile`",
    });
    const missing = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(describeOmicsError(missing)).toEqual({
      message: "no usable AWS credentials were found: Could not load credentials from any providers",
      help: "choose a profile with `--profile` or `AWS_PROFILE`, run `aws configure` or `aws sso login`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`",
    });
    expect(describeOmicsError(noRegionError())).toEqual({
      message: "no AWS Region is configured: pass `--region` or set `AWS_REGION`",
      help: "or set `region` in the profile of the shared config file (`aws configure set region us-east-1`)",
    });
  });

  it("never repeats credentials found in an error's text, and escapes control characters", () => {
    const err = thrown(
      "InvalidSignatureException",
      "Bad header Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/omics/aws4_request, Signature=0123abcd; key ASIAIOSFODNN7EXAMPLE, aws_secret_access_key=wJalrXUtnFEMI/K7MDENG \u001b[31mred\r end",
      403,
    );
    const { message } = describeOmicsError(err);
    expect(message).not.toMatch(/IOSFODNN7|wJalrXUtnFEMI|0123abcd|\u001b|\r/);
    expect(message).toBe(
      "AWS did not accept the credentials (InvalidSignatureException): Bad header Authorization: AWS4-HMAC-SHA256 Credential=AKIA****************/20260101/us-east-1/omics/aws4_request, Signature=****; key ASIA****************, aws_secret_access_key=**** \\x1b[31mred\\x0d end",
    );
  });

  it("explains wire failures, naming the endpoint and the timeout flag", () => {
    const at = "http://127.0.0.1:9";
    expect(describeOmicsError(new TransportError("refused", at, "x", "ECONNREFUSED"))).toEqual({
      message: "could not connect to HealthOmics at `http://127.0.0.1:9`: connection refused",
      help: "check the endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`) and that the service behind it is running",
    });
    expect(describeOmicsError(new TransportError("dns", "https://workflows-omics.xx-east-9.amazonaws.com", "x", "ENOTFOUND")).message).toBe(
      "could not resolve the host of HealthOmics at `https://workflows-omics.xx-east-9.amazonaws.com`",
    );
    expect(describeOmicsError(new TransportError("connect-timeout", at, "x", undefined, 60_000))).toEqual({
      message: "could not connect to HealthOmics at `http://127.0.0.1:9` within 60 seconds (`--cli-connect-timeout`)",
      help: "check the endpoint URL and the network; allow longer with `--cli-connect-timeout SECONDS`",
    });
    expect(describeOmicsError(new TransportError("read-timeout", at, "x", undefined, 1500), { operation: "GetBatch" })).toEqual({
      message: "HealthOmics at `http://127.0.0.1:9` did not answer within 1.5 seconds (`--cli-read-timeout`)",
      help: "allow longer with `--cli-read-timeout SECONDS`, or check that the endpoint is HealthOmics; then run the command again",
    });
    expect(describeOmicsError(new TransportError("reset", at, "x", "ECONNRESET")).message).toBe(
      "the connection to HealthOmics at `http://127.0.0.1:9` was reset before a complete reply arrived",
    );
    expect(describeOmicsError(new TransportError("not-http", at, "x", "HPE_INVALID_CONSTANT")).message).toBe("HealthOmics at `http://127.0.0.1:9` did not answer with HTTP");
  });

  it("explains a reply that cannot be used", () => {
    expect(describeOmicsError(new OmicsReplyError("the endpoint's StartRunBatch reply has no `id`", "StartRunBatch", "http://127.0.0.1:9", 201))).toEqual({
      message: "the endpoint's StartRunBatch reply has no `id` (at `http://127.0.0.1:9`)",
      help: "check that the endpoint URL points at HealthOmics; nothing was done with this reply",
    });
  });

  it("explains other service answers and unknown failures", () => {
    const unavailable = thrown("Unknown", "", 503);
    expect(describeOmicsError(unavailable)).toEqual({ message: "HealthOmics answered with an unexpected error (HTTP 503)", help: "retry later; the same `requestId` makes the retry safe" });
    const odd = thrown("SomethingElseException", "odd.", 404);
    expect(describeOmicsError(odd)).toEqual({ message: "HealthOmics answered with `SomethingElseException` (HTTP 404): odd", help: "check the request and the account's permissions" });
    const html = thrown("Unknown", "", 400);
    expect(describeOmicsError(html)).toEqual({ message: "HealthOmics answered with an unexpected error (HTTP 400)", help: "check the request and the account's permissions" });
    expect(describeOmicsError("boom")).toEqual({
      message: "the HealthOmics call failed: boom",
      help: "run the command again; if it keeps failing, check the network, the credentials and the Region",
    });
  });
});
