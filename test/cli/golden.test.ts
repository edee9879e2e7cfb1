// Goldens: each bundled example's dry-run preview, JSONL runs and compiled request body.
// BATCHC_UPDATE=1 rewrites the files under test/golden/ instead of comparing.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import * as path from "node:path";
import { InlineSettingSchema, StartRunBatchRequestSchema } from "@batchc/omics";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const update = process.env.BATCHC_UPDATE === "1";

const EXAMPLES = [
  { name: "wgs-cohort", file: "examples/wgs-cohort/wgs-cohort.batch", runs: 100 },
  { name: "tumor-normal", file: "examples/small-inline/tumor-normal.batch", runs: 6 },
  { name: "fastq-pairs", file: "examples/fastq-pairs/fastq-pairs.batch", runs: 3 },
  { name: "template-params", file: "examples/template-params/template-params.batch", runs: 3 },
  { name: "rnaseq-lanes", file: "examples/rnaseq-lanes/rnaseq-lanes.batch", runs: 5 },
];

function golden(name: string, file: string, actual: string): void {
  const p = path.join(root, "test/golden", name, file);
  if (update || !existsSync(p)) {
    if (!update) throw new Error(`missing golden ${p}; run with BATCHC_UPDATE=1 to create it`);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, actual);
    return;
  }
  expect(actual).toBe(readFileSync(p, "utf8"));
}

describe.each(EXAMPLES)("example $name", ({ name, file, runs }) => {
  it("checks clean", async () => {
    const r = await runCli(["check", file], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}: ok, ${runs} run${runs === 1 ? "" : "s"}\n`);
  });

  it("previews as a table", async () => {
    const r = await runCli(["compile", file, "--dry-run"], { cwd: root });
    expect(r.code).toBe(0);
    golden(name, "dry-run.txt", r.stdout);
  });

  it("previews as JSONL, one effective run per line", async () => {
    const r = await runCli(["compile", file, "--dry-run", "--format", "jsonl"], { cwd: root });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(runs);
    golden(name, "runs.jsonl", r.stdout);
  });

  it("compiles to the request body", async () => {
    const r = await runCli(["compile", file], { cwd: root });
    expect(r.code).toBe(0);
    golden(name, "request.json", r.stdout);
    // `compile` leaves the schema check to its fast checks; the schema agrees.
    const request = StartRunBatchRequestSchema.parse(JSON.parse(r.stdout));
    expect(request.batchRunSettings.inlineSettings).toHaveLength(runs);
    const again = await runCli(["compile", file], { cwd: root });
    expect(again.stdout).toBe(r.stdout);
  });
});
