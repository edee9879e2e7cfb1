// `s3UriSettings` through the test endpoint and the moto S3 server of the global setup: the file
// is read at submission, its ETag recorded, and a change or deletion fails the batch.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { batchInput, clientFor, GetBatchCommand, ListRunsInBatchCommand, rejection, StartRunBatchCommand } from "./harness.js";
import { makeTestS3, type TestS3 } from "./sdk.js";
import { startOmicsEndpoint, type OmicsEndpoint } from "./server.js";

const BUCKET = "omics-endpoint-settings";

let s3: TestS3;
let endpoint: OmicsEndpoint;
beforeAll(async () => {
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket(BUCKET).catch((err: Error) => {
    if (err.name !== "BucketAlreadyOwnedByYou") throw err;
  });
});
afterAll(() => s3.destroy());
afterEach(async () => {
  await endpoint?.close();
});

/** A StartRunBatch input whose runs are in `s3://BUCKET/key`. */
function s3Input(key: string) {
  return { ...batchInput([], `req-${key}`), batchRunSettings: { s3UriSettings: `s3://${BUCKET}/${key}` } };
}

const settings = (ids: string[]): string => JSON.stringify(ids.map((id) => ({ runSettingId: id, parameters: { sample: id } })));

describe("s3UriSettings", () => {
  it("reads the runs from the settings file and records its ETag", async () => {
    endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint"), failRuns: ["b"] });
    const client = await clientFor(endpoint);
    const etag = await s3.putObject(BUCKET, "reads/runs.json", settings(["a", "b", "c"]));
    const { id } = await client.send(StartRunBatchCommand(s3Input("reads/runs.json")));
    expect(endpoint.batch(id!).settingsFile).toEqual({ uri: `s3://${BUCKET}/reads/runs.json`, bucket: BUCKET, key: "reads/runs.json", etag });
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const statuses: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.send(GetBatchCommand({ batchId: id! }))).status);
    expect(statuses).toEqual(["PENDING", "SUBMITTING", "INPROGRESS", "PROCESSED"]);
    const done = await client.send(GetBatchCommand({ batchId: id! }));
    expect([done.totalRuns, done.submissionSummary?.successfulStartSubmissionCount, done.submissionSummary?.failedStartSubmissionCount, done.runSummary?.completedRunCount]).toEqual([3, 2, 1, 2]);
    const runs = await client.send(ListRunsInBatchCommand({ batchId: id! }));
    expect(runs.runs?.map((r) => [r.runSettingId, r.runId, r.submissionStatus])).toEqual([
      ["a", "1000001", "SUCCESS"],
      ["b", undefined, "FAILED"],
      ["c", "1000002", "SUCCESS"],
    ]);
  });

  it("fails the batch when the settings file changes after submission", async () => {
    endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
    const client = await clientFor(endpoint);
    const before = await s3.putObject(BUCKET, "changed/runs.json", settings(["a", "b"]));
    const { id } = await client.send(StartRunBatchCommand(s3Input("changed/runs.json")));
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("PENDING");
    const after = await s3.putObject(BUCKET, "changed/runs.json", settings(["a", "b", "c"]));
    expect(after).not.toBe(before);
    const failed = await client.send(GetBatchCommand({ batchId: id! }));
    expect(failed.status).toBe("FAILED");
    expect(failed.failureReason).toBe(`The s3UriSettings object s3://${BUCKET}/changed/runs.json changed after submission (ETag ${before} is now ${after}).`);
    expect(failed.failedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect([failed.submissionSummary?.successfulStartSubmissionCount, failed.submissionSummary?.pendingStartSubmissionCount]).toEqual([0, 0]);
    expect((await client.send(ListRunsInBatchCommand({ batchId: id! }))).runs).toEqual([]);
    expect((await endpoint.advance(id!, 3)).status).toBe("FAILED");
  });

  it("fails the batch when the settings file is deleted after submission", async () => {
    endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
    const client = await clientFor(endpoint);
    await s3.putObject(BUCKET, "deleted/runs.json", settings(["a"]));
    const { id } = await client.send(StartRunBatchCommand(s3Input("deleted/runs.json")));
    await s3.deleteObject(BUCKET, "deleted/runs.json");
    const failed = await client.send(GetBatchCommand({ batchId: id! }));
    expect([failed.status, failed.failureReason]).toEqual(["FAILED", `The s3UriSettings object s3://${BUCKET}/deleted/runs.json can no longer be read (NotFound).`]);
  });

  it("fails the batch while PENDING when an entry is not an InlineSetting", async () => {
    endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
    const client = await clientFor(endpoint);
    await s3.putObject(BUCKET, "invalid/runs.json", JSON.stringify([{ runSettingId: "a" }, { runSettingId: "b", workflowId: "1234567" }]));
    const { id } = await client.send(StartRunBatchCommand(s3Input("invalid/runs.json")));
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("PENDING");
    const failed = await client.send(GetBatchCommand({ batchId: id! }));
    expect([failed.status, failed.failureReason]).toEqual([
      "FAILED",
      `The s3UriSettings file s3://${BUCKET}/invalid/runs.json is invalid: 1 validation error detected: Value '1234567' at '2.workflowId' failed to satisfy constraint: Member is not part of the model`,
    ]);
  });

  it("answers ValidationException when the settings file cannot be read at submission", async () => {
    endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
    const client = await clientFor(endpoint);
    const err = await rejection(client.send(StartRunBatchCommand(s3Input("missing/runs.json"))));
    expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual([
      "ValidationException",
      `Unable to read s3UriSettings s3://${BUCKET}/missing/runs.json: NoSuchKey.`,
      400,
    ]);
    expect(endpoint.state.batches.size).toBe(0);
    // The requestId is free again once the submission failed.
    await s3.putObject(BUCKET, "missing/runs.json", settings(["a"]));
    expect((await client.send(StartRunBatchCommand(s3Input("missing/runs.json")))).id).toBe("5000001");
  });
});
