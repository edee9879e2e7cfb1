// The HealthOmics test endpoint, driven through batchc's own signed HTTP client: signatures,
// idempotency, the eight errors and retries, the batch lifecycle, pagination and state rules.
import { afterEach, describe, expect, it } from "vitest";
import { OmicsServiceError } from "../../packages/omics/src/client.js";
import {
  batchInput,
  CancelRunBatchCommand,
  clientFor,
  DeleteBatchCommand,
  DeleteRunBatchCommand,
  GetBatchCommand,
  ListBatchCommand,
  ListRunsInBatchCommand,
  rejection,
  StartRunBatchCommand,
} from "./harness.js";
import { tamperingProxy } from "./proxy.js";
import { OMICS_ERRORS, startOmicsEndpoint, type OmicsEndpoint, type OmicsEndpointOptions, type OmicsErrorName } from "./server.js";


let endpoint: OmicsEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});
async function start(options: OmicsEndpointOptions = {}): Promise<OmicsEndpoint> {
  endpoint = await startOmicsEndpoint(options);
  return endpoint;
}

describe("signatures", () => {
  it("accepts a signed StartRunBatch and records exactly the body sent", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const input = { ...batchInput(), tags: { project: "demo" } };
    const out = await client.send(StartRunBatchCommand(input));
    expect({ id: out.id, arn: out.arn, status: out.status, uuid: out.uuid, tags: out.tags }).toEqual({
      id: "5000001",
      arn: "arn:aws:omics:us-east-1:123456789012:runBatch/5000001",
      status: "CREATING",
      uuid: "00000000-0000-4000-a000-000005000001",
      tags: { project: "demo" },
    });
    expect(out.$metadata.httpStatusCode).toBe(201);
    const [req] = ep.requests;
    expect(ep.requests).toHaveLength(1);
    expect(req?.operation).toBe("StartRunBatch");
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/runBatch");
    expect(req?.body).toEqual(input);
    expect(req?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDOMICSTEST\/\d{8}\/us-east-1\/omics\/aws4_request, /);
  });

  it("rejects a wrong secret with 403 InvalidSignatureException and creates nothing", async () => {
    const ep = await start();
    const client = await clientFor(ep, { credentials: { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "not-the-secret" } });
    const err = await rejection(client.send(StartRunBatchCommand(batchInput())));
    expect(err).toBeInstanceOf(OmicsServiceError);
    expect(err.name).toBe("InvalidSignatureException");
    expect(err.message).toBe("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(ep.requests.map((r) => [r.status, r.errorType])).toEqual([[403, "InvalidSignatureException"]]);
    expect(ep.state.batches.size).toBe(0);
  });

  it("rejects an unknown access key with 403 UnrecognizedClientException", async () => {
    const ep = await start();
    const client = await clientFor(ep, { credentials: { accessKeyId: "AKIDSOMEONEELSE", secretAccessKey: "omics-test-secret" } });
    const err = await rejection(client.send(GetBatchCommand({ batchId: "5000001" })));
    expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual(["UnrecognizedClientException", "The security token included in the request is invalid.", 403]);
  });

  it("rejects a request signed for another Region", async () => {
    const ep = await start();
    const client = await clientFor(ep, { region: "eu-west-1" });
    const err = await rejection(client.send(GetBatchCommand({ batchId: "5000001" })));
    expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual(["InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'.", 403]);
  });

  it("rejects a body changed after signing", async () => {
    const ep = await start();
    // A proxy between the client and the endpoint changes the body after signing: same length, different bytes.
    const proxy = await tamperingProxy(ep.url, (body) => body.replace('"runSettingId":"s1"', '"runSettingId":"s9"'));
    const client = await clientFor(ep, { endpointUrl: proxy.url });
    const err = await rejection(client.send(StartRunBatchCommand(batchInput())));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["InvalidSignatureException", 403]);
    expect(ep.requests[0]?.rawBody).toContain('"runSettingId":"s9"');
    expect(ep.state.batches.size).toBe(0);
    await proxy.close();
  });

  it("verifies paths and queries with characters that need encoding", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput(["a b/c", "x+y=z"])));
    await ep.advance(id!, 3);
    const out = await client.send(ListRunsInBatchCommand({ batchId: id!, runSettingId: "x+y=z" }));
    expect(out.runs?.map((r) => r.runSettingId)).toEqual(["x+y=z"]);
    expect(ep.requests.at(-1)?.query).toEqual({ runSettingId: "x+y=z" });
  });
});

