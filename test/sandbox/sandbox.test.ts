// The sandbox in-process: its S3 store through the real @aws-sdk/client-s3, and its HealthOmics
// through batchc's signed client: known workflows, settings files from the store, runs started
// at the start rate, the failure share (exact, by hash, not again on a second start), the timed
// clock, and a restart with the same data folder.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { failureCount, SANDBOX_CREDENTIALS, SANDBOX_REGION, shareFailures, startSandbox, type Sandbox, type SandboxOptions } from "../../packages/sandbox/src/index.js";
import { batchInput, clientFor, GetBatchCommand, ListRunsInBatchCommand, rejection, StartRunBatchCommand, type TestClient } from "../omics-endpoint/harness.js";
import type { OmicsEndpoint } from "../omics-endpoint/server.js";

const fromOmicsPackage = createRequire(new URL("../../packages/omics/package.json", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const S3 = fromOmicsPackage("@aws-sdk/client-s3") as any;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const s = await startSandbox({ port: 0, ...options });
  cleanups.push(() => s.close());
  return s;
}
async function omics(s: Sandbox): Promise<TestClient> {
  const c = await clientFor({ url: s.url, region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS } as OmicsEndpoint);
  cleanups.push(() => c.destroy());
  return c;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function s3(s: Sandbox): any {
  const c = new S3.S3Client({ region: SANDBOX_REGION, endpoint: s.url, forcePathStyle: true, credentials: SANDBOX_CREDENTIALS, maxAttempts: 1 });
  cleanups.push(() => c.destroy());
  return c;
}
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "batchc-sandbox-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `run-${String(i + 1).padStart(4, "0")}`);
const settings = (list: string[]): string => JSON.stringify(list.map((id) => ({ runSettingId: id, parameters: { sample: id } })));

describe("the S3 store", () => {
  it("writes a streamed body once (If-None-Match), reads it back, heads it and lists it by prefix and page", async () => {
    const s = await sandbox();
    const client = s3(s);
    const { Readable } = await import("node:stream");
    const body = settings(ids(3));
    const put = await client.send(new S3.PutObjectCommand({ Bucket: "lab", Key: "batches/a.json", Body: Readable.from([Buffer.from(body)]), ContentLength: body.length, IfNoneMatch: "*" }));
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await client.send(new S3.PutObjectCommand({ Bucket: "lab", Key: "batches/a.json", Body: "[]", IfNoneMatch: "*" })).catch((e: Error) => e);
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(["PreconditionFailed", 412]);
    const got = await client.send(new S3.GetObjectCommand({ Bucket: "lab", Key: "batches/a.json" }));
    expect([await got.Body.transformToString(), got.ETag, got.ContentType]).toEqual([body, put.ETag, "application/json"]);
    const head = await client.send(new S3.HeadObjectCommand({ Bucket: "lab", Key: "batches/a.json" }));
    expect([head.ETag, head.ContentLength]).toEqual([put.ETag, body.length]);
    const missing = await client.send(new S3.GetObjectCommand({ Bucket: "lab", Key: "batches/none.json" })).catch((e: Error) => e);
    expect(missing.name).toBe("NoSuchKey");
    const headMissing = await client.send(new S3.HeadObjectCommand({ Bucket: "lab", Key: "batches/none.json" })).catch((e: Error) => e);
    expect(headMissing.$metadata.httpStatusCode).toBe(404);
    for (const key of ["batches/b.json", "batches/c.json", "other/d.json", "../escape"]) await client.send(new S3.PutObjectCommand({ Bucket: "lab", Key: key, Body: "{}" }));
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new S3.ListObjectsV2Command({ Bucket: "lab", Prefix: "batches/", MaxKeys: 2, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o: { Key: string }) => o.Key));
      token = page.NextContinuationToken;
      pages++;
    } while (token !== undefined);
    expect([keys, pages]).toEqual([["batches/a.json", "batches/b.json", "batches/c.json"], 2]);
    const all = await client.send(new S3.ListObjectsV2Command({ Bucket: "lab" }));
    expect(all.Contents.map((o: { Key: string }) => o.Key)).toEqual(["../escape", "batches/a.json", "batches/b.json", "batches/c.json", "other/d.json"]);
  });

  it("keeps each object as one file inside its bucket folder", async () => {
    const dir = tempDir();
    const s = await sandbox({ dataDir: dir });
    const client = s3(s);
    for (const key of ["a/b.json", "..", ".hidden", "x y"]) await client.send(new S3.PutObjectCommand({ Bucket: "lab", Key: key, Body: key }));
    expect(readdirSync(path.join(dir, "s3", "lab")).sort()).toEqual(["%2E.", "%2Ehidden", "a%2Fb.json", "x%20y"]);
  });
});

