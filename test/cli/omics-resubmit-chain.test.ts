// `batchc resubmit` over a resubmission chain, through the real Omics client against the local
// test endpoint: rounds that converge (every run started exactly once, whichever id is given),
// `status --chain`, and the refusals — cancelled and stopping batches (with CANCEL_SUCCESS,
// CANCEL_FAILED, DELETE_SUCCESS and DELETE_FAILED runs listed), chains that started nothing,
// changed defaults (with values to hoist), and listings that disagree with GetBatch.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { OmicsEndpoint, OmicsEndpointOptions } from "../omics-endpoint/server.js";
import { endpoints, program, receivedIds, runOmics } from "./omics-harness.js";

const start = endpoints();
const v1 = { "cohort.batch": program(["a", "b", "c", "d", "e", "f"]) };
const v2 = { "cohort.batch": program(["a", "b", "c", "d", "e", "f", "g", "h"]) };

/** An endpoint that moves batches only when told (`advance`), with runs in `failing` failing to start. */
async function endpointFailing(failing: Set<string>, more: OmicsEndpointOptions = {}): Promise<OmicsEndpoint> {
  return start({ autoAdvance: false, failRuns: (id) => failing.has(id), ...more });
}

async function cli(ep: OmicsEndpoint, args: string[], files: Record<string, string> = v1) {
  return runOmics([...args, "--endpoint-url", ep.url], { endpoint: ep, files, onSleep: async () => undefined });
}

/** Submits `files` and moves the batch `steps` steps (4: PROCESSED); returns its id. */
async function submitted(ep: OmicsEndpoint, files: Record<string, string> = v1, steps = 4): Promise<string> {
  const r = await cli(ep, ["submit", "cohort.batch", "--format", "json"], files);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const id = (JSON.parse(r.stdout) as { id: string }).id;
  await ep.advance(id, steps);
  return id;
}

/** The runs `resubmit --dry-run --format json` would send (exit code first). */
async function wouldSend(ep: OmicsEndpoint, id: string, files: Record<string, string>, flags: string[] = []): Promise<[number, string[]]> {
  const r = await cli(ep, ["resubmit", id, "cohort.batch", "--dry-run", "--format", "json", ...flags], files);
  if (r.code !== 0) return [r.code, []];
  return [0, (JSON.parse(r.stdout) as { runs: { runSettingId: string }[] }).runs.map((p) => p.runSettingId)];
}

/** How many batches of the endpoint started each runSettingId. */
function startCounts(ep: OmicsEndpoint): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of ep.state.batches.values()) for (const r of b.runs) if (r.runId !== undefined) counts[r.runSettingId] = (counts[r.runSettingId] ?? 0) + 1;
  return counts;
}

const listedStatuses = (ep: OmicsEndpoint, id: string): Record<string, string | undefined> =>
  Object.fromEntries(ep.batch(id).runs.map((r) => [r.runSettingId, r.submissionStatus]));

