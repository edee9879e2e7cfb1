// The parts of a program with `maxRunsPerBatch` (docs/language.md §8b) through real HTTP and
// SigV4 against the local HealthOmics endpoint, and moto for settings files: `submit FILE.batch`
// and `submit FOLDER` start every part in order, idempotent by requestId; a failure exits 3
// naming what started, and running again resumes; `resubmit ID FILE.batch` resubmits one part.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { inject, describe, expect, it } from "vitest";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import { endpoints, ids, program, receivedIds, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");

/** The harness program with `maxRunsPerBatch = n` in its batch block. */
const split = (runIds: readonly string[], n: number, settings?: string): string =>
  program(runIds, settings !== undefined ? { settings } : {}).replace("batch \"cohort\" {", `batch "cohort" {\n  maxRunsPerBatch = ${n}`);

const files = { "cohort.batch": split(ids(5), 2) };

describe("submit of parts", () => {
  it("starts every part in order and prints every batch id", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    const requestIds = ["5000001", "5000002", "5000003"].map((id) => ep.batch(id).requestId);
    expect(r.stdout).toBe(
      [1, 2, 3]
        .map((k) =>
          [
            `part ${k} of 3 (cohort-part-${k}-of-3)`,
            `batch      500000${k}  cohort-part-${k}-of-3`,
            "status     CREATING",
            `arn        arn:aws:omics:us-east-1:123456789012:runBatch/500000${k}`,
            `uuid       00000000-0000-4000-a000-00000500000${k}`,
            `runs       ${k === 3 ? 1 : 2}, inline in the request`,
            `requestId  ${requestIds[k - 1]}`,
            "",
          ].join("\n"),
        )
        .join("\n"),
    );
    expect(r.stderr).toBe("follow them with `batchc status ID`: 5000001, 5000002, 5000003\n");
    expect([1, 2, 3].map((k) => receivedIds(ep, `500000${k}`))).toEqual([["r1", "r2"], ["r3", "r4"], ["r5"]]);
    expect(new Set(requestIds).size).toBe(3);
    // submitting again starts nothing new: each part is found by its requestId
    const again = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { parts: { id: string }[] }).parts.map((p) => p.id)).toEqual(["5000001", "5000002", "5000003"]);
    expect(ep.state.batches.size).toBe(3);
  });

  it("submit FOLDER sends the files compile -o wrote, byte for byte; the same batches as the program", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-parts-submit-"));
    try {
      writeFileSync(path.join(dir, "cohort.batch"), files["cohort.batch"]);
      const compiled = await runOmics(["compile", path.join(dir, "cohort.batch"), "-o", path.join(dir, "out")]);
      expect(compiled.code).toBe(0);
      expect(readdirSync(path.join(dir, "out"))).toEqual(["cohort-part-1-of-3.json", "cohort-part-2-of-3.json", "cohort-part-3-of-3.json"]);
      const ep = await start();
      const r = await runOmics(["submit", path.join(dir, "out"), "--endpoint-url", ep.url], { endpoint: ep });
      expect(r.code).toBe(0);
      expect(ep.requestsOf("StartRunBatch").map((q) => q.rawBody)).toEqual(
        ["1", "2", "3"].map((k) => readFileSync(path.join(dir, "out", `cohort-part-${k}-of-3.json`), "utf8")),
      );
      const fromProgram = await runOmics(["submit", path.join(dir, "cohort.batch"), "--endpoint-url", ep.url], { endpoint: ep });
      expect(fromProgram.code).toBe(0);
      expect(ep.state.batches.size).toBe(3);
      rmSync(path.join(dir, "out", "cohort-part-2-of-3.json"));
      const partial = await runOmics(["submit", path.join(dir, "out"), "--endpoint-url", ep.url], { endpoint: ep });
      expect(partial.code).toBe(1);
      expect(partial.stderr).toContain("lacks a part: `cohort-part-2-of-3.json`");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a part that fails: exit 3 after naming the started ones; running again resumes without starting a part twice", async () => {
    const ep = await start({ autoAdvance: false });
    // A batch of the second part's name from another request, still starting: the guard refuses part 2.
    const other = await runOmics(["submit", "other.batch", "--endpoint-url", ep.url], { endpoint: ep, files: { "other.batch": program(["x"], { name: "cohort-part-2-of-3" }) } });
    expect(other.code).toBe(0);
    const first = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(first.code).toBe(3);
    expect(first.stdout).toContain("part 1 of 3 (cohort-part-1-of-3)\nbatch      5000002  cohort-part-1-of-3\n");
    expect(first.stdout).not.toContain("part 2 of 3");
    expect(first.stderr).toContain("error: part 2 of 3 (cohort-part-2-of-3) was not started: batch 5000001 named `cohort-part-2-of-3` is still CREATING");
    expect(first.stderr).toContain("one part was started: 5000002 (cohort-part-1-of-3).");
    expect(first.stderr).toContain("run the same command again to start the rest: the parts already started are found by their requestId, not started twice");
    expect(ep.state.batches.size).toBe(2);
    await ep.advance("5000001", 4);
    const second = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe("follow them with `batchc status ID`: 5000002, 5000003, 5000004\n");
    expect(ep.state.batches.size).toBe(4);
    expect([2, 3, 4].map((k) => receivedIds(ep, `500000${k}`))).toEqual([["r1", "r2"], ["r3", "r4"], ["r5"]]);
  });

  it("parts over 100 runs: each settings file uploaded to S3 and read by the service", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-parts");
    const ep = await start({ s3Endpoint });
    const f = { "cohort.batch": split(ids(205), 101, "s3://batchc-cli-parts/batches/") };
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint], { endpoint: ep, files: f });
    expect(r.code).toBe(0);
    expect(ep.batch("5000001").settingsFile?.uri).toMatch(/^s3:\/\/batchc-cli-parts\/batches\/cohort-part-1-of-3-[0-9a-f]{8}\.json$/);
    expect(ep.batch("5000002").settingsFile?.uri).toMatch(/^s3:\/\/batchc-cli-parts\/batches\/cohort-part-2-of-3-[0-9a-f]{8}\.json$/);
    expect([1, 2, 3].map((k) => receivedIds(ep, `500000${k}`))).toEqual([ids(205).slice(0, 101), ids(205).slice(101, 202), ids(205).slice(202)]);
    s3.destroy();
  });

  it("--dry-run shows each part and starts nothing", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--dry-run", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { parts: { runCount: number; request: { batchName: string } }[] };
    expect(doc.parts.map((p) => [p.request.batchName, p.runCount])).toEqual([
      ["cohort-part-1-of-3", 2],
      ["cohort-part-2-of-3", 2],
      ["cohort-part-3-of-3", 1],
    ]);
    expect(ep.requests).toHaveLength(0);
  });
});

