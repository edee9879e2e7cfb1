// The S3 operations batchc uses, answered from the sandbox store over path-style HTTP:
// PutObject (with `If-None-Match: *`, and `aws-chunked` bodies as the AWS SDKs stream them),
// GetObject, HeadObject, ListObjectsV2, and CreateBucket/HeadBucket (every bucket exists).
// Signatures are not checked: the store is for trying batchc on one machine, not a security
// boundary. Anything else answers 501 NotImplemented.
import { createHash, randomUUID } from "node:crypto";
import { StoreError, type ObjectStore } from "./object-store.js";
import type { ServiceRequest, ServiceResponse } from "./service.js";
import { safeDecode } from "./views.js";

const xmlEscape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

function xml(status: number, body: string, headers: Record<string, string> = {}): ServiceResponse {
  return { status, headers: { "content-type": "application/xml", "x-amz-request-id": randomUUID(), ...headers }, body: XML_HEAD + body };
}

function s3Error(status: number, code: string, message: string, head: boolean): ServiceResponse {
  if (head) return { status, headers: { "x-amz-request-id": randomUUID() } };
  return xml(status, `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`);
}

/** The payload of an `aws-chunked` body (`SIZE[;chunk-signature=…]\r\nDATA\r\n…0\r\n` and trailers). */
export function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf("\r\n", at);
    if (eol === -1) throw new StoreError("IncompleteBody", "The aws-chunked body ended inside a chunk header.", 400);
    const size = Number.parseInt(raw.subarray(at, eol).toString("latin1").split(";")[0] ?? "", 16);
    if (!Number.isInteger(size) || size < 0) throw new StoreError("InvalidRequest", "An aws-chunked chunk size is not hexadecimal.", 400);
    if (size === 0) return Buffer.concat(parts);
    const start = eol + 2;
    if (start + size > raw.length) throw new StoreError("IncompleteBody", "The aws-chunked body is shorter than its chunks say.", 400);
    parts.push(raw.subarray(start, start + size));
    at = start + size + 2;
  }
}

function isChunked(req: ServiceRequest): boolean {
  const encoding = String(req.headers["content-encoding"] ?? "");
  const sha = String(req.headers["x-amz-content-sha256"] ?? "");
  return encoding.split(",").some((e) => e.trim() === "aws-chunked") || sha.startsWith("STREAMING-");
}

function putObject(store: ObjectStore, req: ServiceRequest & { raw: Buffer }, bucket: string, key: string): ServiceResponse {
  const body = isChunked(req) ? decodeAwsChunked(req.raw) : req.raw;
  const sha256 = req.headers["x-amz-checksum-sha256"];
  if (typeof sha256 === "string" && createHash("sha256").update(body).digest("base64") !== sha256) {
    return s3Error(400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.", false);
  }
  const etag = store.put(bucket, key, body, req.headers["if-none-match"] === "*");
  return { status: 200, headers: { etag, "x-amz-request-id": randomUUID(), ...(typeof sha256 === "string" ? { "x-amz-checksum-sha256": sha256 } : {}) } };
}

function getObject(store: ObjectStore, bucket: string, key: string, head: boolean): ServiceResponse {
  const o = store.get(bucket, key);
  if (!o) return s3Error(404, "NoSuchKey", "The specified key does not exist.", head);
  const headers = {
    etag: o.etag,
    "content-length": String(o.size),
    "content-type": key.endsWith(".json") ? "application/json" : "application/octet-stream",
    "last-modified": o.modified.toUTCString(),
    "x-amz-request-id": randomUUID(),
  };
  return head ? { status: 200, headers } : { status: 200, headers, body: o.body };
}

function listObjects(store: ObjectStore, bucket: string, query: URLSearchParams): ServiceResponse {
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const maxKeys = Math.min(1000, Math.max(0, Number(query.get("max-keys") ?? "1000") || 0));
  const token = query.get("continuation-token");
  const after = token !== null ? Buffer.from(token, "base64url").toString("utf-8") : (query.get("start-after") ?? "");
  const entries: { key: string; prefix?: true; size?: number; etag?: string; modified?: Date }[] = [];
  const seenPrefixes = new Set<string>();
  for (const o of store.list(bucket, prefix)) {
    const cut = delimiter === "" ? -1 : o.key.indexOf(delimiter, prefix.length);
    if (cut === -1) entries.push(o);
    else {
      const p = o.key.slice(0, cut + delimiter.length);
      if (!seenPrefixes.has(p)) entries.push({ key: p, prefix: true });
      seenPrefixes.add(p);
    }
  }
  const remaining = entries.filter((e) => Buffer.compare(Buffer.from(e.key), Buffer.from(after)) > 0);
  const page = remaining.slice(0, maxKeys);
  const truncated = remaining.length > page.length;
  const last = page[page.length - 1];
  const contents = page
    .map((e) =>
      e.prefix
        ? `<CommonPrefixes><Prefix>${xmlEscape(e.key)}</Prefix></CommonPrefixes>`
        : `<Contents><Key>${xmlEscape(e.key)}</Key><LastModified>${e.modified?.toISOString()}</LastModified><ETag>${xmlEscape(e.etag ?? "")}</ETag><Size>${e.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join("");
  return xml(
    200,
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
      `${delimiter !== "" ? `<Delimiter>${xmlEscape(delimiter)}</Delimiter>` : ""}<KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>` +
      `<IsTruncated>${truncated}</IsTruncated>${token !== null ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ""}` +
      `${truncated && last ? `<NextContinuationToken>${Buffer.from(last.key).toString("base64url")}</NextContinuationToken>` : ""}${contents}</ListBucketResult>`,
  );
}

/** The S3 operation of a request, or the S3 error it gets. */
export function handleS3(store: ObjectStore, req: ServiceRequest & { raw: Buffer }): ServiceResponse {
  // The raw path: URL parsing would resolve `..` segments, which are part of S3 keys.
  const q = req.url.indexOf("?");
  const rawPath = q === -1 ? req.url : req.url.slice(0, q);
  const url = new URL(q === -1 ? "/" : `/${req.url.slice(q)}`, "http://store.invalid");
  const [, rawBucket = "", ...rest] = rawPath.split("/");
  const bucket = safeDecode(rawBucket);
  const key = safeDecode(rest.join("/"));
  const head = req.method === "HEAD";
  try {
    if (bucket === "") return s3Error(501, "NotImplemented", "ListBuckets is not part of the sandbox store.", head);
    store.bucket(bucket);
    if (key === "") {
      if (req.method === "GET" && url.searchParams.get("list-type") === "2") return listObjects(store, bucket, url.searchParams);
      if (req.method === "PUT" || req.method === "HEAD") return { status: 200, headers: { "x-amz-request-id": randomUUID() } };
      return s3Error(501, "NotImplemented", `${req.method} on a bucket is not part of the sandbox store (ListObjectsV2 is).`, head);
    }
    if (req.method === "PUT") return putObject(store, req, bucket, key);
    if (req.method === "GET" || head) return getObject(store, bucket, key, head);
    return s3Error(501, "NotImplemented", `${req.method} on an object is not part of the sandbox store.`, head);
  } catch (err) {
    if (err instanceof StoreError) return s3Error(err.status, err.code, err.message, head);
    return s3Error(500, "InternalError", err instanceof Error ? err.message : String(err), head);
  }
}
