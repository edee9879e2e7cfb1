// The wgs-cohort example at full size: the generated 25,000-sample sheet expands to 100,000
// effective runs, one JSON line each, and a settings file of them.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { InlineSettingSchema, StartRunBatchRequestSchema } from "@batchc/omics";
import { afterAll, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "batchc-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("prints the 100,000 effective runs of the 25,000-sample cohort as JSONL", async () => {
  execFileSync(process.execPath, [path.join(root, "examples/wgs-cohort/generate-samples.mjs"), "25000", dir]);
  const r = await runCli(["compile", path.join(dir, "wgs-cohort.batch"), "--dry-run", "--format", "jsonl"]);
  expect(r.code).toBe(0);
  const lines = r.stdout.split("\n");
  expect(lines.pop()).toBe("");
  expect(lines).toHaveLength(100_000);
  expect(JSON.parse(lines[0] as string)).toEqual({
    runSettingId: "S000001-hg38-deepvariant",
    name: "wgs S000001 hg38 deepvariant",
    outputUri: "s3://lab-results/cohort-a/hg38/deepvariant/S000001/",
    priority: 10,
    parameters: {
      threads: 16,
      sample_id: "S000001",
      fastq_r1: "s3://lab-raw/cohort-a/lane2/S000001_R1.fastq.gz",
      fastq_r2: "s3://lab-raw/cohort-a/lane2/S000001_R2.fastq.gz",
      reference: "s3://lab-refs/hg38/genome.fa",
      caller: "deepvariant",
    },
    runTags: { project: "cohort-a", sample: "S000001", reference: "hg38" },
  });
  expect(JSON.parse(lines[99_999] as string)).toMatchObject({ runSettingId: "S025000-t2t-gatk", priority: 10 });
  // Sample 24,997 is urgent (every 7th): priority 90.
  expect(JSON.parse(lines[99_988] as string)).toMatchObject({ runSettingId: "S024998-hg38-deepvariant", priority: 10 });
  expect(JSON.parse(lines[99_984] as string)).toMatchObject({ runSettingId: "S024997-hg38-deepvariant", priority: 90 });
  expect(r.stderr).toContain("runs       100,000, in a settings file on S3");
});

it("compiles the 100,000 runs to a settings file whose name is its own sha256, and the request passes the schema", async () => {
  const settings = path.join(dir, "settings.json");
  const request = path.join(dir, "request.json");
  const r = await runCli(["compile", path.join(dir, "wgs-cohort.batch"), "--no-upload", "--settings-out", settings, "-o", request]);
  expect(r.code).toBe(0);
  const bytes = readFileSync(settings);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const body = StartRunBatchRequestSchema.parse(JSON.parse(readFileSync(request, "utf8")));
  expect(body.batchRunSettings.s3UriSettings).toBe(`s3://lab-batches/cohort-a/wgs-cohort-a-${sha256.slice(0, 8)}.json`);
  const runs = (JSON.parse(bytes.toString("utf8")) as unknown[]).map((run) => InlineSettingSchema.parse(run));
  expect(runs).toHaveLength(100_000);
  expect(runs[99_999]).toMatchObject({ runSettingId: "S025000-t2t-gatk", name: "wgs S025000 t2t gatk", priority: 10 });
  expect(r.stderr).toContain(`100,000 runs, settings file ${body.batchRunSettings.s3UriSettings} (not uploaded: --no-upload)`);
});
