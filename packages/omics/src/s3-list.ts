// Listing S3 for `s3_glob`: every key under a prefix, with ListObjectsV2 page after page (1,000
// keys a page, any number of pages). A failure comes back as one S3UploadError (BC55xx), the
// same messages as the settings-file upload.
import type { S3Client } from "@aws-sdk/client-s3";
import { io } from "./codes.js";
import { S3UploadError, toS3UploadError } from "./s3-writer.js";
import { loadS3Sdk } from "./sdk-modules.js";

/** Pages above this are refused: a listing that never ends is a faulty endpoint, not data. */
const MAX_PAGES = 100_000;

/** The keys of `bucket` that start with `prefix`, sorted by code unit; throws an S3UploadError. */
export async function listObjectKeys(client: S3Client, bucket: string, prefix: string, endpoint?: string): Promise<string[]> {
  const { ListObjectsV2Command } = await loadS3Sdk();
  const keys: string[] = [];
  let token: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token !== undefined ? { ContinuationToken: token } : {}) }),
      );
      for (const o of out.Contents ?? []) if (typeof o.Key === "string") keys.push(o.Key);
      if (out.IsTruncated !== true) return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (out.NextContinuationToken === undefined || out.NextContinuationToken === token) break;
      token = out.NextContinuationToken;
    }
  } catch (err) {
    throw toS3UploadError(err, { operation: "ListObjectsV2", bucket, key: prefix, ...(endpoint !== undefined ? { endpoint } : {}) });
  }
  throw new S3UploadError(io.s3Failed("ListObjectsV2", "EndlessListing", "no next page was named, or the same one again"));
}
