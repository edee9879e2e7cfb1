// The settings file a request names (`s3UriSettings`), checked before StartRunBatch: it must be
// in S3, and when its name has batchc's `<name>-<8 hex>.json` form (see `emitRequest`), its
// bytes must hash to that name. A missing or altered file is the user's to fix (exit 1); a
// failure of the check itself (credentials, network, timeouts) is an S3 error (exit 3).
import { createHash } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { io } from "./codes.js";
import { parseS3Uri } from "./s3-uri.js";
import { httpStatus, S3UploadError, toS3UploadError } from "./s3-writer.js";
import { loadS3Sdk, type ErrorLike } from "./sdk-modules.js";

/** The 8 hex digits batchc puts in a settings file's name, or undefined for another name. */
export function settingsNameHash(key: string): string | undefined {
  const base = key.slice(key.lastIndexOf("/") + 1);
  return /^.+-([0-9a-f]{8})\.json$/.exec(base)?.[1];
}

export type SettingsObjectCheck =
  /** Present; `verified` when its name carried a hash and the bytes match it. */
  | { ok: true; sha256: string; verified: boolean }
  /** Missing (BC5513) or altered (BC5514): exit 1. */
  | { ok: false; problem: "missing" | "altered"; error: S3UploadError }
  /** The check could not be made (BC55xx): exit 3. */
  | { ok: false; problem: "s3"; error: S3UploadError };

/** Reads `uri` from S3 and checks it as the file header says. Never throws for S3 failures. */
export async function checkSettingsObject(client: S3Client, uri: string, endpoint?: string): Promise<SettingsObjectCheck> {
  const parsed = parseS3Uri(uri);
  if (!parsed.ok) return { ok: false, problem: "s3", error: new S3UploadError(parsed.error) };
  const { bucket, key } = parsed;
  const { GetObjectCommand } = await loadS3Sdk();
  let sha256: string;
  try {
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const hash = createHash("sha256");
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
    sha256 = hash.digest("hex");
  } catch (err) {
    const name = (err as ErrorLike | undefined)?.name;
    if (name === "NoSuchKey" || name === "NoSuchBucket" || name === "NotFound" || httpStatus(err) === 404) {
      return { ok: false, problem: "missing", error: new S3UploadError(io.settingsObjectMissing(uri), err) };
    }
    return { ok: false, problem: "s3", error: toS3UploadError(err, { operation: "GetObject", bucket, key, ...(endpoint !== undefined ? { endpoint } : {}) }) };
  }
  const named = settingsNameHash(key);
  if (named === undefined) return { ok: true, sha256, verified: false };
  if (sha256.slice(0, 8) !== named) return { ok: false, problem: "altered", error: new S3UploadError(io.settingsObjectAltered(uri, named, sha256)) };
  return { ok: true, sha256, verified: true };
}
