import { describe, expect, it } from "vitest";
import { basename, dirname, stem } from "./paths.js";

describe("path built-ins", () => {
  it("basename", () => {
    expect(
      ["s3://b/k/x.txt", "a/b.txt", "b.txt", "s3://b/k/", "/x", "s3://bucket", "dir/", "/"].map((p) => basename(p)),
    ).toEqual(["x.txt", "b.txt", "b.txt", "k", "x", "bucket", "dir", "/"]);
  });

  it("dirname", () => {
    expect(
      ["s3://b/k/x.txt", "a/b.txt", "b.txt", "/x", "s3://b/x", "s3://b", "a/b/", "a//b", "../x.fq"].map((p) => dirname(p)),
    ).toEqual(["s3://b/k", "a", ".", "/", "s3://b", "s3://b", "a", "a", ".."]);
  });

  it("stem drops the known multi-part extensions, else the last extension", () => {
    expect(
      [
        "s3://raw/S1_R1.fastq.gz",
        "S1_R1.fq.gz",
        "x/NA12878.bam",
        "NA12878.cram",
        "calls.vcf.gz",
        "archive.tar.gz",
        "README",
        ".env",
        "a.b.c",
        "X.FASTQ.GZ",
      ].map((p) => stem(p)),
    ).toEqual(["S1_R1", "S1_R1", "NA12878", "NA12878", "calls", "archive.tar", "README", ".env", "a.b", "X"]);
  });
});
