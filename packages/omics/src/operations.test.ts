// The HTTP bindings batchc sends requests by are the AWS model's own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS, operationPath, type OmicsOperation } from "./operations.js";

const model = JSON.parse(readFileSync(new URL("../../model/aws/omics-batch.botocore-1.43.107.json", import.meta.url), "utf-8")) as {
  operations: Record<string, { http: { method: string; requestUri: string; responseCode: number }; endpoint?: { hostPrefix?: string } }>;
};

describe("OPERATIONS", () => {
  it("match the model file's method, path, success status and host prefix", () => {
    const inModel = (Object.keys(OPERATIONS) as OmicsOperation[]).filter((op) => op in model.operations);
    expect(inModel).toEqual(["StartRunBatch", "GetBatch", "ListBatch", "ListRunsInBatch", "CancelRunBatch", "DeleteRunBatch", "DeleteBatch", "GetWorkflow", "GetWorkflowVersion"]);
    for (const op of inModel) {
      const { http, endpoint } = model.operations[op]!;
      const b = OPERATIONS[op];
      expect([b.method, b.path, b.status, b.hostPrefix], op).toEqual([http.method, http.requestUri, http.responseCode, endpoint?.hostPrefix]);
    }
  });

  it("fill path parameters as one encoded segment each", () => {
    expect(operationPath(OPERATIONS.GetBatch, { batchId: "5000001" })).toBe("/runBatch/5000001");
    expect(operationPath(OPERATIONS.TagResource, { resourceArn: "arn:aws:omics:us-east-1:123456789012:runBatch/5" })).toBe(
      "/tags/arn%3Aaws%3Aomics%3Aus-east-1%3A123456789012%3ArunBatch%2F5",
    );
    expect(() => operationPath(OPERATIONS.GetBatch, {})).toThrow("missing path parameter `batchId`");
  });
});
