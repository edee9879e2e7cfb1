// `makeOmicsClient` and `describeOmicsError` against the test endpoint and against servers that
// misbehave on the wire: endpoint configuration, the message for what a real call throws,
// timeouts, resets, non-HTTP replies and replies without the members an operation must return.
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { describeOmicsError, getBatch, makeOmicsClient, startRunBatch } from "../../packages/omics/src/client.js";
import { batchInput, clientFor, GetBatchCommand, rejection, StartRunBatchCommand } from "./harness.js";
import { OMICS_ERRORS, startOmicsEndpoint, type OmicsEndpoint, type OmicsErrorName } from "./server.js";

let endpoint: OmicsEndpoint | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A TCP server on 127.0.0.1 that hands each connection to `onSocket`; its URL. */
async function tcpServer(onSocket: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    onSocket(socket);
  });
  server.on("close", () => sockets.forEach((s) => s.destroy()));
  const close = server.close.bind(server);
  server.close = ((cb?: () => void) => {
    sockets.forEach((s) => s.destroy());
    return close(cb);
  }) as typeof server.close;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An HTTP server that answers every request with `status` and `body`. */
async function replying(status: number, body: string): Promise<string> {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(status, { "content-type": "application/json" }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server as unknown as Server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const credentials = { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "omics-test-secret" };
const clientAt = (url: string, extra: Parameters<typeof makeOmicsClient>[0] = {}) =>
  makeOmicsClient({ endpointUrl: url, region: "us-east-1", credentials, retryDelayMs: () => 0, maxAttempts: 1, env: {}, ...extra });

describe("makeOmicsClient", () => {
  it("reaches an endpoint given only through AWS_ENDPOINT_URL_OMICS, with no host prefix", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await makeOmicsClient({ region: "us-east-1", credentials: endpoint.credentials, env: { AWS_ENDPOINT_URL_OMICS: endpoint.url } });
    expect(client.config.custom).toBe(true);
    const out = await startRunBatch(client, JSON.stringify(batchInput()));
    expect(out.id).toBe("5000001");
    expect(endpoint.requests[0]?.headers.host).toBe(endpoint.url.replace("http://", ""));
  });

  it("retries a throttled call as often as maxAttempts allows", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await clientFor(endpoint, { maxAttempts: 5 });
    endpoint.failNext("GetBatch", "ThrottlingException", 4);
    const err = await rejection(client.send(GetBatchCommand({ batchId: "5000001" })));
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
      messages.push(describeOmicsError(await rejection(client.send(StartRunBatchCommand(batchInput())))).message);
    }
    expect(messages).toEqual(Object.entries(prefixes).map(([name, prefix]) => `${prefix}: Injected ${name}`));
  });

  it("describes a rejected signature without the credentials", async () => {
    endpoint = await startOmicsEndpoint();
    const client = await clientFor(endpoint, { credentials: { accessKeyId: "AKIDOMICSTEST", secretAccessKey: "wrong-secret-value" } });
    const { message, help } = describeOmicsError(await rejection(client.send(GetBatchCommand({ batchId: "5000001" }))));
    expect(message).toBe(
      "AWS did not accept the credentials (InvalidSignatureException): The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details",
    );
    expect(`${message} ${help}`).not.toMatch(/AKIDOMICSTEST|wrong-secret-value|omics-test-secret/);
  });

  it("describes a refused connection, naming the endpoint", async () => {
    endpoint = await startOmicsEndpoint();
    const url = endpoint.url;
    await endpoint.close();
    endpoint = undefined;
    const err = await rejection(getBatch(await clientAt(url), "5000001"));
    expect(describeOmicsError(err).message).toBe(`could not connect to HealthOmics at \`${url}\`: connection refused`);
  });

  it("describes the unknown host of an endpoint, with the password of its URL masked", async () => {
    const err = await rejection(getBatch(await clientAt("http://user:hunter2@nonexistent.invalid:9"), "5000001"));
    expect(describeOmicsError(err).message).toBe("could not resolve the host of HealthOmics at `http://****@nonexistent.invalid:9`");
  });
});

