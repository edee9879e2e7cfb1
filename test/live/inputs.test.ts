// `--live` S3 checks against moto through the real @aws-sdk/client-s3: every input once
// (HeadObject), a missing one an error at its data-file cell, a forbidden one a warning, more
// than 20 folded by prefix, `--inputs` for untyped parameters, prefixes left alone, the output
// bucket (HeadBucket, ExpectedBucketOwner), the inputs lock, and failures of the checks
// themselves as AWS errors (exit 3). 403s come from a proxy in front of moto (moto does not
// enforce bucket policies).
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { endpoints, runOmics } from "../cli/omics-harness.js";
import { TEMPLATE, cellOf, live, liveProgram, overwrite, remove, samplesCsv, seed } from "./harness.js";
import { expectedOwner, startS3Proxy, type S3Proxy } from "./s3-proxy.js";

const moto = inject("s3Endpoint");
const start = endpoints();
const BUCKET = "live-inputs";
const keys = (n: number, folder = "reads"): string[] => Array.from({ length: n }, (_, i) => `${folder}/S${String(i).padStart(5, "0")}.fastq.gz`);
const files = (k: readonly string[], program = liveProgram()) => ({ "live.batch": program, "samples.csv": samplesCsv(BUCKET, k) });
const workflow = () => start({ workflows: { "1234567": { parameterTemplate: TEMPLATE } } });

const proxies: S3Proxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
const proxy = async (options: Parameters<typeof startS3Proxy>[1]): Promise<S3Proxy> => {
  const p = await startS3Proxy(moto, options);
  proxies.push(p);
  return p;
};
const heads = (p: S3Proxy): string[] => p.requests.filter((r) => r.method === "HEAD").map((r) => r.url);

beforeAll(async () => {
  await seed(moto, { [BUCKET]: [...keys(6), ...keys(3, "other")], "lab-ref": ["hg38/genome.fa"], "lab-results": [] });
});

