// `batchc resubmit BATCH_ID FILE` through the real Omics client against the local test endpoint
// (and moto above 100 runs): exactly the runs that never started in the batch's chain, the same
// settings, a requestId that makes repeating harmless, --dry-run, and the refusals (see also
// omics-resubmit-chain.test.ts for chains, cancelled batches, changed defaults and listings).
import { inject, describe, expect, it } from "vitest";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import type { OmicsEndpoint } from "../omics-endpoint/server.js";
import { endpoints, ids, program, receivedIds, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");
const v1 = { "cohort.batch": program(["a", "b", "c", "d", "e", "f"]) };
const v2 = { "cohort.batch": program(["a", "b", "c", "d", "e", "f", "g", "h"]) };

/** An endpoint on which the runs in `failing` fail to start until `failing.clear()`. */
async function endpointFailing(failing: Set<string>): Promise<OmicsEndpoint> {
  return start({ s3Endpoint, autoAdvance: false, failRuns: (id) => failing.has(id) });
}

/** Submits `files` and moves the batch to PROCESSED (or to `steps` steps); returns its id. */
async function submitted(ep: OmicsEndpoint, files: Record<string, string>, steps = 4): Promise<string> {
  const r = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint], { endpoint: ep, files });
  expect(r.code).toBe(0);
  const id = (JSON.parse(r.stdout) as { id: string }).id;
  await ep.advance(id, steps);
  return id;
}

const requestIdOf = (ep: OmicsEndpoint, id: string): string => ep.batch(id).requestId;