describe("the wire", () => {
  it("gives up on a server that accepts and never answers after the read timeout, naming the flag", async () => {
    const url = await tcpServer(() => {});
    const started = Date.now();
    const err = await rejection(getBatch(await clientAt(url, { timeouts: { readMs: 300 } }), "5000001"));
    expect(Date.now() - started).toBeLessThan(5_300);
    expect(describeOmicsError(err, { operation: "GetBatch" }).message).toBe(`HealthOmics at \`${url}\` did not answer within 0.3 seconds (\`--cli-read-timeout\`)`);
  });

  it("gives up on a server that trickles a byte at a time, within the read timeout", async () => {
    const url = await tcpServer((socket) => {
      socket.write("HTTP/1.1 200 OK\r\nx-slow: ");
      const timer = setInterval(() => socket.write("a"), 50);
      socket.on("close", () => clearInterval(timer));
    });
    const err = await rejection(getBatch(await clientAt(url, { timeouts: { readMs: 400 } }), "5000001"));
    expect(describeOmicsError(err).message).toContain("did not answer within 0.4 seconds (`--cli-read-timeout`)");
  });

  it("retries a timeout like other transient failures, within the attempts", async () => {
    let connections = 0;
    const url = await tcpServer(() => void connections++);
    const err = await rejection(getBatch(await clientAt(url, { timeouts: { readMs: 200 }, maxAttempts: 3 }), "5000001"));
    expect(describeOmicsError(err).message).toContain("did not answer");
    expect(connections).toBe(3);
  });

  it("explains a connection reset and a reply that is not HTTP", async () => {
    const reset = await tcpServer((socket) => socket.once("data", () => socket.resetAndDestroy()));
    expect(describeOmicsError(await rejection(getBatch(await clientAt(reset), "5000001"))).message).toBe(
      `the connection to HealthOmics at \`${reset}\` was reset before a complete reply arrived`,
    );
    const ssh = await tcpServer((socket) => socket.once("data", () => socket.end("SSH-2.0-OpenSSH_9.2\r\n")));
    expect(describeOmicsError(await rejection(getBatch(await clientAt(ssh), "5000001"))).message).toBe(`HealthOmics at \`${ssh}\` did not answer with HTTP`);
  });

  it("refuses replies without the members the operation must return (exit 3, never `batch ?`)", async () => {
    const cases: [number, string, string][] = [
      [201, "", "the endpoint's StartRunBatch reply (HTTP 201) is empty"],
      [200, "", "the endpoint's StartRunBatch reply (HTTP 200) is empty"],
      [201, "{}", "the endpoint's StartRunBatch reply has no `id`"],
      [299, '{"id":"5000001"}', "the endpoint answered StartRunBatch with HTTP 299, not 201"],
      [201, "<html>", "the endpoint's StartRunBatch reply (HTTP 201) is not JSON"],
      [201, '{"id":5000001}', "the endpoint's StartRunBatch reply has a member of the wrong type: `id` (expected string)"],
    ];
    for (const [status, body, expected] of cases) {
      const url = await replying(status, body);
      const err = await rejection(startRunBatch(await clientAt(url), JSON.stringify(batchInput())));
      expect(describeOmicsError(err).message).toBe(`${expected} (at \`${url}\`)`);
    }
    const url = await replying(200, '{"id":"1","status":"PENDING","totalRuns":"many"}');
    const err = await rejection(getBatch(await clientAt(url), "1"));
    expect(describeOmicsError(err).message).toBe(`the endpoint's GetBatch reply has a member of the wrong type: \`totalRuns\` (expected number) (at \`${url}\`)`);
  });

  it("keeps every member a reply carries, known or not", async () => {
    const url = await replying(200, '{"id":"1","status":"PENDING","defaultRunSetting":{"workflowId":"1","engineSettings":{"syntaxVersion":"v1"}},"somethingNew":[1]}');
    const out = await getBatch(await clientAt(url), "1");
    expect(out).toEqual({ id: "1", status: "PENDING", defaultRunSetting: { workflowId: "1", engineSettings: { syntaxVersion: "v1" } }, somethingNew: [1] });
  });
});
