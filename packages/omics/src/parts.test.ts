// PartsBuilder and partRules (docs/language.md §8b): runs cut in order into parts of at most
// maxRunsPerBatch, each a request of its own with its name, hoisting, settings file and id.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_PARTS, maxRunsPerBatchProblem, partCount, partName, partRequestId } from "@batchc/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emitRequest, settingsFileStem, type EmitResult } from "./emit.js";
import { PartsBuilder, partBatch, partRules, type PartsBatch, type PartsResult } from "./parts.js";
import type { RunSettingInput } from "./types.js";

const DEFAULTS = {
  workflowId: "1234567",
  roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
  outputUri: "s3://lab-results/biobank/",
};

const run = (i: number): RunSettingInput => ({
  runSettingId: `S${i}`,
  parameters: { sample: `S${i}`, ref: i <= 4 ? "hg38" : "t2t" },
});

function* runs(n: number): Generator<RunSettingInput> {
  for (let i = 1; i <= n; i++) yield run(i);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "batchc-parts-test-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Emitted = Extract<EmitResult, { ok: true }>;

/** The parts of `n` runs, added one at a time as the compiler adds checked runs. */
async function split(n: number, batch: Partial<PartsBatch> & { maxRunsPerBatch: number }, hoist = true): Promise<PartsResult> {
  const builder = new PartsBuilder({ batchName: "biobank", settings: "s3://lab-batches/biobank/", ...batch }, DEFAULTS, { tmpDir: dir, hoist });
  for (const run of runs(n)) {
    const pending = builder.add(run);
    if (pending !== undefined) await pending;
  }
  return builder.finish();
}

function ok(r: PartsResult): Emitted[] {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 2)}`);
  return r.parts;
}

/** The runs of a request, inline or from its settings file. */
const runsOf = (p: Emitted): { runSettingId: string }[] =>
  p.settingsFile !== undefined ? JSON.parse(readFileSync(p.settingsFile.path, "utf8")) : (p.request.batchRunSettings.inlineSettings ?? []);

describe("part names and counts", () => {
  it("NAME-part-K-of-P, part-K-of-P without a name, ID-K", () => {
    expect(partName("biobank", 2, 3)).toBe("biobank-part-2-of-3");
    expect(partName(undefined, 1, 1)).toBe("part-1-of-1");
    expect(partRequestId("cohort-7", 12)).toBe("cohort-7-12");
    expect([partCount(250_000, 100_000), partCount(200_000, 100_000), partCount(1, 100_000)]).toEqual([3, 2, 1]);
    expect(MAX_PARTS).toBe(1000);
  });

  it("maxRunsPerBatch is a whole number from 1 to 100,000", () => {
    expect([1, 100_000, 4].map(maxRunsPerBatchProblem)).toEqual([undefined, undefined, undefined]);
    expect(maxRunsPerBatchProblem(0)).toBe("it is from 1 to 100,000; this one is 0");
    expect(maxRunsPerBatchProblem(100_001)).toBe("it is from 1 to 100,000; this one is 100001");
    expect(maxRunsPerBatchProblem(2.5)).toBe("it must be a whole number, not 2.5");
  });

  it("partBatch: the name and explicit id of part K, the rest shared", () => {
    const batch: PartsBatch = { batchName: "b", requestId: "r", settings: "s3://x/y/", tags: { a: "1" }, maxRunsPerBatch: 5 };
    expect(partBatch(batch, 2, 4)).toEqual({ batchName: "b-part-2-of-4", requestId: "r-2", settings: "s3://x/y/", tags: { a: "1" } });
  });
});

describe("PartsBuilder", () => {
  it("10 runs by 4: three inline parts of 4, 4 and 2 runs, in order, each hoisted on its own", async () => {
    const parts = ok(await split(10, { maxRunsPerBatch: 4 }));
    expect(parts.map((p) => [p.request.batchName, p.runCount])).toEqual([
      ["biobank-part-1-of-3", 4],
      ["biobank-part-2-of-3", 4],
      ["biobank-part-3-of-3", 2],
    ]);
    expect(parts.flatMap((p) => runsOf(p).map((r) => r.runSettingId))).toEqual(["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"]);
    // part 1 has only hg38 runs, parts 2 and 3 only t2t: each part hoists its own `ref`
    expect(parts.map((p) => p.request.defaultRunSetting.parameters)).toEqual([{ ref: "hg38" }, { ref: "t2t" }, { ref: "t2t" }]);
    expect(parts[2]?.request.batchRunSettings.inlineSettings).toEqual([
      { runSettingId: "S9", parameters: { sample: "S9" } },
      { runSettingId: "S10", parameters: { sample: "S10" } },
    ]);
    // content-derived ids, all different
    expect(new Set(parts.map((p) => p.request.requestId)).size).toBe(3);
    for (const p of parts) expect(p.request.requestId).toMatch(/^batchc-[0-9a-f]{32}$/);
  });

  it("each part is byte for byte the request emitRequest makes of its runs under its name", async () => {
    const parts = ok(await split(10, { maxRunsPerBatch: 4 }));
    const alone = await emitRequest(
      { batch: { batchName: "biobank-part-2-of-3", settings: "s3://lab-batches/biobank/" }, defaults: DEFAULTS, runs: [run(5), run(6), run(7), run(8)] },
      { hoist: true },
    );
    expect(alone.ok && alone.json).toBe(parts[1]?.json);
  });

  it("an explicit requestId gets -K per part", async () => {
    const parts = ok(await split(5, { maxRunsPerBatch: 2, requestId: "biobank-2026-12" }));
    expect(parts.map((p) => p.request.requestId)).toEqual(["biobank-2026-12-1", "biobank-2026-12-2", "biobank-2026-12-3"]);
  });

  it("one part is still a part: NAME-part-1-of-1", async () => {
    const parts = ok(await split(3, { maxRunsPerBatch: 100_000 }));
    expect(parts.map((p) => p.request.batchName)).toEqual(["biobank-part-1-of-1"]);
  });

  it("parts over 100 runs get their own settings file, named after the part", async () => {
    const parts = ok(await split(400, { maxRunsPerBatch: 150 }, false));
    expect(parts.map((p) => p.runCount)).toEqual([150, 150, 100]);
    const [a, b, c] = parts;
    expect(a?.settingsFile?.uri).toMatch(/^s3:\/\/lab-batches\/biobank\/biobank-part-1-of-3-[0-9a-f]{8}\.json$/);
    expect(b?.settingsFile?.uri).toMatch(/^s3:\/\/lab-batches\/biobank\/biobank-part-2-of-3-[0-9a-f]{8}\.json$/);
    expect(a?.request.batchRunSettings).toEqual({ s3UriSettings: a?.settingsFile?.uri });
    expect(c?.settingsFile).toBeUndefined();
    expect(c?.request.batchRunSettings.inlineSettings).toHaveLength(100);
    expect(parts.flatMap(runsOf).map((r) => r.runSettingId)).toEqual([...runs(400)].map((r) => r.runSettingId));
    expect(settingsFileStem(a?.request.batchName)).toBe("biobank-part-1-of-3");
  });

  it("errors leave no settings file behind", async () => {
    const r = await split(1001, { maxRunsPerBatch: 150, settings: undefined });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => [e.code, e.message])).toEqual([["BC4021", "part 1 of 7 has 150 runs but no settings prefix"]]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("more than 1,000 parts: BC4023, counted to the end", async () => {
    const r = await split(1003, { maxRunsPerBatch: 1 });
    expect(r).toMatchObject({ ok: false, runCount: 1003 });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["BC4023"]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("discard removes the parts' settings files", async () => {
    const builder = new PartsBuilder({ batchName: "b", settings: "s3://lab-x/y/", maxRunsPerBatch: 150 }, DEFAULTS, { tmpDir: dir });
    for (const run of runs(400)) await builder.add(run);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    await builder.discard();
    expect(readdirSync(dir)).toEqual([]);
    expect((await builder.finish()).ok).toBe(false);
  });
});

describe("partRules", () => {
  const batch: PartsBatch = { batchName: "biobank", settings: "s3://x/y/", maxRunsPerBatch: 100_000 };
  it("250,000 runs by 100,000: three parts, no problem", () => {
    expect(partRules(250_000, batch)).toEqual([]);
  });
  it("0 runs: BC4019", () => {
    expect(partRules(0, batch).map((e) => e.code)).toEqual(["BC4019"]);
  });
  it("over 1,000 parts: BC4023", () => {
    expect(partRules(1001, { ...batch, maxRunsPerBatch: 1 }).map((e) => [e.code, e.message, e.help])).toEqual([
      [
        "BC4023",
        "the program has more than 1,000 parts of 1 run",
        "a program is cut into at most 1,000 batches; it has more than 1,000 runs, so raise `maxRunsPerBatch` or make fewer runs",
      ],
    ]);
  });
  it("parts over 100 runs without a settings prefix: BC4021 names part 1 of P and how many parts need a file", () => {
    const bare = { batchName: "biobank", maxRunsPerBatch: 120 };
    const help =
      "above 100 runs a part's run settings go to a file in S3: set `settings` to an `s3://bucket/prefix/` location, or `maxRunsPerBatch` to 100 or less to keep every part's runs in its request";
    expect(partRules(250, bare)).toEqual([
      {
        code: "BC4021",
        severity: "error",
        message: "part 1 of 3 has 120 runs but no settings prefix",
        notes: ["the 250 runs are cut into 3 parts of at most 120 (`maxRunsPerBatch`); 2 of them have more than 100 runs"],
        help,
        scope: "runs",
      },
    ]);
    // 120 + 100: only the first part needs a file; 120 + 120 + 110: all three do.
    expect(partRules(220, bare).map((e) => [e.message, e.notes])).toEqual([
      ["part 1 of 2 has 120 runs but no settings prefix", ["the 220 runs are cut into 2 parts of at most 120 (`maxRunsPerBatch`); only this one has more than 100 runs"]],
    ]);
    expect(partRules(350, bare).map((e) => e.notes)).toEqual([["the 350 runs are cut into 3 parts of at most 120 (`maxRunsPerBatch`); 3 of them have more than 100 runs"]]);
    // One part: the batch's own count, as without `maxRunsPerBatch`.
    expect(partRules(110, bare).map((e) => [e.message, e.notes])).toEqual([["the batch has 110 runs but no settings prefix", undefined]]);
    expect(partRules(250, { ...bare, maxRunsPerBatch: 100 })).toEqual([]);
  });
  it("a part name over 64 characters: BC4024 on `batchName`", () => {
    const name = "n".repeat(51);
    expect(partRules(10, { ...batch, batchName: name, maxRunsPerBatch: 1 })).toEqual([
      {
        code: "BC4024",
        severity: "error",
        message: "the batch name of the last part would be 65 characters, more than 64",
        notes: [`the last part would be named \`${name}-part-10-of-10\``],
        help: "shorten the batch name to at most 50 characters: each part's name adds `-part-K-of-P`",
        scope: "batch",
        path: ["batchName"],
      },
    ]);
    expect(partRules(9, { ...batch, batchName: name, maxRunsPerBatch: 1 })).toEqual([]);
  });
  it("an explicit requestId over 128 characters with -K: BC4025 on `requestId`", () => {
    const id = "r".repeat(126);
    expect(partRules(10, { ...batch, requestId: id, maxRunsPerBatch: 1 }).map((e) => [e.code, e.path, e.help])).toEqual([
      ["BC4025", ["requestId"], "shorten `requestId` to at most 125 characters: each part's id adds `-K`, or leave it out to derive each part's id from its content"],
    ]);
    expect(partRules(9, { ...batch, requestId: id, maxRunsPerBatch: 1 })).toEqual([]);
  });
});
