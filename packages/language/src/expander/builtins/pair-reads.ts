// `pair_reads(files)`: groups FASTQ paths or URIs into `[{ sample, r1, r2, base, lane }]` by the
// mate marker just before the extension: `S1_R1.fastq.gz`, `S1_2.fq`, `S1_R1_001.fastq.gz`.
// `lane` is the Illumina `_L001` part of the sample name (else null); `base` is the sample name
// without its `_S<n>_L<nnn>`, `_S<n>` or `_L<nnn>` ending, so lanes of one sample share it.
import { expand as codes } from "../../diagnostics/codes/expand.js";
import type { RecordValue, Value } from "../../values.js";
import { BuiltinError } from "../errors.js";
import { expectStringList } from "./args.js";
import { compareStrings } from "./lists.js";

// The prefix is greedy, so the marker is the last `_R1`/`_1` before the extension.
const READ = /^(.+)_R?([12])(?:_001)?\.(?:fastq\.gz|fq\.gz|fastq|fq)$/;

/** The sample name and mate (1 or 2) of a FASTQ file name, or undefined. */
export function readMate(file: string): { sample: string; mate: 1 | 2 } | undefined {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const m = READ.exec(name);
  if (m === null) return undefined;
  return { sample: m[1] as string, mate: m[2] === "1" ? 1 : 2 };
}

const LANE = /_(L\d{3})$/;
const SAMPLE_SHEET_SUFFIX = /(?:_S\d+_L\d{3}|_S\d+|_L\d{3})$/;

/** The lane (`L001`) and the sample name without its sample-sheet and lane numbers. */
export function laneAndBase(sample: string): { lane: string | null; base: string } {
  const lane = LANE.exec(sample)?.[1] ?? null;
  const base = sample.replace(SAMPLE_SHEET_SUFFIX, "");
  return { lane, base: base === "" ? sample : base };
}

/**
 * Pairs read files by sample, sorted by sample (code point order). Every problem (a file that is
 * not a FASTQ name with a marker, an unpaired file, a second R1 or R2) is reported, naming the file.
 */
export function pairReads(files: Value): RecordValue[] {
  const list = expectStringList("pair_reads", 0, files);
  const samples = new Map<string, { r1?: string; r2?: string }>();
  const errors: BuiltinError[] = [];
  for (const file of list) {
    const m = readMate(file);
    if (m === undefined) {
      errors.push(new BuiltinError(codes.notAReadFile(file), 0, file));
      continue;
    }
    let entry = samples.get(m.sample);
    if (entry === undefined) {
      entry = {};
      samples.set(m.sample, entry);
    }
    const slot = m.mate === 1 ? "r1" : "r2";
    const other = entry[slot];
    if (other !== undefined) {
      errors.push(new BuiltinError(codes.duplicateRead(file, other, m.sample, m.mate === 1 ? "R1" : "R2"), 0, file));
      continue;
    }
    entry[slot] = file;
  }
  const names = [...samples.keys()].sort(compareStrings);
  const out: RecordValue[] = [];
  for (const sample of names) {
    const e = samples.get(sample) as { r1?: string; r2?: string };
    if (e.r1 === undefined) errors.push(new BuiltinError(codes.unpairedRead(e.r2 as string, sample, "R1"), 0, e.r2 as string));
    else if (e.r2 === undefined) errors.push(new BuiltinError(codes.unpairedRead(e.r1, sample, "R2"), 0, e.r1));
    else {
      const { lane, base } = laneAndBase(sample);
      out.push({ sample, r1: e.r1, r2: e.r2, base, lane });
    }
  }
  const first = errors[0];
  if (first !== undefined) throw new BuiltinError(first.message, first.argIndex, first.key, errors.slice(1));
  return out;
}
