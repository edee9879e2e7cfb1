// `--live` in S3: HeadObject on input objects, a bounded pool of them at a time, and HeadBucket
// on output buckets. A 404 and a 403 are answers about the object (missing, or not readable by
// the caller: without s3:ListBucket on the bucket, S3 answers 403 for a missing key as well);
// anything else (no credentials, throttling that outlasts the retries, timeouts, an endpoint
// that is not S3) is a failure of the check itself, thrown as one S3UploadError (BC55xx).
import type { S3Client } from "@aws-sdk/client-s3";
import { httpStatus, toS3UploadError } from "./s3-writer.js";
import { loadS3Sdk } from "./sdk-modules.js";

/** An object to check. */
export interface S3ObjectRef {
  bucket: string;
  key: string;
}

/** What HeadObject said about one object. */
export type HeadOutcome =
  /** Present: its ETag (as S3 gives it, quotes included) and size in bytes. */
  | { status: "found"; etag: string; size: number }
  /** 404: no such key (or no such bucket). */
  | { status: "missing" }
  /** 403: missing, or not readable by the caller. */
  | { status: "forbidden" };

/** Requests in flight at once by default: under the SDK's 50 sockets per host. */
export const HEAD_CONCURRENCY = 32;

/** 404 → missing, 403 → forbidden, else undefined (a failure of the check). A HEAD reply has no body, so the status decides. */
function answerOf(err: unknown): "missing" | "forbidden" | undefined {
  const status = httpStatus(err);
  if (status === 404) return "missing";
  if (status === 403) return "forbidden";
  return undefined;
}

/** HeadObject on one object; throws an S3UploadError when the check itself fails. */
export async function headObject(client: S3Client, ref: S3ObjectRef, endpoint?: string): Promise<HeadOutcome> {
  const { HeadObjectCommand } = await loadS3Sdk();
  try {
    const out = await client.send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    return { status: "found", etag: out.ETag ?? "", size: out.ContentLength ?? 0 };
  } catch (err) {
    const answer = answerOf(err);
    if (answer !== undefined) return { status: answer };
    throw toS3UploadError(err, { operation: "HeadObject", bucket: ref.bucket, key: ref.key, ...(endpoint !== undefined ? { endpoint } : {}) });
  }
}

export interface HeadPoolOptions {
  /** Requests in flight at once (default HEAD_CONCURRENCY; 1 checks one at a time). */
  concurrency?: number;
  /** Names the endpoint in error messages. */
  endpoint?: string;
  /** Called after each answer with the number answered so far. */
  onAnswer?: (done: number) => void;
}

/**
 * HeadObject on every ref, `concurrency` at a time; the outcomes in the order of `refs`. On the
 * first failure of a check no new request starts, and the failure is thrown once the requests
 * in flight have ended.
 */
export async function headObjects(client: S3Client, refs: readonly S3ObjectRef[], options: HeadPoolOptions = {}): Promise<HeadOutcome[]> {
  const out: HeadOutcome[] = new Array<HeadOutcome>(refs.length);
  const width = Math.max(1, Math.min(options.concurrency ?? HEAD_CONCURRENCY, refs.length));
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < refs.length) {
      const i = next++;
      try {
        out[i] = await headObject(client, refs[i] as S3ObjectRef, options.endpoint);
      } catch (error) {
        failure ??= { error };
        return;
      }
      options.onAnswer?.(++done);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (failure !== undefined) throw failure.error;
  return out;
}

/** What HeadBucket said about a bucket. */
export type BucketOutcome = "found" | "missing" | "forbidden";

/**
 * HeadBucket, with `ExpectedBucketOwner` when `owner` is given (S3 answers 403 when another
 * account owns the bucket); throws an S3UploadError when the check itself fails.
 */
export async function headBucket(client: S3Client, bucket: string, owner?: string, endpoint?: string): Promise<BucketOutcome> {
  const { HeadBucketCommand } = await loadS3Sdk();
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket, ...(owner !== undefined ? { ExpectedBucketOwner: owner } : {}) }));
    return "found";
  } catch (err) {
    const answer = answerOf(err);
    if (answer !== undefined) return answer;
    throw toS3UploadError(err, { operation: "HeadBucket", bucket, key: "", ...(endpoint !== undefined ? { endpoint } : {}) });
  }
}
