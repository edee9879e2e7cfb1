// Property: keys named like `Object.prototype` members (`__proto__`, `constructor`, `toString`,
// `hasOwnProperty`) survive every stage. The runs a compiled request describes (defaults merged
// into each run as the API does: `parameters` and `runTags` key by key, the run winning) equal
// the runs `--dry-run --format jsonl` prints, for inline batches and for settings files on S3.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3, useTestCredentials } from "../omics-endpoint/sdk.js";
import { runCli } from "./harness.js";

const BUCKET = "batchc-hoist-keys";
const KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "sample"] as const;
let s3: TestS3;
let dir: string;
let restoreEnv: () => void;

beforeAll(async () => {
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket(BUCKET);
  dir = mkdtempSync(path.join(tmpdir(), "batchc-hoist-keys-"));
  restoreEnv = useTestCredentials();
});

afterAll(() => {
  s3.destroy();
  rmSync(dir, { recursive: true, force: true });
  restoreEnv();
});

/** A value template: the same in every run, or varying with the run's index. */
const valueText = fc.oneof(
  fc.constantFrom('"same"', '"other"'),
  fc.integer({ min: 1, max: 3 }).map((m) => `"v\${i % ${m}}"`),
);
const entries = fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), valueText), { selector: (e) => e[0], maxLength: KEYS.length });

interface Shape {
  defaultParams: [string, string][];
  defaultTags: [string, string][];
  params: [string, string][];
  tags: [string, string][];
}
const shape: fc.Arbitrary<Shape> = fc.record({
  defaultParams: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('"d1"', '"d2"')), { selector: (e) => e[0], maxLength: 3 }),
  defaultTags: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('"d1"', '"d2"')), { selector: (e) => e[0], maxLength: 3 }),
  params: entries,
  tags: entries,
});

const block = (word: string, es: [string, string][], indent: string): string =>
  es.length === 0 ? "" : `${indent}${word} { ${es.map(([k, v]) => `"${k}" = ${v}`).join(", ")} }\n`;

function program(s: Shape, runs: number, settings?: string): string {
  return `${settings === undefined ? "" : `batch "keys" { settings = "${settings}" }\n`}defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/keys/"
${block("params", s.defaultParams, "  ")}${block("runTags", s.defaultTags, "  ")}}
for i in 1..${runs} {
  run "r\${i}" {
${block("params", s.params, "    ")}${block("runTags", s.tags, "    ")}  }
}
`;
}

type Json = Record<string, unknown>;

/** JSON text with every object's keys sorted (key order is not part of a run's meaning). */
function canonical(v: unknown): string {
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`).join(",")}}`;
}

/** The API's merge of the defaults into one run, built from entries (no own-key loss possible). */
function merged(defaults: Json, run: Json): string {
  const e: [string, unknown][] = [["runSettingId", run.runSettingId]];
  for (const k of ["name", "outputUri", "priority", "outputBucketOwnerId"]) {
    const v = Object.hasOwn(run, k) ? run[k] : defaults[k];
    if (v !== undefined) e.push([k, v]);
  }
  for (const k of ["parameters", "runTags"]) {
    const d = Object.hasOwn(defaults, k) ? Object.entries(defaults[k] as Json) : [];
    const r = Object.hasOwn(run, k) ? Object.entries(run[k] as Json) : [];
    const m = new Map<string, unknown>([...d, ...r]);
    if (m.size > 0) e.push([k, Object.fromEntries(m)]);
  }
  return canonical(Object.fromEntries(e));
}

async function check(s: Shape, runs: number, settings?: string): Promise<void> {
  const file = path.join(dir, "keys.batch");
  writeFileSync(file, program(s, runs, settings));
  const out = path.join(dir, "request.json");
  const dry = await runCli(["compile", file, "--dry-run", "--format", "jsonl"]);
  expect(dry.stderr).not.toContain("error");
  expect(dry.code).toBe(0);
  const expected = dry.stdout.trimEnd().split("\n").map((line) => canonical(JSON.parse(line)));
  expect(expected).toHaveLength(runs);
  const args = ["compile", file, "-o", out];
  if (settings !== undefined) args.push("--s3-endpoint-url", inject("s3Endpoint"));
  const r = await runCli(args, { env: { AWS_REGION: "us-east-1" } });
  expect(r.stderr).not.toContain("error");
  expect(r.code).toBe(0);
  const request = JSON.parse(readFileSync(out, "utf8")) as { defaultRunSetting: Json; batchRunSettings: { inlineSettings?: Json[]; s3UriSettings?: string } };
  let list: Json[];
  if (settings === undefined) list = request.batchRunSettings.inlineSettings!;
  else {
    const uri = request.batchRunSettings.s3UriSettings!;
    list = JSON.parse((await s3.getObject(BUCKET, uri.slice(`s3://${BUCKET}/`.length))).text) as Json[];
  }
  expect(list.map((run) => merged(request.defaultRunSetting, run))).toEqual(expected);
}

describe("keys named like Object.prototype members", () => {
  it("the issue's program keeps `__proto__` in every run after hoisting", async () => {
    const file = path.join(dir, "proto.batch");
    writeFileSync(
      file,
      `defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/x/" }
for i in 1..2 { run "r\${i}" { params { "__proto__" = "v\${i}", common = "x", sample = "S\${i}" }
   runTags { "__proto__" = "t\${i}", team = "lab" } } }
`,
    );
    const out = path.join(dir, "proto.json");
    const r = await runCli(["compile", file, "-o", out]);
    expect(r.stderr).toContain("2 runs, inline settings, request written to");
    expect(r.code).toBe(0);
    const request = JSON.parse(readFileSync(out, "utf8")) as { defaultRunSetting: Json; batchRunSettings: { inlineSettings: Json[] } };
    expect(JSON.stringify(request.defaultRunSetting.parameters)).toBe('{"common":"x"}');
    expect(JSON.stringify(request.defaultRunSetting.runTags)).toBe('{"team":"lab"}');
    expect(request.batchRunSettings.inlineSettings.map((r) => JSON.stringify(r))).toEqual([
      '{"runSettingId":"r1","parameters":{"__proto__":"v1","sample":"S1"},"runTags":{"__proto__":"t1"}}',
      '{"runSettingId":"r2","parameters":{"__proto__":"v2","sample":"S2"},"runTags":{"__proto__":"t2"}}',
    ]);
  });

  it("inline requests: the merged runs equal the dry run's", async () => {
    await fc.assert(
      fc.asyncProperty(shape, fc.integer({ min: 1, max: 6 }), (s, n) => check(s, n)),
      { numRuns: 40, seed: 10 },
    );
  });

  it("settings files on S3: the merged runs equal the dry run's", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(shape, (s) => check(s, 101 + (n++ % 7), `s3://${BUCKET}/p${n}/`)),
      { numRuns: 8, seed: 10 },
    );
  });
});
