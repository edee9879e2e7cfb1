// The acceptance case of `--live` on inputs: 10,000 objects in moto, read by 10,000 runs from a
// generated data file. All there: exit 0. Three deleted: exactly those three are reported, each
// at its data-file cell, exit 1. The objects are put in-process in a moto server of this file's
// own (seeded-moto.py: a second instead of half a minute through HTTP); the checks and the
// deletes go through HTTP, each check one command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "../cli/omics-harness.js";
import { TEMPLATE, cellOf, live, liveProgram, remove, samplesCsv } from "./harness.js";
import { startSeededMoto, type SeededMoto } from "./seeded-moto.js";

const start = endpoints();
let server: SeededMoto | undefined;
const BUCKET = "live-ten-thousand";
const N = 10_000;
const KEYS = Array.from({ length: N }, (_, i) => `cohort/S${String(i).padStart(5, "0")}.fastq.gz`);
const FILES = { "live.batch": liveProgram({ settings: "s3://lab-results/settings/" }), "samples.csv": samplesCsv(BUCKET, KEYS) };
const DELETED = [17, 4_242, 9_998];

beforeAll(async () => {
  server = await startSeededMoto({ [BUCKET]: KEYS, "lab-ref": ["hg38/genome.fa"], "lab-results": [] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("check --live on 10,000 runs", () => {
  it("all present: exit 0; three deleted: exactly those three, each at its cell, exit 1", async () => {
    const ep = await start({ workflows: { "1234567": { parameterTemplate: TEMPLATE } } });
    const moto = (server as SeededMoto).url;
    const ok = await live(["check", "live.batch"], ep, moto, FILES);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe("live.batch: ok, 10,000 runs\n");
    expect(ok.code).toBe(0);

    await remove(moto, BUCKET, DELETED.map((i) => KEYS[i] as string));
    const r = await live(["check", "live.batch"], ep, moto, FILES);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const reported = [...r.stderr.matchAll(/^error\[(BC\d{4})\]: `(s3:\/\/[^`]+)` does not exist\n(?:.*\n)*?   = note: in (samples\.csv, line \d+, column \d+)\n/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(reported).toEqual(
      DELETED.map((i) => ["BC5603", `s3://${BUCKET}/${KEYS[i]}`, `samples.csv, line ${cellOf(i).line}, column ${cellOf(i).column}`]),
    );
    expect(r.stderr.match(/^(error|warning)\[/gm)).toHaveLength(3);
    expect(r.stderr).toMatch(/\n3 errors\n$/);
  }, 300_000);
});