describe("validation and idempotency", () => {
  it("answers 400 ValidationException for a body that breaks the schema", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const input = batchInput();
    const bad = { ...input, defaultRunSetting: { ...input.defaultRunSetting, workflowId: "wf-12" } };
    const err = await rejection(client.send(StartRunBatchCommand(bad)));
    expect(err).toBeInstanceOf(OmicsServiceError);
    expect(err.message).toBe("1 validation error detected: Value 'wf-12' at 'defaultRunSetting.workflowId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+");
    expect(ep.requests.map((r) => r.status)).toEqual([400]);
  });

  it("lists every broken constraint in the ValidationException message", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const input = batchInput();
    const bad = {
      ...input,
      batchName: "",
      batchRunSettings: { inlineSettings: [{ runSettingId: "s1", priority: 1.5 }] },
    };
    const err = await rejection(client.send(StartRunBatchCommand(bad)));
    expect(err.message).toBe(
      "3 validation errors detected: Value '' at 'batchName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'batchName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+; " +
        "Value '1.5' at 'batchRunSettings.inlineSettings.1.member.priority' failed to satisfy constraint: Member must be an integer",
    );
    const both = { ...input, batchRunSettings: { ...input.batchRunSettings, s3UriSettings: "s3://settings/runs.json" } };
    const union = await rejection(client.send(StartRunBatchCommand(both as never) /* deliberately breaks the union */));
    expect(union.message).toMatch(/^1 validation error detected: Value '.*' at 'batchRunSettings' failed to satisfy constraint: Member must set exactly one of \[inlineSettings, s3UriSettings\]$/);
    expect(ep.requests.map((r) => r.status)).toEqual([400, 400]);
  });

  it("rejects duplicate runSettingIds in inlineSettings", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const err = await rejection(client.send(StartRunBatchCommand(batchInput(["s1", "s2", "s1"]))));
    expect([err.name, err.message]).toEqual(["ValidationException", "runSettingId 's1' appears more than once in inlineSettings."]);
  });

  it("returns the same batch for the same requestId and body", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const first = await client.send(StartRunBatchCommand(batchInput()));
    const again = await client.send(StartRunBatchCommand(batchInput()));
    expect(again.id).toBe(first.id);
    expect(again.uuid).toBe(first.uuid);
    expect(again.$metadata.httpStatusCode).toBe(201);
    expect(ep.state.batches.size).toBe(1);
  });

  it("answers ConflictException for the same requestId with a different body, without retrying", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    await client.send(StartRunBatchCommand(batchInput(["s1", "s2"])));
    const err = await rejection(client.send(StartRunBatchCommand(batchInput(["s1", "s3"]))));
    expect(err).toBeInstanceOf(OmicsServiceError);
    expect(err.message).toBe("The requestId 'req-0001' was already used for a different StartRunBatch request.");
    expect(ep.requests.map((r) => r.status)).toEqual([201, 409]);
    expect(ep.state.batches.size).toBe(1);
  });

  it("answers ValidationException for s3UriSettings when no S3 server is configured", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const input = { ...batchInput(), batchRunSettings: { s3UriSettings: "s3://settings/runs.json" } };
    const err = await rejection(client.send(StartRunBatchCommand(input)));
    expect([err.name, err.message]).toEqual(["ValidationException", "This endpoint has no S3 store configured, so it cannot read s3UriSettings."]);
  });

  it("rejects a body without a requestId (the model requires it; batchc always sends one)", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const { requestId: _omitted, ...input } = batchInput();
    const err = await rejection(client.send(StartRunBatchCommand(input)));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["ValidationException", 400]);
    expect(err.message).toContain("requestId");
    expect(ep.state.batches.size).toBe(0);
  });
});

