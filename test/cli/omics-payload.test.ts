// What is compiled is what is sent: each bundled example (every-field sets all 23 + 8 members of
// the current model) is written by `compile -o` and then
// submitted to the local HealthOmics endpoint, which checks the signature and the body; the bytes
// it receives must equal the file `compile -o` wrote. A request `.json` is sent as its own bytes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOmicsEndpoint, type OmicsEndpoint } from "../omics-endpoint/server.js";
import { runOmics } from "./omics-harness.js";

const root = path.resolve(import.meta.dirname, "../..");
let endpoint: OmicsEndpoint;

beforeAll(async () => {
  endpoint = await startOmicsEndpoint();
});
afterAll(async () => {
  await endpoint.close();
});

describe.each([
  "examples/wgs-cohort/wgs-cohort.batch",
  "examples/small-inline/tumor-normal.batch",
  "examples/fastq-pairs/fastq-pairs.batch",
  "examples/template-params/template-params.batch",
  "examples/every-field/every-field.batch",
])("%s", (file) => {
  it("is received by StartRunBatch byte for byte as `compile -o` wrote it", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "batchc-payload-")), "request.json");
    const compiled = await runOmics(["compile", path.join(root, file), "-o", out]);
    expect(compiled.code).toBe(0);
    const written = readFileSync(out);
    const before = endpoint.requests.length;
    const submitted = await runOmics(["submit", path.join(root, file), "--endpoint-url", endpoint.url, "--format", "json"], { endpoint });
    expect(submitted.code).toBe(0);
    const received = endpoint.requests.slice(before).filter((r) => r.operation === "StartRunBatch");
    expect(received).toHaveLength(1);
    expect(received[0]?.status).toBe(201);
    expect(Buffer.from(received[0]?.rawBody ?? "", "utf-8").equals(written)).toBe(true);
    // every-field sets its requestId itself (it is one of the members); the others derive it.
    const own = (JSON.parse(written.toString("utf8")) as { requestId: string }).requestId;
    expect((received[0]?.body as { requestId: string }).requestId).toBe(own);
    expect(own).toMatch(file.includes("every-field") ? /^every-field-1$/ : /^batchc-[0-9a-f]{32}$/);
  });
});

describe("a request .json", () => {
  it("is sent as the file's own bytes, unknown members and spacing included", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-payload-"));
    const file = path.join(dir, "request.json");
    const text =
      '{ "requestId": "req-own-bytes",\n  "batchName": "own",\n  "defaultRunSetting": { "workflowId": "1234567", "roleArn": "arn:aws:iam::123456789012:role/R", "outputUri": "s3://out-bucket/o/" },\n' +
      '  "batchRunSettings": { "inlineSettings": [ { "runSettingId": "a" } ] } }\n';
    writeFileSync(file, text);
    const before = endpoint.requests.length;
    const r = await runOmics(["submit", file, "--endpoint-url", endpoint.url], { endpoint });
    expect(r.code).toBe(0);
    expect(endpoint.requests.slice(before).filter((q) => q.operation === "StartRunBatch").map((q) => q.rawBody)).toEqual([text]);
  });

  it("gets its derived requestId as a first member, the rest of its text unchanged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-payload-"));
    const file = path.join(dir, "request.json");
    const text = '{"batchName":"derived","defaultRunSetting":{"workflowId":"1234567","roleArn":"arn:aws:iam::123456789012:role/R","outputUri":"s3://out-bucket/o/"},"batchRunSettings":{"inlineSettings":[{"runSettingId":"a"}]}}';
    writeFileSync(file, text);
    const before = endpoint.requests.length;
    const r = await runOmics(["submit", file, "--endpoint-url", endpoint.url], { endpoint });
    expect(r.code).toBe(0);
    const [sent] = endpoint.requests.slice(before).filter((q) => q.operation === "StartRunBatch").map((q) => q.rawBody);
    expect(sent).toMatch(/^\{"requestId":"batchc-[0-9a-f]{32}",/);
    expect(sent?.replace(/^\{"requestId":"[^"]+",/, "{")).toBe(text);
  });
});
