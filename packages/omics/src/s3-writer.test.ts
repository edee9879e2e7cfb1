// S3 failures mapped to one clear error each, `s3://` URIs, and the client factory.
import { describe, expect, it } from "vitest";
import { formatS3Uri, parseS3Uri } from "./s3-uri.js";
import { isPreconditionFailed, makeS3Client, S3UploadError, toS3UploadError } from "./s3-writer.js";

const ctx = { operation: "PutObject", bucket: "lab-batches", key: "cohort-a/x.json" };
const sdkError = (name: string, message: string, status?: number): Error =>
  Object.assign(new Error(message), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });
const brief = (e: S3UploadError): [string, string, string, string[] | undefined] => [e.code, e.message, e.help, e.diagnostic.notes];

describe("toS3UploadError", () => {
  it("BC5501 NoSuchBucket", () => {
    expect(brief(toS3UploadError(sdkError("NoSuchBucket", "The specified bucket does not exist", 404), ctx))).toEqual([
      "BC5501",
      "the S3 bucket `lab-batches` does not exist",
      "check the bucket name in the settings prefix, and the region",
      undefined,
    ]);
  });

  it("BC5502 access denied, by name or by a 403", () => {
    expect(brief(toS3UploadError(sdkError("AccessDenied", "Access Denied", 403), ctx))).toEqual([
      "BC5502",
      "access to `s3://lab-batches/cohort-a/x.json` was denied",
      "the credentials in use need `s3:PutObject` and `s3:GetObject` on the settings prefix",
      ["AccessDenied: Access Denied"],
    ]);
    expect(toS3UploadError(sdkError("SignatureDoesNotMatch", "bad signature", 403), ctx).code).toBe("BC5502");
    expect(toS3UploadError(sdkError("Unknown", "UnknownError", 403), ctx).code).toBe("BC5502");
  });

  it("BC5503 no credentials", () => {
    const e = toS3UploadError(sdkError("CredentialsProviderError", "Could not load credentials from any providers"), ctx);
    expect(brief(e)).toEqual([
      "BC5503",
      "no AWS credentials were found",
      "set a profile (`--profile` or `AWS_PROFILE`) or the `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` variables",
      ["Could not load credentials from any providers"],
    ]);
  });

  it("BC5504 network errors, also when nested in an AggregateError or a cause", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED", address: "127.0.0.1", port: 9 });
    expect(brief(toS3UploadError(new AggregateError([refused], ""), ctx))).toEqual([
      "BC5504",
      "could not reach S3 at `127.0.0.1:9`",
      "check the network, the region and the endpoint URL",
      ["ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9"],
    ]);
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND s3.nowhere.example"), { code: "ENOTFOUND", hostname: "s3.nowhere.example" });
    expect(toS3UploadError(new Error("request failed", { cause: dns }), ctx).message).toBe("could not reach S3 at `s3.nowhere.example`");
  });

  it("BC5504 names the endpoint in use, and says when the connection was reset", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(brief(toS3UploadError(reset, { ...ctx, endpoint: "http://127.0.0.1:9" }))).toEqual([
      "BC5504",
      "could not reach S3 at `http://127.0.0.1:9`",
      "check the network, the region and the endpoint URL",
      ["ECONNRESET: the connection was reset"],
    ]);
  });

  it("BC5511 timeouts, naming the endpoint and the flag", () => {
    const connect = sdkError("TimeoutError", "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 2000 ms.");
    expect(brief(toS3UploadError(connect, { ...ctx, endpoint: "S3 in us-east-1" }))).toEqual([
      "BC5511",
      "could not connect to S3 at `S3 in us-east-1` within 2 seconds (`--cli-connect-timeout`)",
      "check the endpoint and the network; allow longer with `--cli-connect-timeout SECONDS`",
      undefined,
    ]);
    const read = sdkError("TimeoutError", "@smithy/node-http-handler - the request socket timed out after 1500 ms of inactivity (configured by client requestHandler).");
    expect(toS3UploadError(read, { ...ctx, endpoint: "http://127.0.0.1:9" }).message).toBe("no answer from S3 at `http://127.0.0.1:9` within 1.5 seconds (`--cli-read-timeout`)");
  });

  it("BC5512 a reply that is not S3's: not HTTP, or not readable", () => {
    const notHttp = Object.assign(new Error("Parse Error: Expected HTTP/"), { code: "HPE_INVALID_CONSTANT" });
    expect(brief(toS3UploadError(notHttp, { ...ctx, endpoint: "http://127.0.0.1:9" }))).toEqual([
      "BC5512",
      "the endpoint `http://127.0.0.1:9` did not answer as S3",
      "check that the S3 endpoint URL points at S3 or an S3-compatible store",
      ["HPE_INVALID_CONSTANT: the reply is not HTTP"],
    ]);
    const garbled = sdkError("Error", "char 'h' is not expected.:1:1\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.", 200);
    expect(toS3UploadError(garbled, ctx).message).toBe("the endpoint `the S3 endpoint` did not answer as S3");
  });

  it("BC5506 anything else, with the S3 error name and status", () => {
    expect(brief(toS3UploadError(sdkError("SlowDown", "Please reduce your request rate", 503), ctx))).toEqual([
      "BC5506",
      "`PutObject` on S3 failed with `SlowDown` (HTTP 503)",
      "try again; if it keeps failing, check the bucket's settings and the credentials",
      ["Please reduce your request rate"],
    ]);
    expect(toS3UploadError("weird", ctx).message).toBe("`PutObject` on S3 failed with `Error`");
  });

  it("keeps the original error as the cause", () => {
    const original = sdkError("NoSuchBucket", "x", 404);
    expect(toS3UploadError(original, ctx).cause).toBe(original);
    expect(toS3UploadError(original, ctx)).toBeInstanceOf(Error);
  });

  it("recognises a failed If-None-Match by name or by status 412", () => {
    expect(isPreconditionFailed(sdkError("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412))).toBe(true);
    expect(isPreconditionFailed(sdkError("Unknown", "", 412))).toBe(true);
    expect(isPreconditionFailed(sdkError("NoSuchKey", "", 404))).toBe(false);
  });
});

describe("s3:// URIs", () => {
  it("splits bucket and key", () => {
    expect(parseS3Uri("s3://lab-batches/cohort-a/x.json")).toEqual({ ok: true, bucket: "lab-batches", key: "cohort-a/x.json" });
    expect(parseS3Uri("s3://lab-batches")).toEqual({ ok: true, bucket: "lab-batches", key: "" });
    expect(formatS3Uri({ bucket: "b", key: "k/x.json" })).toBe("s3://b/k/x.json");
  });

  it("BC5508 not an S3 URI", () => {
    expect(parseS3Uri("https://b/k")).toEqual({
      ok: false,
      error: { code: "BC5508", severity: "error", message: "`https://b/k` is not an S3 URI", help: "it does not start with `s3://`; write it as `s3://bucket/key`" },
    });
    expect(parseS3Uri("s3:///k")).toMatchObject({ ok: false, error: { help: "it names no bucket; write it as `s3://bucket/key`" } });
  });
});

describe("makeS3Client", () => {
  it("uses path-style addressing with an endpoint URL, and the given region", async () => {
    const c = await makeS3Client({ endpointUrl: "http://127.0.0.1:5000", region: "eu-west-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
    try {
      expect(c.config.forcePathStyle).toBe(true);
      expect(await c.config.region()).toBe("eu-west-1");
      expect(await c.config.credentials()).toMatchObject({ accessKeyId: "a", secretAccessKey: "b" });
    } finally {
      c.destroy();
    }
  });

  it("keeps virtual-hosted addressing without one", async () => {
    const c = await makeS3Client({ region: "us-east-1" });
    try {
      expect(c.config.forcePathStyle).toBe(false);
    } finally {
      c.destroy();
    }
  });
});
