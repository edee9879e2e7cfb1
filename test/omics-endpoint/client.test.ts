// `makeOmicsClient` and `describeOmicsError` against the test endpoint: endpoint configuration
// (explicit or from the environment), and the message for what a real call throws.
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeOmicsError, loadOmicsSdk, makeOmicsClient } from "../../packages/omics/src/client.js";
import { batchInput, clientFor, rejection } from "./harness.js";
import { fastRetries } from "./sdk.js";
import { OMICS_ERRORS, startOmicsEndpoint, type OmicsEndpoint, type OmicsErrorName } from "./server.js";

const sdk = await loadOmicsSdk();
const { StartRunBatchCommand, GetBatchCommand } = sdk;

let endpoint: OmicsEndpoint | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint?.close();
  endpoint = undefined;
});

describe("makeOmicsClient", () => {
  it("reaches an endpoint given only through AWS_ENDPOINT_URL_OMICS", async () => {
    endpoint = await startOmicsEndpoint();
    vi.stubEnv("AWS_ENDPOINT_URL_OMICS", endpoint.url);
    const client = await makeOmicsClient({ region: "us-east-1", credentials: endpoint.credentials, retryStrategy: fastRetries() });
    expect(client.config.disableHostPrefix).toBe(true);
    const out = await client.send(new StartRunBatchCommand(batchInput()));
    expect(out.id).toBe("5000001");
    expect(endpoint.requests[0]?.headers.host).toBe(endpoint.url.replace("http://", ""));
  });

  it("retries a throttled call as often as maxAttempts allows", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await clientFor(endpoint, { maxAttempts: 5, retryStrategy: fastRetries(5) });
    endpoint.failNext("GetBatch", "ThrottlingException", 4);
    const err = await rejection(client.send(new GetBatchCommand({ batchId: "5000001" })));
    expect([err.name, err.$metadata?.attempts]).toEqual(["ResourceNotFoundException", 5]);
    expect(endpoint.requests.map((r) => r.status)).toEqual([429, 429, 429, 429, 404]);
  });
});

describe("describeOmicsError on real failures", () => {
  const prefixes: Record<OmicsErrorName, string> = {
    ValidationException: "HealthOmics rejected the request as invalid",
    ServiceQuotaExceededException: "the request would exceed a HealthOmics service quota",
    AccessDeniedException: "access denied by HealthOmics",
    ResourceNotFoundException: "a resource the request names does not exist",
    RequestTimeoutException: "HealthOmics timed out handling the request",
    ConflictException: "HealthOmics reported a conflict",
    ThrottlingException: "HealthOmics throttled the request",
    InternalServerException: "HealthOmics had an internal error",
  };

  it("describes each of the eight errors with the service's message", async () => {
    endpoint = await startOmicsEndpoint();
    const messages: string[] = [];
    for (const name of Object.keys(OMICS_ERRORS) as OmicsErrorName[]) {
      const client = await clientFor(endpoint);
      endpoint.state.faults.clear(); // the faults a non-retried error left unused
      endpoint.failNext("StartRunBatch", { error: name, message: `Injected ${name}.` }, 3);
      messages.push(describeOmicsError(await rejection(client.send(new StartRunBatchCommand(batchInput())))).message);
    }
    expect(messages).toEqual(Object.entries(prefixes).map(([name, prefix]) => `${prefix}: Injected ${name}`));
  });

  it("describes a rejected signature without the credentials", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await clientFor(endpoint, { credentials: { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "wrong-secret-value" } });
    const { message, help } = describeOmicsError(await rejection(client.send(new GetBatchCommand({ batchId: "5000001" }))));
    expect(message).toBe(
      "AWS did not accept the credentials (InvalidSignatureException): The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details",
    );
    expect(`${message} ${help}`).not.toMatch(/AKIDOMICSTEST|wrong-secret-value|omics-test-secret/);
  });

  it("describes a refused connection", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await clientFor(endpoint);
    const address = endpoint.url.replace("http://", "");
    await endpoint.close();
    endpoint = undefined;
    const err = await rejection(client.send(new GetBatchCommand({ batchId: "5000001" })));
    expect(describeOmicsError(err).message).toBe(`could not connect to the HealthOmics endpoint \`${address}\`: connection refused`);
  });

  it("describes the unknown host a client without disableHostPrefix runs into", async () => {
    endpoint = await startOmicsEndpoint();
    const client = new sdk.OmicsClient({ region: "us-east-1", endpoint: endpoint.url, credentials: endpoint.credentials, maxAttempts: 1 });
    const err = await rejection(client.send(new GetBatchCommand({ batchId: "5000001" })));
    expect(describeOmicsError(err).message).toBe("could not resolve the HealthOmics host `workflows-127.0.0.1`");
    expect(endpoint.requests).toEqual([]);
  });
});