describe("errors and retries", () => {
  const retried = new Set<OmicsErrorName>(["RequestTimeoutException", "ThrottlingException", "InternalServerException"]);
  for (const [name, status] of Object.entries(OMICS_ERRORS) as [OmicsErrorName, number][]) {
    it(`${name} (${status}) surfaces as its typed exception${retried.has(name) ? " after 3 attempts" : ", not retried"}`, async () => {
      const ep = await start();
      const client = await clientFor(ep);
      ep.failNext("StartRunBatch", { error: name, message: `injected ${name}` }, 3);
      const err = await rejection(client.send(StartRunBatchCommand(batchInput())));
      expect(err).toBeInstanceOf(OmicsServiceError);
      expect(err.name).toBe(name);
      expect(err.message).toBe(`injected ${name}`);
      expect(err.$metadata?.httpStatusCode).toBe(status);
      const attempts = retried.has(name) ? 3 : 1;
      expect(err.$metadata?.attempts).toBe(attempts);
      expect(ep.requests.map((r) => [r.status, r.errorType, r.injected])).toEqual(Array(attempts).fill([status, name, true]));
      expect(ep.state.batches.size).toBe(0);
    });
  }

  it("succeeds after two throttled attempts, with one requestId in all three requests", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    ep.failNext("StartRunBatch", "ThrottlingException", 2);
    const out = await client.send(StartRunBatchCommand(batchInput()));
    expect(out.id).toBe("5000001");
    expect(out.$metadata.attempts).toBe(3);
    expect(ep.requests.map((r) => r.status)).toEqual([429, 429, 201]);
    expect(ep.requests.map((r) => r.headers["amz-sdk-request"])).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    expect(new Set(ep.requests.map((r) => (r.body as { requestId: string }).requestId))).toEqual(new Set(["req-0001"]));
  });

  it("keeps faults of other operations queued and serves `*` faults to any operation", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    ep.failNext("GetBatch", "AccessDeniedException");
    ep.failNext("*", "ServiceQuotaExceededException");
    const err = await rejection(client.send(StartRunBatchCommand(batchInput())));
    expect(err.name).toBe("ServiceQuotaExceededException");
    const { id } = await client.send(StartRunBatchCommand(batchInput()));
    expect((await rejection(client.send(GetBatchCommand({ batchId: id! })))).name).toBe("AccessDeniedException");
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("PENDING");
  });

  it("answers an unmodeled error name as a plain OmicsServiceException", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    ep.failNext("GetBatch", { error: "SomethingElseException", status: 404, message: "odd" });
    const err = await rejection(client.send(GetBatchCommand({ batchId: "5000001" })));
    expect(err.constructor).toBe(OmicsServiceError);
    expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual(["SomethingElseException", "odd", 404]);
  });
});

