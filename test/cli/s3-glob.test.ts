// `s3_glob` against moto through the real @aws-sdk/client-s3: examples/s3-fastqs lists its
// FASTQs from S3, pair_reads pairs them, and check, compile and the dry run show the pairs; a
// listing of more than one page is whole and sorted; no match, a computed pattern and missing
// credentials are each a diagnostic at the call.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import { runOmics } from "./omics-harness.js";

const s3Endpoint = inject("s3Endpoint");
const EXAMPLE = "examples/s3-fastqs/s3-fastqs.batch";
const CREDS = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };
const PAGED = "batchc-s3-glob-paged";
/** The FASTQs of the example, and objects that must not match. */
const SEEDED = [
  "run-0042/L001/NA12878_R1_001.fastq.gz",
  "run-0042/L001/NA12878_R2_001.fastq.gz",
  "run-0042/L001/NA12891_R1_001.fastq.gz",
  "run-0042/L001/NA12891_R2_001.fastq.gz",
  "run-0042/L002/NA12892_R1_001.fastq.gz",
  "run-0042/L002/NA12892_R2_001.fastq.gz",
  "run-0042/L001/SampleSheet.csv",
  "run-0042/.hidden/x_R1.fastq.gz",
  "run-0043/L001/OTHER_R1_001.fastq.gz",
];

const cli = (argv: string[], env: Record<string, string | undefined> = CREDS, files?: Record<string, string>) =>
  runOmics(argv, { env, ...(files !== undefined ? { files } : {}) });

beforeAll(async () => {
  const s3 = makeTestS3(s3Endpoint);
  try {
    await s3.createBucket("lab-raw");
    for (const key of SEEDED) await s3.putObject("lab-raw", key, "@r\nACGT\n+\nIIII\n");
    await s3.createBucket(PAGED);
    const keys = Array.from({ length: 1_205 }, (_, i) => `p/S${String(1_204 - i).padStart(4, "0")}_R${(i % 2) + 1}.fastq.gz`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => s3.putObject(PAGED, k, "x")));
  } finally {
    s3.destroy();
  }
});

