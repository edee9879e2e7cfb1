// emitRequest: run-count boundaries, the streamed settings file, determinism, requestId, key
// order, hoisting, and errors returned as data with nothing left behind.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emitRequest, settingsFileStem, type EmitInput, type EmitResult } from "./emit.js";
import { StartRunBatchRequestSchema, type InlineSetting } from "./schema.js";
import type { RunSettingInput } from "./types.js";

const DEFAULTS = {
  workflowId: "1234567",
  roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
  storageType: "DYNAMIC",
  outputUri: "s3://lab-results/cohort-a/",
  runTags: { project: "cohort-a" },
};
const BATCH = { batchName: "wgs-cohort-a", settings: "s3://lab-batches/cohort-a/" };

function run(i: number): RunSettingInput {
  const id = `S${String(i).padStart(6, "0")}`;
  return {
    runSettingId: id,
    name: `wgs ${id}`,
    outputUri: `s3://lab-results/cohort-a/${id}/`,
    priority: i % 2 === 0 ? 10 : 90,
    parameters: { sample_id: id, reference: "s3://lab-refs/hg38/genome.fa" },
    runTags: { sample: id },
  };
}

function* runs(n: number, from = 0): Generator<RunSettingInput> {
  for (let i = from; i < from + n; i++) yield run(i);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "batchc-emit-test-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const emit = (input: Partial<EmitInput> & { runs: EmitInput["runs"] }, hoist = false): Promise<EmitResult> =>
  emitRequest({ batch: BATCH, defaults: DEFAULTS, ...input }, { tmpDir: dir, hoist });

function ok(r: EmitResult): Extract<EmitResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 2)}`);
  return r;
}

const codes = (r: EmitResult): string[] => (r.ok ? [] : r.errors.map((e) => e.code));

describe("run counts", () => {
  it("0 runs: BC4019", async () => {
    const r = await emit({ runs: [] });
    expect(r).toEqual({
      ok: false,
      runCount: 0,
      errors: [{ code: "BC4019", severity: "error", message: "the batch has no runs", help: "a run batch needs at least one run", scope: "runs" }],
    });
  });

  it("1 run: inline", async () => {
    const r = ok(await emit({ runs: runs(1) }));
    expect(r.runCount).toBe(1);
    expect(r.settingsFile).toBeUndefined();
    expect(r.request.batchRunSettings).toEqual({ inlineSettings: [run(0)] });
  });

  it("100 runs: inline, in order", async () => {
    const r = ok(await emit({ runs: runs(100) }));
    expect(r.runCount).toBe(100);
    expect(r.settingsFile).toBeUndefined();
    expect(r.request.batchRunSettings.inlineSettings?.map((s) => s.runSettingId)).toEqual([...runs(100)].map((s) => s.runSettingId));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("101 runs: a settings file in S3, the same runs in the same order", async () => {
    const r = ok(await emit({ runs: runs(101) }));
    expect(r.runCount).toBe(101);
    const f = r.settingsFile!;
    const bytes = readFileSync(f.path);
    expect(f.bytes).toBe(bytes.length);
    expect(f.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(f.uri).toBe(`s3://lab-batches/cohort-a/wgs-cohort-a-${f.sha256.slice(0, 8)}.json`);
    expect([f.bucket, f.key]).toEqual(["lab-batches", `cohort-a/wgs-cohort-a-${f.sha256.slice(0, 8)}.json`]);
    expect(r.request.batchRunSettings).toEqual({ s3UriSettings: f.uri });
    expect(JSON.parse(bytes.toString("utf8"))).toEqual([...runs(101)]);
    // Compact JSON: one `JSON.stringify` per run, joined by commas.
    expect(bytes.toString("utf8")).toBe(`[${[...runs(101)].map((x) => JSON.stringify(x)).join(",")}]`);
  });

  it("100,000 runs: streamed to disk while generated (the file grows before the last run exists)", async () => {
    let sizeMidway = -1;
    function* watched(): Generator<RunSettingInput> {
      for (let i = 0; i < 100_000; i++) {
        if (i === 50_000) {
          const files = readdirSync(dir);
          sizeMidway = files.length === 1 ? statSync(join(dir, files[0]!)).size : -1;
        }
        yield run(i);
      }
    }
    const r = ok(await emit({ runs: watched() }));
    expect(r.runCount).toBe(100_000);
    expect(sizeMidway).toBeGreaterThan(1 << 20);
    expect(sizeMidway).toBeLessThan(r.settingsFile!.bytes);
    const text = readFileSync(r.settingsFile!.path, "utf8");
    expect(r.settingsFile!.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    const parsed = JSON.parse(text) as InlineSetting[];
    expect(parsed.length).toBe(100_000);
    expect(parsed[99_999]).toEqual(run(99_999));
  });

  it("100,001 runs: BC4020, and no file is left behind", async () => {
    const r = await emit({ runs: runs(100_001) });
    expect(r.ok).toBe(false);
    expect(r.runCount).toBe(100_001);
    expect(r.ok ? undefined : r.errors).toEqual([
      {
        code: "BC4020",
        severity: "error",
        message: "the batch has more than 100,000 runs",
        help: "a run batch holds at most 100,000 runs; set `maxRunsPerBatch = 100000` in the `batch` block to cut the runs into several batches",
        scope: "runs",
      },
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("101 runs without a settings prefix: BC4021", async () => {
    const r = await emit({ batch: { batchName: "x" }, runs: runs(101) });
    expect(r.ok ? undefined : r.errors).toEqual([
      {
        code: "BC4021",
        severity: "error",
        message: "the batch has 101 runs but no settings prefix",
        help: "above 100 runs the run settings go to a file in S3: set `settings` to an `s3://bucket/prefix/` location",
        scope: "runs",
      },
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the settings file's bytes", () => {
  const fileText = (r: EmitResult): string => {
    const f = ok(r).settingsFile!;
    const bytes = readFileSync(f.path);
    expect([f.bytes, f.sha256]).toEqual([bytes.length, createHash("sha256").update(bytes).digest("hex")]);
    return bytes.toString("utf8");
  };
  const joined = (list: RunSettingInput[]): string => `[${list.map((x) => JSON.stringify(x)).join(",")}]`;

  it("runs with escapes, non-ASCII and lone surrogates are written as JSON.stringify writes them, in order", async () => {
    const list = [...runs(300)];
    list[3] = { ...list[3]!, name: "wgs é 東 😀" };
    list[150] = { ...list[150]!, parameters: { note: 'say "hi"\n\\', odd: "\ud800" } };
    list[299] = { ...list[299]!, runTags: { sample: "tab\there" } };
    const text = fileText(await emit({ runs: list.values() }));
    expect(text).toBe(joined(list));
    expect(JSON.parse(text)).toEqual(list);
  });

  it("a run larger than the 1 MiB buffer is written on its own, between the others", async () => {
    const list = [...runs(250)];
    list[120] = { ...list[120]!, parameters: { blob: "x".repeat(1_500_000) } };
    list[121] = { ...list[121]!, parameters: { blob: "é".repeat(700_000) } };
    // Too large for the API (it is not checked here): only the writing is tested.
    const text = fileText(await emitRequest({ batch: BATCH, defaults: DEFAULTS, runs: list.values() }, { tmpDir: dir, validateRuns: false }));
    expect(text).toBe(joined(list));
  });

  it("fills and hands over many buffers (3,000 runs of about 2 KB)", async () => {
    const list = [...runs(3000)].map((r, i) => ({ ...r, parameters: { ...(r.parameters as object), pad: "p".repeat(1500 + (i % 700)) } }));
    const text = fileText(await emit({ runs: list.values() }));
    expect(text.length).toBeGreaterThan(5 << 20);
    expect(text).toBe(joined(list));
  });
});

describe("a preview without the settings file (writeSettingsFile: false)", () => {
  it("gives the same request, hash and size and writes nothing", async () => {
    const written = ok(await emit({ runs: runs(5_000) }));
    const counted = ok(await emitRequest({ batch: BATCH, defaults: DEFAULTS, runs: runs(5_000) }, { tmpDir: dir, writeSettingsFile: false }));
    expect(counted.json).toBe(written.json);
    expect({ ...counted.settingsFile, path: "" }).toEqual({ ...written.settingsFile, path: "" });
    expect(counted.settingsFile?.path).toBe("");
    expect(readdirSync(dir)).toEqual([written.settingsFile!.path.slice(dir.length + 1)]);
  });
});

describe("the settings file name", () => {
  it("normalises the prefix to end in `/` and falls back to `batch` without a name", async () => {
    const r = ok(await emit({ batch: { settings: "s3://lab-batches/cohort-a" }, runs: runs(150) }));
    expect(r.settingsFile!.uri).toBe(`s3://lab-batches/cohort-a/batch-${r.settingsFile!.sha256.slice(0, 8)}.json`);
    const top = ok(await emit({ batch: { settings: "s3://lab-batches" }, runs: runs(150) }));
    expect(top.settingsFile!.key).toBe(`batch-${top.settingsFile!.sha256.slice(0, 8)}.json`);
  });

  it("keeps `[A-Za-z0-9._-]` of the batch name", () => {
    expect(settingsFileStem("wgs cohort A / 2026")).toBe("wgs-cohort-A-2026");
    expect(settingsFileStem("東京")).toBe("batch");
    expect(settingsFileStem(undefined)).toBe("batch");
    expect(settingsFileStem("x".repeat(80))).toBe("x".repeat(64));
  });
});

describe("determinism and requestId", () => {
  it("inline: the same input gives the same bytes and requestId", async () => {
    const a = ok(await emit({ runs: runs(40) }));
    const b = ok(await emit({ runs: runs(40) }));
    expect(a.json).toBe(b.json);
    expect(a.request.requestId).toMatch(/^batchc-[0-9a-f]{32}$/);
    expect(a.request.requestId).toBe(b.request.requestId);
  });

  it("inline: a changed run changes the requestId", async () => {
    const a = ok(await emit({ runs: runs(40) }));
    const changed = [...runs(40)];
    changed[17] = { ...changed[17]!, priority: 55 };
    const b = ok(await emit({ runs: changed }));
    expect(b.request.requestId).not.toBe(a.request.requestId);
  });

  it("settings file: the same input gives the same file, URI and requestId; a changed run changes all three", async () => {
    const a = ok(await emit({ runs: runs(300) }));
    const b = ok(await emit({ runs: runs(300) }));
    expect(readFileSync(a.settingsFile!.path)).toEqual(readFileSync(b.settingsFile!.path));
    expect(a.json).toBe(b.json);
    expect(a.settingsFile!.sha256).toBe(b.settingsFile!.sha256);
    const changed = [...runs(300)];
    changed[250] = { ...changed[250]!, name: "renamed" };
    const c = ok(await emit({ runs: changed }));
    expect(c.settingsFile!.sha256).not.toBe(a.settingsFile!.sha256);
    expect(c.settingsFile!.uri).not.toBe(a.settingsFile!.uri);
    expect(c.request.requestId).not.toBe(a.request.requestId);
  });

  it("a given requestId is kept as it is", async () => {
    const r = ok(await emit({ batch: { ...BATCH, requestId: "my-retry-token-1" }, runs: runs(2) }));
    expect(r.request.requestId).toBe("my-retry-token-1");
  });
});

describe("key order and format", () => {
  it("request, defaults (model order) and runs (fixed order), whatever the input order; pretty JSON with a trailing newline", async () => {
    const r = ok(
      await emitRequest(
        {
          batch: { tags: { p: "x" }, settings: "s3://lab-batches/x/", requestId: "rid", batchName: "b" },
          defaults: { runTags: { t: "1" }, logLevel: "ALL", roleArn: DEFAULTS.roleArn, parameters: { z: 1, a: 2 }, workflowId: "1", name: "n" },
          runs: [{ runTags: { b: "2", a: "1" }, parameters: { y: 1 }, outputBucketOwnerId: "123456789012", priority: 1, outputUri: "s3://ooo/", name: "n1", runSettingId: "r1" }],
        },
        { tmpDir: dir },
      ),
    );
    expect(Object.keys(r.request)).toEqual(["batchName", "requestId", "tags", "defaultRunSetting", "batchRunSettings"]);
    expect(Object.keys(r.request.defaultRunSetting)).toEqual(["workflowId", "roleArn", "name", "parameters", "logLevel", "runTags"]);
    const s = r.request.batchRunSettings.inlineSettings![0]!;
    expect(Object.keys(s)).toEqual(["runSettingId", "name", "outputUri", "priority", "outputBucketOwnerId", "parameters", "runTags"]);
    // Map keys keep the order they were written in.
    expect(Object.keys(s.runTags!)).toEqual(["b", "a"]);
    expect(r.json).toBe(`${JSON.stringify(r.request, null, 2)}\n`);
    expect(r.json.startsWith('{\n  "batchName": "b",\n  "requestId": "rid",\n  "tags": {\n    "p": "x"\n  },\n  "defaultRunSetting": {\n    "workflowId": "1",')).toBe(true);
  });

  it("omits absent members and the result passes the zod schema", async () => {
    const r = ok(await emitRequest({ defaults: { workflowId: "1", roleArn: "arn:x" }, runs: [{ runSettingId: "only", outputUri: "s3://ooo/" }] }, { tmpDir: dir }));
    expect(r.request).toEqual({
      requestId: r.request.requestId,
      defaultRunSetting: { workflowId: "1", roleArn: "arn:x" },
      batchRunSettings: { inlineSettings: [{ runSettingId: "only", outputUri: "s3://ooo/" }] },
    });
    expect(StartRunBatchRequestSchema.safeParse(r.request).success).toBe(true);
  });
});

describe("hoisting", () => {
  const same = (i: number): RunSettingInput => ({
    runSettingId: `r${i}`,
    name: "same name",
    outputUri: `s3://ooo/${i}/`,
    priority: 5,
    parameters: { ref: "s3://refs/hg38.fa", threads: 8, sample: `s${i}` },
    runTags: { project: "p", sample: `s${i}` },
  });

  it("moves values identical in every run into the defaults", async () => {
    const r = ok(await emit({ runs: [same(1), same(2), same(3)] }, true));
    expect(r.hoisted).toEqual(["name", "priority", "parameters.ref", "parameters.threads", "runTags.project"]);
    expect(r.request.defaultRunSetting).toEqual({
      ...DEFAULTS,
      name: "same name",
      priority: 5,
      parameters: { ref: "s3://refs/hg38.fa", threads: 8 },
      runTags: { project: "p" },
    });
    expect(r.request.batchRunSettings.inlineSettings![1]).toEqual({
      runSettingId: "r2",
      outputUri: "s3://ooo/2/",
      parameters: { sample: "s2" },
      runTags: { sample: "s2" },
    });
  });

  it("hoists only what every run shares, and nothing without the option", async () => {
    const none = ok(await emit({ runs: runs(3) }, true));
    expect(none.hoisted).toEqual(["parameters.reference"]);
    const off = ok(await emit({ runs: [same(1), same(2)] }, false));
    expect(off.hoisted).toEqual([]);
    expect(off.request.batchRunSettings.inlineSettings![0]).toEqual(same(1));
  });

  it("above 100 runs: hoists from a re-iterable input (first pass), not from a one-shot generator", async () => {
    const list = Array.from({ length: 120 }, (_, i) => same(i));
    const twice = ok(await emit({ runs: list }, true));
    expect(twice.hoisted).toEqual(["name", "priority", "parameters.ref", "parameters.threads", "runTags.project"]);
    const firstRun = (JSON.parse(readFileSync(twice.settingsFile!.path, "utf8")) as InlineSetting[])[0];
    expect(firstRun).toEqual({ runSettingId: "r0", outputUri: "s3://ooo/0/", parameters: { sample: "s0" }, runTags: { sample: "s0" } });
    const once = ok(await emit({ runs: list.values() }, true));
    expect(once.hoisted).toEqual([]);
  });
});

describe("errors come back as data", () => {
  it("per-run violations carry the run's index, id and path (BC4013, BC4012)", async () => {
    const r = await emitRequest(
      { defaults: { workflowId: "1", roleArn: "arn:x" }, runs: [{ runSettingId: "a", outputUri: "s3://ooo/" }, { runSettingId: "b", outputUri: "out/" }, { runSettingId: "c" }] },
      { tmpDir: dir },
    );
    expect(r.ok ? undefined : r.errors).toEqual([
      {
        code: "BC4013",
        severity: "error",
        message: "`outputUri` must be an `s3://` URI",
        help: "write it as `s3://bucket/prefix/`; `out/` is not one",
        notes: ["in run `b` (run 2 of the batch)"],
        scope: "run",
        path: ["outputUri"],
        runIndex: 1,
        runSettingId: "b",
      },
      {
        code: "BC4012",
        severity: "error",
        message: "run `c` has no `outputUri`",
        help: "set `outputUri` in the defaults or in the run; every run needs an `s3://` output location",
        notes: ["in run `c` (run 3 of the batch)"],
        scope: "run",
        path: ["outputUri"],
        runIndex: 2,
        runSettingId: "c",
      },
    ]);
  });

  it("BC4022 a runSettingId used twice", async () => {
    const r = await emit({ runs: [run(1), run(2), run(1)] });
    expect(r.ok ? undefined : r.errors).toEqual([
      {
        code: "BC4022",
        severity: "error",
        message: "`runSettingId` `S000001` is used by more than one run",
        help: "every run needs its own `runSettingId`",
        notes: ["runs 1 and 3 (counting from 1) have it"],
        scope: "run",
        path: ["runSettingId"],
        runIndex: 2,
        runSettingId: "S000001",
      },
    ]);
  });

  it("batch and defaults errors are scoped, and a bad run in a large batch leaves no file", async () => {
    const bad = [...runs(500)];
    bad[400] = { ...bad[400]!, priority: 1.5 };
    const r = await emitRequest({ batch: { ...BATCH, batchName: "" }, defaults: { ...DEFAULTS, workflowType: "READY2RUN" }, runs: bad }, { tmpDir: dir });
    expect(codes(r)).toEqual(["BC4002", "BC4016", "BC4005"]);
    expect(r.ok ? [] : r.errors.map((e) => [e.scope, e.path, e.runIndex])).toEqual([
      ["batch", ["batchName"], undefined],
      ["defaults", ["workflowType"], undefined],
      ["run", ["priority"], 400],
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("BC5509 the settings file cannot be written", async () => {
    const missing = join(dir, "no-such-folder");
    const r = await emitRequest({ batch: BATCH, defaults: DEFAULTS, runs: runs(101) }, { tmpDir: missing });
    expect(r.ok ? undefined : r.errors.map((e) => [e.code, e.message, e.help])).toEqual([
      ["BC5509", `cannot write the settings file in \`${missing}\``, "check that the temporary folder exists, is writable and has free space"],
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a failing input iterator is a bug: it throws, and the partial file is removed", async () => {
    function* broken(): Generator<RunSettingInput> {
      yield* runs(200);
      throw new Error("boom");
    }
    await expect(emit({ runs: broken() })).rejects.toThrow("boom");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("with validation off, an invalid run is caught by the final zod check (an internal error)", async () => {
    await expect(
      emitRequest({ defaults: DEFAULTS, runs: [{ runSettingId: "a", priority: -1 }] }, { tmpDir: dir, validateRuns: false }),
    ).rejects.toThrow(/^internal error: the emitted request breaks the API model/);
  });
});