describe("lifecycle", () => {
  it("moves one step per GetBatch to PROCESSED with consistent counts", async () => {
    const ep = await start({ failRuns: ["s2"] });
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput(["s1", "s2", "s3"])));
    const seen = [];
    for (let i = 0; i < 5; i++) {
      const b = await client.send(GetBatchCommand({ batchId: id! }));
      seen.push([b.status, b.totalRuns, b.submissionSummary?.successfulStartSubmissionCount, b.submissionSummary?.failedStartSubmissionCount,
        b.submissionSummary?.pendingStartSubmissionCount, b.runSummary?.runningRunCount, b.runSummary?.completedRunCount]);
    }
    expect(seen).toEqual([
      ["PENDING", 3, 0, 0, 3, 0, 0],
      ["SUBMITTING", 3, 0, 0, 3, 0, 0],
      ["INPROGRESS", 3, 2, 1, 0, 2, 0],
      ["PROCESSED", 3, 2, 1, 0, 0, 2],
      ["PROCESSED", 3, 2, 1, 0, 0, 2],
    ]);
    const final = await client.send(GetBatchCommand({ batchId: id! }));
    expect(final.name).toBe("demo");
    expect(final.defaultRunSetting?.workflowId).toBe("1234567");
    expect(final.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(final.submittedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(final.processedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(final.failureReason).toBeUndefined();
    const runs = await client.send(ListRunsInBatchCommand({ batchId: id! }));
    expect(runs.runs).toEqual([
      { runSettingId: "s1", runId: "1000001", runInternalUuid: "00000000-0000-4000-8000-000001000001", runArn: "arn:aws:omics:us-east-1:123456789012:run/1000001", submissionStatus: "SUCCESS" },
      { runSettingId: "s2", submissionStatus: "FAILED", submissionFailureReason: "ValidationException", submissionFailureMessage: "Run setting s2 failed validation (injected by the test endpoint)." },
      { runSettingId: "s3", runId: "1000002", runInternalUuid: "00000000-0000-4000-8000-000001000002", runArn: "arn:aws:omics:us-east-1:123456789012:run/1000002", submissionStatus: "SUCCESS" },
    ]);
    expect(runs.nextToken).toBeUndefined();
  });

  it("reports a predicate's own failure reason and message", async () => {
    const ep = await start({ failRuns: (id) => (id.startsWith("bad") ? { reason: "RESOURCE_NOT_FOUND", message: `input for ${id} is missing` } : false) });
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput(["ok1", "bad1"])));
    await ep.advance(id!, 3);
    const failed = await client.send(ListRunsInBatchCommand({ batchId: id!, submissionStatus: "FAILED" }));
    expect(failed.runs).toEqual([{ runSettingId: "bad1", submissionStatus: "FAILED", submissionFailureReason: "RESOURCE_NOT_FOUND", submissionFailureMessage: "input for bad1 is missing" }]);
  });

  it("stays put on GetBatch when auto-advance is off, and advances only through the handle", async () => {
    const ep = await start({ autoAdvance: false });
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput()));
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("CREATING");
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("CREATING");
    expect((await ep.advance(id!, 2)).status).toBe("SUBMITTING");
    expect((await client.send(GetBatchCommand({ batchId: id! }))).status).toBe("SUBMITTING");
    expect(await client.send(ListRunsInBatchCommand({ batchId: id! }))).toMatchObject({ runs: [] });
  });

  it("cancels a running batch, deletes its runs, then deletes the batch", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput(["s1", "s2"])));
    const batchId = id!;
    await ep.advance(batchId, 3);
    expect((await client.send(CancelRunBatchCommand({ batchId }))).$metadata.httpStatusCode).toBe(202);
    expect(ep.batch(batchId).status).toBe("STOPPING");
    const stopped = await client.send(GetBatchCommand({ batchId }));
    expect([stopped.status, stopped.submissionSummary?.successfulCancelSubmissionCount, stopped.runSummary?.cancelledRunCount, stopped.runSummary?.runningRunCount]).toEqual(["CANCELLED", 2, 2, 0]);
    expect((await client.send(DeleteRunBatchCommand({ batchId }))).$metadata.httpStatusCode).toBe(202);
    const deleted = await client.send(GetBatchCommand({ batchId }));
    expect([deleted.status, deleted.submissionSummary?.successfulDeleteSubmissionCount, deleted.runSummary?.deletedRunCount, deleted.runSummary?.cancelledRunCount]).toEqual(["RUNS_DELETED", 2, 2, 0]);
    const runs = await client.send(ListRunsInBatchCommand({ batchId }));
    expect(runs.runs?.map((r) => r.submissionStatus)).toEqual(["DELETE_SUCCESS", "DELETE_SUCCESS"]);
    expect((await client.send(DeleteBatchCommand({ batchId }))).$metadata.httpStatusCode).toBe(202);
    const gone = await rejection(client.send(GetBatchCommand({ batchId })));
    expect(gone).toBeInstanceOf(OmicsServiceError);
    expect(gone.message).toBe(`Batch ${batchId} not found.`);
  });

  it("answers ConflictException when the batch is in the wrong state", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const { id } = await client.send(StartRunBatchCommand(batchInput()));
    const batchId = id!;
    const conflicts: [string, string][] = [];
    const tryIt = async (p: Promise<unknown>) => {
      const err = await rejection(p);
      conflicts.push([err.name, err.message]);
    };
    await tryIt(client.send(CancelRunBatchCommand({ batchId })));
    await tryIt(client.send(DeleteRunBatchCommand({ batchId })));
    await tryIt(client.send(DeleteBatchCommand({ batchId })));
    await ep.advance(batchId, 4);
    await tryIt(client.send(CancelRunBatchCommand({ batchId })));
    expect(conflicts).toEqual([
      ["ConflictException", "Batch 5000001 is CREATING; CancelRunBatch is allowed only when the batch is PENDING, SUBMITTING, INPROGRESS."],
      ["ConflictException", "Batch 5000001 is CREATING; DeleteRunBatch is allowed only when the batch is PROCESSED, CANCELLED."],
      ["ConflictException", "Batch 5000001 is CREATING; DeleteBatch is allowed only when the batch is PROCESSED, FAILED, CANCELLED, RUNS_DELETED."],
      ["ConflictException", "Batch 5000001 is PROCESSED; CancelRunBatch is allowed only when the batch is PENDING, SUBMITTING, INPROGRESS."],
    ]);
    expect(ep.requests.filter((r) => r.status === 409)).toHaveLength(4);
  });

  it("answers ValidationException for a batch id that is not numeric", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const err = await rejection(client.send(GetBatchCommand({ batchId: "abc" })));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["ValidationException", 400]);
    expect(ep.requests[0]?.path).toBe("/runBatch/abc");
  });
});

