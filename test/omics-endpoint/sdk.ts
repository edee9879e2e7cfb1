// AWS SDK modules for the test endpoint and its tests. `@aws-sdk/client-s3`
// are dependencies of `@batchc/omics`, not of the workspace root, so code under `test/` cannot
// import them by name; this file loads them the way `@batchc/omics` itself resolves them.
import { createRequire } from "node:module";

const fromOmicsPackage = createRequire(new URL("../../packages/omics/package.json", import.meta.url));

/** The few S3 calls the endpoint and its tests make, over a path-style `@aws-sdk/client-s3` client. */
export interface TestS3 {
  createBucket(bucket: string): Promise<void>;
  /** Writes an object and returns its ETag. */
  putObject(bucket: string, key: string, body: string): Promise<string>;
  /** Reads an object as UTF-8 with its ETag. */
  getObject(bucket: string, key: string): Promise<{ text: string; etag: string }>;
  /** The object's current ETag. */
  headObject(bucket: string, key: string): Promise<string>;
  deleteObject(bucket: string, key: string): Promise<void>;
  destroy(): void;
}

// The client's type declarations cannot be reached by name from here either, so the module is
// typed only as far as this file uses it.
interface S3Module {
  S3Client: new (config: Record<string, unknown>) => { send(command: object): Promise<S3Output>; destroy(): void };
  CreateBucketCommand: new (input: { Bucket: string }) => object;
  PutObjectCommand: new (input: { Bucket: string; Key: string; Body: string; ContentType?: string }) => object;
  GetObjectCommand: new (input: { Bucket: string; Key: string }) => object;
  HeadObjectCommand: new (input: { Bucket: string; Key: string }) => object;
  DeleteObjectCommand: new (input: { Bucket: string; Key: string }) => object;
}
interface S3Output {
  ETag?: string;
  Body?: { transformToString(encoding?: string): Promise<string> };
}

/** An S3 client for `endpoint` (such as the moto server), with any credentials. */
export function makeTestS3(endpoint: string): TestS3 {
  const s3 = fromOmicsPackage("@aws-sdk/client-s3") as S3Module;
  const client = new s3.S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  return {
    createBucket: async (Bucket) => {
      await client.send(new s3.CreateBucketCommand({ Bucket }));
    },
    putObject: async (Bucket, Key, Body) => (await client.send(new s3.PutObjectCommand({ Bucket, Key, Body, ContentType: "application/json" }))).ETag ?? "",
    getObject: async (Bucket, Key) => {
      const out = await client.send(new s3.GetObjectCommand({ Bucket, Key }));
      return { text: (await out.Body?.transformToString("utf-8")) ?? "", etag: out.ETag ?? "" };
    },
    headObject: async (Bucket, Key) => (await client.send(new s3.HeadObjectCommand({ Bucket, Key }))).ETag ?? "",
    deleteObject: async (Bucket, Key) => {
      await client.send(new s3.DeleteObjectCommand({ Bucket, Key }));
    },
    destroy: () => client.destroy(),
  };
}

/**
 * Puts the dummy credentials and Region that S3 tests through the in-process CLI use into
 * `process.env` (where the SDK reads them); returns what puts the old values back.
 */
export function useTestCredentials(): () => void {
  const values = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
