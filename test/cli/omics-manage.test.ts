// `batchc status`, `list`, `runs`, `cancel` and `delete` through the real Omics client against the
// local test endpoint: output in every format, paging, filters, and confirmation of the
// destructive commands (a question on a terminal, `--yes` elsewhere).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { inject, describe, expect, it } from "vitest";
import { batchInput, clientFor, StartRunBatchCommand } from "../omics-endpoint/harness.js";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import type { OmicsEndpoint } from "../omics-endpoint/server.js";
import { endpoints, ids, program, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");
const NOW = new Date("2026-03-04T05:06:07.000Z");
const files = { "cohort.batch": program(ids(3)) };

/** Submits `cohort.batch` (3 runs) and moves it `steps` lifecycle steps (3: INPROGRESS, 4: PROCESSED). */
async function submitted(ep: OmicsEndpoint, steps: number, f: Record<string, string> = files, file = "cohort.batch"): Promise<string> {
  const r = await runOmics(["submit", file, "--format", "json", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint], { endpoint: ep, files: f });
  expect(r.code).toBe(0);
  const id = (JSON.parse(r.stdout) as { id: string }).id;
  await ep.advance(id, steps);
  return id;
}

const at = (ep: OmicsEndpoint): string[] => ["--endpoint-url", ep.url];

describe("status", () => {
  it("shows status, counts and times", async () => {
    const ep = await start({ failRuns: ["r2"], autoAdvance: false, now: () => NOW });
    const id = await submitted(ep, 3);
    const r = await runOmics(["status", id, ...at(ep)], { endpoint: ep });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toBe(
      [
        "batch      5000001  cohort",
        "status     INPROGRESS",
        "arn        arn:aws:omics:us-east-1:123456789012:runBatch/5000001",
        "uuid       00000000-0000-4000-a000-000005000001",
        "workflow   1234567",
        "runs       3: 2 started, 1 failed to start, 0 waiting to start",
        "           2 running, 0 completed, 0 failed, 0 cancelled",
        "created    2026-03-04T05:06:07.000Z",
        "submitted  2026-03-04T05:06:07.000Z",
        "",
      ].join("\n"),
    );
  });

  it("reaches an endpoint set in the AWS config file (endpoint_url), without the host prefix", async () => {
    const ep = await start({ autoAdvance: false, now: () => NOW });
    const id = await submitted(ep, 3);
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-aws-config-"));
    try {
      const config = path.join(dir, "config");
      writeFileSync(config, `[default]\nendpoint_url = ${ep.url}\n`);
      const r = await runOmics(["status", id, "--format", "json"], { endpoint: ep, env: { AWS_CONFIG_FILE: config } });
      expect([r.code, r.stderr]).toEqual([0, ""]);
      expect(JSON.parse(r.stdout)).toMatchObject({ id, status: "INPROGRESS" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints the GetBatch reply as json", async () => {
    const ep = await start({ autoAdvance: false, now: () => NOW });
    const id = await submitted(ep, 4);
    const r = await runOmics(["status", id, "--format", "json", ...at(ep)], { endpoint: ep });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      formatVersion: 1,
      id: "5000001",
      arn: "arn:aws:omics:us-east-1:123456789012:runBatch/5000001",
      uuid: "00000000-0000-4000-a000-000005000001",
      name: "cohort",
      status: "PROCESSED",
      tags: { project: "demo", "batchc:requestId": expect.stringMatching(/^batchc-[0-9a-f]{32}$/) },
      totalRuns: 3,
      defaultRunSetting: {
        workflowId: "1234567",
        roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
        outputUri: "s3://out-bucket/runs/",
        storageType: "DYNAMIC",
      },
      submissionSummary: {
        successfulStartSubmissionCount: 3,
        failedStartSubmissionCount: 0,
        pendingStartSubmissionCount: 0,
        successfulCancelSubmissionCount: 0,
        failedCancelSubmissionCount: 0,
        successfulDeleteSubmissionCount: 0,
        failedDeleteSubmissionCount: 0,
      },
      runSummary: {
        pendingRunCount: 0,
        startingRunCount: 0,
        runningRunCount: 0,
        stoppingRunCount: 0,
        completedRunCount: 3,
        deletedRunCount: 0,
        failedRunCount: 0,
        cancelledRunCount: 0,
      },
      creationTime: "2026-03-04T05:06:07.000Z",
      submittedTime: "2026-03-04T05:06:07.000Z",
      processedTime: "2026-03-04T05:06:07.000Z",
    });
  });
});

describe("list", () => {
  async function two(ep: OmicsEndpoint): Promise<void> {
    await submitted(ep, 4);
    await submitted(ep, 0, { "other.batch": program(["x"], { name: "other" }) }, "other.batch");
  }

  it("prints a table, json, jsonl and csv", async () => {
    const ep = await start({ autoAdvance: false, now: () => NOW });
    await two(ep);
    const table = await runOmics(["list", ...at(ep)], { endpoint: ep });
    expect([table.code, table.stderr]).toEqual([0, "2 batches\n"]);
    expect(table.stdout).toBe(
      [
        "id       name    status     totalRuns  workflowId  createdAt",
        "5000001  cohort  PROCESSED  3          1234567     2026-03-04T05:06:07.000Z",
        "5000002  other   CREATING   1          1234567     2026-03-04T05:06:07.000Z",
        "",
      ].join("\n"),
    );
    const items = [
      { id: "5000001", name: "cohort", status: "PROCESSED", totalRuns: 3, workflowId: "1234567", createdAt: "2026-03-04T05:06:07.000Z" },
      { id: "5000002", name: "other", status: "CREATING", totalRuns: 1, workflowId: "1234567", createdAt: "2026-03-04T05:06:07.000Z" },
    ];
    const json = await runOmics(["list", "--format", "json", ...at(ep)], { endpoint: ep });
    expect([json.stderr, JSON.parse(json.stdout)]).toEqual(["", { formatVersion: 1, batches: items }]);
    const jsonl = await runOmics(["list", "--format", "jsonl", ...at(ep)], { endpoint: ep });
    expect(jsonl.stdout.endsWith("\n")).toBe(true);
    expect(jsonl.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual(items);
    const csv = await runOmics(["list", "--format", "csv", ...at(ep)], { endpoint: ep });
    expect(csv.stdout).toBe(
      "id,name,status,totalRuns,workflowId,createdAt\n" +
        "5000001,cohort,PROCESSED,3,1234567,2026-03-04T05:06:07.000Z\n" +
        "5000002,other,CREATING,1,1234567,2026-03-04T05:06:07.000Z\n",
    );
  });

  it("filters by one of status, name or run group", async () => {
    const ep = await start({ autoAdvance: false });
    await two(ep);
    const listedBefore = ep.requestsOf("ListBatch").length; // submit's own look for a batch of the same name
    const ids = async (args: string[]): Promise<string[]> => {
      const r = await runOmics(["list", ...args, "--format", "json", ...at(ep)], { endpoint: ep });
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { batches: { id: string }[] }).batches.map((b) => b.id);
    };
    expect(await ids(["--status", "processed"])).toEqual(["5000001"]);
    expect(await ids(["--name", "other"])).toEqual(["5000002"]);
    expect(await ids(["--run-group-id", "42"])).toEqual([]);
    expect(ep.requestsOf("ListBatch").slice(listedBefore).map((q) => q.query)).toEqual([
      { maxItems: "100", status: "PROCESSED" },
      { maxItems: "100", name: "other" },
      { maxItems: "100", runGroupId: "42" },
    ]);
    const both = await runOmics(["list", "--status", "FAILED", "--name", "x", ...at(ep)], { endpoint: ep });
    expect([both.code, both.stderr]).toEqual([
      2,
      "error: give at most one of `--status`, `--name` and `--run-group-id`, not `--status` and `--name`\n" +
        "help: ListBatch takes one filter per call; filter the rest with `--format jsonl` and a tool such as `jq`\n",
    ]);
  });

  it("reads every page", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    for (let i = 0; i < 103; i++) await client.send(StartRunBatchCommand(batchInput(["s1"], `req-${i}`)));
    client.destroy();
    const r = await runOmics(["list", "--format", "json", ...at(ep)], { endpoint: ep });
    expect(r.code).toBe(0);
    const listed = (JSON.parse(r.stdout) as { batches: { id: string }[] }).batches.map((b) => b.id);
    expect(listed).toEqual(Array.from({ length: 103 }, (_, i) => String(5000001 + i)));
    const pages = ep.requestsOf("ListBatch");
    expect(pages.map((q) => q.query.startingToken !== undefined)).toEqual([false, true]);
  });
});

describe("runs", () => {
  it("prints the runSettingId → runId mapping with failure reasons", async () => {
    const ep = await start({ failRuns: ["r2"], autoAdvance: false });
    const id = await submitted(ep, 3);
    const table = await runOmics(["runs", id, ...at(ep)], { endpoint: ep });
    expect([table.code, table.stderr]).toEqual([0, "3 runs: 2 SUCCESS, 1 FAILED\n"]);
    expect(table.stdout).toBe(
      [
        "runSettingId  runId    submissionStatus  submissionFailureReason  submissionFailureMessage",
        "r1            1000001  SUCCESS",
        "r2                     FAILED            ValidationException      Run setting r2 failed validation (injected by the test endp…",
        "r3            1000002  SUCCESS",
        "",
      ].join("\n"),
    );
    const run = (n: string, runId: string) => ({
      runSettingId: n,
      runId,
      runInternalUuid: `00000000-0000-4000-8000-00000${runId}`,
      runArn: `arn:aws:omics:us-east-1:123456789012:run/${runId}`,
      submissionStatus: "SUCCESS",
    });
    const failed = {
      runSettingId: "r2",
      submissionStatus: "FAILED",
      submissionFailureReason: "ValidationException",
      submissionFailureMessage: "Run setting r2 failed validation (injected by the test endpoint).",
    };
    const json = await runOmics(["runs", id, "--format", "json", ...at(ep)], { endpoint: ep });
    expect(JSON.parse(json.stdout)).toEqual({ formatVersion: 1, runs: [run("r1", "1000001"), failed, run("r3", "1000002")] });
    const jsonl = await runOmics(["runs", id, "--format", "jsonl", "--status", "failed", ...at(ep)], { endpoint: ep });
    expect(jsonl.stdout).toBe(`${JSON.stringify(failed)}\n`);
    const csv = await runOmics(["runs", id, "--format", "csv", ...at(ep)], { endpoint: ep });
    expect(csv.stdout).toBe(
      "runSettingId,runId,submissionStatus,submissionFailureReason,submissionFailureMessage\n" +
        "r1,1000001,SUCCESS,,\n" +
        "r2,,FAILED,ValidationException,Run setting r2 failed validation (injected by the test endpoint).\n" +
        "r3,1000002,SUCCESS,,\n",
    );
  });

  it("--status FAILED reads every page of the filtered listing", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-runs");
    s3.destroy();
    const failing = new Set(ids(120));
    const ep = await start({ s3Endpoint, autoAdvance: false, failRuns: failing });
    const f = { "big.batch": program(ids(150), { settings: "s3://batchc-cli-runs/batches/" }) };
    const id = await submitted(ep, 3, f, "big.batch");
    const failed = await runOmics(["runs", id, "--status", "FAILED", "--format", "json", ...at(ep)], { endpoint: ep });
    expect(failed.code).toBe(0);
    const rows = (JSON.parse(failed.stdout) as { runs: { runSettingId: string; submissionStatus: string }[] }).runs;
    expect(rows.map((r) => r.runSettingId)).toEqual(ids(120));
    expect(new Set(rows.map((r) => r.submissionStatus))).toEqual(new Set(["FAILED"]));
    const pages = ep.requestsOf("ListRunsInBatch");
    expect(pages.map((q) => [q.query.submissionStatus, q.query.startingToken !== undefined])).toEqual([
      ["FAILED", false],
      ["FAILED", true],
    ]);
    const all = await runOmics(["runs", id, "--format", "jsonl", ...at(ep)], { endpoint: ep });
    expect(all.stdout.trimEnd().split("\n")).toHaveLength(150);
    const both = await runOmics(["runs", id, "--status", "success", "--status", "FAILED", "--format", "json", ...at(ep)], { endpoint: ep });
    const statuses = (JSON.parse(both.stdout) as { runs: { submissionStatus: string }[] }).runs.map((r) => r.submissionStatus);
    expect(statuses).toEqual([...Array<string>(30).fill("SUCCESS"), ...Array<string>(120).fill("FAILED")]);
  });

  it("rejects an unknown status with a suggestion, before any call", async () => {
    const ep = await start();
    const r = await runOmics(["runs", "5000001", "--status", "FAIL", ...at(ep)], { endpoint: ep });
    expect([r.code, r.stderr]).toEqual([
      2,
      "error: `FAIL` is not a submission status\n" +
        "help: did you mean `FAILED`? the statuses are `SUCCESS`, `FAILED`, `CANCEL_SUCCESS`, `CANCEL_FAILED`, `DELETE_SUCCESS`, `DELETE_FAILED`\n",
    ]);
    expect(ep.requests).toHaveLength(0);
  });
});

