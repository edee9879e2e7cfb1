// The members the model gained in 2026 (engineSettings, scratchStorageMode, sessionPolicy), from a
// `.batch` file to the request and the dry-run views.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "batchc-engine-settings-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Compiles the files in a temporary folder; the request as JSON. */
async function compiled(f: Record<string, string>): Promise<{ code: number; request: Record<string, any> }> {
  for (const [name, text] of Object.entries(f)) writeFileSync(join(dir, name), text);
  const r = await runCli(["compile", join(dir, "p.batch"), "-o", join(dir, "out.json")]);
  expect(r.stderr).not.toContain("error");
  return { code: r.code, request: JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) };
}

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';

const program = (runs: string): string => `batch "engines" { requestId = "r-1" }
defaults {
  workflowId = "1234567"
  roleArn = "arn:aws:iam::123456789012:role/omics"
  outputUri = "s3://lab-results/out/"
  scratchStorageMode = "SHARED"
  sessionPolicy = str(json("policy.json"))
  engineSettings {
    syntaxVersion = "v1"
    resources = { cpus: 4, sizes: [1, 2] }
  }
}
${runs}`;

const files = (runs: string): Record<string, string> => ({ "p.batch": program(runs), "policy.json": POLICY });

describe("engineSettings, scratchStorageMode and sessionPolicy", () => {
  it("reach the request; a run's engineSettings replaces the default's, keys unchanged", async () => {
    const { code, request } = await compiled(files('run "a" { engineSettings { agentMode = "on", outputFormat = null } }\nrun "b" { name = "b" }\n'));
    expect(code).toBe(0);
    expect(request.defaultRunSetting).toEqual({
      workflowId: "1234567",
      roleArn: "arn:aws:iam::123456789012:role/omics",
      outputUri: "s3://lab-results/out/",
      sessionPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      engineSettings: { syntaxVersion: "v1", resources: { cpus: 4, sizes: [1, 2] } },
      scratchStorageMode: "SHARED",
    });
    expect(Object.keys(request.defaultRunSetting)).toEqual(["workflowId", "roleArn", "outputUri", "sessionPolicy", "engineSettings", "scratchStorageMode"]);
    expect(request.batchRunSettings.inlineSettings).toEqual([
      { runSettingId: "a", engineSettings: { agentMode: "on" } },
      { runSettingId: "b", name: "b" },
    ]);
  });

  it("the effective runs (jsonl and the table) show each run's engineSettings: its own, or the default's", async () => {
    const f = files('run "a" { engineSettings { agentMode = "on" } }\nrun "b" { name = "b" }\n');
    const jsonl = await runCli(["compile", "p.batch", "--dry-run", "--format", "jsonl"], { files: f });
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout.trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      { runSettingId: "a", outputUri: "s3://lab-results/out/", engineSettings: { agentMode: "on" } },
      { runSettingId: "b", name: "b", outputUri: "s3://lab-results/out/", engineSettings: { syntaxVersion: "v1", resources: { cpus: 4, sizes: [1, 2] } } },
    ]);
    const table = await runCli(["compile", "p.batch", "--dry-run"], { files: f });
    const header = table.stdout.split("\n").find((l) => l.startsWith("#"));
    expect(header?.split(/\s+/)).toEqual(["#", "runSettingId", "name", "outputUri", "engineSettings"]);
    expect(table.stdout).toContain('{"agentMode":"on"}');
  });

  it("every run with the same engineSettings: the value moves into the defaults", async () => {
    const { request } = await compiled(files('run "a" { engineSettings { agentMode = "on" } }\nrun "b" { engineSettings { agentMode = "on" } }\n'));
    expect(request.defaultRunSetting.engineSettings).toEqual({ agentMode: "on" });
    expect(request.batchRunSettings.inlineSettings).toEqual([{ runSettingId: "a" }, { runSettingId: "b" }]);
  });

  it("a defaults-only member in a run says where it belongs (BC2060)", async () => {
    const r = await runCli(["check", "p.batch"], { files: files('run "a" { scratchStorageMode = "LOCAL" }\n') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC2060]: `scratchStorageMode` is shared by every run of a batch; set it in `defaults`");
    expect(r.stderr).toContain("p.batch:13:11");
  });

  it("a sessionPolicy over 2,048 characters is refused with the model's limit", async () => {
    const long = files('run "a" { }\n');
    long["policy.json"] = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "x".repeat(2100) }] });
    const r = await runCli(["check", "p.batch"], { files: long });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BC4001\]: `sessionPolicy` is longer than 2,048 characters/);
  });
});
