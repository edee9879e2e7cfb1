// No duplicate batches after an upgrade: `submit` refuses to start a batch when one of the same
// name is still under way from a different request (another batchc version writes other bytes,
// hence another requestId, for the same program), unless `--allow-duplicate`; the same requestId
// stays idempotent. HealthOmics does not return a batch's requestId, so batchc tags each batch it
// starts with it (TagResource); an untagged batch of the same name cannot be told apart.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { makeOmicsClient, startRunBatch } from "../../packages/omics/src/client.js";
import { endpoints, runOmics } from "./omics-harness.js";

const start = endpoints();
const root = path.resolve(import.meta.dirname, "../..");
const example = path.join(root, "examples/small-inline/tumor-normal.batch");

describe("submit, twice", () => {
  it("refuses an unchanged example whose requestId changed while the first batch is not finished", async () => {
    const ep = await start({ autoAdvance: false });
    const at = ["--endpoint-url", ep.url];
    const first = await runOmics(["submit", example, ...at], { endpoint: ep });
    expect(first.code).toBe(0);
    const firstId = /requestId {2}(\S+)/.exec(first.stdout)?.[1];
    expect(ep.batch("5000001").tags?.["batchc:requestId"]).toBe(firstId);
    // The same program, written as another version would write it: another requestId.
    const second = await runOmics(["submit", example, "--request-id", "batchc-00000000000000000000000000000000", ...at], { endpoint: ep });
    expect([second.code, second.stdout]).toEqual([1, ""]);
    expect(second.stderr).toBe(
      `error: batch 5000001 named \`somatic-pilot\` is still CREATING, started from requestId \`${firstId}\`, not \`batchc-00000000000000000000000000000000\`\n` +
        "help: it may be this program submitted before (by another batchc version, or with other --var values): follow it with `batchc status 5000001`; to start another batch anyway, pass `--allow-duplicate`\n",
    );
    expect(ep.state.batches.size).toBe(1);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
    // With --allow-duplicate it starts; once the first batch is finished, no flag is needed.
    const allowed = await runOmics(["submit", example, "--request-id", "batchc-00000000000000000000000000000000", "--allow-duplicate", ...at], { endpoint: ep });
    expect(allowed.code).toBe(0);
    expect(ep.state.batches.size).toBe(2);
    await ep.advance("5000001", 4);
    await ep.advance("5000002", 4);
    expect(ep.batch("5000001").status).toBe("PROCESSED");
    const later = await runOmics(["submit", example, "--request-id", "batchc-11111111111111111111111111111111", ...at], { endpoint: ep });
    expect([later.code, later.stderr]).toEqual([0, "follow it with `batchc status 5000003` and `batchc runs 5000003`\n"]);
  });

  it("stays idempotent with the same requestId: the same batch again, no refusal", async () => {
    const ep = await start({ autoAdvance: false });
    const at = ["--endpoint-url", ep.url];
    expect((await runOmics(["submit", example, ...at], { endpoint: ep })).code).toBe(0);
    const again = await runOmics(["submit", example, "--format", "json", ...at], { endpoint: ep });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { id: string }).id).toBe("5000001");
    expect(ep.state.batches.size).toBe(1);
  });

  it("refuses when a batch of the same name was started without batchc's tag (an older batchc)", async () => {
    const ep = await start({ autoAdvance: false });
    const compiled = await runOmics(["compile", example]);
    const body = JSON.parse(compiled.stdout) as Record<string, unknown>;
    const older = await makeOmicsClient({ endpointUrl: ep.url, region: ep.region, credentials: ep.credentials, env: {} });
    await startRunBatch(older, JSON.stringify({ ...body, requestId: "older-version-request-id" }));
    older.destroy();
    const r = await runOmics(["submit", example, "--endpoint-url", ep.url], { endpoint: ep });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: batch 5000001 named `somatic-pilot` is still CREATING, started from a request batchc did not tag (an older batchc, or another tool)");
    expect(ep.state.batches.size).toBe(1);
  });
});
