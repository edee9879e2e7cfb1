// The sandbox's S3 store: objects as files in a folder, one folder per bucket
// (`<root>/<bucket>/<key>`, the key percent-encoded into one file name so that every key, `/`
// and all, maps to exactly one file and none can leave the folder). ETags are the MD5 of the
// content in quotes, as S3's are for a single-part upload. Every validly named bucket exists.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SettingsReader } from "./context.js";

/** A stored object's facts. */
export interface StoredObject {
  key: string;
  size: number;
  etag: string;
  modified: Date;
}

/** Why a name cannot be stored (S3's error code and message). */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** File names stay below the common 255-byte limit. */
const MAX_NAME = 240;

/** The file name of a key: percent-encoded, with a leading dot encoded too (no `.` or `..`). */
export function fileNameOf(key: string): string {
  return encodeURIComponent(key).replace(/^\./, "%2E");
}

function keyOf(fileName: string): string | undefined {
  try {
    return decodeURIComponent(fileName);
  } catch {
    return undefined;
  }
}

const etagOf = (body: Buffer): string => `"${createHash("md5").update(body).digest("hex")}"`;

/** Objects in a folder. */
export class ObjectStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  private bucketDir(bucket: string): string {
    if (!BUCKET.test(bucket) || bucket.includes("..")) throw new StoreError("InvalidBucketName", `The specified bucket is not valid: ${bucket}`, 400);
    return join(this.root, bucket);
  }

  private file(bucket: string, key: string): string {
    if (key === "") throw new StoreError("InvalidArgument", "An object key cannot be empty.", 400);
    const name = fileNameOf(key);
    if (Buffer.byteLength(name) > MAX_NAME) throw new StoreError("KeyTooLongError", `The sandbox store keeps keys up to ${MAX_NAME} bytes once percent-encoded.`, 400);
    return join(this.bucketDir(bucket), name);
  }

  /** Checks a bucket name (every valid name exists). */
  bucket(bucket: string): void {
    this.bucketDir(bucket);
  }

  /** Writes an object; with `ifNoneMatch`, refuses (412) to replace an existing one. */
  put(bucket: string, key: string, body: Buffer, ifNoneMatch: boolean): string {
    const path = this.file(bucket, key);
    mkdirSync(this.bucketDir(bucket), { recursive: true });
    if (ifNoneMatch && this.exists(path)) throw new StoreError("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
    const temporary = `${path}.partial-${process.pid}`;
    writeFileSync(temporary, body);
    renameSync(temporary, path);
    return etagOf(body);
  }

  /** An object's content and facts, or undefined. */
  get(bucket: string, key: string): (StoredObject & { body: Buffer }) | undefined {
    const path = this.file(bucket, key);
    if (!this.exists(path)) return undefined;
    const body = readFileSync(path);
    return { key, body, size: body.length, etag: etagOf(body), modified: statSync(path).mtime };
  }

  /** The objects of a bucket whose keys start with `prefix`, in key order (UTF-8 bytes, as S3). */
  list(bucket: string, prefix: string): StoredObject[] {
    const dir = this.bucketDir(bucket);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    const out: StoredObject[] = [];
    for (const name of names) {
      const key = keyOf(name);
      if (key === undefined || !key.startsWith(prefix) || name.includes(".partial-")) continue;
      const found = this.get(bucket, key);
      if (found) out.push({ key, size: found.size, etag: found.etag, modified: found.modified });
    }
    return out.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  }

  private exists(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }

  /** The store as the endpoint's reader of settings files. */
  reader(): SettingsReader {
    const missing = (bucket: string, key: string): Error => Object.assign(new Error(`s3://${bucket}/${key} does not exist`), { name: "NoSuchKey" });
    return {
      get: async (bucket, key) => {
        const o = this.get(bucket, key);
        if (!o) throw missing(bucket, key);
        return { text: o.body.toString("utf-8"), etag: o.etag };
      },
      head: async (bucket, key) => {
        const o = this.get(bucket, key);
        if (!o) throw missing(bucket, key);
        return o.etag;
      },
    };
  }
}
