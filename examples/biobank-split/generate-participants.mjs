#!/usr/bin/env node
// Writes the biobank-split example at a chosen size: a copy of biobank-split.batch and a
// participant sheet of N participants (N x 2 references = 2N runs). The committed
// participants.csv is the first 50 rows of this generator's output.
//
//   node examples/biobank-split/generate-participants.mjs [N=125000] [OUT_DIR=examples/biobank-split/large]
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The participant sheet text for `n` participants (deterministic; every 9th has no recorded sex). */
export function participantSheet(n) {
  const rows = ["participant_id,cram,sex"];
  for (let i = 1; i <= n; i++) {
    const id = `P${String(i).padStart(7, "0")}`;
    const sex = i % 9 === 0 ? "" : i % 2 === 0 ? "F" : "M";
    rows.push(`${id},s3://biobank-crams/batch${(i % 16) + 1}/${id}.cram,${sex}`);
  }
  return `${rows.join("\n")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 125000);
  const out = process.argv[3] ?? join(here, "large");
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write("usage: generate-participants.mjs [N] [OUT_DIR]\n");
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "participants.csv"), participantSheet(n));
  copyFileSync(join(here, "biobank-split.batch"), join(out, "biobank-split.batch"));
  process.stdout.write(`${join(out, "biobank-split.batch")}: ${n} participants, ${2 * n} runs\n`);
}