describe("cancel", () => {
  it("cancels with --yes", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 3);
    const r = await runOmics(["cancel", id, "--yes", ...at(ep)], { endpoint: ep });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("cancelling batch 5000001: runs not yet started will not start, started runs are being cancelled\n");
    expect(r.stderr).toBe("follow it with `batchc status 5000001`\n");
    expect(ep.requestsOf("CancelRunBatch").map((q) => q.body)).toEqual([{ batchId: "5000001" }]);
    expect(ep.batch(id).status).toBe("STOPPING");
  });

  it("refuses without --yes when standard input is not a terminal", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 3);
    const before = ep.requests.length;
    const r = await runOmics(["cancel", id, ...at(ep)], { endpoint: ep });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      "",
      "error: `batchc cancel` asks for confirmation, and standard input is not a terminal\nhelp: pass `--yes` to cancel without asking\n",
    ]);
    expect(ep.requests.length).toBe(before);
    expect(ep.batch(id).status).toBe("INPROGRESS");
  });

  it("asks on a terminal and does what the answer says", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 3);
    const no = await runOmics(["cancel", id, ...at(ep)], { endpoint: ep, confirm: () => false });
    expect(no.questions).toEqual(["Cancel batch 5000001 `cohort` (INPROGRESS, 3 runs)? Runs not yet started will not start; started runs are cancelled."]);
    expect([no.code, no.stdout, no.stderr]).toEqual([1, "", "batch 5000001 not cancelled\n"]);
    expect(ep.requestsOf("CancelRunBatch")).toHaveLength(0);
    const yes = await runOmics(["cancel", id, ...at(ep)], { endpoint: ep, confirm: () => true });
    expect(yes.code).toBe(0);
    expect(ep.batch(id).status).toBe("STOPPING");
  });

  it("a finished batch cannot be cancelled", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 4);
    const r = await runOmics(["cancel", id, "--yes", ...at(ep)], { endpoint: ep });
    expect([r.code, r.stderr]).toEqual([
      3,
      "error: HealthOmics reported a conflict: Batch 5000001 is PROCESSED; CancelRunBatch is allowed only when the batch is PENDING, SUBMITTING, INPROGRESS\n" +
        "help: only a batch that is PENDING, SUBMITTING or INPROGRESS can be cancelled, one cancel or delete at a time; see its status with `batchc status 5000001`\n",
    ]);
  });
});

