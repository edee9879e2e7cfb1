// `@aws-sdk/client-s3` for the S3 tests. It is a dependency of `@batchc/omics`, not of the
// workspace root, so it is loaded the way that package resolves it, and typed only as far as
// these tests use it.
import { createRequire } from "node:module";

const fromOmicsPackage = createRequire(new URL("../../packages/omics/package.json", import.meta.url));

/** What the tests read back from S3. */
export interface ObjectOutput {
  ETag?: string;
  ContentType?: string;
  ContentLength?: number;
  LastModified?: Date;
  Body?: { transformToByteArray(): Promise<Uint8Array> };
}

interface S3Module {
  CreateBucketCommand: new (input: { Bucket: string }) => object;
  GetObjectCommand: new (input: { Bucket: string; Key: string }) => object;
  HeadObjectCommand: new (input: { Bucket: string; Key: string }) => object;
  PutObjectCommand: new (input: { Bucket: string; Key: string; Body: string }) => object;
  DeleteObjectCommand: new (input: { Bucket: string; Key: string }) => object;
}

const sdk = fromOmicsPackage("@aws-sdk/client-s3") as S3Module;

/** A client as `makeS3Client` returns it, seen through the one method the tests call. */
export interface Sender {
  send(command: never): Promise<unknown>;
}

export const createBucket = async (client: Sender, Bucket: string): Promise<void> => {
  await client.send(new sdk.CreateBucketCommand({ Bucket }) as never);
};

export const getObject = async (client: Sender, Bucket: string, Key: string): Promise<ObjectOutput> =>
  (await client.send(new sdk.GetObjectCommand({ Bucket, Key }) as never)) as ObjectOutput;

export const headObject = async (client: Sender, Bucket: string, Key: string): Promise<ObjectOutput> =>
  (await client.send(new sdk.HeadObjectCommand({ Bucket, Key }) as never)) as ObjectOutput;

export const putObject = async (client: Sender, Bucket: string, Key: string, Body: string): Promise<ObjectOutput> =>
  (await client.send(new sdk.PutObjectCommand({ Bucket, Key, Body }) as never)) as ObjectOutput;

export const deleteObject = async (client: Sender, Bucket: string, Key: string): Promise<void> => {
  await client.send(new sdk.DeleteObjectCommand({ Bucket, Key }) as never);
};
