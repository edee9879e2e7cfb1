// Acceptance, with the shipped executable against the local HealthOmics endpoint: three rounds of
// `resubmit` on examples/small-inline/tumor-normal.batch (round 1: 2 of 6 runs fail to start;
// round 2: one of them fails again; round 3: it starts) end with every runSettingId started
// exactly once across the chain, whichever id of the chain is given, and repeating any round
// starts nothing new.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOmicsEndpoint, type OmicsEndpoint } from "../omics-endpoint/server.js";
import { cliProcessEnv } from "./process-env.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const example = "examples/small-inline/tumor-normal.batch";
const failing = new Set(["P01-high", "P02-low"]);
let endpoint: OmicsEndpoint;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function batchc(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args, "--endpoint-url", endpoint.url],
      {
        cwd: root,
        env: cliProcessEnv(),
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** How many batches started each runSettingId. */
function startCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of endpoint.state.batches.values()) for (const r of b.runs) if (r.runId !== undefined) counts[r.runSettingId] = (counts[r.runSettingId] ?? 0) + 1;
  return counts;
}

/** Repeats `resubmit` with every id of the chain; none may start a batch. Returns the exit codes. */
async function repeatWithEveryId(ids: string[]): Promise<number[]> {
  const before = endpoint.requestsOf("StartRunBatch").length;
  const codes: number[] = [];
  for (const id of ids) codes.push((await batchc(["resubmit", id, example])).code);
  expect(endpoint.requestsOf("StartRunBatch")).toHaveLength(before);
  return codes;
}

beforeAll(async () => {
  endpoint = await startOmicsEndpoint({ autoAdvance: false, failRuns: (id) => failing.has(id) });
});
afterAll(async () => {
  await endpoint.close();
});

describe("resubmit with the shipped executable", () => {
  it("three rounds start every run exactly once, and repeating a round starts nothing new", async () => {
    const submitted = await batchc(["submit", example]);
    expect(submitted.code).toBe(0);
    await endpoint.advance("5000001", 4);
    expect(startCounts()).toEqual({ "P01-low": 1, "P02-high": 1, "P03-low": 1, "P03-high": 1 });

    // Round 2 from the original: P01-high starts, P02-low fails again.
    failing.delete("P01-high");
    const round2 = await batchc(["resubmit", "5000001", example]);
    expect([round2.code, round2.stderr.split("\n")[0]]).toEqual([0, "resubmitting 2 runs of batch 5000001 (2 failed to start, 0 missing)"]);
    expect(await repeatWithEveryId(["5000001", "5000002"])).toEqual([1, 1]);
    await endpoint.advance("5000002", 4);
    expect(startCounts()).toEqual({ "P01-low": 1, "P01-high": 1, "P02-high": 1, "P03-low": 1, "P03-high": 1 });

    // Round 3 from the resubmission: only P02-low, and it starts.
    failing.clear();
    const dry = await batchc(["resubmit", "5000002", example, "--dry-run"]);
    expect(dry.stdout.split("\n").slice(0, 2)).toEqual([
      "would resubmit 1 run of batch 5000001 and its 1 resubmission (1 failed to start, 0 missing):",
      "  P02-low  failed to start: ValidationException: Run setting P02-low failed validation (injected by the test endpoint).",
    ]);
    const round3 = await batchc(["resubmit", "5000002", example]);
    expect([round3.code, round3.stderr.split("\n")[0]]).toEqual([0, "resubmitting 1 run of batch 5000001 and its 1 resubmission (1 failed to start, 0 missing)"]);
    expect(await repeatWithEveryId(["5000001", "5000002", "5000003"])).toEqual([1, 1, 1]);
    await endpoint.advance("5000003", 4);

    const all = ["P01-low", "P01-high", "P02-low", "P02-high", "P03-low", "P03-high"];
    expect(startCounts()).toEqual(Object.fromEntries(all.map((id) => [id, 1])));
    expect(await repeatWithEveryId(["5000001", "5000002", "5000003"])).toEqual([0, 0, 0]);
    const done = await batchc(["resubmit", "5000003", example]);
    expect(done.stdout).toBe(`nothing to resubmit: batch 5000001 and its 2 resubmissions started all 6 runs of ${example}\n`);
    const status = await batchc(["status", "5000002", "--chain"]);
    expect(status.stdout.split("\n").at(-2)).toBe("total      6 runs started, 0 never started");
    expect(endpoint.state.batches.size).toBe(3);
  });
});
