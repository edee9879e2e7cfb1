// AWS failures of the HealthOmics commands through the real Omics client: each of the eight
// StartRunBatch exceptions, signatures, credentials, Region, network, retries (`--max-attempts`).
// Every failure is one `error:` line and one `help:` line, exit 3, no stack trace, no secret.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { OMICS_ERRORS, type OmicsErrorName } from "../omics-endpoint/server.js";
import { endpoints, ids, program, runOmics, type OmicsCliResult } from "./omics-harness.js";

const start = endpoints();
const files = { "cohort.batch": program(ids(3)) };
const SUBMIT_HELP =
  "the caller needs `omics:StartRunBatch` and `omics:StartRun` (on the workflow, run group and run resources) and `iam:PassRole` on the run role in `roleArn`; " +
  "the run role needs `s3:GetObject` on the `s3UriSettings` file and the inputs, and write access to `outputUri`";

/** Every output of a run, for leak checks. */
const everything = (r: OmicsCliResult): string => `${r.stdout}\n${r.stderr}`;

describe("the eight StartRunBatch errors", () => {
  const expected: Record<OmicsErrorName, [string, string]> = {
    ValidationException: [
      "HealthOmics rejected the request as invalid",
      "fix the field named in the message; `batchc compile` checks the same API limits before anything is sent",
    ],
    ServiceQuotaExceededException: [
      "the request would exceed a HealthOmics service quota",
      "wait for active batches and runs to finish, split the batch, or request a quota increase in the Service Quotas console (AWS HealthOmics)",
    ],
    AccessDeniedException: ["access denied by HealthOmics", SUBMIT_HELP],
    ResourceNotFoundException: [
      "a resource the request names does not exist",
      "check that the workflow, run group and cache exist in the Region the client uses (`--region` or `AWS_REGION`)",
    ],
    RequestTimeoutException: [
      "HealthOmics timed out handling the request",
      "submit again; the same `requestId` makes a repeated submission return the same batch instead of a new one",
    ],
    ConflictException: [
      "HealthOmics reported a conflict",
      "the `requestId` was already used for a different request (change it, or let batchc derive it from the content)",
    ],
    ThrottlingException: ["HealthOmics throttled the request", "retry later, or allow more attempts with `--max-attempts`"],
    InternalServerException: ["HealthOmics had an internal error", "retry later; the same `requestId` makes the retry safe"],
  };

  it.each(Object.keys(OMICS_ERRORS) as OmicsErrorName[])("%s: one message and exit 3", async (name) => {
    const ep = await start();
    ep.failNext("StartRunBatch", { error: name, message: `Injected ${name}.` }, 5);
    const r = await runOmics(["submit", "cohort.batch", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep, files });
    const [message, help] = expected[name];
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: ${message}: Injected ${name}\nhelp: ${help}\n`);
    expect(ep.requestsOf("StartRunBatch").map((q) => [q.status, q.errorType])).toEqual([[OMICS_ERRORS[name], name]]);
    expect(ep.state.batches.size).toBe(0);
  });

  it("a conflicting reuse of a requestId is the service's own ConflictException", async () => {
    const ep = await start();
    await runOmics(["submit", "cohort.batch", "--request-id", "fixed", "--endpoint-url", ep.url], { endpoint: ep, files });
    const other = { "cohort.batch": program(ids(4)) };
    const r = await runOmics(["submit", "cohort.batch", "--request-id", "fixed", "--endpoint-url", ep.url], { endpoint: ep, files: other });
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toBe(
      "error: HealthOmics reported a conflict: The requestId 'fixed' was already used for a different StartRunBatch request",
    );
  });
});

describe("retries", () => {
  it("a call throttled twice succeeds on the third attempt (standard back-off)", async () => {
    const ep = await start();
    ep.failNext("StartRunBatch", "ThrottlingException", 2);
    const r = await runOmics(["submit", "cohort.batch", "--max-attempts", "3", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe("5000001");
    const sent = ep.requestsOf("StartRunBatch");
    expect(sent.map((q) => q.status)).toEqual([429, 429, 201]);
    expect(new Set(sent.map((q) => (q.body as { requestId: string }).requestId)).size).toBe(1);
    expect(sent.map((q) => q.headers["amz-sdk-request"])).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    expect(ep.state.batches.size).toBe(1);
  });

  it("--max-attempts 1 gives up after one throttled call", async () => {
    const ep = await start();
    ep.failNext("GetBatch", "ThrottlingException", 3);
    const r = await runOmics(["status", "5000001", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "error: HealthOmics throttled the request: Injected ThrottlingException for GetBatch\nhelp: retry later, or allow more attempts with `--max-attempts`\n",
    );
    expect(ep.requestsOf("GetBatch")).toHaveLength(1);
  });
});

describe("credentials, Region and network", () => {
  it("a wrong secret is rejected by the endpoint, and no credential is printed", async () => {
    const ep = await start();
    const secret = "wrong-secret-value-9f8e7d";
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files, env: { AWS_SECRET_ACCESS_KEY: secret } });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "error: AWS did not accept the credentials (InvalidSignatureException): The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. Consult the service documentation for details\n" +
        "help: check the access key and secret of the profile in use (`--profile` or `AWS_PROFILE`), that the system clock is correct, and that the Region is right\n",
    );
    // The first call (ListBatch, looking for a batch of the same name) is already refused.
    expect(ep.requests.map((q) => [q.operation, q.status])).toEqual([["ListBatch", 403]]);
    expect(everything(r)).not.toContain(secret);
    expect(everything(r)).not.toContain(ep.credentials.accessKeyId);
    expect(everything(r)).not.toContain(ep.credentials.secretAccessKey);
  });

  it("an unknown access key is rejected, and the key is not printed", async () => {
    const ep = await start();
    const key = "AKIAIOSFODNN7EXAMPLE";
    const r = await runOmics(["status", "5000001", "--endpoint-url", ep.url], { endpoint: ep, env: { AWS_ACCESS_KEY_ID: key } });
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toBe("error: AWS did not accept the credentials (UnrecognizedClientException): The security token included in the request is invalid");
    expect(everything(r)).not.toContain(key);
  });

  it("no credentials at all", async () => {
    const ep = await start();
    const r = await runOmics(["list", "--endpoint-url", ep.url], { endpoint: ep, env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "error: no usable AWS credentials were found: Could not load credentials from any providers\n" +
        "help: choose a profile with `--profile` or `AWS_PROFILE`, run `aws configure` or `aws sso login`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`\n",
    );
    expect(ep.requests).toHaveLength(0);
  });

  it("--profile reads the shared credentials file", async () => {
    const ep = await start();
    const dir = await mkdtemp(path.join(tmpdir(), "batchc-profile-"));
    try {
      const credentials = path.join(dir, "credentials");
      const { accessKeyId, secretAccessKey } = ep.credentials;
      await writeFile(credentials, `[lab]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n\n[broken]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = not-the-secret\n`);
      const env = { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
      const ok = await runOmics(["list", "--profile", "lab", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, env });
      expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, `${JSON.stringify({ formatVersion: 1, batches: [] }, null, 2)}\n`, ""]);
      const bad = await runOmics(["list", "--profile", "broken", "--endpoint-url", ep.url], { endpoint: ep, env });
      expect(bad.code).toBe(3);
      expect(bad.stderr.split("\n")[0]).toMatch(/^error: AWS did not accept the credentials \(InvalidSignatureException\)/);
      expect(everything(bad)).not.toContain("not-the-secret");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("no Region", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files, env: { AWS_REGION: undefined } });
    expect([r.code, r.stderr]).toEqual([
      3,
      "error: no AWS Region is configured: pass `--region` or set `AWS_REGION`\nhelp: or set `region` in the profile of the shared config file (`aws configure set region us-east-1`)\n",
    ]);
  });

  it("a refused connection", async () => {
    const ep = await start();
    const url = ep.url;
    await ep.close();
    const r = await runOmics(["submit", "cohort.batch", "--max-attempts", "1", "--endpoint-url", url], { endpoint: ep, files });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: could not connect to HealthOmics at \`${url}\`: connection refused\n` +
        "help: check the endpoint URL (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`) and that the service behind it is running\n",
    );
  });

  it("an endpoint that is not HealthOmics", async () => {
    const ep = await start();
    ep.failNext("GetBatch", { error: "UnknownOperationException", status: 404, message: "No such thing." });
    const r = await runOmics(["status", "5000001", "--endpoint-url", ep.url], { endpoint: ep });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("error: HealthOmics answered with `UnknownOperationException` (HTTP 404): No such thing\nhelp: check the request and the account's permissions\n");
  });
});