describe("resubmit", () => {
  it("starts exactly the runs that failed to start or are missing, with the same settings", async () => {
    const failing = new Set(["b", "d"]);
    const ep = await endpointFailing(failing);
    const id = await submitted(ep, v1);
    const r = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v2 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "resubmitting 4 runs of batch 5000001 (2 failed to start, 2 missing)\nfollow it with `batchc status 5000002` and `batchc runs 5000002`\n",
    );
    expect(r.stdout).toBe(
      [
        "batch      5000002  cohort",
        "status     CREATING",
        "arn        arn:aws:omics:us-east-1:123456789012:runBatch/5000002",
        "uuid       00000000-0000-4000-a000-000005000002",
        "runs       4, inline in the request",
        `requestId  ${requestIdOf(ep, "5000002")}`,
        "",
      ].join("\n"),
    );
    expect(receivedIds(ep, "5000002")).toEqual(["b", "d", "g", "h"]);
    const original = ep.batch("5000001");
    const again = ep.batch("5000002");
    expect(again.name).toBe("cohort");
    expect(again.request.tags).toEqual({ ...(original.request.tags as object), "batchc:resubmit-of": "5000001" });
    expect(original.request.tags).toEqual({ project: "demo" });
    expect(again.defaultRunSetting).toEqual(original.defaultRunSetting);
    const setting = (b: typeof original, runId: string) => b.runs.find((x) => x.runSettingId === runId)?.setting;
    expect(setting(again, "b")).toEqual(setting(original, "b"));
    expect(setting(again, "g")).toEqual({ runSettingId: "g", name: "run g", parameters: { sample: "g" } });
    expect(requestIdOf(ep, "5000002")).toMatch(/^batchc-[0-9a-f]{32}$/);
    expect(requestIdOf(ep, "5000002")).not.toBe(requestIdOf(ep, "5000001"));
  });

  it("repeating the command starts nothing new: refused while the new batch starts, nothing to do once it started", async () => {
    const failing = new Set(["b", "d"]);
    const ep = await endpointFailing(failing);
    const id = await submitted(ep, v1);
    failing.clear();
    const args = ["resubmit", id, "cohort.batch", "--format", "json", "--endpoint-url", ep.url];
    const first = await runOmics(args, { endpoint: ep, files: v2 });
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(out).toEqual({
      formatVersion: 1,
      resubmitOf: "5000001",
      chain: ["5000001"],
      failed: 2,
      missing: 2,
      id: "5000002",
      arn: "arn:aws:omics:us-east-1:123456789012:runBatch/5000002",
      status: "CREATING",
      uuid: "00000000-0000-4000-a000-000005000002",
      batchName: "cohort",
      requestId: requestIdOf(ep, "5000002"),
      runCount: 4,
      settingsUri: null,
    });
    const second = await runOmics(args, { endpoint: ep, files: v2 });
    expect([second.code, second.stdout]).toEqual([1, ""]);
    expect(second.stderr).toBe(
      "error: batch 5000002 (a resubmission of batch 5000001) is still CREATING: its runs are still being started\n" +
        "help: wait until it is INPROGRESS or later (`batchc status 5000002`), then resubmit\n",
    );
    await ep.advance("5000002", 4);
    for (const given of ["5000001", "5000002"]) {
      const third = await runOmics(["resubmit", given, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v2 });
      expect([third.code, third.stdout, third.stderr]).toEqual([0, "nothing to resubmit: batch 5000001 and its 1 resubmission started all 8 runs of cohort.batch\n", ""]);
    }
    expect(ep.state.batches.size).toBe(2);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(2);
  });

  it("--dry-run lists the runs and starts nothing", async () => {
    const ep = await endpointFailing(new Set(["b", "d"]));
    const id = await submitted(ep, v1);
    const before = ep.requestsOf("StartRunBatch").length;
    const r = await runOmics(["resubmit", id, "cohort.batch", "--dry-run", "--endpoint-url", ep.url], { endpoint: ep, files: v2 });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const [head, preview] = r.stdout.split("\n\n");
    expect(head).toBe(
      [
        "would resubmit 4 runs of batch 5000001 (2 failed to start, 2 missing):",
        "  b  failed to start: ValidationException: Run setting b failed validation (injected by the test endpoint).",
        "  d  failed to start: ValidationException: Run setting d failed validation (injected by the test endpoint).",
        "  g  missing from the batch",
        "  h  missing from the batch",
      ].join("\n"),
    );
    expect(preview?.split("\n")).toEqual([
      "dry run: nothing is uploaded or started",
      "batch      cohort",
      "runs       4, inline in the request",
      expect.stringMatching(/^requestId  batchc-[0-9a-f]{32}$/),
      `endpoint   ${ep.url}`,
    ]);
    const json = await runOmics(["resubmit", id, "cohort.batch", "--dry-run", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files: v2 });
    const out = JSON.parse(json.stdout) as { request: { requestId: string; batchRunSettings: { inlineSettings: { runSettingId: string }[] } } };
    expect(out).toMatchObject({
      dryRun: true,
      resubmitOf: "5000001",
      chain: ["5000001"],
      failed: 2,
      missing: 2,
      runs: [
        { runSettingId: "b", why: "failed", failureReason: "ValidationException", failureMessage: "Run setting b failed validation (injected by the test endpoint)." },
        { runSettingId: "d", why: "failed", failureReason: "ValidationException", failureMessage: "Run setting d failed validation (injected by the test endpoint)." },
        { runSettingId: "g", why: "missing" },
        { runSettingId: "h", why: "missing" },
      ],
      endpoint: ep.url,
      runCount: 4,
      settingsFile: null,
    });
    expect(out.request.batchRunSettings.inlineSettings.map((s) => s.runSettingId)).toEqual(["b", "d", "g", "h"]);
    expect(r.stdout).toContain(`requestId  ${out.request.requestId}\n`);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(before);
    // The real resubmission sends what the dry run showed.
    await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v2 });
    expect(ep.requestsOf("StartRunBatch").at(-1)?.body).toEqual(out.request);
  });

  it("with nothing failed or missing, says so and starts nothing", async () => {
    const ep = await endpointFailing(new Set());
    const id = await submitted(ep, v1);
    const r = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v1 });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "nothing to resubmit: batch 5000001 started all 6 runs of cohort.batch\n", ""]);
    const json = await runOmics(["resubmit", id, "cohort.batch", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files: v1 });
    expect(JSON.parse(json.stdout)).toEqual({ formatVersion: 1, resubmitOf: "5000001", chain: ["5000001"], runCount: 0, runs: [] });
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });

  it("a batch whose every run failed is refused without --all; with it, gets a new batch, not the original back", async () => {
    const failing = new Set(["a", "b", "c", "d", "e", "f"]);
    const ep = await endpointFailing(failing);
    const id = await submitted(ep, v1);
    failing.clear();
    const refused = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v1 });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      1,
      "",
      "error: batch 5000001 started none of its runs (PROCESSED): resubmitting would start 6 runs, the whole of cohort.batch\n" +
        "help: check why nothing started (`batchc status 5000001`, `batchc runs 5000001`); pass `--all` to start them all in a new batch\n",
    ]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
    const r = await runOmics(["resubmit", id, "cohort.batch", "--all", "--endpoint-url", ep.url], { endpoint: ep, files: v1 });
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe("resubmitting 6 runs of batch 5000001 (6 failed to start, 0 missing)");
    expect(receivedIds(ep, "5000002")).toEqual(["a", "b", "c", "d", "e", "f"]);
    const [original, resubmitted] = ep.requestsOf("StartRunBatch").map((q) => q.body as Record<string, unknown>);
    expect({ ...resubmitted, requestId: undefined, tags: undefined }).toEqual({ ...original, requestId: undefined, tags: undefined });
    expect(resubmitted?.tags).toEqual({ project: "demo", "batchc:resubmit-of": "5000001" });
    expect(resubmitted?.requestId).not.toBe(original?.requestId);
  });

  it("--wait follows the new batch and exits 0 when its runs started", async () => {
    const failing = new Set(["b"]);
    const ep = await endpointFailing(failing);
    const id = await submitted(ep, v1);
    failing.clear();
    const r = await runOmics(["resubmit", id, "cohort.batch", "--wait", "--poll-interval", "1", "--endpoint-url", ep.url], {
      endpoint: ep,
      files: v1,
      onSleep: () => ep.advance("5000002"),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        "resubmitting 1 run of batch 5000001 (1 failed to start, 0 missing)",
        "batch 5000002 CREATING: 0/1 submitted, 0 failed, 0 running, 0 completed",
        "batch 5000002 PENDING: 0/1 submitted, 0 failed, 0 running, 0 completed",
        "batch 5000002 SUBMITTING: 0/1 submitted, 0 failed, 0 running, 0 completed",
        "batch 5000002 INPROGRESS: 1/1 submitted, 0 failed, 1 running, 0 completed",
        "batch 5000002 PROCESSED: 1/1 submitted, 0 failed, 0 running, 1 completed",
        "",
      ].join("\n"),
    );
    expect(r.sleeps).toEqual([1000, 1000, 1000, 1000]);
    expect(r.stdout).toContain("\nbatch      5000002  cohort\nstatus     PROCESSED\n");
  });

  it("refuses while the batch is still starting its runs", async () => {
    const ep = await endpointFailing(new Set());
    const id = await submitted(ep, v1, 2);
    const r = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: v1 });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      "",
      "error: batch 5000001 is still SUBMITTING: its runs are still being started\nhelp: wait until it is INPROGRESS or later (`batchc status 5000001`), then resubmit\n",
    ]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });

  it("refuses a file that has none of the batch's runs, and a request body", async () => {
    const ep = await endpointFailing(new Set(["a"]));
    const id = await submitted(ep, v1);
    const other = { "cohort.batch": program(["x", "y"]) };
    const r = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: other });
    expect([r.code, r.stderr]).toEqual([
      1,
      "error: none of the 2 runs of `cohort.batch` are in batch 5000001 (6 runs)\n" +
        "help: check the batch id and pass the .batch file (and `--var` values) the batch was made from\n",
    ]);
    const json = await runOmics(["resubmit", id, "req.json", "--endpoint-url", ep.url], { endpoint: ep });
    expect([json.code, json.stderr]).toEqual([2, "error: `resubmit` needs the .batch program the batch was made from\nhelp: pass the .batch file, not a request body\n"]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });

  it("reports program errors with exit 1, before calling HealthOmics", async () => {
    const ep = await endpointFailing(new Set(["a"]));
    const id = await submitted(ep, v1);
    const before = ep.requests.length;
    const r = await runOmics(["resubmit", id, "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files: { "cohort.batch": "defaults {\n" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[BC1\d{3}\]/);
    expect(ep.requests).toHaveLength(before);
  });
});

describe("resubmit above 100 runs", () => {
  it("sends more than 100 failed runs through a new settings file", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-resubmit");
    s3.destroy();
    const failing = new Set(ids(120));
    const ep = await endpointFailing(failing);
    const big = { "cohort.batch": program(ids(150), { name: "big", settings: "s3://batchc-cli-resubmit/batches/" }) };
    const id = await submitted(ep, big);
    const args = ["resubmit", id, "cohort.batch", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint];
    const r = await runOmics(args, { endpoint: ep, files: big });
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe("resubmitting 120 runs of batch 5000001 (120 failed to start, 0 missing)");
    expect(r.stdout).toMatch(/\nruns {7}120, in s3:\/\/batchc-cli-resubmit\/batches\/big-[0-9a-f]{8}\.json \(\d+\.\d KiB, uploaded\)\n/);
    expect(receivedIds(ep, "5000002")).toEqual(ids(120));
    expect(ep.batch("5000002").settingsFile?.uri).not.toBe(ep.batch("5000001").settingsFile?.uri);
    const again = await runOmics(args, { endpoint: ep, files: big });
    expect([again.code, again.stderr.split("\n")[0]]).toEqual([1, "error: batch 5000002 (a resubmission of batch 5000001) is still CREATING: its runs are still being started"]);
    expect(ep.state.batches.size).toBe(2);
  });

  it("a batch that FAILED before starting any run is resubmitted whole with --all", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-vanished");
    const ep = await endpointFailing(new Set());
    const big = { "cohort.batch": program(ids(130), { name: "vanishing", settings: "s3://batchc-cli-vanished/b/" }) };
    const id = await submitted(ep, big, 0);
    const file = ep.batch(id).settingsFile;
    expect(file).toBeDefined();
    await s3.deleteObject(file?.bucket ?? "", file?.key ?? "");
    s3.destroy();
    await ep.advance(id);
    expect(ep.batch(id).status).toBe("FAILED");
    const args = ["resubmit", id, "cohort.batch", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint];
    const refused = await runOmics(args, { endpoint: ep, files: big });
    expect(refused.code).toBe(1);
    expect(refused.stderr.split("\n")[0]).toMatch(
      /^error: batch 5000001 started none of its runs \(FAILED: The s3UriSettings object s3:\/\/batchc-cli-vanished\/b\/vanishing-[0-9a-f]{8}\.json can no longer be read \(NotFound\)\.\): resubmitting would start 130 runs, the whole of cohort\.batch$/,
    );
    const r = await runOmics([...args, "--all"], { endpoint: ep, files: big });
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe("resubmitting 130 runs of batch 5000001 (0 failed to start, 130 missing)");
    expect(receivedIds(ep, "5000002")).toEqual(ids(130));
    expect(ep.batch("5000002").settingsFile?.uri).toBe(file?.uri);
    expect(ep.batch("5000002").requestId).not.toBe(ep.batch(id).requestId);
  });
});
