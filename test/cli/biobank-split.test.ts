// The biobank-split example (docs/language.md §8b): the committed 50-participant sheet is one
// part; the generated 125,000-participant sheet is 250,000 runs, cut by maxRunsPerBatch = 100000
// into three parts whose dry-run summaries are goldens, and whose requests and settings files,
// merged as the API merges them and concatenated in order, are the program's effective runs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { StartRunBatchRequestSchema } from "@batchc/omics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const example = "examples/biobank-split/biobank-split.batch";
const update = process.env.BATCHC_UPDATE === "1";
let dir: string;
let program: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-biobank-"));
  execFileSync(process.execPath, [path.join(root, "examples/biobank-split/generate-participants.mjs"), "125000", dir]);
  program = path.join(dir, "biobank-split.batch");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function golden(file: string, actual: string): void {
  const p = path.join(root, "test/golden/biobank-split", file);
  if (update || !existsSync(p)) {
    if (!update) throw new Error(`missing golden ${p}; run with BATCHC_UPDATE=1 to create it`);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, actual);
    return;
  }
  expect(actual).toBe(readFileSync(p, "utf8"));
}

type Json = Record<string, unknown>;

/** A run as the API runs it: the defaults overlaid with the run (parameters and runTags key by key). */
function merged(defaults: Json, run: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(defaults)) if (["name", "outputUri", "priority", "outputBucketOwnerId", "parameters", "runTags", "engineSettings"].includes(k)) out[k] = v;
  for (const [k, v] of Object.entries(run)) {
    out[k] = (k === "parameters" || k === "runTags") && out[k] !== undefined ? { ...(out[k] as Json), ...(v as Json) } : v;
  }
  return out;
}

/** JSON with sorted keys, to compare values whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

describe("examples/biobank-split", () => {
  it("the committed sheet: 100 runs in one part", async () => {
    const r = await runCli(["check", example], { cwd: root });
    expect(r).toEqual({ code: 0, stdout: `${example}: ok, 100 runs\n`, stderr: "" });
    const dry = await runCli(["compile", example, "--dry-run", "--limit", "0"], { cwd: root });
    expect(dry.stdout.split("\n").slice(0, 2)).toEqual(["batch      biobank-part-1-of-1", "runs       100, inline in the request (batchRunSettings.inlineSettings)"]);
  });

  it("250,000 runs: the three parts' dry-run summaries", async () => {
    const r = await runCli(["compile", program, "--dry-run", "--limit", "0"]);
    expect(r.code).toBe(0);
    const summaries = r.stdout.slice(0, r.stdout.indexOf("\n\n#") + 1);
    expect(summaries.split("\n\n")).toHaveLength(3);
    golden("dry-run-summaries.txt", summaries);
  }, 120_000);

  it("compile -o out/ --no-upload --settings-out settings/: three requests whose runs, merged and concatenated, are the program's effective runs", async () => {
    const out = path.join(dir, "out");
    const settings = path.join(dir, "settings");
    const r = await runCli(["compile", program, "-o", out, "--no-upload", "--settings-out", settings]);
    expect(r.code).toBe(0);
    const dry = await runCli(["compile", program, "--dry-run", "--format", "jsonl"]);
    expect(dry.code).toBe(0);
    const expected = dry.stdout.trimEnd().split("\n");
    expect(expected).toHaveLength(250_000);
    let i = 0;
    const differing: number[] = [];
    for (const k of [1, 2, 3]) {
      const name = `biobank-part-${k}-of-3.json`;
      const request = StartRunBatchRequestSchema.parse(JSON.parse(readFileSync(path.join(out, name), "utf8")));
      expect(request.batchName).toBe(`biobank-part-${k}-of-3`);
      const runs = JSON.parse(readFileSync(path.join(settings, name), "utf8")) as Json[];
      expect(request.batchRunSettings).toEqual({ s3UriSettings: expect.stringMatching(new RegExp(`^s3://lab-batches/biobank/biobank-part-${k}-of-3-[0-9a-f]{8}\\.json$`)) });
      expect(runs).toHaveLength(k === 3 ? 50_000 : 100_000);
      const defaults = request.defaultRunSetting as unknown as Json;
      for (const run of runs) {
        if (canonical(merged(defaults, run)) !== canonical(JSON.parse(expected[i] as string))) differing.push(i);
        i++;
      }
    }
    expect(i).toBe(250_000);
    expect(differing.slice(0, 5)).toEqual([]);
  }, 300_000);
});