describe("resubmission chains", () => {
  it("rounds converge: each sends only what never started anywhere, whichever id of the chain is given", async () => {
    const failing = new Set(["b", "d"]);
    const ep = await endpointFailing(failing);
    await submitted(ep);
    // Round 2, from the original: b and d; d fails again.
    failing.delete("b");
    const round2 = await cli(ep, ["resubmit", "5000001", "cohort.batch"]);
    expect(round2.stderr.split("\n")[0]).toBe("resubmitting 2 runs of batch 5000001 (2 failed to start, 0 missing)");
    await ep.advance("5000002", 4);
    // Round 3, from the resubmission: only d (the 4 runs of 5000001 that started are not "missing").
    expect(await wouldSend(ep, "5000002", v1)).toEqual([0, ["d"]]);
    const dry = await cli(ep, ["resubmit", "5000002", "cohort.batch", "--dry-run"]);
    expect(dry.stdout.split("\n\n")[0]).toBe(
      "would resubmit 1 run of batch 5000001 and its 1 resubmission (1 failed to start, 0 missing):\n" +
        "  d  failed to start: ValidationException: Run setting d failed validation (injected by the test endpoint).",
    );
    const round3 = await cli(ep, ["resubmit", "5000002", "cohort.batch"]);
    expect(round3.code).toBe(0);
    await ep.advance("5000003", 4);
    // Round 4 sends the same run as round 3, after a new failure: a new batch, not round 3's back.
    failing.clear();
    const round4 = await cli(ep, ["resubmit", "5000003", "cohort.batch", "--format", "json"]);
    expect(JSON.parse(round4.stdout)).toMatchObject({ id: "5000004", resubmitOf: "5000001", chain: ["5000001", "5000002", "5000003"], failed: 1, missing: 0 });
    await ep.advance("5000004", 4);
    expect(receivedIds(ep, "5000003")).toEqual(["d"]);
    expect(receivedIds(ep, "5000004")).toEqual(["d"]);
    expect(ep.batch("5000004").requestId).not.toBe(ep.batch("5000003").requestId);
    expect(startCounts(ep)).toEqual({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 });
    for (const id of ["5000001", "5000002", "5000003", "5000004"]) {
      expect(ep.batch(id).name).toBe("cohort");
      const r = await cli(ep, ["resubmit", id, "cohort.batch"]);
      expect([r.code, r.stdout]).toEqual([0, "nothing to resubmit: batch 5000001 and its 3 resubmissions started all 6 runs of cohort.batch\n"]);
    }
    expect(ep.state.batches.size).toBe(4);
    expect(Object.fromEntries(["5000002", "5000003", "5000004"].map((id) => [id, ep.batch(id).tags]))).toEqual({
      "5000002": { project: "demo", "batchc:resubmit-of": "5000001" },
      "5000003": { project: "demo", "batchc:resubmit-of": "5000001" },
      "5000004": { project: "demo", "batchc:resubmit-of": "5000001" },
    });

    const status = await cli(ep, ["status", "5000003", "--chain"]);
    expect([status.code, status.stderr]).toEqual([0, ""]);
    expect(status.stdout).toBe(
      [
        "chain      5000001  cohort, 4 batches",
        "5000001    PROCESSED  6 runs: 4 started, 2 failed to start",
        "5000002    PROCESSED  2 runs: 1 started, 1 failed to start",
        "5000003    PROCESSED  1 run: 0 started, 1 failed to start",
        "5000004    PROCESSED  1 run: 1 started, 0 failed to start",
        "total      6 runs started, 0 never started",
        "",
      ].join("\n"),
    );
    const json = await cli(ep, ["status", "5000004", "--chain", "--format", "json"]);
    const parsed = JSON.parse(json.stdout) as { chain: string; name: string; batches: { id: string }[]; runs: unknown };
    expect([parsed.chain, parsed.name, parsed.batches.map((b) => b.id)]).toEqual(["5000001", "cohort", ["5000001", "5000002", "5000003", "5000004"]]);
    expect(parsed.runs).toEqual({ started: 6, startedMoreThanOnce: 0, neverStarted: 0, waitingToStart: 0 });
  });

  it("a batch of the same name that is not a resubmission stays out of the chain", async () => {
    const ep = await endpointFailing(new Set(["b"]));
    await submitted(ep);
    await submitted(ep, { "cohort.batch": program(["a", "b", "x"]) });
    expect(ep.batch("5000002").name).toBe("cohort");
    const r = await cli(ep, ["resubmit", "5000001", "cohort.batch", "--dry-run", "--format", "json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ chain: ["5000001"], runs: [{ runSettingId: "b", why: "failed" }] });
    const chain = await cli(ep, ["status", "5000001", "--chain"]);
    expect(chain.stdout.split("\n")[0]).toBe("chain      5000001  cohort, 1 batch");
  });

  it("a batch without a name gets its chain a name ListBatch can find", async () => {
    const failing = new Set(["b"]);
    const ep = await endpointFailing(failing);
    const unnamed = { "cohort.batch": program(["a", "b", "c"]).replace('batch "cohort" {', "batch {") };
    const r0 = await cli(ep, ["submit", "cohort.batch"], unnamed);
    expect(r0.code).toBe(0);
    await ep.advance("5000001", 4);
    expect(ep.batch("5000001").name).toBeUndefined();
    const r = await cli(ep, ["resubmit", "5000001", "cohort.batch"], unnamed);
    expect(r.code).toBe(0);
    expect(ep.batch("5000002").name).toBe("resubmissions of batch 5000001");
    failing.clear();
    await ep.advance("5000002", 4);
    const again = await cli(ep, ["resubmit", "5000002", "cohort.batch"], unnamed);
    expect(again.stdout).toBe("nothing to resubmit: batch 5000001 and its 1 resubmission started all 3 runs of cohort.batch\n");
  });
});

describe("resubmit refuses", () => {
  it("a chain with a STOPPING or CANCELLED batch unless --include-cancelled; cancelled and deleted runs count as started", async () => {
    const failing = new Set(["a", "b"]);
    let short = false;
    const ep = await endpointFailing(failing, {
      failCancels: ["c"],
      failDeletes: ["g"],
      listRunsPage: (_, page) => (short ? { runs: page.runs.slice(1) } : page),
    });
    await submitted(ep, v1, 3);
    const cancel = await cli(ep, ["cancel", "5000001", "--yes"]);
    expect(cancel.code).toBe(0);
    expect(listedStatuses(ep, "5000001")).toEqual({
      a: "FAILED",
      b: "FAILED",
      c: "CANCEL_FAILED",
      d: "CANCEL_SUCCESS",
      e: "CANCEL_SUCCESS",
      f: "CANCEL_SUCCESS",
    });
    const stopping = await cli(ep, ["resubmit", "5000001", "cohort.batch"], v2);
    expect([stopping.code, stopping.stdout, stopping.stderr]).toEqual([
      1,
      "",
      "error: batch 5000001 is STOPPING: resubmitting would start 4 runs, some of which may have been cancelled on purpose\n" +
        "help: pass `--include-cancelled` to start the runs a cancelled batch never started\n",
    ]);
    await ep.advance("5000001");
    const cancelled = await cli(ep, ["resubmit", "5000001", "cohort.batch"], v2);
    expect([cancelled.code, cancelled.stderr.split("\n")[0]]).toEqual([
      1,
      "error: batch 5000001 is CANCELLED: resubmitting would start 4 runs, some of which may have been cancelled on purpose",
    ]);
    expect(await wouldSend(ep, "5000001", v2, ["--include-cancelled"])).toEqual([0, ["a", "b", "g", "h"]]);

    failing.delete("a");
    const round2 = await cli(ep, ["resubmit", "5000001", "cohort.batch", "--include-cancelled"], v2);
    expect(round2.code).toBe(0);
    await ep.advance("5000002", 4);
    // Delete round 2's runs; g's deletion fails, so the batch record is kept.
    const del = await runOmics(["delete", "5000002", "--runs", "--yes", "--endpoint-url", ep.url], { endpoint: ep, onSleep: () => ep.advance("5000002") });
    expect(del.code).not.toBe(0);
    expect(listedStatuses(ep, "5000002")).toEqual({ a: "DELETE_SUCCESS", b: "FAILED", g: "DELETE_FAILED", h: "DELETE_SUCCESS" });

    // Every status is listed now; only b never started.
    expect((await cli(ep, ["resubmit", "5000002", "cohort.batch"], v2)).code).toBe(1);
    expect(await wouldSend(ep, "5000002", v2, ["--include-cancelled"])).toEqual([0, ["b"]]);
    const status = await cli(ep, ["status", "5000002", "--chain"]);
    expect(status.stdout.split("\n").slice(1)).toEqual([
      "5000001    CANCELLED     6 runs: 4 started, 2 failed to start",
      "5000002    RUNS_DELETED  4 runs: 3 started, 1 failed to start",
      "total      7 runs started, 1 never started",
      "",
    ]);
    // The other refusals hold over the same statuses: changed defaults, and a short listing.
    const changed = { "cohort.batch": v2["cohort.batch"].replace('workflowId  = "1234567"', 'workflowId  = "7654321"') };
    const defaults = await cli(ep, ["resubmit", "5000002", "cohort.batch", "--include-cancelled"], changed);
    expect([defaults.code, defaults.stderr.split("\n")[0]]).toEqual([1, "error: the defaults of cohort.batch differ from those batch 5000001 ran with, in `workflowId`"]);
    short = true;
    const listing = await cli(ep, ["resubmit", "5000002", "cohort.batch", "--include-cancelled"], v2);
    expect([listing.code, listing.stderr.split("\n")[0]]).toEqual([
      3,
      "error: batch 5000001 lists 5 runs, but GetBatch counts 6 started or failed to start: the listing is incomplete; try again",
    ]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(2);
  });

  it("a batch cancelled before it started anything unless --include-cancelled and --all", async () => {
    const ep = await endpointFailing(new Set());
    await submitted(ep, v1, 1);
    expect((await cli(ep, ["cancel", "5000001", "--yes"])).code).toBe(0);
    await ep.advance("5000001");
    expect(ep.batch("5000001").status).toBe("CANCELLED");
    const r = await cli(ep, ["resubmit", "5000001", "cohort.batch", "--dry-run"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      "",
      "error: batch 5000001 is CANCELLED: resubmitting would start 6 runs, some of which may have been cancelled on purpose\n" +
        "help: pass `--include-cancelled` to start the runs a cancelled batch never started\n" +
        "error: batch 5000001 started none of its runs (CANCELLED): resubmitting would start 6 runs, the whole of cohort.batch\n" +
        "help: check why nothing started (`batchc status 5000001`, `batchc runs 5000001`); pass `--all` to start them all in a new batch\n",
    ]);
    expect((await wouldSend(ep, "5000001", v1, ["--include-cancelled"]))[0]).toBe(1);
    expect((await wouldSend(ep, "5000001", v1, ["--all"]))[0]).toBe(1);
    expect(await wouldSend(ep, "5000001", v1, ["--include-cancelled", "--all"])).toEqual([0, ["a", "b", "c", "d", "e", "f"]]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });
});

/** A program whose runs all share `reference` (hoisted into the defaults by compile). */
function hoisting(ids: readonly string[], workflowId = "1234567", reference = "s3://refs/hg38.fa"): string {
  return program(ids)
    .replace('workflowId  = "1234567"', `workflowId  = "${workflowId}"`)
    .replace("  sample: string\n", "  sample: string\n  reference: s3uri\n")
    .replace("params { sample = id }", `params {\n      sample = id\n      reference = "${reference}"\n    }`);
}

describe("resubmit and the original's defaults", () => {
  it("refuses a file whose defaults changed, naming the fields, unless --accept-changed-defaults", async () => {
    const ep = await endpointFailing(new Set(["b"]));
    const same = { "cohort.batch": hoisting(["a", "b", "c", "d"]) };
    await submitted(ep, same);
    // The original received `reference` in its defaults: there was something to hoist.
    expect(ep.batch("5000001").defaultRunSetting.parameters).toEqual({ reference: "s3://refs/hg38.fa" });
    // The same file: accepted, though one run alone would hoist its `sample` too.
    expect(await wouldSend(ep, "5000001", same)).toEqual([0, ["b"]]);
    const changed = { "cohort.batch": hoisting(["a", "b", "c", "d"], "7654321", "s3://refs/hg19.fa") };
    const r = await cli(ep, ["resubmit", "5000001", "cohort.batch"], changed);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      "",
      "error: the defaults of cohort.batch differ from those batch 5000001 ran with, in `workflowId`, `parameters.reference`\n" +
        "help: resubmit with the file (and `--var` values) the batch was made from (with `--no-hoist` if it was compiled so); " +
        "pass `--accept-changed-defaults` to start the runs with the new defaults\n",
    ]);
    const accepted = await cli(ep, ["resubmit", "5000001", "cohort.batch", "--accept-changed-defaults"], changed);
    expect(accepted.code).toBe(0);
    expect(ep.batch("5000002").defaultRunSetting).toMatchObject({ workflowId: "7654321", parameters: { reference: "s3://refs/hg19.fa", sample: "b" } });
  });

  it("compares with --no-hoist when the original was compiled so", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-resubmit-"));
    try {
      const ep = await endpointFailing(new Set(["b"]));
      const file = path.join(dir, "cohort.batch");
      writeFileSync(file, hoisting(["a", "b", "c"]));
      const request = path.join(dir, "request.json");
      expect((await runOmics(["compile", file, "--no-hoist", "-o", request], {})).code).toBe(0);
      const sent = await runOmics(["submit", request, "--endpoint-url", ep.url], { endpoint: ep });
      expect(sent.code).toBe(0);
      await ep.advance("5000001", 4);
      expect(ep.batch("5000001").defaultRunSetting.parameters).toBeUndefined();
      const hoisted = await runOmics(["resubmit", "5000001", file, "--dry-run", "--endpoint-url", ep.url], { endpoint: ep });
      expect([hoisted.code, hoisted.stderr.split("\n")[0]]).toEqual([1, `error: the defaults of ${file} differ from those batch 5000001 ran with, in \`parameters.reference\``]);
      const plain = await runOmics(["resubmit", "5000001", file, "--no-hoist", "--dry-run", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep });
      expect(plain.code).toBe(0);
      const out = JSON.parse(plain.stdout) as { request: { defaultRunSetting: Record<string, unknown> }; runs: unknown[] };
      expect(out.runs).toEqual([{ runSettingId: "b", why: "failed", failureReason: "ValidationException", failureMessage: expect.any(String) }]);
      expect(out.request.defaultRunSetting.parameters).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("resubmit and incomplete listings", () => {
  const token = (offset: number): string => Buffer.from(`offset:${offset}`).toString("base64url");

  it("a listing shorter than GetBatch's counts is an error, never runs to start", async () => {
    let short = true;
    const ep = await endpointFailing(new Set(["b"]), { listRunsPage: (_, page) => (short ? { runs: page.runs.slice(1) } : page) });
    await submitted(ep);
    const r = await cli(ep, ["resubmit", "5000001", "cohort.batch"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      3,
      "",
      "error: batch 5000001 lists 5 runs, but GetBatch counts 6 started or failed to start: the listing is incomplete; try again\n" +
        "help: nothing was started; the service's counts and listings can trail each other for a moment, so run the command again\n",
    ]);
    expect((await cli(ep, ["status", "5000001", "--chain"])).code).toBe(3);
    short = false;
    expect(await wouldSend(ep, "5000001", v1)).toEqual([0, ["b"]]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });

  it("a listing that ends on an empty or a repeated nextToken is an error", async () => {
    let mode: "empty" | "repeated" = "empty";
    const ep = await endpointFailing(new Set(["b"]), {
      listRunsPage: (_, page) => {
        if (mode === "empty") return { runs: page.runs.slice(0, 3), nextToken: "" };
        return page.runs[0]?.runSettingId === "a" ? { runs: page.runs.slice(0, 3), nextToken: token(3) } : { runs: page.runs, nextToken: token(3) };
      },
    });
    await submitted(ep);
    const empty = await cli(ep, ["resubmit", "5000001", "cohort.batch"]);
    expect([empty.code, empty.stderr]).toEqual([
      3,
      "error: ListRunsInBatch of batch 5000001 ended on an empty nextToken: the listing is incomplete; try again\nhelp: nothing was started; run the command again in a moment\n",
    ]);
    mode = "repeated";
    const repeated = await cli(ep, ["resubmit", "5000001", "cohort.batch"]);
    expect([repeated.code, repeated.stderr.split("\n")[0]]).toEqual([
      3,
      "error: ListRunsInBatch of batch 5000001 ended on a repeated nextToken: the listing is incomplete; try again",
    ]);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });
});
