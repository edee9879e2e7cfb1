import { describe, expect, it } from "vitest";
import { BuiltinError } from "../errors.js";
import { pairReads, readMate } from "./pair-reads.js";

function errors(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof BuiltinError) return [e, ...(e.more ?? [])].map((x) => `${x.message.code} ${x.message.message}`);
    throw e;
  }
  return [];
}

describe("pair_reads", () => {
  it("pairs R1/R2 and _1/_2 files, sorted by sample", () => {
    expect(
      pairReads([
        "fastq/S2_R2.fastq.gz",
        "fastq/S10_R1_001.fastq.gz",
        "fastq/S2_R1.fastq.gz",
        "fastq/S10_R2_001.fastq.gz",
        "s3://raw/A_1.fq",
        "s3://raw/A_2.fq",
        "B_S1_R1.fq.gz",
        "B_S1_R2.fq.gz",
      ]),
    ).toEqual([
      { sample: "A", r1: "s3://raw/A_1.fq", r2: "s3://raw/A_2.fq", base: "A", lane: null },
      { sample: "B_S1", r1: "B_S1_R1.fq.gz", r2: "B_S1_R2.fq.gz", base: "B", lane: null },
      { sample: "S10", r1: "fastq/S10_R1_001.fastq.gz", r2: "fastq/S10_R2_001.fastq.gz", base: "S10", lane: null },
      { sample: "S2", r1: "fastq/S2_R1.fastq.gz", r2: "fastq/S2_R2.fastq.gz", base: "S2", lane: null },
    ]);
  });

  it("gives each entry its lane and the sample name without sheet and lane numbers", () => {
    expect(
      pairReads([
        "AEG588A1_S1_L002_R1_001.fastq.gz",
        "AEG588A1_S1_L002_R2_001.fastq.gz",
        "AEG588A1_S1_L001_R1_001.fastq.gz",
        "AEG588A1_S1_L001_R2_001.fastq.gz",
        "X_S1_R1_001.fastq.gz",
        "X_S1_R2_001.fastq.gz",
        "Y_L003_1.fq",
        "Y_L003_2.fq",
      ]).map((e) => [e.sample, e.base, e.lane]),
    ).toEqual([
      ["AEG588A1_S1_L001", "AEG588A1", "L001"],
      ["AEG588A1_S1_L002", "AEG588A1", "L002"],
      ["X_S1", "X", null],
      ["Y_L003", "Y", "L003"],
    ]);
  });

  it("the marker is the last one before the extension", () => {
    expect(readMate("x/S_1_R2.fastq")).toEqual({ sample: "S_1", mate: 2 });
    expect(readMate("S1.fastq.gz")).toBeUndefined();
    expect(readMate("S1_R1.bam")).toBeUndefined();
  });

  it("names unpaired, duplicated and unrecognised files", () => {
    expect(errors(() => pairReads(["S1_R1.fq.gz", "S2_R2.fq.gz", "S3_R1.fq", "S3_R1.fastq", "S3_R2.fq", "notes.txt"]))).toEqual([
      "BC3025 `S3_R1.fastq` is a second R1 file for sample `S3`",
      "BC3026 `notes.txt` is not a paired FASTQ file name",
      "BC3024 `S1_R1.fq.gz` has no mate: sample `S1` has no R2 file",
      "BC3024 `S2_R2.fq.gz` has no mate: sample `S2` has no R1 file",
    ]);
  });

  it("an empty list pairs to an empty list", () => {
    expect(pairReads([])).toEqual([]);
  });
});