describe("--live: S3 inputs", () => {
  it("checks each distinct input once, and the output bucket once; all there: exit 0", async () => {
    const ep = await workflow();
    const p = await proxy({});
    const k = keys(6);
    const r = await live(["check", "live.batch"], ep, p.url, files([...k, k[0] as string]));
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("live.batch: ok, 7 runs\n");
    expect(r.code).toBe(0);
    // 6 reads (one used twice) and the genome every run shares: 7 HeadObject; 1 HeadBucket
    expect(heads(p).sort()).toEqual([...k.map((x) => `/${BUCKET}/${x}`), "/lab-ref/hg38/genome.fa", "/lab-results/"].sort());
  });

  it("a missing input is an error at its data-file cell, with the iteration; exit 1", async () => {
    const ep = await workflow();
    const k = [...keys(4), "reads/S99999.fastq.gz"];
    const r = await live(["check", "live.batch"], ep, moto, files(k));
    expect(r.code).toBe(1);
    const cell = cellOf(4);
    expect(r.stderr).toContain(`error[BC5603]: \`s3://${BUCKET}/reads/S99999.fastq.gz\` does not exist\n  --> live.batch:22:16\n`);
    expect(r.stderr).toContain(`= note: in samples.csv, line ${cell.line}, column ${cell.column}\n`);
    expect(r.stderr).toContain('= note: in iteration row = { sample: "S00004"');
    expect(r.stderr).toContain("1 error\n");
  });

  it("a 403 is a warning (missing or unreadable by you), exit 0; an error with --deny-warnings", async () => {
    const ep = await workflow();
    const p = await proxy({ answer: (q) => (q.url.endsWith("/S00002.fastq.gz") ? 403 : undefined) });
    const r = await live(["check", "live.batch"], ep, p.url, files(keys(4)));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning[BC5604]: \`s3://${BUCKET}/reads/S00002.fastq.gz\` is missing or unreadable by you; the run role may still read it\n`,
    );
    expect(r.stderr).toContain(`= note: in samples.csv, line ${cellOf(2).line}, column ${cellOf(2).column}\n`);
    expect(r.stdout).toBe("live.batch: ok, 4 runs\n");
    const denied = await live(["check", "live.batch", "--deny-warnings"], ep, p.url, files(keys(4)));
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("error[BC5604]");
  });

  it("lists 20 missing inputs one by one and folds 25 by prefix", async () => {
    const ep = await workflow();
    const twenty = keys(20, "gone");
    const listed = await live(["check", "live.batch"], ep, moto, files(twenty));
    expect(listed.code).toBe(1);
    expect(listed.stderr.match(/error\[BC5603\]/g)).toHaveLength(20);
    expect(listed.stderr).toContain("20 errors\n");
    const more = [...keys(22, "gone/a"), ...keys(3, "gone/b")];
    const folded = await live(["check", "live.batch"], ep, moto, files(more));
    expect(folded.code).toBe(1);
    expect(folded.stderr).toContain(`error[BC5603]: 22 inputs under \`s3://${BUCKET}/gone/a/\` do not exist\n`);
    expect(folded.stderr).toContain(`error[BC5603]: 3 inputs under \`s3://${BUCKET}/gone/b/\` do not exist\n`);
    expect(folded.stderr).toContain(
      `= note: among them \`s3://${BUCKET}/gone/a/S00000.fastq.gz\` (samples.csv:2:8), \`s3://${BUCKET}/gone/a/S00001.fastq.gz\` (samples.csv:3:8), \`s3://${BUCKET}/gone/a/S00002.fastq.gz\` (samples.csv:4:8), and 19 more\n`,
    );
    expect(folded.stderr).toContain("2 errors\n");
  });

  it("--inputs checks the s3:// values of an untyped parameter; a prefix ending in / is not checked", async () => {
    const ep = await workflow();
    const p = await proxy({});
    const k = [...keys(2), "reads/"];
    const program = liveProgram({ readsType: "string" });
    const without = await live(["check", "live.batch"], ep, p.url, files(k, program));
    expect(without.code).toBe(0);
    expect(heads(p)).toEqual(["/lab-results/", "/lab-ref/hg38/genome.fa"]);
    p.requests.length = 0;
    const r = await live(["check", "live.batch", "--inputs", "reads,genome"], ep, p.url, files(k, program));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(heads(p).sort()).toEqual(["/lab-results/", "/lab-ref/hg38/genome.fa", `/${BUCKET}/reads/S00000.fastq.gz`, `/${BUCKET}/reads/S00001.fastq.gz`].sort());
  });

  it("checks the s3:// values of a schema's file-path parameters, not its directory-path ones", async () => {
    const ep = await start({ workflows: { "1234567": { parameterTemplate: { input: {}, outdir: {} } } } });
    const p = await proxy({});
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema",
      properties: { input: { type: "string", format: "file-path" }, outdir: { type: "string", format: "directory-path" } },
      required: ["input", "outdir"],
    };
    const program = `batch "schema" {}

defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/runs/"
}

params from "nextflow_schema.json" {}

for row in csv("samples.csv") {
  run row.sample {
    params { input = row.reads, outdir = "s3://lab-results/nf/\${row.sample}" }
  }
}
`;
    const r = await live(["check", "live.batch"], ep, p.url, { "live.batch": program, "nextflow_schema.json": JSON.stringify(schema), "samples.csv": samplesCsv(BUCKET, [...keys(1), "reads/nope.fastq.gz"]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[BC5603]: \`s3://${BUCKET}/reads/nope.fastq.gz\` does not exist\n`);
    expect(r.stderr).toContain("1 error\n");
    expect(heads(p).sort()).toEqual(["/lab-results/", `/${BUCKET}/reads/S00000.fastq.gz`, `/${BUCKET}/reads/nope.fastq.gz`]);
  });

  it("--inputs, --inputs-lock and --write-inputs-lock go with --live (exit 2)", async () => {
    const r = await runOmics(["check", "live.batch", "--inputs", "reads"], { files: files(keys(1)) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`--inputs` goes with `--live`");
  });

  it("shows its progress on a terminal", async () => {
    const ep = await workflow();
    const r = await live(["check", "live.batch"], ep, moto, files(keys(6)), { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("checking inputs [--------------------] 0/7");
    expect(r.stderr).toContain("[####################] 7/7");
  });
});

describe("--live on compile and submit", () => {
  it("a missing input stops compile (nothing written) and submit (no StartRunBatch)", async () => {
    const ep = await workflow();
    const k = [...keys(2), "reads/S99999.fastq.gz"];
    // compile takes no --endpoint-url: HealthOmics comes from the environment
    const c = await runOmics(["compile", "live.batch", "--live", "--s3-endpoint-url", moto], { endpoint: ep, files: files(k), env: { AWS_ENDPOINT_URL_OMICS: ep.url } });
    expect(c.code).toBe(1);
    expect(c.stdout).toBe("");
    expect(c.stderr).toContain(`error[BC5603]: \`s3://${BUCKET}/reads/S99999.fastq.gz\` does not exist\n`);
    const s = await live(["submit", "live.batch"], ep, moto, files(k));
    expect(s.code).toBe(1);
    expect(s.stderr).toContain("error[BC5603]");
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(0);
    const ok = await live(["submit", "live.batch"], ep, moto, files(keys(2)));
    expect(ok.stderr).not.toContain("error");
    expect(ok.code).toBe(0);
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(1);
  });
});

describe("--live: output buckets", () => {
  it("a missing output bucket is an error at outputUri", async () => {
    const ep = await workflow();
    const r = await live(["check", "live.batch"], ep, moto, files(keys(2), liveProgram({ outputUri: "s3://live-no-such-bucket/runs/" })));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC5605]: the output bucket `live-no-such-bucket` does not exist\n --> live.batch:6:16\n");
  });

  it("HeadBucket carries ExpectedBucketOwner: another owner is an error at outputBucketOwnerId", async () => {
    const ep = await workflow();
    const p = await proxy({ answer: expectedOwner });
    const ok = await live(["check", "live.batch"], ep, p.url, files(keys(2), liveProgram({ owner: "123456789012" })));
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(p.requests.filter((q) => q.url === "/lab-results/").map((q) => q.headers["x-amz-expected-bucket-owner"])).toEqual(["123456789012"]);
    const wrong = await live(["check", "live.batch"], ep, p.url, files(keys(2), liveProgram({ owner: "210987654321" })));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("error[BC5606]: the output bucket `lab-results` does not belong to account `210987654321`\n --> live.batch:7:25\n");
  });

  it("an output bucket that answers 403 is a warning", async () => {
    const ep = await workflow();
    const p = await proxy({ answer: (q) => (q.url === "/lab-results/" ? 403 : undefined) });
    const r = await live(["check", "live.batch"], ep, p.url, files(keys(2)));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning[BC5607]: the output bucket `lab-results` exists but is not readable by you; the run role may still write to it\n");
  });
});

describe("--live: the inputs lock", () => {
  it("records ETag and size of every input, sorted; reports an input changed since as an error", async () => {
    const ep = await workflow();
    const k = keys(3, "locked");
    await seed(moto, { [BUCKET]: k });
    const { mkdtemp, readFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "batchc-lock-"));
    try {
      const lock = path.join(dir, "inputs.lock.json");
      const w = await live(["check", "live.batch", "--write-inputs-lock", lock], ep, moto, files([...k].reverse()));
      expect(w.stderr).toBe("");
      expect(w.code).toBe(0);
      const written = JSON.parse(await readFile(lock, "utf8")) as { formatVersion: number; inputs: Record<string, { etag: string; size: number }> };
      expect(written.formatVersion).toBe(1);
      expect(Object.keys(written.inputs)).toEqual(["s3://lab-ref/hg38/genome.fa", ...k.map((x) => `s3://${BUCKET}/${x}`)]);
      expect(written.inputs[`s3://${BUCKET}/${k[1]}`]).toEqual({ etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), size: `@${k[1]}\nACGT\n+\nIIII\n`.length });
      const same = await live(["check", "live.batch", "--inputs-lock", lock], ep, moto, files(k));
      expect(same.stderr).toBe("");
      expect(same.code).toBe(0);
      await overwrite(moto, BUCKET, k[1] as string, "changed");
      const r = await live(["check", "live.batch", "--inputs-lock", lock], ep, moto, files(k));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error[BC5608]: \`s3://${BUCKET}/${k[1]}\` changed since \`${lock}\` was written\n`);
      expect(r.stderr).toMatch(/= note: ETag was "[0-9a-f]{32}", now "[0-9a-f]{32}"\n/);
      expect(r.stderr).toContain(`= note: size was ${`@${k[1]}\nACGT\n+\nIIII\n`.length} bytes, now 7\n`);
      expect(r.stderr).toContain("1 error\n");
      // an error leaves the lock file as it was
      await remove(moto, BUCKET, [k[0] as string]);
      const before = await readFile(lock, "utf8");
      const failed = await live(["check", "live.batch", "--write-inputs-lock", lock], ep, moto, files(k));
      expect(failed.code).toBe(1);
      expect(await readFile(lock, "utf8")).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("--live: a check that cannot be made is an AWS error (exit 3)", () => {
  it("S3 unreachable: one message, no finding about the inputs", async () => {
    const ep = await workflow();
    const r = await live(["check", "live.batch"], ep, "http://127.0.0.1:9", files(keys(2)));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: could not reach S3 at `http:\/\/127\.0\.0\.1:9` \(BC5504\)\n/);
    expect(r.stderr).not.toContain("BC5603");
  });

  it("no credentials: exit 3, one message", async () => {
    const ep = await workflow();
    const r = await runOmics(["check", "live.batch", "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", moto], {
      files: files(keys(2)),
      env: { AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
    });
    expect(r.code).toBe(3);
    // the workflow is read first, so HealthOmics says it; S3 would say the same (BC5503)
    expect(r.stderr).toMatch(/^error: no usable AWS credentials were found: .*\nhelp: .*\n$/);
    expect(r.stderr).not.toContain("BC5603");
  });

  it("an S3 that does not answer within --cli-read-timeout: exit 3, not a missing input", async () => {
    const ep = await workflow();
    const p = await proxy({ delayMs: 1_500 });
    const r = await live(["check", "live.batch", "--cli-read-timeout", "0.2"], ep, p.url, files(keys(1)));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("(BC5511)");
    expect(r.stderr).not.toContain("BC5603");
  });

  it("throttled past the retries (503 SlowDown): exit 3, not a missing input", async () => {
    const ep = await workflow();
    const p = await proxy({ answer: (q) => (q.method === "HEAD" && q.url.includes("/reads/") ? 503 : undefined) });
    const r = await live(["check", "live.batch"], ep, p.url, files(keys(2)));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("`HeadObject` on S3 failed");
    expect(r.stderr).not.toContain("BC5603");
  });
});