describe("examples/s3-fastqs", () => {
  it("check lists S3 once and finds three samples", async () => {
    const r = await cli(["check", EXAMPLE, "--s3-endpoint-url", s3Endpoint]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${EXAMPLE}: ok, 3 runs\n`);
    expect(r.code).toBe(0);
  });

  it("compiles to one run per pair, with the S3 URIs of both mates", async () => {
    const r = await cli(["compile", EXAMPLE, "--s3-endpoint-url", s3Endpoint]);
    expect(r.code).toBe(0);
    const request = JSON.parse(r.stdout) as { batchRunSettings: { inlineSettings: { runSettingId: string; parameters: Record<string, string> }[] } };
    const runs = request.batchRunSettings.inlineSettings;
    expect(runs.map((x) => [x.runSettingId, x.parameters.r1, x.parameters.r2])).toEqual([
      ["NA12878", "s3://lab-raw/run-0042/L001/NA12878_R1_001.fastq.gz", "s3://lab-raw/run-0042/L001/NA12878_R2_001.fastq.gz"],
      ["NA12891", "s3://lab-raw/run-0042/L001/NA12891_R1_001.fastq.gz", "s3://lab-raw/run-0042/L001/NA12891_R2_001.fastq.gz"],
      ["NA12892", "s3://lab-raw/run-0042/L002/NA12892_R1_001.fastq.gz", "s3://lab-raw/run-0042/L002/NA12892_R2_001.fastq.gz"],
    ]);
  });

  it("a dry run shows the pairs", async () => {
    const r = await cli(["compile", EXAMPLE, "--dry-run", "--format", "csv", "--s3-endpoint-url", s3Endpoint]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("s3://lab-raw/run-0042/L001/NA12878_R1_001.fastq.gz");
    expect(lines[1]).toContain("s3://lab-raw/run-0042/L001/NA12878_R2_001.fastq.gz");
    expect(lines[3]).toContain("s3://lab-raw/run-0042/L002/NA12892_R2_001.fastq.gz");
  });

  it("without credentials, check reports the call as needing S3 access (BC3043)", async () => {
    const r = await cli(["check", EXAMPLE, "--s3-endpoint-url", s3Endpoint], { AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(r.code).toBe(1);
    const line = readFileSync(EXAMPLE, "utf8").split("\n").findIndex((l) => l.startsWith("for p in pair_reads(s3_glob(")) + 1;
    expect(r.stderr).toContain(
      'error[BC3043]: `s3_glob("s3://lab-raw/run-0042/**/*.fastq.gz")` needs S3 access: no AWS credentials were found\n' +
        `  --> ${EXAMPLE}:${line}:29\n`,
    );
    expect(r.stderr).toContain("help: run with AWS credentials that may call `s3:ListBucket` on the bucket");
  });
});

describe("s3_glob", () => {
  const program = (pattern: string) => `batch "g" {}
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://out/g/"
}
let files = s3_glob(${pattern})
run "one" { params { n = len(files), first = files[0], last = files[len(files) - 1] } }
`;

  it("reads every page of a listing above 1,000 objects, sorted", async () => {
    const r = await cli(["compile", "p.batch", "--no-hoist", "--s3-endpoint-url", s3Endpoint], CREDS, { "p.batch": program(`"s3://${PAGED}/p/*_R1.fastq.gz"`) });
    expect(r.stderr).toBe("p.batch: 1 run, inline settings\n");
    const run = (JSON.parse(r.stdout) as { batchRunSettings: { inlineSettings: { parameters: Record<string, unknown> }[] } }).batchRunSettings.inlineSettings[0];
    expect(run?.parameters).toEqual({ n: 603, first: `s3://${PAGED}/p/S0000_R1.fastq.gz`, last: `s3://${PAGED}/p/S1204_R1.fastq.gz` });
  });

  it("an exact key without wildcards matches only itself", async () => {
    const r = await cli(["compile", "p.batch", "--no-hoist", "--s3-endpoint-url", s3Endpoint], CREDS, { "p.batch": program(`"s3://${PAGED}/p/S0001_R2.fastq.gz"`) });
    const run = (JSON.parse(r.stdout) as { batchRunSettings: { inlineSettings: { parameters: Record<string, unknown> }[] } }).batchRunSettings.inlineSettings[0];
    expect(run?.parameters).toEqual({ n: 1, first: `s3://${PAGED}/p/S0001_R2.fastq.gz`, last: `s3://${PAGED}/p/S0001_R2.fastq.gz` });
  });

  it("no match is an error naming the prefix listed (BC3045)", async () => {
    const r = await cli(["check", "p.batch", "--s3-endpoint-url", s3Endpoint], CREDS, { "p.batch": program(`"s3://lab-raw/run-0042/**/*.bam"`) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[BC3045]: no S3 object matches "s3://lab-raw/run-0042/**/*.bam"\n --> p.batch:7:21\n');
    expect(r.stderr).toContain("= note: listed every object under `s3://lab-raw/run-0042/`");
  });

  it("a pattern that is not s3://bucket/… is an error (BC3044)", async () => {
    const r = await cli(["check", "p.batch"], CREDS, { "p.batch": program(`"lab-raw/*.fastq.gz"`) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[BC3044]: "lab-raw/*.fastq.gz" is not an S3 pattern\n');
  });

  it("a computed pattern cannot be listed ahead and says so at the call", async () => {
    const r = await cli(["check", "p.batch", "--s3-endpoint-url", s3Endpoint], CREDS, { "p.batch": program(`"s3://${"$"}{"lab-raw"}/run-0042/*"`) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("needs S3 access: its pattern is computed, so it could not be listed before the program ran; write it as a string literal");
  });
});
