// Uploading the settings file of a batch above 100 runs. The service pins the file by its ETag
// when the batch is submitted, so an object is never overwritten: the upload is conditional
// (`If-None-Match: *`), and when the key already exists the existing object is reused only if
// its bytes are the same (same sha256); a different file at that key is an error.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { io } from "./codes.js";
import { formatS3Uri } from "./s3-uri.js";
import { isPreconditionFailed, S3UploadError, toS3UploadError } from "./s3-writer.js";
import { loadS3Sdk } from "./sdk-modules.js";

/** What `uploadSettingsFile` needs: where to put which local file (from `emitRequest`'s `settingsFile`). */
export interface UploadSettingsFileOptions {
  client: S3Client;
  bucket: string;
  key: string;
  filePath: string;
  /** Hex sha256 of the file, as `emitRequest` computed it. */
  sha256: string;
  bytes: number;
  /** Called as the file is read for the upload. */
  onProgress?: (progress: { loaded: number; total: number }) => void;
  /** Where S3 is called, for messages (a custom URL, or `S3 in REGION`). */
  endpoint?: string;
}

/** Uploaded (or an identical object reused), or one clear error. */
export type UploadSettingsFileResult =
  | {
      ok: true;
      uri: string;
      /** True when an identical object was already at the key (an earlier upload of the same batch). */
      reused: boolean;
      etag?: string;
    }
  | { ok: false; error: S3UploadError };

async function sha256OfStream(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of body) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Puts the settings file at `s3://bucket/key` with `If-None-Match: *`, streamed from disk with
 * its length, `application/json` and its SHA-256 checksum (so S3 rejects a corrupted body). On
 * 412 it reads the existing object: same sha256 → `reused: true`, else BC5505. Failures come
 * back as one `S3UploadError` each (BC5501–BC5510), never thrown.
 */
export async function uploadSettingsFile(options: UploadSettingsFileOptions): Promise<UploadSettingsFileResult> {
  const { client, bucket, key, filePath, sha256, bytes, onProgress } = options;
  const at = options.endpoint !== undefined ? { endpoint: options.endpoint } : {};
  const uri = formatS3Uri({ bucket, key });
  try {
    const size = (await stat(filePath)).size;
    if (size !== bytes) return { ok: false, error: new S3UploadError(io.settingsFileChanged(filePath)) };
  } catch (e) {
    return { ok: false, error: new S3UploadError(io.settingsFileUnreadable(filePath, (e as Error).message), e) };
  }
  const { PutObjectCommand, GetObjectCommand } = await loadS3Sdk();

  const hash = createHash("sha256");
  let loaded = 0;
  const file = createReadStream(filePath);
  const body = Readable.from(
    (async function* () {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        hash.update(chunk);
        loaded += chunk.length;
        onProgress?.({ loaded, total: bytes });
        yield chunk;
      }
    })(),
  );
  try {
    const put = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: bytes,
        ContentType: "application/json",
        ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
        IfNoneMatch: "*",
      }),
    );
    if (hash.digest("hex") !== sha256) return { ok: false, error: new S3UploadError(io.settingsFileChanged(filePath)) };
    return put.ETag !== undefined ? { ok: true, uri, reused: false, etag: put.ETag } : { ok: true, uri, reused: false };
  } catch (err) {
    if (!isPreconditionFailed(err)) return { ok: false, error: toS3UploadError(err, { operation: "PutObject", bucket, key, ...at }) };
  } finally {
    body.destroy();
    file.destroy();
  }

  // The key exists: reuse it only if it holds the same bytes.
  try {
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const existing = await sha256OfStream(got.Body as AsyncIterable<Uint8Array>);
    if (existing !== sha256) return { ok: false, error: new S3UploadError(io.objectDiffers(uri, sha256, existing)) };
    return got.ETag !== undefined ? { ok: true, uri, reused: true, etag: got.ETag } : { ok: true, uri, reused: true };
  } catch (err) {
    return { ok: false, error: toS3UploadError(err, { operation: "GetObject", bucket, key, ...at }) };
  }
}

/** Removes a local settings file (after the upload, or when the batch is not submitted). */
export async function removeSettingsFile(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
}
