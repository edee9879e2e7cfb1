// Acceptance: `batchc sandbox` as a process, and the shipped executable against it as a user
// would run them: submit a 25-run and a 1,000-run example with --wait, status, the failed runs
// (exactly the configured share), resubmit of exactly those, a repeated submit that starts
// nothing, cancel, delete --runs, and a restart that keeps the batches. Then the same flow with
// requests made and signed by Python's botocore.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { failureCount, shareFailures } from "../../packages/sandbox/src/index.js";
import { batchc, batchcOnTerminal, root, startSandboxProcess, type Result, type SandboxProcess } from "./processes.js";

let dir: string;
let sandbox: SandboxProcess;
const ids = (prefix: string, n: number, width: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(width, "0")}`);
const run = (args: string[]): Promise<Result> => batchc(args, root, dir, sandbox.env);
const json = <T>(r: Result): T => JSON.parse(r.stdout) as T;
const FAIL_PERCENT = 4;
const failing1000 = [...shareFailures(ids("T", 1000, 4).map((runSettingId) => ({ runSettingId, setting: {} })), FAIL_PERCENT / 100).keys()].sort();
const failing25 = [...shareFailures(ids("S", 25, 3).map((runSettingId) => ({ runSettingId, setting: {} })), FAIL_PERCENT / 100).keys()].sort();
const start = (): Promise<SandboxProcess> => startSandboxProcess(["--port", "0", "--data", "data", "--clock", "read", "--fail-share", String(FAIL_PERCENT)], dir);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-sandbox-flow-"));
  sandbox = await start();
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("batchc sandbox, driven by the shipped executable", () => {
  let small = "";
  let large = "";
  let resubmitted = "";

  it("prints the environment to use", () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.env).toEqual({
      AWS_ENDPOINT_URL_OMICS: sandbox.url,
      AWS_ENDPOINT_URL_S3: sandbox.url,
      AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
      AWS_SECRET_ACCESS_KEY: "sandbox-secret",
      AWS_REGION: "us-east-1",
    });
    expect(sandbox.banner.replaceAll(sandbox.url, "URL")).toContain("data       data\nworkflows  1234567\nclock      one step each time the batch is read (GetBatch), times simulated; 100 runs start per step; 4% of new runs fail to start\n");
  });

  it("submits the 25-run example with --wait: the progress lines, then one run that failed to start (exit 1)", async () => {
    const r = await run(["submit", "examples/sandbox/try.batch", "--wait", "--poll-interval", "0.05"]);
    expect(failing25).toHaveLength(failureCount(25, 0.04));
    small = /^batch +(\d+)/m.exec(r.stdout)?.[1] ?? "";
    expect(small).toMatch(/^\d+$/);
    expect(r.stderr).toBe(
      [
        `batch ${small} PENDING: 0/25 submitted, 0 failed, 0 running, 0 completed`,
        `batch ${small} SUBMITTING: 0/25 submitted, 0 failed, 0 running, 0 completed`,
        `batch ${small} INPROGRESS: 24/25 submitted, 1 failed, 24 running, 0 completed`,
        `batch ${small} PROCESSED: 24/25 submitted, 1 failed, 0 running, 24 completed`,
        "error: 1 run of 25 failed to start",
        `help: see why with \`batchc runs ${small} --status FAILED\`; after fixing the cause, start them with \`batchc resubmit ${small} examples/sandbox/try.batch\``,
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(1);
  });

  it("submits the 1,000-run example through the sandbox's S3 store, started 100 per step", async () => {
    const r = await run(["submit", "examples/sandbox/try-1000.batch", "--wait", "--poll-interval", "0.05"]);
    large = /^batch +(\d+)/m.exec(r.stdout)?.[1] ?? "";
    const lines = r.stderr.trim().split("\n").filter((l) => l.startsWith(`batch ${large} `));
    expect(lines.filter((l) => l.includes(" SUBMITTING: "))).toHaveLength(10);
    expect(lines.at(-1)).toBe(`batch ${large} PROCESSED: 960/1,000 submitted, 40 failed, 0 running, 960 completed`);
    expect(r.code).toBe(1);
  });

  it("status shows the counts", async () => {
    const r = await run(["status", large]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`batch      ${large}  sandbox-try-1000\nstatus     PROCESSED\n`);
    expect(r.stdout).toContain("runs       1,000: 960 started, 40 failed to start, 0 waiting to start\n");
  });

  it("runs --status FAILED lists exactly the configured share, chosen by the hash of runSettingId", async () => {
    const r = await run(["runs", large, "--status", "FAILED", "--format", "json"]);
    expect(r.code).toBe(0);
    const runs = json<{ runs: { runSettingId: string; submissionFailureReason: string }[] }>(r).runs;
    expect(runs.map((x) => x.runSettingId).sort()).toEqual(failing1000);
    expect(runs).toHaveLength(40);
  });

  it("resubmit --wait starts exactly those runs, and all of them start", async () => {
    const r = await run(["resubmit", large, "examples/sandbox/try-1000.batch", "--wait", "--poll-interval", "0.05"]);
    expect(r.code).toBe(0);
    resubmitted = /^batch +(\d+)/m.exec(r.stdout)?.[1] ?? "";
    expect(r.stderr).toContain(`resubmitting 40 runs of batch ${large} (40 failed to start, 0 missing)\n`);
    expect(resubmitted).not.toBe(large);
    const runs = json<{ runs: { runSettingId: string; submissionStatus: string }[] }>(await run(["runs", resubmitted, "--format", "json"])).runs;
    expect(runs.map((x) => x.runSettingId).sort()).toEqual(failing1000);
    expect(new Set(runs.map((x) => x.submissionStatus))).toEqual(new Set(["SUCCESS"]));
  });

  it("a second submit of the same request starts no second batch", async () => {
    const before = json<{ batches: unknown[] }>(await run(["list", "--format", "json"])).batches.length;
    const r = await run(["submit", "examples/sandbox/try.batch"]);
    expect(/^batch +(\d+)/m.exec(r.stdout)?.[1]).toBe(small);
    const after = json<{ batches: unknown[] }>(await run(["list", "--format", "json"])).batches.length;
    expect([before, after]).toEqual([3, 3]);
  });

  it("cancels a batch under way", async () => {
    const submitted = await run(["submit", "examples/sandbox/try.batch", "--request-id", "try-to-cancel", "--format", "json"]);
    const id = json<{ id: string }>(submitted).id;
    expect((await run(["status", id])).stdout).toContain("status     PENDING\n");
    const r = await run(["cancel", id, "--yes"]);
    expect([r.code, r.stdout]).toEqual([0, `cancelling batch ${id}: runs not yet started will not start, started runs are being cancelled\n`]);
    expect((await run(["status", id])).stdout).toContain("status     CANCELLED\n");
  });

  it("delete --runs deletes the started runs, then the batch record", async () => {
    const r = await run(["delete", small, "--runs", "--yes"]);
    expect([r.code, r.stdout]).toEqual([0, `deleted batch ${small} and 24 runs\n`]);
    const gone = await run(["status", small]);
    expect(gone.code).toBe(3);
  });

  it("keeps its batches across a restart with the same --data", async () => {
    const before = json<{ batches: { id: string; status: string }[] }>(await run(["list", "--format", "json"])).batches;
    const stopped = await sandbox.stop();
    expect(stopped.code).toBe(0);
    sandbox = await start();
    const after = json<{ batches: { id: string; status: string }[] }>(await run(["list", "--format", "json"])).batches;
    expect(after).toEqual(before);
    expect(after.map((b) => b.id)).toEqual(expect.arrayContaining([large, resubmitted]));
  });

  it("on a terminal, --wait redraws one progress line in place", async () => {
    const r = await batchcOnTerminal(["submit", "examples/sandbox/try-1000.batch", "--request-id", "try-on-a-terminal", "--wait", "--poll-interval", "0.05"], root, dir, sandbox.env);
    // Every run of this example was attempted once already, so none fails by the share again.
    expect(r.code).toBe(0);
    const redraws = r.output.split("\r\u001b[2K").length - 1;
    expect(redraws).toBeGreaterThanOrEqual(12);
    expect(r.output).toMatch(/\[#*-*\] batch \d+ SUBMITTING: \d+\/1,000 submitted/);
    expect(r.output).toMatch(/batch \d+ PROCESSED: 1,000\/1,000 submitted, 0 failed, 0 running, 1,000 completed\n/);
  });
});