describe("pagination and filters", () => {
  it("returns every run of ListRunsInBatch across pages", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    const ids = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"];
    const { id } = await client.send(StartRunBatchCommand(batchInput(ids)));
    await ep.advance(id!, 3);
    const pages: string[][] = [];
    let startingToken: string | undefined;
    do {
      const page = await client.send(ListRunsInBatchCommand({ batchId: id!, maxItems: 3, ...(startingToken ? { startingToken } : {}) }));
      pages.push(((page.runs ?? []) as { runSettingId: string }[]).map((r) => r.runSettingId));
      startingToken = page.nextToken as string | undefined;
    } while (startingToken);
    expect(pages).toEqual([["r1", "r2", "r3"], ["r4", "r5", "r6"], ["r7"]]);
    const queries = ep.requestsOf("ListRunsInBatch").map((r) => r.query);
    expect(queries.map((q) => q.maxItems)).toEqual(["3", "3", "3"]);
    expect(queries[0]?.startingToken).toBeUndefined();
    expect(queries[1]?.startingToken).toBeTypeOf("string");
  });

  it("lists batches page by page, with one filter at a time", async () => {
    const ep = await start();
    const client = await clientFor(ep);
    for (const n of [1, 2, 3]) {
      const input = { ...batchInput(["s1"], `req-${n}`), batchName: n === 2 ? "other" : "demo" };
      await client.send(StartRunBatchCommand(input));
    }
    await ep.advance("5000003", 4);
    const first = await client.send(ListBatchCommand({ maxItems: 2 }));
    expect(first.items?.map((b) => [b.id, b.name, b.status, b.totalRuns, b.workflowId])).toEqual([
      ["5000001", "demo", "CREATING", 1, "1234567"],
      ["5000002", "other", "CREATING", 1, "1234567"],
    ]);
    expect(first.items?.[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const second = await client.send(ListBatchCommand({ maxItems: 2, startingToken: first.nextToken! }));
    expect([second.items?.map((b) => b.id), second.nextToken]).toEqual([["5000003"], undefined]);
    expect((await client.send(ListBatchCommand({ name: "demo" }))).items?.map((b) => b.id)).toEqual(["5000001", "5000003"]);
    expect((await client.send(ListBatchCommand({ status: "PROCESSED" }))).items?.map((b) => b.id)).toEqual(["5000003"]);
    const err = await rejection(client.send(ListBatchCommand({ name: "demo", status: "PROCESSED" })));
    expect([err.name, err.message]).toEqual(["ValidationException", "Only one filter is supported per call, got status, name."]);
    const range = await rejection(client.send(ListBatchCommand({ maxItems: 101 })));
    expect([range.name, range.message]).toEqual(["ValidationException", "Value '101' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 100"]);
  });
});
