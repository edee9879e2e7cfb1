// batchc makes no code from strings: the shipped executable checks and compiles every example
// under `node --disallow-code-generation-from-strings` (a hardening flag some sites set), a
// settings file large enough for the writer's worker thread included.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sampleSheet } from "../../examples/wgs-cohort/generate-samples.mjs";
import { makeTestS3 } from "../omics-endpoint/sdk.js";

const root = path.resolve(import.meta.dirname, "../..");
const batchc = path.join(root, "packages/cli/bin/batchc.js");
const s3Endpoint = inject("s3Endpoint");
const ENV = { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", NO_COLOR: "1" };

/** Every example program, as a path relative to the repository. */
const EXAMPLES = readdirSync(path.join(root, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(root, "examples", d.name)).filter((f) => f.endsWith(".batch")).map((f) => `examples/${d.name}/${f}`));

function batchcStrict(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--disallow-code-generation-from-strings", batchc, ...args, "--s3-endpoint-url", s3Endpoint], {
    cwd: root,
    env: ENV,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-no-codegen-"));
  // examples/s3-fastqs lists its FASTQs from S3.
  const s3 = makeTestS3(s3Endpoint);
  try {
    await s3.createBucket("lab-raw");
    for (const mate of ["R1", "R2"]) await s3.putObject("lab-raw", `run-0042/L001/NA12878_${mate}_001.fastq.gz`, "@r\nACGT\n+\nIIII\n");
  } finally {
    s3.destroy();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("node --disallow-code-generation-from-strings", () => {
  it("finds the examples", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
  });

  for (const example of EXAMPLES) {
    it(`check and compile ${example}`, () => {
      const checked = batchcStrict(["check", example]);
      expect(checked.stderr).toBe("");
      expect(checked.stdout).toMatch(/: ok, [\d,]+ runs?\n$/);
      expect(checked.status).toBe(0);
      // A program with `maxRunsPerBatch` writes folders of parts (docs/language.md §8b).
      const split = readFileSync(path.join(root, example), "utf8").includes("maxRunsPerBatch");
      const out = path.join(dir, `${path.basename(example)}${split ? "-parts" : ".json"}`);
      const settingsOut = path.join(dir, split ? `${path.basename(example)}-settings` : "settings.json");
      const compiled = batchcStrict(["compile", example, "--no-upload", "--settings-out", settingsOut, "-o", out]);
      expect(compiled.stderr).toMatch(split ? /\d+ runs? in \d+ parts?, requests written to / : /\d+ runs?, .*request written to /);
      expect(compiled.status).toBe(0);
      const request = split ? path.join(out, readdirSync(out)[0] as string) : out;
      expect(JSON.parse(readFileSync(request, "utf8"))).toHaveProperty("defaultRunSetting");
    });
  }

  it("compiles 20,000 runs to a settings file of several chunks", () => {
    const big = path.join(dir, "cohort");
    rmSync(big, { recursive: true, force: true });
    mkdirSync(big, { recursive: true });
    copyFileSync(path.join(root, "examples/wgs-cohort/wgs-cohort.batch"), path.join(big, "wgs-cohort.batch"));
    writeFileSync(path.join(big, "samples.csv"), sampleSheet(5_000));
    const settings = path.join(big, "settings.json");
    const r = batchcStrict(["compile", path.join(big, "wgs-cohort.batch"), "--no-upload", "--settings-out", settings, "-o", path.join(big, "request.json")]);
    expect(r.stderr).toMatch(/20,000 runs, settings file s3:\/\//);
    expect(r.status).toBe(0);
    expect(statSync(settings).size).toBeGreaterThan(4 << 20);
    expect((JSON.parse(readFileSync(settings, "utf8")) as unknown[]).length).toBe(20_000);
  });
});
