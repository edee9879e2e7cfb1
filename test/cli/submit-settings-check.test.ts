// `submit REQUEST.json` checks the settings file the request names before StartRunBatch: it must
// be in S3 (moto, through the real @aws-sdk/client-s3), and a batchc-named file
// (`<name>-<8 hex>.json`) must hash to its name. Missing or altered: exit 1, nothing started.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import { endpoints, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");
const BUCKET = "batchc-cli-named-settings";
const RUNS = JSON.stringify([
  { runSettingId: "r1", name: "run r1", parameters: { sample: "r1" } },
  { runSettingId: "r2", name: "run r2", parameters: { sample: "r2" } },
]);
const HASH8 = createHash("sha256").update(RUNS).digest("hex").slice(0, 8);

function requestFile(uri: string, requestId: string): Record<string, string> {
  return {
    "req.json": JSON.stringify({
      batchName: "named",
      requestId,
      defaultRunSetting: { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole", outputUri: "s3://out-bucket/runs/" },
      batchRunSettings: { s3UriSettings: uri },
    }),
  };
}

beforeAll(async () => {
  const s3 = makeTestS3(s3Endpoint);
  await s3.createBucket(BUCKET);
  await s3.putObject(BUCKET, `good/named-${HASH8}.json`, RUNS);
  await s3.putObject(BUCKET, `altered/named-${HASH8}.json`, RUNS.replace("r2", "r3"));
  await s3.putObject(BUCKET, "plain/runs.json", RUNS);
  s3.destroy();
});

async function submit(uri: string, requestId: string, extra: string[] = []) {
  const ep = await start({ s3Endpoint });
  const r = await runOmics(["submit", "req.json", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint, ...extra], { endpoint: ep, files: requestFile(uri, requestId) });
  return { ...r, started: ep.requestsOf("StartRunBatch").length };
}

describe("submit REQUEST.json: the settings file it names", () => {
  it("submits when the file is in S3 and hashes to its name", async () => {
    const r = await submit(`s3://${BUCKET}/good/named-${HASH8}.json`, "req-good");
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
    expect(r.started).toBe(1);
  });

  it("submits a file whose name is not batchc's form without a hash check", async () => {
    const r = await submit(`s3://${BUCKET}/plain/runs.json`, "req-plain");
    expect(r.code).toBe(0);
    expect(r.started).toBe(1);
  });

  it("refuses a missing file before StartRunBatch (BC5513, exit 1)", async () => {
    const uri = `s3://${BUCKET}/missing/named-${HASH8}.json`;
    const r = await submit(uri, "req-missing");
    expect(r.code).toBe(1);
    expect(r.started).toBe(0);
    expect(r.stderr).toBe(
      `error: the settings file \`${uri}\` named by the request is not in S3 (BC5513)\n` +
        "help: upload it first (`batchc compile` uploads the file it writes), or compile and submit the `.batch` program\n",
    );
  });

  it("refuses a file in a bucket that does not exist as missing", async () => {
    const r = await submit(`s3://batchc-cli-no-such-bucket/named-${HASH8}.json`, "req-nobucket");
    expect(r.code).toBe(1);
    expect(r.started).toBe(0);
    expect(r.stderr).toContain("is not in S3 (BC5513)");
  });

  it("refuses an altered file before StartRunBatch (BC5514, exit 1)", async () => {
    const uri = `s3://${BUCKET}/altered/named-${HASH8}.json`;
    const r = await submit(uri, "req-altered");
    expect(r.code).toBe(1);
    expect(r.started).toBe(0);
    expect(r.stderr).toBe(
      `error: the settings file \`${uri}\` was altered: its bytes do not hash to its name (BC5514)\n` +
        "help: batchc names a settings file by the first 8 hex digits of its sha256; compile the batch again and submit the new request\n",
    );
  });

  it("a check that cannot be made is an S3 error (exit 3), not a missing file", async () => {
    const r = await submit(`s3://${BUCKET}/good/named-${HASH8}.json`, "req-unreachable", ["--s3-endpoint-url", "http://127.0.0.1:9"]);
    expect(r.code).toBe(3);
    expect(r.started).toBe(0);
    expect(r.stderr).toMatch(/^error: could not reach S3 at `http:\/\/127\.0\.0\.1:9` \(BC5504\)\n/);
  });

  it("a dry run reads nothing from S3", async () => {
    const r = await submit(`s3://${BUCKET}/missing/named-${HASH8}.json`, "req-dry", ["--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dry run: nothing is uploaded or started");
  });
});