describe("batchc sandbox, driven by botocore", () => {
  it("answers botocore's own omics and s3 clients through the same flow", async () => {
    const other = await startSandboxProcess(["--port", "0", "--clock", "read", "--quiet"], dir);
    try {
      const compiled = await batchc(["compile", "examples/sandbox/try-1000.batch", "--no-upload", "-o", path.join(dir, "request.json"), "--settings-out", path.join(dir, "settings.json")], root, dir, {});
      expect(compiled.code).toBe(0);
      const script = path.join(root, "test/sandbox/botocore-flow.py");
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(inject("python"), [script, other.url, path.join(dir, "request.json"), path.join(dir, "settings.json")], { env: { PATH: process.env.PATH, HOME: dir } }, (err, out, errText) =>
          err ? reject(new Error(`${err.message}\n${errText}`)) : resolve(out),
        ),
      );
      const out = JSON.parse(stdout) as Record<string, unknown>;
      expect(out).toEqual({
        putAgain: "PreconditionFailed",
        listed: ["try-1000/sandbox-try-1000-3ccc0609.json"],
        repeatSameId: true,
        statuses: ["PENDING", "SUBMITTING", ...Array(9).fill("SUBMITTING"), "INPROGRESS", "PROCESSED"],
        failed: failing1000,
        reasons: ["InternalServerException", "ServiceQuotaExceededException", "ThrottlingException"],
        resubmitStatuses: ["PROCESSED"],
        resubmitted: failing1000.map((id) => [id, "SUCCESS"]),
        cancelled: "CANCELLED",
        runsDeleted: "RUNS_DELETED",
        afterDelete: "ResourceNotFoundException",
        batches: 2,
        badSecret: "InvalidSignatureException",
      });
    } finally {
      await other.stop();
    }
  });
});