describe("errors of the other operations", () => {
  it("access denied names the operation's IAM action", async () => {
    const ep = await start();
    const onBatch = (action: string) => `the caller needs \`${action}\` on the batch (\`runBatch/<id>\`)`;
    const cases: [string[], string, string][] = [
      [["status", "5000001"], "GetBatch", onBatch("omics:GetBatch")],
      [["list"], "ListBatch", "the caller needs `omics:ListBatch`"],
      [["runs", "5000001"], "ListRunsInBatch", onBatch("omics:ListRunsInBatch")],
      [["cancel", "5000001", "--yes"], "CancelRunBatch", onBatch("omics:CancelRunBatch")],
      [["delete", "5000001", "--yes"], "DeleteBatch", onBatch("omics:DeleteBatch")],
    ];
    for (const [argv, operation, help] of cases) {
      ep.failNext(operation as "GetBatch", { error: "AccessDeniedException", message: "Denied." });
      const r = await runOmics([...argv, "--endpoint-url", ep.url], { endpoint: ep });
      expect([r.code, r.stderr]).toEqual([3, `error: access denied by HealthOmics: Denied\nhelp: ${help}\n`]);
    }
  });

  it("an unknown batch id", async () => {
    const ep = await start();
    for (const argv of [["status", "5000009"], ["runs", "5000009"], ["cancel", "5000009", "--yes"], ["delete", "5000009", "--yes"]]) {
      const r = await runOmics([...argv, "--endpoint-url", ep.url], { endpoint: ep });
      expect([r.code, r.stderr]).toEqual([
        3,
        "error: a resource the request names does not exist: Batch 5000009 not found\n" +
          "help: check the batch id `5000009` (`batchc list` shows the batches) and the Region (`--region` or `AWS_REGION`)\n",
      ]);
    }
  });

  it("a malformed batch id is a usage error, before any call", async () => {
    const ep = await start();
    for (const command of ["status", "runs", "cancel", "delete"]) {
      const r = await runOmics([command, "batch-7", "--endpoint-url", ep.url], { endpoint: ep });
      expect([r.code, r.stderr]).toEqual([2, "error: `batch-7` is not a batch id\nhelp: batch ids are digits, such as `5000001`; `batchc list` shows them\n"]);
    }
    expect(ep.requests).toHaveLength(0);
  });

  it("no failure prints a stack trace", async () => {
    const ep = await start();
    ep.failNext("*", "InternalServerException", 10);
    const outputs = [
      await runOmics(["submit", "cohort.batch", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep, files }),
      await runOmics(["status", "5000001", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep }),
      await runOmics(["runs", "5000001", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep }),
      await runOmics(["resubmit", "5000001", "cohort.batch", "--max-attempts", "1", "--endpoint-url", ep.url], { endpoint: ep, files }),
    ];
    for (const r of outputs) {
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^error: HealthOmics had an internal error: Injected InternalServerException for \w+\nhelp: [^\n]+\n$/);
      expect(everything(r)).not.toMatch(/\n\s+at /);
    }
  });
});
