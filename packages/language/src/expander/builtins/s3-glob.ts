// `s3_glob("s3://bucket/prefix/**/*.fastq.gz")`: the URIs of the matching S3 objects, sorted,
// with `glob`'s pattern language. The language does no AWS call: the host lists S3 before the
// program runs (ListObjectsV2 under the pattern's fixed prefix, once per command) and the
// built-in matches that listing. `s3GlobListings` says which prefixes a program lists.
import picomatch from "picomatch";
import { walk } from "../../ast/walk.js";
import type { Program } from "../../ast/nodes.js";
import { expand as codes } from "../../diagnostics/codes/expand.js";
import type { Value } from "../../values.js";
import { BuiltinError } from "../errors.js";
import { expectString } from "./args.js";
import type { CallSite } from "./context.js";
import { compareStrings } from "./lists.js";

/** What `s3_glob(pattern)` lists: the bucket and the key prefix before the first wildcard. */
export interface S3Listing {
  bucket: string;
  /** A key prefix: empty, or up to and including a `/` (the exact key for a pattern without wildcards). */
  prefix: string;
  /** The pattern's key part, relative to `prefix` (empty for an exact key). */
  glob: string;
}

/** The listing of a pattern, or undefined when it is not `s3://bucket/…`. */
export function s3Listing(pattern: string): S3Listing | undefined {
  const m = /^s3:\/\/([^/*?[\]{}]+)\/(.*)$/.exec(pattern);
  if (m === null) return undefined;
  const bucket = m[1] as string;
  const keyPattern = m[2] as string;
  const scan = picomatch.scan(keyPattern);
  if (!scan.isGlob) return { bucket, prefix: keyPattern, glob: "" };
  return { bucket, prefix: scan.base === "" ? "" : `${scan.base}/`, glob: scan.glob };
}

/**
 * The listings a program needs: one per `s3_glob` call whose pattern is a string literal, by
 * `bucket` and `prefix` (deduplicated). A pattern built at run time has no listing and is
 * reported at its call (BC3043).
 */
export function s3GlobListings(program: Program): S3Listing[] {
  const out = new Map<string, S3Listing>();
  walk(program, (node) => {
    if (node.kind !== "CallExpression" || node.callee.name !== "s3_glob") return;
    const arg = node.args[0];
    if (arg?.kind !== "StringLiteral") return;
    const listing = s3Listing(arg.value);
    if (listing !== undefined) out.set(`${listing.bucket}\0${listing.prefix}`, listing);
  });
  return [...out.values()];
}

/** `s3_glob(pattern)`; see the file header. */
export function s3Glob(args: readonly Value[], site: CallSite): Value {
  const pattern = expectString("s3_glob", 0, args[0] as Value);
  const key = `s3_glob\0${pattern}`;
  const hit = site.ctx.fileCache.get(key);
  if (hit !== undefined) {
    if (hit instanceof BuiltinError) throw hit;
    return hit;
  }
  try {
    const value = match(site, pattern);
    site.ctx.fileCache.set(key, value);
    return value;
  } catch (e) {
    if (e instanceof BuiltinError) site.ctx.fileCache.set(key, e);
    throw e;
  }
}

function match(site: CallSite, pattern: string): string[] {
  const listing = s3Listing(pattern);
  if (listing === undefined) throw new BuiltinError(codes.s3GlobPattern(pattern), 0, pattern);
  const { host } = site.ctx;
  if (host.listS3 === undefined) throw new BuiltinError(codes.s3Unavailable(pattern, "this program is evaluated without S3"), 0, pattern);
  let keys: readonly string[];
  try {
    keys = host.listS3(listing.bucket, listing.prefix);
  } catch (e) {
    throw new BuiltinError(codes.s3Unavailable(pattern, e instanceof Error ? e.message : String(e)), 0, pattern);
  }
  const out: string[] = [];
  if (listing.glob === "") {
    for (const k of keys) if (k === listing.prefix) out.push(`s3://${listing.bucket}/${k}`);
  } else {
    const isMatch = picomatch(listing.glob, { dot: false });
    for (const k of keys) if (isMatch(k.slice(listing.prefix.length))) out.push(`s3://${listing.bucket}/${k}`);
  }
  if (out.length === 0) throw new BuiltinError(codes.s3GlobNoMatch(pattern, `s3://${listing.bucket}/${listing.prefix}`), 0, pattern);
  return out.sort(compareStrings);
}
