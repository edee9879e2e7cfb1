// The shipped executable (the esbuild bundle) against real parts: uploading a settings file to
// moto's S3 server and starting, reading and listing a batch on the local HealthOmics endpoint.
// The bundle loads the AWS SDK clients from chunks, so this proves what in-process tests can't.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3 } from "../omics-endpoint/sdk.js";
import { startOmicsEndpoint, TEST_CREDENTIALS, type OmicsEndpoint } from "../omics-endpoint/server.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const BUCKET = "batchc-binary";
let dir: string;
let s3: TestS3;
let endpoint: OmicsEndpoint;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the executable without blocking this process (the endpoint answers in it). */
function batchc(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_REGION: "us-east-1",
          AWS_EC2_METADATA_DISABLED: "true",
          NO_COLOR: "1",
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-binary-"));
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket(BUCKET);
  endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
  writeFileSync(
    path.join(dir, "sweep.batch"),
    `batch "binary-sweep" { settings = "s3://${BUCKET}/batches/" }
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/sweep/"
}
for i in 1..150 {
  run "r\${pad(i, 3)}" { params { i = i } }
}
`,
  );
});

afterAll(async () => {
  await endpoint.close();
  s3.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("the executable with AWS", () => {
  it("compiles 150 runs and uploads the settings file to S3", async () => {
    const r = await batchc(["compile", "sweep.batch", "--s3-endpoint-url", inject("s3Endpoint"), "-o", "request.json"]);
    expect(r.stderr).toMatch(/^sweep\.batch: 150 runs, settings file s3:\/\/batchc-binary\/batches\/binary-sweep-[0-9a-f]{8}\.json \(uploaded\), request written to request\.json\n$/);
    expect(r.code).toBe(0);
    const request = JSON.parse(readFileSync(path.join(dir, "request.json"), "utf8")) as { batchRunSettings: { s3UriSettings: string } };
    const key = request.batchRunSettings.s3UriSettings.slice(`s3://${BUCKET}/`.length);
    const runs = JSON.parse((await s3.getObject(BUCKET, key)).text) as { runSettingId: string }[];
    expect(runs.map((x) => x.runSettingId).slice(0, 2)).toEqual(["r001", "r002"]);
    expect(runs).toHaveLength(150);
  });

  it("submits the batch, then reads its status and lists it", async () => {
    const submitted = await batchc(["submit", "sweep.batch", "--endpoint-url", endpoint.url, "--s3-endpoint-url", inject("s3Endpoint"), "--format", "json"]);
    expect([submitted.code, submitted.stderr]).toEqual([0, ""]);
    const out = JSON.parse(submitted.stdout) as { id: string; status: string };
    expect(out.status).toBe("CREATING");
    expect(endpoint.batch(out.id)?.runs).toHaveLength(150);
    const status = await batchc(["status", out.id, "--endpoint-url", endpoint.url, "--format", "json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: out.id, totalRuns: 150 });
    const list = await batchc(["list", "--endpoint-url", endpoint.url, "--format", "jsonl"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`"id":"${out.id}"`);
  });
});