describe("delete", () => {
  it("--runs deletes the runs, waits for them, then deletes the record", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 4);
    const before = ep.requests.length;
    const r = await runOmics(["delete", id, "--runs", "--yes", ...at(ep)], { endpoint: ep, onSleep: () => ep.advance(id) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("deleted batch 5000001 and 3 runs\n");
    expect(r.stderr).toBe("batch 5000001 RUNS_DELETING: 0 of 3 runs deleted, 0 failed\nbatch 5000001 RUNS_DELETED: 3 of 3 runs deleted, 0 failed\n");
    expect(r.sleeps).toEqual([5000]);
    expect(ep.requests.slice(before).map((q) => q.operation)).toEqual(["GetBatch", "DeleteRunBatch", "GetBatch", "GetBatch", "DeleteBatch"]);
    expect(ep.requestsOf("DeleteRunBatch").map((q) => q.body)).toEqual([{ batchId: "5000001" }]);
    expect(ep.state.batches.has(id)).toBe(false);
  });

  it("without --runs deletes only the record", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 4);
    const r = await runOmics(["delete", id, "--yes", ...at(ep)], { endpoint: ep });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "deleted batch 5000001\n", ""]);
    expect(ep.requestsOf("DeleteRunBatch")).toHaveLength(0);
    expect(ep.requestsOf("DeleteBatch").map((q) => q.path)).toEqual(["/runBatch/5000001"]);
    expect(ep.state.batches.has(id)).toBe(false);
  });

  it("asks on a terminal, says what goes, and refuses without --yes elsewhere", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 4);
    const record = await runOmics(["delete", id, ...at(ep)], { endpoint: ep, confirm: () => false });
    const runs = await runOmics(["delete", id, "--runs", ...at(ep)], { endpoint: ep, confirm: () => false });
    expect([...record.questions, ...runs.questions]).toEqual([
      "Delete batch 5000001 `cohort` (PROCESSED) (the record only: its runs are kept, and no batch command can reach them afterwards)?",
      "Delete batch 5000001 `cohort` (PROCESSED) and its runs (3 started runs)?",
    ]);
    expect([record.code, record.stderr, runs.code]).toEqual([1, "batch 5000001 not deleted\n", 1]);
    const refused = await runOmics(["delete", id, "--runs", ...at(ep)], { endpoint: ep });
    expect([refused.code, refused.stderr]).toEqual([
      2,
      "error: `batchc delete` asks for confirmation, and standard input is not a terminal\nhelp: pass `--yes` to delete without asking\n",
    ]);
    expect(ep.requestsOf("DeleteRunBatch")).toHaveLength(0);
    expect(ep.requestsOf("DeleteBatch")).toHaveLength(0);
    expect(ep.batch(id).status).toBe("PROCESSED");
  });

  it("a running batch cannot be deleted", async () => {
    const ep = await start({ autoAdvance: false });
    const id = await submitted(ep, 3);
    const record = await runOmics(["delete", id, "--yes", ...at(ep)], { endpoint: ep });
    expect([record.code, record.stderr]).toEqual([
      3,
      "error: HealthOmics reported a conflict: Batch 5000001 is INPROGRESS; DeleteBatch is allowed only when the batch is PROCESSED, FAILED, CANCELLED, RUNS_DELETED\n" +
        "help: a batch record can be deleted once the batch is PROCESSED, FAILED, CANCELLED or RUNS_DELETED; see its status with `batchc status 5000001`, or cancel it first with `batchc cancel 5000001`\n",
    ]);
    const runs = await runOmics(["delete", id, "--runs", "--yes", ...at(ep)], { endpoint: ep });
    expect([runs.code, runs.stderr]).toEqual([
      3,
      "error: HealthOmics reported a conflict: Batch 5000001 is INPROGRESS; DeleteRunBatch is allowed only when the batch is PROCESSED, CANCELLED\n" +
        "help: the runs of a batch can be deleted once it is PROCESSED or CANCELLED (it was INPROGRESS), one cancel or delete at a time; wait for it, or cancel it first with `batchc cancel 5000001`\n",
    ]);
    expect(ep.batch(id).status).toBe("INPROGRESS");
  });
});
