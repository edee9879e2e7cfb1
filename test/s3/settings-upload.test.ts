// The settings file against a real S3 API (moto, started by the global setup) through the real
// `@aws-sdk/client-s3`: a 10,000-run batch is emitted, uploaded and read back byte for byte; a
// second upload reuses the object; a different file at the same key and a missing bucket are
// refused with one clear error each.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emitRequest, makeS3Client, uploadSettingsFile, type RunSettingInput, type SettingsFile } from "@batchc/omics";
import { createBucket, getObject, headObject } from "./s3-sdk.js";

const endpointUrl = inject("s3Endpoint");
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const bucket = `batchc-settings-${randomUUID().slice(0, 8)}`;

let s3: Awaited<ReturnType<typeof makeS3Client>>;
let dir: string;
let file: SettingsFile;

function* runs(n: number): Generator<RunSettingInput> {
  for (let i = 0; i < n; i++) {
    const id = `S${String(i).padStart(5, "0")}`;
    yield {
      runSettingId: id,
      name: `wgs ${id} – é東`,
      outputUri: `s3://lab-results/${id}/`,
      parameters: { sample_id: id, fastq_r1: `s3://lab-fastq/${id}_R1.fastq.gz` },
      runTags: { sample: id },
    };
  }
}

beforeAll(async () => {
  s3 = await makeS3Client({ endpointUrl, region: "us-east-1", credentials });
  await createBucket(s3, bucket);
  dir = mkdtempSync(join(tmpdir(), "batchc-s3-test-"));
  const emitted = await emitRequest(
    {
      batch: { batchName: "cohort-a", settings: `s3://${bucket}/batches/cohort-a/` },
      defaults: { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole" },
      runs: runs(10_000),
    },
    { tmpDir: dir },
  );
  if (!emitted.ok || emitted.settingsFile === undefined) throw new Error("expected a settings file");
  file = emitted.settingsFile;
});

afterAll(() => {
  s3?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (over: Partial<Parameters<typeof uploadSettingsFile>[0]> = {}) =>
  uploadSettingsFile({ client: s3, bucket: file.bucket, key: file.key, filePath: file.path, sha256: file.sha256, bytes: file.bytes, ...over });

describe("uploading the settings file", () => {
  it("puts a 10,000-run file that reads back byte-identical, with the same sha256", async () => {
    expect(file.bucket).toBe(bucket);
    expect(file.key).toBe(`batches/cohort-a/cohort-a-${file.sha256.slice(0, 8)}.json`);
    const progress: number[] = [];
    const result = await upload({ onProgress: (p) => progress.push(p.loaded) });
    expect(result).toEqual({ ok: true, uri: file.uri, reused: false, etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) as unknown });
    expect(progress.at(-1)).toBe(file.bytes);

    const got = await getObject(s3, bucket, file.key);
    const body = Buffer.from(await got.Body!.transformToByteArray());
    expect(body.equals(readFileSync(file.path))).toBe(true);
    expect(createHash("sha256").update(body).digest("hex")).toBe(file.sha256);
    expect(got.ContentType).toBe("application/json");
    expect(got.ContentLength).toBe(file.bytes);
    expect((JSON.parse(body.toString("utf8")) as unknown[]).length).toBe(10_000);
  });

  it("a second upload of the same content reuses the object", async () => {
    const before = await headObject(s3, bucket, file.key);
    const result = await upload();
    expect(result).toEqual({ ok: true, uri: file.uri, reused: true, etag: before.ETag });
    const after = await headObject(s3, bucket, file.key);
    expect(after.LastModified).toEqual(before.LastModified);
  });

  it("refuses a different file at the same key (BC5505) and leaves the object as it was", async () => {
    const other = join(dir, "other.json");
    writeFileSync(other, "[]");
    const otherSha = createHash("sha256").update("[]").digest("hex");
    const result = await upload({ filePath: other, sha256: otherSha, bytes: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("BC5505");
    expect(result.error.message).toBe(`a different file already exists at \`${file.uri}\``);
    expect(result.error.help).toBe(
      "the service pins the settings file by its ETag, so batchc never overwrites one; use another settings prefix or batch name, or delete the old object if no batch uses it",
    );
    expect(result.error.diagnostic.notes).toEqual([`sha256 of the local file ${otherSha}`, `sha256 of the object in S3 ${file.sha256}`]);
    const got = await getObject(s3, bucket, file.key);
    expect(createHash("sha256").update(await got.Body!.transformToByteArray()).digest("hex")).toBe(file.sha256);
  });

  it("names a missing bucket (BC5501)", async () => {
    const result = await upload({ bucket: "batchc-no-such-bucket" });
    expect(result.ok ? undefined : [result.error.code, result.error.message, result.error.help]).toEqual([
      "BC5501",
      "the S3 bucket `batchc-no-such-bucket` does not exist",
      "check the bucket name in the settings prefix, and the region",
    ]);
  });

  it("says when S3 cannot be reached (BC5504)", async () => {
    const offline = await makeS3Client({ endpointUrl: "http://127.0.0.1:9", region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      const result = await uploadSettingsFile({ client: offline, bucket, key: file.key, filePath: file.path, sha256: file.sha256, bytes: file.bytes });
      expect(result.ok ? undefined : [result.error.code, result.error.message, result.error.help]).toEqual([
        "BC5504",
        "could not reach S3 at `127.0.0.1:9`",
        "check the network, the region and the endpoint URL",
      ]);
      expect(result.ok ? undefined : result.error.diagnostic.notes?.[0]).toMatch(/^ECONNREFUSED: /);
    } finally {
      offline.destroy();
    }
  });

  it("checks the local file first: missing (BC5507), changed size (BC5510)", async () => {
    const missing = await upload({ filePath: join(dir, "gone.json"), key: "x/gone.json" });
    expect(missing.ok ? undefined : [missing.error.code, missing.error.message]).toEqual(["BC5507", `cannot read the settings file \`${join(dir, "gone.json")}\``]);
    const changed = await upload({ bytes: file.bytes + 1, key: "x/changed.json" });
    expect(changed.ok ? undefined : [changed.error.code, changed.error.message, changed.error.help]).toEqual([
      "BC5510",
      `the settings file \`${file.path}\` changed after it was written`,
      "compile the batch again; the upload checks the file against its sha256",
    ]);
  });
});
