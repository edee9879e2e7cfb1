#!/usr/bin/env node
// Writes the wgs-cohort example at a chosen size: a copy of wgs-cohort.batch and a sample
// sheet of N samples (N x 2 references x 2 callers = 4N runs). The committed samples.csv is
// the first 25 rows of this generator's output.
//
//   node examples/wgs-cohort/generate-samples.mjs [N=25000] [OUT_DIR=examples/wgs-cohort/large]
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The sample sheet text for `n` samples (deterministic). */
export function sampleSheet(n) {
  const rows = ["sample_id,r1,r2,urgent"];
  for (let i = 1; i <= n; i++) {
    const id = `S${String(i).padStart(6, "0")}`;
    const lane = `s3://lab-raw/cohort-a/lane${(i % 4) + 1}`;
    rows.push(`${id},${lane}/${id}_R1.fastq.gz,${lane}/${id}_R2.fastq.gz,${i % 7 === 0 ? "yes" : "no"}`);
  }
  return `${rows.join("\n")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 25000);
  const out = process.argv[3] ?? join(here, "large");
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write("usage: generate-samples.mjs [N] [OUT_DIR]\n");
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  copyFileSync(join(here, "wgs-cohort.batch"), join(out, "wgs-cohort.batch"));
  writeFileSync(join(out, "samples.csv"), sampleSheet(n));
  process.stdout.write(`${join(out, "wgs-cohort.batch")}: ${n} samples, ${n * 4} runs\n`);
}
