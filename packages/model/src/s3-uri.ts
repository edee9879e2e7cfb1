// The one grammar of S3 URIs, for every place a `.batch` program or a request holds one: string
// literals and templates, typed data-file cells, `--var` values, the settings prefix, and the
// request's `outputUri` and `s3UriSettings`. An S3 URI is `s3://`, a bucket name, then nothing
// or `/` and any key. A bucket name is 3 to 63 lowercase letters, digits, `.` and `-`, begins and
// ends with a letter or digit, and has no `..` (the S3 naming rules a URI can break).

/** The whole grammar as one test (no allocation): scheme, bucket, then the end or `/`. */
const S3_URI = /^s3:\/\/(?![^/]*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/|$)/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A text every continuation of which is an S3 URI: `s3://bucket/`. */
const S3_URI_HEAD = /^s3:\/\/(?![^/]*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\//;
/** What may begin a bucket name that is still being written. */
const BUCKET_START = /^(?:[a-z0-9][a-z0-9.-]*)?$/;

/** Whether a string is an S3 URI. */
export function isS3Uri(s: string): boolean {
  return S3_URI.test(s);
}

/** Why a string is not an S3 URI (a clause for a message), or undefined when it is one. */
export function s3UriProblem(s: string): string | undefined {
  if (S3_URI.test(s)) return undefined;
  if (!s.startsWith("s3://")) return "it does not start with `s3://`";
  const rest = s.slice(5);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === "") return "it names no bucket";
  const shown = [...bucket].length > 70 ? `${[...bucket].slice(0, 69).join("")}…` : bucket;
  if (BUCKET.test(bucket) && bucket.includes("..")) return `the bucket name \`${shown}\` has \`..\``;
  return `\`${shown}\` is not a bucket name (3 to 63 lowercase letters, digits, \`.\` and \`-\`, beginning and ending with a letter or digit)`;
}

/** Whether every string that begins with `head` is an S3 URI (`head` names a whole bucket and a `/`). */
export function fixesS3Uri(head: string): boolean {
  return S3_URI_HEAD.test(head);
}

/** Whether some string that begins with `head` is an S3 URI (the text before a template's first `${...}`). */
export function mayBeginS3Uri(head: string): boolean {
  if (!head.startsWith("s3://")) return "s3://".startsWith(head);
  const rest = head.slice(5);
  const slash = rest.indexOf("/");
  if (slash >= 0) return isS3Uri(head.slice(0, 5 + slash));
  return BUCKET_START.test(rest) && !rest.includes("..") && rest.length <= 63;
}
