// Replies are read raw: `status`, `list` and `runs` with `--format json` show every member
// HealthOmics returned, those the model knows (engineSettings, scratchStorageMode, sessionPolicy
// in a batch's defaultRunSetting) and those it does not know yet.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { endpoints, runOmics } from "./omics-harness.js";

const start = endpoints();
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

/** A server answering each `GET path` with the JSON given for it. */
async function answering(replies: Record<string, unknown>): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    const path = (req.url ?? "").split("?")[0] ?? "";
    const body = replies[path];
    if (body === undefined) res.writeHead(404, { "x-amzn-errortype": "ResourceNotFoundException" }).end('{"message":"no"}');
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const env = { AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: "us-east-1" };

describe("members HealthOmics returns", () => {
  it("`status --format json` shows engineSettings, scratchStorageMode and sessionPolicy of the stored request", async () => {
    const ep = await start();
    const defaults = {
      workflowId: "1234567",
      roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
      outputUri: "s3://out-bucket/runs/",
      engineSettings: { syntaxVersion: "v1", outputFormat: "json", nested: { list: [1, 2] } },
      scratchStorageMode: "SHARED",
      sessionPolicy: '{"Version":"2012-10-17","Statement":[]}',
    };
    const request = { requestId: "req-raw-1", batchName: "raw", defaultRunSetting: defaults, batchRunSettings: { inlineSettings: [{ runSettingId: "a", engineSettings: { agentMode: true } }] } };
    const submitted = await runOmics(["submit", "request.json", "--endpoint-url", ep.url, "--format", "json"], { endpoint: ep, files: { "request.json": JSON.stringify(request) } });
    expect([submitted.code, submitted.stderr]).toEqual([0, ""]);
    const id = (JSON.parse(submitted.stdout) as { id: string }).id;
    const status = await runOmics(["status", id, "--endpoint-url", ep.url, "--format", "json"], { endpoint: ep });
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as { defaultRunSetting: unknown }).defaultRunSetting).toEqual(defaults);
  });

  it("`list` and `runs` with `--format json` keep members the model does not know", async () => {
    const url = await answering({
      "/runBatch": { items: [{ id: "1", name: "n", status: "PENDING", createdAt: "2026-01-01T00:00:00Z", newMember: { a: 1 } }], anotherNew: true },
      "/runBatch/1/run": { runs: [{ runSettingId: "a", runId: "9", submissionStatus: "SUCCESS", runOutputUri: "s3://b/o/9/" }] },
    });
    const list = await runOmics(["list", "--endpoint-url", url, "--format", "json"], { env });
    expect([list.code, list.stderr]).toEqual([0, ""]);
    expect(JSON.parse(list.stdout)).toEqual({ formatVersion: 1, batches: [{ id: "1", name: "n", status: "PENDING", createdAt: "2026-01-01T00:00:00Z", newMember: { a: 1 } }] });
    const runs = await runOmics(["runs", "1", "--endpoint-url", url, "--format", "json"], { env });
    expect([runs.code, runs.stderr]).toEqual([0, ""]);
    expect(JSON.parse(runs.stdout)).toEqual({ formatVersion: 1, runs: [{ runSettingId: "a", runId: "9", submissionStatus: "SUCCESS", runOutputUri: "s3://b/o/9/" }] });
  });
});
