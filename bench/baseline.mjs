#!/usr/bin/env node
// The hand-written baseline batchc is measured against: the streaming script a careful user
// would write for the wgs-cohort sweep (docs/language.md §1) without batchc. It reads the sample
// sheet, builds each run's settings, JSON.stringify's it and writes the array in 1 MiB chunks.
// It does no validation beyond what the cohort needs.
//
//   node bench/baseline.mjs samples.csv settings.json
import { openSync, readFileSync, writeSync, closeSync } from "node:fs";

const [sheet, out] = process.argv.slice(2);
if (!sheet || !out) {
  process.stderr.write("usage: baseline.mjs SAMPLES.csv OUT.json\n");
  process.exit(2);
}

const lines = readFileSync(sheet, "utf8").split("\n");
const header = lines[0].split(",");
const col = (name) => header.indexOf(name);
const [iId, iR1, iR2, iUrgent] = [col("sample_id"), col("r1"), col("r2"), col("urgent")];

const fd = openSync(out, "w");
let buf = "[";
let first = true;
const flush = () => {
  writeSync(fd, buf);
  buf = "";
};
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (line === "") continue;
  const cells = line.split(",");
  const id = cells[iId];
  const urgent = /^(true|yes|1)$/i.test(cells[iUrgent]);
  for (const ref of ["hg38", "t2t"]) {
    for (const caller of ["deepvariant", "gatk"]) {
      const run = {
        runSettingId: `${id}-${ref}-${caller}`,
        name: `wgs ${id} ${ref} ${caller}`,
        outputUri: `s3://lab-results/cohort-a/${ref}/${caller}/${id}/`,
        priority: urgent ? 90 : 10,
        parameters: {
          sample_id: id,
          fastq_r1: cells[iR1],
          fastq_r2: cells[iR2],
          reference: `s3://lab-refs/${ref}/genome.fa`,
          caller,
        },
        runTags: { sample: id, reference: ref },
      };
      buf += (first ? "" : ",") + JSON.stringify(run);
      first = false;
      if (buf.length >= 1 << 20) flush();
    }
  }
}
buf += "]";
flush();
closeSync(fd);
