// Programs and S3 set-up for the `--live` S3 tests: a batch whose runs read `reads` from a CSV
// data file and a shared `genome`, objects seeded in moto many at a time, and the CLI run
// in-process against moto (directly or through a proxy) and the local HealthOmics endpoint.
import { makeS3Client } from "@batchc/omics";
import { createBucket, deleteObject, putObject } from "../s3/s3-sdk.js";
import { runOmics, type OmicsCliOptions, type OmicsCliResult } from "../cli/omics-harness.js";

type OmicsEndpoint = NonNullable<OmicsCliOptions["endpoint"]>;

export const TEMPLATE = { sample: {}, reads: {}, genome: {} };

export interface ProgramOptions {
  outputUri?: string;
  owner?: string;
  /** The type of `reads` (default `s3uri`). */
  readsType?: string;
  /** The batch's `settings` prefix (needed above 100 runs). */
  settings?: string;
}

/** `live.batch`: one run per row of `samples.csv`; `genome` is the same object in every run. */
export function liveProgram(options: ProgramOptions = {}): string {
  const owner = options.owner !== undefined ? `\n  outputBucketOwnerId = "${options.owner}"` : "";
  return `batch "inputs" {${options.settings !== undefined ? ` settings = "${options.settings}" ` : ""}}

defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "${options.outputUri ?? "s3://lab-results/runs/"}"${owner}
}

params {
  sample: string
  reads:  ${options.readsType ?? "s3uri"}
  genome: s3uri
}

type Sample = { sample: string, reads: ${options.readsType ?? "s3uri"} }
let samples: [Sample] = csv("samples.csv")

for row in samples {
  run row.sample {
    params {
      sample = row.sample
      reads  = row.reads
      genome = "s3://lab-ref/hg38/genome.fa"
    }
  }
}
`;
}

/** `samples.csv` with a row per key: `sample,reads`. */
export function samplesCsv(bucket: string, keys: readonly string[]): string {
  return `sample,reads\n${keys.map((k, i) => `S${String(i).padStart(5, "0")},s3://${bucket}/${k}\n`).join("")}`;
}

/** Line of `keys[i]` in `samplesCsv` (the header is line 1), and the column where its URI starts. */
export const cellOf = (i: number): { line: number; column: number } => ({ line: i + 2, column: 8 });

/** A client for the moto server. */
export async function testS3(endpoint: string): Promise<Awaited<ReturnType<typeof makeS3Client>>> {
  return makeS3Client({ region: "us-east-1", endpointUrl: endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
}

/** Runs `action` on every item, `width` at a time. */
export async function eachConcurrently<T>(items: readonly T[], width: number, action: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await action(items[next++] as T);
    }),
  );
}

/** Creates the buckets (an existing one is kept) and puts each key with a small body. */
export async function seed(endpoint: string, objects: Record<string, readonly string[]>): Promise<void> {
  const client = await testS3(endpoint);
  try {
    for (const [bucket, keys] of Object.entries(objects)) {
      await createBucket(client, bucket).catch((e: { name?: string }) => {
        if (e.name !== "BucketAlreadyOwnedByYou" && e.name !== "BucketAlreadyExists") throw e;
      });
      await eachConcurrently(keys, 32, (key) => putObject(client, bucket, key, `@${key}\nACGT\n+\nIIII\n`));
    }
  } finally {
    client.destroy();
  }
}

export async function remove(endpoint: string, bucket: string, keys: readonly string[]): Promise<void> {
  const client = await testS3(endpoint);
  try {
    for (const key of keys) await deleteObject(client, bucket, key);
  } finally {
    client.destroy();
  }
}

export async function overwrite(endpoint: string, bucket: string, key: string, body: string): Promise<void> {
  const client = await testS3(endpoint);
  try {
    await putObject(client, bucket, key, body);
  } finally {
    client.destroy();
  }
}

/** `batchc ARGV --live` with S3 at `s3` and HealthOmics at the endpoint. */
export function live(argv: readonly string[], ep: OmicsEndpoint, s3: string, files: Record<string, string>, extra: { tty?: boolean; env?: Record<string, string | undefined> } = {}): Promise<OmicsCliResult> {
  return runOmics([...argv, "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", s3], { endpoint: ep, files, ...extra });
}
