// Shared pieces of the test endpoint's tests: a client bound to an endpoint (one per test, with
// fast retries) and a valid StartRunBatch input to vary.
import { makeOmicsClient, type OmicsClient, type OmicsClientOptions } from "../../packages/omics/src/client.js";
import { fastRetries } from "./sdk.js";
import type { OmicsEndpoint } from "./server.js";

/** A client for `endpoint` with its credentials and region and retries without back-off. */
export function clientFor(endpoint: OmicsEndpoint, overrides: Partial<OmicsClientOptions> = {}): Promise<OmicsClient> {
  return makeOmicsClient({
    endpointUrl: endpoint.url,
    region: endpoint.region,
    credentials: endpoint.credentials,
    retryStrategy: fastRetries(3),
    ...overrides,
  });
}

/** A valid StartRunBatch input with runs `ids` (`s1`, `s2` by default). */
export function batchInput(ids: string[] = ["s1", "s2"], requestId = "req-0001") {
  return {
    batchName: "demo",
    requestId,
    defaultRunSetting: {
      workflowId: "1234567",
      roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
      outputUri: "s3://out-bucket/runs/",
      parameters: { ref: "s3://ref-bucket/hg38.fa", threads: 4 },
      storageType: "DYNAMIC" as const,
    },
    batchRunSettings: { inlineSettings: ids.map((id) => ({ runSettingId: id, name: `sample-${id}`, parameters: { sample: id } })) },
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the call to fail");
}
