// Shared pieces of the test endpoint's tests: the product's HealthOmics client bound to an
// endpoint (one per test, retries without back-off), seen through a small `send(command)` face
// whose commands name an operation and its input, and a valid StartRunBatch input to vary.
import { makeOmicsClient, type OmicsCall, type OmicsClient, type OmicsClientOptions, type OmicsOperation } from "../../packages/omics/src/client.js";
import type { OmicsEndpoint } from "./server.js";

/** An operation and its input, as the API reference writes it. */
export interface Command {
  operation: OmicsOperation;
  call: OmicsCall;
}

type Input = Record<string, unknown>;
const query = (input: Input, omit: string[] = []): Record<string, string | number | undefined> =>
  Object.fromEntries(Object.entries(input).filter(([k]) => !omit.includes(k))) as Record<string, string | number | undefined>;

/** The operations, from their API input (the body is `JSON.stringify(input)`, path and query members placed as the model says). */
export const StartRunBatchCommand = (input: object): Command => ({ operation: "StartRunBatch", call: { body: JSON.stringify(input) } });
export const GetBatchCommand = (input: { batchId: string }): Command => ({ operation: "GetBatch", call: { params: { batchId: input.batchId } } });
export const ListBatchCommand = (input: Input = {}): Command => ({ operation: "ListBatch", call: { query: query(input) } });
export const ListRunsInBatchCommand = (input: Input & { batchId: string }): Command => ({
  operation: "ListRunsInBatch",
  call: { params: { batchId: input.batchId }, query: query(input, ["batchId"]) },
});
export const CancelRunBatchCommand = (input: { batchId: string }): Command => ({ operation: "CancelRunBatch", call: { body: JSON.stringify(input) } });
export const DeleteRunBatchCommand = (input: { batchId: string }): Command => ({ operation: "DeleteRunBatch", call: { body: JSON.stringify(input) } });
export const DeleteBatchCommand = (input: { batchId: string }): Command => ({ operation: "DeleteBatch", call: { params: { batchId: input.batchId } } });

/** A reply: the body's members (any) and the status and attempts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Members = Record<string, any>;
export type Output = Members & { runs?: Members[]; items?: Members[]; $metadata: { httpStatusCode: number; attempts: number } };

/** The client under test and `send(command)` over it. */
export interface TestClient {
  client: OmicsClient;
  send(command: Command): Promise<Output>;
  destroy(): void;
}

/** Wraps a product client. */
export function testClient(client: OmicsClient): TestClient {
  return {
    client,
    send: async ({ operation, call }) => {
      const reply = await client.send(operation, call);
      return { ...reply.body, $metadata: { httpStatusCode: reply.status, attempts: reply.attempts } };
    },
    destroy: () => client.destroy(),
  };
}

/** A client for `endpoint` with its credentials and region and retries without back-off. */
export async function clientFor(endpoint: OmicsEndpoint, overrides: Partial<OmicsClientOptions> = {}): Promise<TestClient> {
  return testClient(
    await makeOmicsClient({
      endpointUrl: endpoint.url,
      region: endpoint.region,
      credentials: endpoint.credentials,
      retryDelayMs: () => 0,
      env: {},
      ...overrides,
    }),
  );
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