describe("resubmit of one part", () => {
  it("finds the part by the batch's name and starts only its runs that failed", async () => {
    const ep = await start({ autoAdvance: false, failRuns: ["r2", "r4"] });
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    await ep.advance("5000002", 4);
    const again = await runOmics(["resubmit", "5000002", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("resubmitting 1 run of batch 5000002 (1 failed to start, 0 missing)\n");
    expect(receivedIds(ep, "5000004")).toEqual(["r4"]);
    expect(ep.batch("5000004").name).toBe("cohort-part-2-of-3");
    // the one run's values are hoisted into its defaults, as for any resubmission: the same effective run
    expect(ep.batch("5000004").defaultRunSetting).toEqual({ ...ep.batch("5000002").defaultRunSetting, name: "run r4", parameters: { sample: "r4" } });
    expect(ep.batch("5000004").runs[0]?.setting).toEqual({ runSettingId: "r4" });
  });

  it("a batch that is none of the parts is refused", async () => {
    const ep = await start({ autoAdvance: false });
    const other = await runOmics(["submit", "other.batch", "--endpoint-url", ep.url], { endpoint: ep, files: { "other.batch": program(["r1"], { name: "elsewhere" }) } });
    expect(other.code).toBe(0);
    await ep.advance("5000001", 4);
    const r = await runOmics(["resubmit", "5000001", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "error: batch 5000001 is named `elsewhere`, which is none of the parts of `cohort.batch` (`cohort-part-1-of-3`, `cohort-part-2-of-3`, `cohort-part-3-of-3`)",
    );
  });
});
