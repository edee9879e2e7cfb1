// Property: hoisting never changes a run's effective settings (defaults overlaid with the run:
// `parameters`/`runTags` merged key by key, the run winning; other fields replaced), for inline
// batches and for settings files; and emission is deterministic.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { emitRequest, type EmitResult } from "./emit.js";
import type { InlineSetting } from "./schema.js";
import type { DefaultsInput, RunSettingInput } from "./types.js";
import { effectiveRun } from "./validate.js";

const dir = mkdtempSync(join(tmpdir(), "batchc-hoist-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Small pools, so that values are often shared by every run.
const value = fc.constantFrom<unknown>("a", "b", 1, 2, true, null, [1, 2], { k: [1, 2] }, { k: [2, 1] });
const KEYS = ["x", "y", "__proto__", "constructor", "toString", "hasOwnProperty"];
const params = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }) as fc.Arbitrary<Record<string, never>>;
const tags = fc.dictionary(fc.constantFrom("t", "u", ...KEYS.slice(2)), fc.constantFrom("1", "2"), { maxKeys: 4 });
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 3 });

const runFields = fc.record({
  name: opt(fc.constantFrom("n1", "n2")),
  outputUri: opt(fc.constantFrom("s3://ooo/1/", "s3://ooo/2/")),
  priority: opt(fc.constantFrom(1, 2)),
  outputBucketOwnerId: opt(fc.constantFrom("123456789012", "210987654321")),
  parameters: opt(params),
  runTags: opt(tags),
});

const defaults = fc
  .record({ name: opt(fc.constantFrom("dn")), priority: opt(fc.constantFrom(0, 1)), parameters: opt(params), runTags: opt(tags) })
  .map((d) => {
    const out: DefaultsInput = { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/R", outputUri: "s3://ooo/default/" };
    for (const [k, v] of Object.entries(d)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    return out;
  });

function toRuns(fields: Record<string, unknown>[]): RunSettingInput[] {
  return fields.map((f, i) => {
    const r: RunSettingInput = { runSettingId: `r${i}` };
    for (const [k, v] of Object.entries(f)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
    return r;
  });
}

function ok(r: EmitResult): Extract<EmitResult, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

/** The effective runs a request describes (reading the settings file when there is one). */
function effective(r: Extract<EmitResult, { ok: true }>) {
  const settings: InlineSetting[] = r.settingsFile
    ? (JSON.parse(readFileSync(r.settingsFile.path, "utf8")) as InlineSetting[])
    : r.request.batchRunSettings.inlineSettings!;
  return settings.map((s) => effectiveRun(r.request.defaultRunSetting, s as RunSettingInput));
}

// Values shared by every run (overlaid on random ones), so that large batches hoist something.
type Fields = Record<string, unknown> & { parameters?: Record<string, unknown>; runTags?: Record<string, string> };
const manyRuns = (min: number, max: number) =>
  fc.tuple(fc.array(runFields, { minLength: min, maxLength: max }), runFields).map(([fs, shared]) =>
    fs.map((f: Fields) => {
      const out: Fields = { ...f };
      for (const [k, v] of Object.entries(shared as Fields)) {
        if (v === undefined) continue;
        out[k] = k === "parameters" || k === "runTags" ? { ...(f[k] as object | undefined), ...(v as object) } : v;
      }
      return out;
    }),
  );

describe("hoisting keeps every effective run", () => {
  it("inline batches (1–100 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(defaults, fc.array(runFields, { minLength: 1, maxLength: 12 }), async (d, fs) => {
        const runs = toRuns(fs);
        const plain = ok(await emitRequest({ defaults: d, runs }, { tmpDir: dir }));
        const hoisted = ok(await emitRequest({ defaults: d, runs }, { tmpDir: dir, hoist: true }));
        expect(effective(hoisted)).toEqual(effective(plain));
        expect(effective(plain)).toEqual(runs.map((r) => effectiveRun(d, r)));
      }),
      { numRuns: 300 },
    );
  });

  it("settings files (101+ runs, re-iterable input)", async () => {
    let hoistedSomething = false;
    await fc.assert(
      fc.asyncProperty(defaults, manyRuns(101, 130), async (d, fs) => {
        const runs = toRuns(fs);
        const batch = { settings: "s3://lab-batches/p/" };
        const plain = ok(await emitRequest({ batch, defaults: d, runs }, { tmpDir: dir }));
        const hoisted = ok(await emitRequest({ batch, defaults: d, runs }, { tmpDir: dir, hoist: true }));
        expect(effective(hoisted)).toEqual(effective(plain));
        hoistedSomething ||= hoisted.hoisted.length > 0;
        rmSync(plain.settingsFile!.path);
        rmSync(hoisted.settingsFile!.path);
      }),
      { numRuns: 25 },
    );
    expect(hoistedSomething).toBe(true);
  });

  it("the same input gives byte-identical requests", async () => {
    await fc.assert(
      fc.asyncProperty(defaults, fc.array(runFields, { minLength: 1, maxLength: 8 }), fc.boolean(), async (d, fs, hoist) => {
        const a = ok(await emitRequest({ defaults: d, runs: toRuns(fs) }, { tmpDir: dir, hoist }));
        const b = ok(await emitRequest({ defaults: structuredClone(d), runs: toRuns(structuredClone(fs)) }, { tmpDir: dir, hoist }));
        expect(a.json).toBe(b.json);
      }),
      { numRuns: 100 },
    );
  });
});
