// The test endpoint verifies SigV4 from any correct client, not only batchc's: requests signed by
// Python's botocore (a small script this test runs) and by the JavaScript signer
// (@smithy/signature-v4) both verify; a body changed after signing, or a wrong secret, gets 403.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { batchInput } from "./harness.js";
import { startOmicsEndpoint, TEST_CREDENTIALS, type OmicsEndpoint } from "./server.js";

const SCRIPT = path.join(import.meta.dirname, "botocore-sign.py");
let endpoint: OmicsEndpoint | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A file holding `text`, for the script. */
function file(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "batchc-sigv4-"));
  dirs.push(dir);
  const p = path.join(dir, "body.json");
  writeFileSync(p, text);
  return p;
}

/** Runs the botocore script: the reply's status and parsed body. */
function botocore(args: string[]): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    execFile("python3", [SCRIPT, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const [status = "", ...rest] = stdout.split("\n");
      const text = rest.join("\n").trim();
      resolve({ status: Number(status), body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) });
    });
  });
}

/** Signs with the JavaScript signer and sends with fetch (`sent` replaces the body after signing). */
async function jsSigned(method: string, url: string, secret: string, body?: string, sent = body): Promise<{ status: number; body: Record<string, unknown> }> {
  const u = new URL(url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: secret },
    region: "us-east-1",
    service: "omics",
    sha256: Hash.bind(null, "sha256"),
  });
  const headers: Record<string, string> = { host: u.host, ...(body !== undefined ? { "content-type": "application/json" } : {}) };
  const query = Object.fromEntries(u.searchParams);
  const signed = await signer.sign({ method, protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: u.pathname, query, headers, ...(body !== undefined ? { body } : {}) });
  const { host: _, ...sendable } = signed.headers;
  const reply = await fetch(url, { method, headers: sendable, ...(sent !== undefined ? { body: sent } : {}) });
  const text = await reply.text();
  return { status: reply.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const { accessKeyId, secretAccessKey } = TEST_CREDENTIALS;

describe("requests signed by botocore", () => {
  it("verify: StartRunBatch is accepted and GetBatch reads it back", async () => {
    endpoint = await startOmicsEndpoint();
    const body = JSON.stringify(batchInput());
    const started = await botocore(["POST", `${endpoint.url}/runBatch`, "us-east-1", accessKeyId, secretAccessKey, file(body)]);
    expect(started).toMatchObject({ status: 201, body: { id: "5000001", status: "CREATING" } });
    expect(endpoint.requests[0]?.rawBody).toBe(body);
    const got = await botocore(["GET", `${endpoint.url}/runBatch/5000001`, "us-east-1", accessKeyId, secretAccessKey]);
    expect(got).toMatchObject({ status: 200, body: { id: "5000001", name: "demo" } });
    const listed = await botocore(["GET", `${endpoint.url}/runBatch?maxItems=5&name=demo`, "us-east-1", accessKeyId, secretAccessKey]);
    expect(listed.status).toBe(200);
    expect((listed.body.items as { id: string }[]).map((b) => b.id)).toEqual(["5000001"]);
  });

  it("a wrong secret or a body changed after signing gets 403", async () => {
    endpoint = await startOmicsEndpoint();
    const body = JSON.stringify(batchInput());
    const wrong = await botocore(["POST", `${endpoint.url}/runBatch`, "us-east-1", accessKeyId, "not-the-secret", file(body)]);
    expect(wrong.status).toBe(403);
    const tampered = await botocore([
      "POST", `${endpoint.url}/runBatch`, "us-east-1", accessKeyId, secretAccessKey, file(body), file(body.replace('"runSettingId":"s1"', '"runSettingId":"s9"')),
    ]);
    expect(tampered.status).toBe(403);
    expect(endpoint.requests.map((r) => r.errorType)).toEqual(["InvalidSignatureException", "InvalidSignatureException"]);
    expect(endpoint.state.batches.size).toBe(0);
  });
});

describe("requests signed by the JavaScript signer", () => {
  it("verify; a wrong secret or a body changed after signing gets 403", async () => {
    endpoint = await startOmicsEndpoint();
    const body = JSON.stringify(batchInput());
    expect(await jsSigned("POST", `${endpoint.url}/runBatch`, secretAccessKey, body)).toMatchObject({ status: 201, body: { id: "5000001" } });
    expect((await jsSigned("GET", `${endpoint.url}/runBatch?name=demo`, secretAccessKey)).status).toBe(200);
    expect((await jsSigned("GET", `${endpoint.url}/runBatch/5000001`, "not-the-secret")).status).toBe(403);
    const tampered = await jsSigned("POST", `${endpoint.url}/runBatch`, secretAccessKey, body, body.replace('"s1"', '"s9"'));
    expect(tampered.status).toBe(403);
    expect(endpoint.state.batches.size).toBe(1);
  });
});

describe("the endpoint checks the whole model, more than botocore's validator does", () => {
  it("rejects what botocore's ParamValidator lets through", async () => {
    endpoint = await startOmicsEndpoint();
    const base = batchInput();
    const cases: [string, Record<string, unknown>, string][] = [
      ["scratchStorageMode BOGUS", { scratchStorageMode: "BOGUS" }, "Member must satisfy enum value set: [LOCAL, SHARED]"],
      ["a 5,000-character sessionPolicy", { sessionPolicy: "x".repeat(5000) }, "Member must have length less than or equal to 2048"],
      ["priority 10^9", { priority: 1_000_000_000 }, "Member must have value less than or equal to"],
      ["workflowId abc", { workflowId: "abc" }, "Member must satisfy regular expression pattern: [0-9]+"],
      ["workflowOwnerId x123456789012x", { workflowOwnerId: "x123456789012x" }, "Member must satisfy regular expression pattern: [0-9]{12}"],
    ];
    const validator = path.join(import.meta.dirname, "botocore-validate.py");
    for (const [what, change, constraint] of cases) {
      const body = JSON.stringify({ ...base, requestId: `req-${what.length}-${what.charCodeAt(0)}`, defaultRunSetting: { ...base.defaultRunSetting, ...change } });
      const passes = await new Promise<string>((resolve) =>
        execFile("python3", [validator, file(body)], (_e, stdout) => resolve(stdout.trim())),
      );
      expect(passes, what).toBe("valid");
      const reply = await botocore(["POST", `${endpoint.url}/runBatch`, "us-east-1", accessKeyId, secretAccessKey, file(body)]);
      expect(reply.status, what).toBe(400);
      expect(String(reply.body.message), what).toContain(constraint);
    }
    expect(endpoint.state.batches.size).toBe(0);
  });
});
