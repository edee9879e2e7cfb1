// `s3://bucket/key` URIs: parsing and formatting.
import { s3UriProblem } from "@batchc/model";
import { io, type DiagnosticMessage } from "./codes.js";

/** A parsed `s3://bucket/key`. */
export interface S3Location {
  bucket: string;
  key: string;
}

/**
 * Splits `s3://bucket/key` into bucket and key (the key may be empty for `s3://bucket/` and
 * `s3://bucket`). The key is taken verbatim: S3 keys are not URL-encoded in `s3://` URIs.
 */
export function parseS3Uri(uri: string): ({ ok: true } & S3Location) | { ok: false; error: DiagnosticMessage } {
  const why = s3UriProblem(uri);
  if (why !== undefined) return { ok: false, error: io.badS3Uri(uri, why) };
  const rest = uri.slice(5);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  return { ok: true, bucket, key: slash < 0 ? "" : rest.slice(slash + 1) };
}

/** `s3://bucket/key`. */
export function formatS3Uri(loc: S3Location): string {
  return `s3://${loc.bucket}/${loc.key}`;
}
