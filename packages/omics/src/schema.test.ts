// The request schemas on Unicode text, whole requests and the response schemas.
import { describe, expect, it } from "vitest";
import {
  BatchRunSettingsSchema,
  DefaultRunSettingSchema,
  GetBatchResponseSchema,
  InlineSettingSchema,
  ListBatchResponseSchema,
  ListRunsInBatchResponseSchema,
  StartRunBatchRequestSchema,
  StartRunBatchResponseSchema,
  TagMapSchema,
  stringSchemas,
} from "./schema.js";

const defaults = { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole" };

describe("PRINTABLE patterns (\\p{L} etc., compiled with the u flag)", () => {
  const name = stringSchemas.RunName;
  it.each(["é", "東京", "sample 1 (t2t)", "Ω-β_γ", "a|b", "😀"])("accept %j", (s) => {
    expect(name.safeParse(s).success).toBe(true);
  });
  it.each(["\n", "\u200b", "a\tb", "\u0000", "x\u200dy", "\ud800"])("reject %j", (s) => {
    expect(name.safeParse(s).success).toBe(false);
  });
  it("does not read \\p{L} as the letters `p{L}` (the non-u pitfall)", () => {
    expect(name.safeParse("x").success).toBe(true);
  });
});

describe("lengths count code points", () => {
  it("accepts a 128-code-point emoji run name although its .length is 256", () => {
    const s = "😀".repeat(128);
    expect(s.length).toBe(256);
    expect(stringSchemas.RunName.safeParse(s).success).toBe(true);
    expect(DefaultRunSettingSchema.safeParse({ ...defaults, name: s }).success).toBe(true);
  });
  it("rejects 129 emoji", () => {
    expect(stringSchemas.RunName.safeParse("😀".repeat(129)).success).toBe(false);
  });
  it("counts a combining mark as its own code point", () => {
    expect(stringSchemas.BatchName.safeParse("e\u0301".repeat(32)).success).toBe(true);
    expect(stringSchemas.BatchName.safeParse(`${"e\u0301".repeat(32)}e`).success).toBe(false);
  });
});

describe("integers", () => {
  it.each([
    [0, true],
    [100_000, true],
    [1.5, false],
    [-1, false],
    [100_001, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])("priority %s → %s", (priority, ok) => {
    expect(InlineSettingSchema.safeParse({ runSettingId: "r1", priority }).success).toBe(ok);
  });
});

describe("closed structures and the union", () => {
  it("rejects an unknown key in a run, such as `workflowId`", () => {
    expect(InlineSettingSchema.safeParse({ runSettingId: "r1", workflowId: "1" }).success).toBe(false);
  });
  it("takes exactly one of `inlineSettings` and `s3UriSettings`", () => {
    expect(BatchRunSettingsSchema.safeParse({ inlineSettings: [{ runSettingId: "a" }] }).success).toBe(true);
    expect(BatchRunSettingsSchema.safeParse({ s3UriSettings: "s3://b/k.json" }).success).toBe(true);
    expect(BatchRunSettingsSchema.safeParse({ inlineSettings: [{ runSettingId: "a" }], s3UriSettings: "s3://b/k.json" }).success).toBe(false);
    expect(BatchRunSettingsSchema.safeParse({}).success).toBe(false);
  });
  it("tag values may be empty, tag keys may not", () => {
    expect(TagMapSchema.safeParse({ a: "" }).success).toBe(true);
    expect(TagMapSchema.safeParse({ "": "a" }).success).toBe(false);
  });
  it("parses a complete request and keeps its values", () => {
    const request = {
      batchName: "wgs cohort A",
      requestId: "batchc-0123456789abcdef0123456789abcdef",
      tags: { project: "cohort-a" },
      defaultRunSetting: { ...defaults, storageType: "DYNAMIC", runTags: { project: "cohort-a" }, parameters: { threads: 16 } },
      batchRunSettings: { inlineSettings: [{ runSettingId: "S1-hg38", outputUri: "s3://out/S1/", parameters: { sample: "S1" } }] },
    };
    const parsed = StartRunBatchRequestSchema.parse(request);
    expect(parsed).toEqual(request);
  });
});

describe("response schemas (loose)", () => {
  it("StartRunBatchResponse keeps unknown keys and unknown statuses", () => {
    const r = StartRunBatchResponseSchema.parse({ id: "1234567", arn: "arn:aws:omics:us-east-1:123456789012:runBatch/1234567", status: "CREATING", extra: 1 });
    expect(r).toEqual({ id: "1234567", arn: "arn:aws:omics:us-east-1:123456789012:runBatch/1234567", status: "CREATING", extra: 1 });
  });
  it("GetBatchResponse takes counts, timestamps as text or Date, and a status outside the model", () => {
    const created = new Date("2026-11-26T03:00:00Z");
    const r = GetBatchResponseSchema.parse({
      id: "1",
      status: "RUNS_DELETE_FAILED",
      totalRuns: 3,
      creationTime: created,
      submittedTime: "2026-11-26T03:01:00Z",
      runSummary: { completedRunCount: 2, failedRunCount: 1 },
      defaultRunSetting: { workflowId: "1234567", roleArn: "arn:x", engineSettings: { version: "24" } },
    });
    expect(r.creationTime).toBe(created);
    expect(r.runSummary?.completedRunCount).toBe(2);
    expect(r.defaultRunSetting).toEqual({ workflowId: "1234567", roleArn: "arn:x", engineSettings: { version: "24" } });
  });
  it("GetBatchResponse rejects a non-integer count", () => {
    expect(GetBatchResponseSchema.safeParse({ totalRuns: 1.5 }).success).toBe(false);
  });
  it("ListBatchResponse and ListRunsInBatchResponse", () => {
    expect(ListBatchResponseSchema.parse({ items: [{ id: "1", createdAt: 1_700_000_000 }], nextToken: "t" }).items?.[0]?.id).toBe("1");
    const runs = ListRunsInBatchResponseSchema.parse({ runs: [{ runSettingId: "S1", runId: "9", submissionStatus: "SUCCESS" }] });
    expect(runs.runs).toEqual([{ runSettingId: "S1", runId: "9", submissionStatus: "SUCCESS" }]);
  });
});
