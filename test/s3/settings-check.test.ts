// `checkSettingsObject` against a real S3 API (moto) through the real `@aws-sdk/client-s3`: the
// settings file a request names is present and hashes to its batchc name, is missing (BC5513),
// was altered (BC5514), or could not be checked (an S3 error, never "missing").
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkSettingsObject, makeS3Client, settingsNameHash } from "@batchc/omics";
import { createBucket, putObject } from "./s3-sdk.js";

const endpointUrl = inject("s3Endpoint");
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const bucket = `batchc-check-${randomUUID().slice(0, 8)}`;
const BODY = '[{"runSettingId":"a"}]';
const SHA = createHash("sha256").update(BODY).digest("hex");

let s3: Awaited<ReturnType<typeof makeS3Client>>;

beforeAll(async () => {
  s3 = await makeS3Client({ endpointUrl, region: "us-east-1", credentials });
  await createBucket(s3, bucket);
  await putObject(s3, bucket, `b/cohort-${SHA.slice(0, 8)}.json`, BODY);
  await putObject(s3, bucket, `b/other-${SHA.slice(0, 8)}.json`, `${BODY} `);
  await putObject(s3, bucket, "b/runs.json", BODY);
});

afterAll(() => s3.destroy());

describe("checkSettingsObject", () => {
  it("reads the hash batchc puts in a name, and nothing from other names", () => {
    expect(settingsNameHash("p/cohort-a-0123abcd.json")).toBe("0123abcd");
    expect(settingsNameHash("p/runs.json")).toBeUndefined();
    expect(settingsNameHash("p/x-0123ABCD.json")).toBeUndefined();
    expect(settingsNameHash("p/-0123abcd.json")).toBeUndefined();
  });

  it("accepts a file that hashes to its name", async () => {
    expect(await checkSettingsObject(s3, `s3://${bucket}/b/cohort-${SHA.slice(0, 8)}.json`)).toEqual({ ok: true, sha256: SHA, verified: true });
  });

  it("accepts a file with another name without a hash to compare", async () => {
    expect(await checkSettingsObject(s3, `s3://${bucket}/b/runs.json`)).toEqual({ ok: true, sha256: SHA, verified: false });
  });

  it("says missing for a key that is not there (BC5513)", async () => {
    const r = await checkSettingsObject(s3, `s3://${bucket}/b/gone-${SHA.slice(0, 8)}.json`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.problem, r.error.code]).toEqual(["missing", "BC5513"]);
  });

  it("says altered for bytes that do not hash to the name (BC5514)", async () => {
    const r = await checkSettingsObject(s3, `s3://${bucket}/b/other-${SHA.slice(0, 8)}.json`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.problem, r.error.code]).toEqual(["altered", "BC5514"]);
    expect(r.error.diagnostic.notes).toEqual([`the name says sha256 ${SHA.slice(0, 8)}…`, `the object's sha256 is ${createHash("sha256").update(`${BODY} `).digest("hex")}`]);
  });

  it("says S3 failed, not missing, when S3 cannot be reached", async () => {
    const down = await makeS3Client({ endpointUrl: "http://127.0.0.1:9", region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      const r = await checkSettingsObject(down, `s3://${bucket}/b/runs.json`, "http://127.0.0.1:9");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect([r.problem, r.error.code]).toEqual(["s3", "BC5504"]);
    } finally {
      down.destroy();
    }
  });
});
