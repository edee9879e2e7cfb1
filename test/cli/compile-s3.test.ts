// `batchc compile` above 100 runs against a real S3-compatible server (moto, started by the
// global setup) through the real @aws-sdk/client-s3: upload, reuse, refusal, and S3 failures
// that exit 3 with nothing written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3, useTestCredentials } from "../omics-endpoint/sdk.js";
import { runCli } from "./harness.js";

const BUCKET = "batchc-cli-compile";
let s3: TestS3;
let dir: string;
let restoreEnv: () => void;

function program(runs: number, settings: string): string {
  return `batch "s3-test" { settings = "${settings}" }
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/s3-test/"
}
for i in 1..${runs} {
  run "run-\${pad(i, 5)}" {
    name = "sample \${i}"
    params { index = i }
  }
}
`;
}

/** The CLI with the Region in its environment (the credentials come from `process.env`, as the SDK reads them). */
const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { ...options, env: { AWS_REGION: "us-east-1", ...options.env } });

beforeAll(async () => {
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket(BUCKET);
  dir = mkdtempSync(path.join(tmpdir(), "batchc-s3-"));
  restoreEnv = useTestCredentials();
});

afterAll(() => {
  s3.destroy();
  rmSync(dir, { recursive: true, force: true });
  restoreEnv();
});

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("compile with a settings file on S3", () => {
  it("uploads 10,000 runs and reads them back byte-identical, then reuses the object", async () => {
    const file = write("big.batch", program(10_000, `s3://${BUCKET}/batches/`));
    const out = path.join(dir, "request.json");
    const local = path.join(dir, "settings.json");
    const first = await cli(["compile", file, "--s3-endpoint-url", inject("s3Endpoint"), "-o", out, "--settings-out", local]);
    expect(first.stderr).toContain("(uploaded)");
    expect(first.code).toBe(0);
    const request = JSON.parse(readFileSync(out, "utf8")) as { batchRunSettings: { s3UriSettings: string } };
    const uri = request.batchRunSettings.s3UriSettings;
    expect(uri).toMatch(new RegExp(`^s3://${BUCKET}/batches/s3-test-[0-9a-f]{8}\\.json$`));
    const key = uri.slice(`s3://${BUCKET}/`.length);
    const stored = await s3.getObject(BUCKET, key);
    expect(stored.text).toBe(readFileSync(local, "utf8"));
    const runs = JSON.parse(stored.text) as { runSettingId: string }[];
    expect(runs).toHaveLength(10_000);
    expect(runs[9_999]?.runSettingId).toBe("run-10000");

    const second = await cli(["compile", file, "--s3-endpoint-url", inject("s3Endpoint"), "-o", out]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("already there with the same content");
    expect((await s3.getObject(BUCKET, key)).etag).toBe(stored.etag);
  });

  it("shows upload progress on a terminal", async () => {
    const file = write("progress.batch", program(2_000, `s3://${BUCKET}/progress/`));
    const r = await cli(["compile", file, "--s3-endpoint-url", inject("s3Endpoint"), "-o", path.join(dir, "progress.json")], { tty: true, env: { NO_COLOR: "1" } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\u001b\[2Kuploading s3:\/\/batchc-cli-compile\/progress\/s3-test-[0-9a-f]{8}\.json \[#{20}\] 100%/);
    expect(r.stderr).toContain("(uploaded)");
  });

  it("refuses to replace a different object at the same key (exit 3, nothing written)", async () => {
    const file = write("clash.batch", program(150, `s3://${BUCKET}/clash/`));
    const dry = await cli(["compile", file, "--no-upload", "-o", path.join(dir, "clash-dry.json")]);
    expect(dry.code).toBe(0);
    const uri = (JSON.parse(readFileSync(path.join(dir, "clash-dry.json"), "utf8")) as { batchRunSettings: { s3UriSettings: string } })
      .batchRunSettings.s3UriSettings;
    await s3.putObject(BUCKET, uri.slice(`s3://${BUCKET}/`.length), "[]");
    const out = path.join(dir, "clash-request.json");
    const r = await cli(["compile", file, "--s3-endpoint-url", inject("s3Endpoint"), "-o", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .*BC5505/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("reports a missing bucket in one readable message with exit 3", async () => {
    const file = write("nobucket.batch", program(101, "s3://batchc-no-such-bucket/x/"));
    const out = path.join(dir, "nobucket-request.json");
    const settingsOut = path.join(dir, "nobucket-settings.json");
    const r = await cli(["compile", file, "--s3-endpoint-url", inject("s3Endpoint"), "-o", out, "--settings-out", settingsOut]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("error: the S3 bucket `batchc-no-such-bucket` does not exist (BC5501)");
    expect(r.stderr).toMatch(/^help: /m);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(settingsOut)).toBe(false);
  });

  it("reports an unreachable S3 endpoint with exit 3", async () => {
    const file = write("unreachable.batch", program(101, `s3://${BUCKET}/x/`));
    const r = await cli(["compile", file, "--s3-endpoint-url", "http://127.0.0.1:9"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .*\(BC5504\)$/m);
    expect(r.stdout).toBe("");
  });
});
