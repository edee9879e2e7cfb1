// examples/every-field: a program that sets every member of StartRunBatch a program can set (all
// 23 of defaultRunSetting, all 8 of a run's inline setting), inline and in a 101-run batch. The
// compiled requests (and the settings file read back from S3) pass botocore's own ParamValidator
// run against the committed AWS model file.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runSettingFields, shapes } from "@batchc/model";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3, useTestCredentials } from "../omics-endpoint/sdk.js";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const example = path.join(root, "examples/every-field");
const MODEL = path.join(root, "packages/model/aws/omics-batch.botocore-1.43.107.json");
const VALIDATE = path.join(root, "test/botocore/validate-request.py");

let dir: string;
let s3: TestS3;
let restoreEnv: () => void;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-every-field-"));
  for (const f of ["every-field.batch", "every-field-101.batch", "session-policy.json"]) copyFileSync(path.join(example, f), path.join(dir, f));
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket("lab-batches");
  restoreEnv = useTestCredentials();
});
afterAll(() => {
  s3.destroy();
  rmSync(dir, { recursive: true, force: true });
  restoreEnv();
});

/** botocore's verdict on a request (and a settings file): "valid", or its report. */
function botocore(request: string, settings?: string): { status: number | null; out: string } {
  const r = spawnSync(inject("python"), [VALIDATE, MODEL, request, ...(settings === undefined ? [] : [settings])], { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

describe("examples/every-field", () => {
  it("the validator refuses what the model refuses (it can fail)", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ requestId: "x", defaultRunSetting: { workflowId: "1", roleArn: "arn:x", scratchStorageMode: 5, nope: 1 }, batchRunSettings: { inlineSettings: [{ runSettingId: "a" }] } }));
    const r = botocore(bad);
    expect(r.status).toBe(1);
    expect(r.out).toContain('Unknown parameter in defaultRunSetting: "nope"');
    expect(r.out).toContain("defaultRunSetting.scratchStorageMode");
  });

  it("inline: every member is set, with engineSettings in the defaults and in one run; botocore accepts the request", async () => {
    const out = path.join(dir, "request.json");
    const r = await runCli(["compile", path.join(dir, "every-field.batch"), "-o", out]);
    expect(r.stderr).toContain("2 runs, inline settings");
    expect(r.code).toBe(0);
    const request = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(request.defaultRunSetting)).toEqual(runSettingFields.map((f) => f.name));
    const first = request.batchRunSettings.inlineSettings[0];
    expect(Object.keys(first).sort()).toEqual(shapes.InlineSetting.members.map((m) => m.name).sort());
    expect(first.engineSettings).toEqual({ syntaxVersion: "v2", agentMode: "verbose" });
    expect(request.defaultRunSetting.engineSettings).toEqual({ syntaxVersion: "v1", outputFormat: "json", resources: { cpus: 4, queues: ["a", "b"] } });
    expect(JSON.parse(request.defaultRunSetting.sessionPolicy)).toEqual(JSON.parse(readFileSync(path.join(example, "session-policy.json"), "utf8")));
    expect(botocore(out)).toEqual({ status: 0, out: "valid" });
  });

  it("101 runs: the settings file read back from S3 equals --settings-out, and botocore accepts the request and every run", async () => {
    const out = path.join(dir, "request-101.json");
    const local = path.join(dir, "settings-101.json");
    const r = await runCli(["compile", path.join(dir, "every-field-101.batch"), "--s3-endpoint-url", inject("s3Endpoint"), "-o", out, "--settings-out", local], {
      env: { AWS_REGION: "us-east-1" },
    });
    expect(r.stderr).toContain("(uploaded)");
    expect(r.code).toBe(0);
    const request = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(request.defaultRunSetting)).toEqual(runSettingFields.map((f) => f.name));
    const uri: string = request.batchRunSettings.s3UriSettings;
    const stored = await s3.getObject("lab-batches", uri.slice("s3://lab-batches/".length));
    expect(stored.text).toBe(readFileSync(local, "utf8"));
    const runs = JSON.parse(stored.text) as Record<string, unknown>[];
    expect(runs).toHaveLength(101);
    expect(Object.keys(runs[1]!).sort()).toEqual(shapes.InlineSetting.members.map((m) => m.name).sort());
    expect(runs[1]!.engineSettings).toEqual({ agentMode: "quiet" });
    expect(botocore(out, local)).toEqual({ status: 0, out: "valid" });
  });
});
