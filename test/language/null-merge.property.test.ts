// Property (docs/language.md §8a): for programs mixing defaults, per-run values and `null`s
// (literal, or a branch of `if`), the API-style merge of the emitted request (defaults overlaid
// with each run, `parameters`/`runTags` key by key) equals the runs `--dry-run --format jsonl`
// prints (the expander's effective runs): inline (1-5 runs), via the settings file (101-102), and
// across parts (§8b: `maxRunsPerBatch`, each part hoisted on its own), concatenated in order.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { compileFile, effectiveRun as dryRunOf, hasErrors, memoryHost } from "@batchc/language";
import { effectiveRun as apiMerge, type InlineSetting, type RunSettingInput } from "@batchc/omics";
import { emitBatch } from "@batchc/compiler";

const dir = mkdtempSync(join(tmpdir(), "batchc-null-merge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a run sets one key: not at all, `null`, a constant, a per-run value, or null every other run. */
const setting = fc.constantFrom("absent", "null", "const", "varying", "sometimes-null");
const KEYS = ["a", "b", "c"];
const TAGS = ["t", "u"];

const shape = fc.record({
  runs: fc.constantFrom(1, 2, 5, 101, 102),
  defaultParams: fc.subarray(KEYS),
  defaultTags: fc.subarray(TAGS),
  defaultName: fc.boolean(),
  params: fc.tuple(setting, setting, setting),
  tags: fc.tuple(setting, setting),
  name: setting,
  /** `maxRunsPerBatch`, or none. */
  perPart: fc.constantFrom(undefined, undefined, 1, 2, 3, 50, 101),
});

const valueOf = (how: string, key: string): string | undefined =>
  how === "absent"
    ? undefined
    : how === "null"
      ? "null"
      : how === "const"
        ? `"c-${key}"`
        : how === "varying"
          ? `"v-${key}-\${i % 3}"`
          : `if i % 2 == 0 then null else "s-${key}"`;

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function program(s: Shape): string {
  const entries = (keys: string[], hows: readonly string[]): string =>
    keys
      .map((k, j) => [k, valueOf(hows[j] as string, k)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", ");
  const name = valueOf(s.name, "name");
  return `batch "merge" { settings = "s3://lab-batches/merge/"${s.perPart === undefined ? "" : `, maxRunsPerBatch = ${s.perPart}`} }
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/merge/"
${s.defaultName ? '  name = "default-name"\n' : ""}  params { ${s.defaultParams.map((k) => `${k} = "d-${k}"`).join(", ")} }
  runTags { ${s.defaultTags.map((k) => `${k} = "d-${k}"`).join(", ")} }
}
for i in 1..${s.runs} {
  run "r\${i}" {
${name === undefined ? "" : `    name = ${name}\n`}    params { ${entries(KEYS, s.params)} }
    runTags { ${entries(TAGS, s.tags)} }
  }
}
`;
}

it("the API-style merge of the emitted request (or of every part's, in order) equals the dry run's runs", async () => {
  await fc.assert(
    fc.asyncProperty(shape, async (s) => {
      const text = program(s);
      const front = compileFile("/p/merge.batch", text, { host: memoryHost({}) });
      expect(hasErrors(front.diagnostics)).toBe(false);
      const expansion = front.expansion!;
      const runs = [...expansion.runs()];
      expect(expansion.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const dryRun = runs.map((r) => JSON.parse(JSON.stringify(dryRunOf(expansion.defaults, r))) as unknown);
      const perPart = expansion.batch.maxRunsPerBatch;
      expect(perPart).toBe(s.perPart);
      // the compiler's own path: every run checked at its source, then built into the request(s)
      const outcome = await emitBatch(front, { hoist: true, tmpDir: dir });
      expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const parts = outcome.parts ?? [];
      expect(parts).toHaveLength(perPart === undefined ? 1 : Math.ceil(s.runs / perPart));
      if (perPart !== undefined) expect(parts.map((p) => p.request.batchName)).toEqual(parts.map((_, i) => `merge-part-${i + 1}-of-${parts.length}`));
      const merged = parts.flatMap((emitted) => {
        const list: InlineSetting[] = emitted.settingsFile
          ? (JSON.parse(readFileSync(emitted.settingsFile.path, "utf8")) as InlineSetting[])
          : emitted.request.batchRunSettings.inlineSettings!;
        return list.map((r) => JSON.parse(JSON.stringify(apiMerge(emitted.request.defaultRunSetting, r as RunSettingInput))) as unknown);
      });
      expect(merged).toHaveLength(s.runs);
      expect(canonical(merged)).toEqual(canonical(dryRun));
    }),
    { numRuns: 1000, seed: 13 },
  );
});

/** Values with their record keys sorted (key order is not part of the comparison). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}