describe("HealthOmics in the sandbox", () => {
  it("refuses a workflow it does not know, and reads the runs of a settings file from its store", async () => {
    const s = await sandbox({ config: { workflows: { "1234567": {} } } });
    const client = await omics(s);
    const unknown = { ...batchInput(["a"], "req-unknown"), defaultRunSetting: { ...batchInput().defaultRunSetting, workflowId: "999" } };
    const err = await rejection(client.send(StartRunBatchCommand(unknown)));
    expect([err.name, err.message]).toEqual(["ResourceNotFoundException", "Workflow 999 not found."]);
    await s3(s).send(new S3.PutObjectCommand({ Bucket: "lab", Key: "runs.json", Body: settings(ids(150)) }));
    const { id } = await client.send(StartRunBatchCommand({ ...batchInput([], "req-file"), batchRunSettings: { s3UriSettings: "s3://lab/runs.json" } }));
    expect(s.state.batches.get(id!)?.runs).toHaveLength(150);
  });

  it("answers GetWorkflow and GetWorkflowVersion from its configuration", async () => {
    const template = { sample_id: { description: "the sample", optional: false } };
    const s = await sandbox({ config: { workflows: { "1234567": { name: "germline", parameterTemplate: template, versions: { v2: { parameterTemplate: {} } } } } } });
    const client = await omics(s);
    const w = await client.send({ operation: "GetWorkflow", call: { params: { id: "1234567" } } });
    expect([w.name, w.status, w.parameterTemplate]).toEqual(["germline", "ACTIVE", template]);
    const v = await client.send({ operation: "GetWorkflowVersion", call: { params: { workflowId: "1234567", versionName: "v2" } } });
    expect([v.versionName, v.parameterTemplate]).toEqual(["v2", {}]);
    const missing = await rejection(client.send({ operation: "GetWorkflowVersion", call: { params: { workflowId: "1234567", versionName: "v3" } } }));
    expect([missing.name, missing.message]).toEqual(["ResourceNotFoundException", "Workflow 1234567 version v3 not found."]);
  });

  it("starts runs at the start rate, one step per read, and fails exactly the share of new runs, by hash", async () => {
    const s = await sandbox({ clock: "read", startRate: 40, failShare: 0.1 });
    const client = await omics(s);
    await s3(s).send(new S3.PutObjectCommand({ Bucket: "lab", Key: "runs.json", Body: settings(ids(100)) }));
    const { id } = await client.send(StartRunBatchCommand({ ...batchInput([], "req-rate"), batchRunSettings: { s3UriSettings: "s3://lab/runs.json" } }));
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      const b = await client.send(GetBatchCommand({ batchId: id! }));
      seen.push(`${b.status} ${b.submissionSummary.successfulStartSubmissionCount + b.submissionSummary.failedStartSubmissionCount}`);
    }
    expect(seen).toEqual(["PENDING 0", "SUBMITTING 0", "SUBMITTING 40", "SUBMITTING 80", "INPROGRESS 100", "PROCESSED 100", "PROCESSED 100"]);
    const failed = await client.send(ListRunsInBatchCommand({ batchId: id!, submissionStatus: "FAILED" }));
    const expected = shareFailures(ids(100).map((runSettingId) => ({ runSettingId, setting: {} })), 0.1);
    expect(failed.runs!.map((r) => r.runSettingId).sort()).toEqual([...expected.keys()].sort());
    expect(failed.runs).toHaveLength(failureCount(100, 0.1));
    expect(failed.runs).toHaveLength(10);
    expect(new Set(failed.runs!.map((r) => r.submissionFailureReason))).toEqual(new Set(["ServiceQuotaExceededException", "ThrottlingException", "InternalServerException"]));

    // The failed runs, started again in a new batch, all start.
    const again = failed.runs!.map((r) => String(r.runSettingId));
    const second = await client.send(StartRunBatchCommand({ ...batchInput(again, "req-again"), batchRunSettings: { inlineSettings: again.map((x) => ({ runSettingId: x, parameters: { sample: x } })) } }));
    for (let i = 0; i < 4; i++) await client.send(GetBatchCommand({ batchId: second.id! }));
    const b = await client.send(GetBatchCommand({ batchId: second.id! }));
    expect([b.status, b.submissionSummary.successfulStartSubmissionCount, b.submissionSummary.failedStartSubmissionCount]).toEqual(["PROCESSED", 10, 0]);
  });

  it("moves batches on a timed clock, one step per interval, however often they are read", async () => {
    let now = Date.parse("2026-12-01T10:00:00Z");
    const s = await sandbox({ clock: 1000, startRate: 1, now: () => new Date(now) });
    const client = await omics(s);
    const { id } = await client.send(StartRunBatchCommand(batchInput(["a", "b"])));
    const status = async (): Promise<string> => String((await client.send(GetBatchCommand({ batchId: id! }))).status);
    expect([await status(), await status()]).toEqual(["CREATING", "CREATING"]);
    now += 1000;
    expect(await status()).toBe("PENDING");
    now += 2500;
    const b = await client.send(GetBatchCommand({ batchId: id! }));
    expect([b.status, b.submissionSummary.successfulStartSubmissionCount]).toEqual(["SUBMITTING", 1]);
    now += 10_000;
    expect(await status()).toBe("PROCESSED");
  });

  it("keeps batches, requestIds and objects across a restart with the same data folder", async () => {
    const dir = tempDir();
    const first = await startSandbox({ port: 0, dataDir: dir, failShare: 0.5 });
    let client = await clientFor({ url: first.url, region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS } as OmicsEndpoint);
    await s3(first).send(new S3.PutObjectCommand({ Bucket: "lab", Key: "kept.json", Body: "[1]" }));
    const { id } = await client.send(StartRunBatchCommand(batchInput(["a", "b"], "req-kept")));
    for (let i = 0; i < 3; i++) await client.send(GetBatchCommand({ batchId: id! }));
    const before = await client.send(GetBatchCommand({ batchId: id! }));
    client.destroy();
    await first.close();

    const second = await sandbox({ dataDir: dir, failShare: 0.5 });
    client = await omics(second);
    const after = await client.send(GetBatchCommand({ batchId: id! }));
    expect([after.status, after.totalRuns, after.creationTime, after.submissionSummary]).toEqual(["PROCESSED", 2, before.creationTime, before.submissionSummary]);
    expect(before.submissionSummary.failedStartSubmissionCount).toBe(1);
    const repeat = await client.send(StartRunBatchCommand(batchInput(["a", "b"], "req-kept")));
    expect(repeat.id).toBe(id);
    const next = await client.send(StartRunBatchCommand(batchInput(["c"], "req-next")));
    expect(Number(next.id)).toBe(Number(id) + 1);
    const got = await s3(second).send(new S3.GetObjectCommand({ Bucket: "lab", Key: "kept.json" }));
    expect(await got.Body.transformToString()).toBe("[1]");
  });
});
