// Each bundled example's compiled request goes through the real @aws-sdk/client-omics
// StartRunBatchCommand to the local HealthOmics endpoint, which checks the signature and the
// body; what it receives must equal the payload batchc wrote.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOmicsSdk } from "@batchc/omics";
import { clientFor } from "../omics-endpoint/harness.js";
import { startOmicsEndpoint, type OmicsEndpoint } from "../omics-endpoint/server.js";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
let endpoint: OmicsEndpoint;

beforeAll(async () => {
  endpoint = await startOmicsEndpoint();
});
afterAll(async () => {
  await endpoint.close();
});

describe.each([
  "examples/wgs-cohort/wgs-cohort.batch",
  "examples/small-inline/tumor-normal.batch",
  "examples/fastq-pairs/fastq-pairs.batch",
  "examples/template-params/template-params.batch",
])("%s", (file) => {
  it("is received by StartRunBatch exactly as compiled", async () => {
    const compiled = await runCli(["compile", file], { cwd: root });
    expect(compiled.code).toBe(0);
    const payload = JSON.parse(compiled.stdout) as Record<string, unknown>;
    const { StartRunBatchCommand } = await loadOmicsSdk();
    const client = await clientFor(endpoint);
    const before = endpoint.requests.length;
    // The SDK's input type is the same shape as the payload, which is plain JSON.
    const out = await client.send(new StartRunBatchCommand(payload as never));
    client.destroy();
    expect(out.status).toBe("CREATING");
    const received = endpoint.requests.slice(before).filter((r) => r.operation === "StartRunBatch");
    expect(received).toHaveLength(1);
    expect(received[0]?.status).toBe(201);
    expect(received[0]?.body).toEqual(payload);
    expect((received[0]?.body as { requestId: string }).requestId).toMatch(/^batchc-[0-9a-f]{32}$/);
  });
});
