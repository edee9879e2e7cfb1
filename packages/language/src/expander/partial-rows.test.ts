// A data file with errors still gives its records, so the number of runs is known in the same
// `check` (table-records.ts, errors.ts `partialAt`): the records' unknown fields abort silently
// whatever reads them, no run is given, and the runs are counted.
import { describe, expect, it } from "vitest";
import { checkAll } from "../../test/expand-harness.js";
import { expand as expandCodes } from "../diagnostics/codes/expand.js";
import { Failure, SILENT, partialAt } from "./errors.js";

const HEAD = `defaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n  outputUri = "s3://lab-results/out/"\n}\n`;
const ROW = `type Row = { sample: string, reads: s3uri, lane: int }\n`;
const SHEET = "sample,reads\nS1,s3://lab-reads/1.bam\nS2,s3://lab-reads/2.bam\nS3,s3://lab-reads/3.bam\n";

describe("a data file with errors still gives its records for counting", () => {
  it("a declared column the header lacks: reported once, the runs counted, none given, the field read silently", () => {
    const out = checkAll(`${HEAD}${ROW}let rows: [Row] = csv("s.csv")\nfor r in rows { run r.sample { name = "\${r.sample}-\${r.lane}", params { reads = r.reads } } }`, { "s.csv": SHEET });
    expect(out.codes).toEqual(["BC3015"]);
    expect(out.counted).toBe(3);
    expect(out.ids).toEqual([]);
    expect(out.setupComplete).toBe(true);
  });

  it("bad cells: each column's problem once, the other columns' problems still found, every row counted", () => {
    const sheet = "sample,reads,lane\nS1,s3://lab-reads/1.bam,1\nS2,s3://lab-reads/2.bam,two\nS3,reads/3.bam,3\n";
    const out = checkAll(`${HEAD}${ROW}let rows: [Row] = csv("s.csv")\nfor r in rows { run r.sample { priority = int(r.sample) } }`, { "s.csv": sheet });
    expect(out.codes).toEqual(["BC2022", "BC3014", "BC3004"]);
    expect(out.lines[2]).toContain('in iteration r = { sample: "S1", reads: "s3://lab-reads/1.bam", … } (s.csv:2) | note: in s.csv, line 2, column 1 | note: and 2 more iterations');
    expect(out.counted).toBe(3);
    expect(out.ids).toEqual([]);
  });

  it("a condition that reads an unknown field aborts silently, and the loop's count is then unknown", () => {
    const sheet = "sample,reads,lane\nS1,s3://lab-reads/1.bam,1\nS2,s3://lab-reads/2.bam,two\n";
    const out = checkAll(`${HEAD}${ROW}let rows: [Row] = csv("s.csv")\nfor r in rows { if r.lane > 0 { run r.sample {} } }`, { "s.csv": sheet });
    expect(out.codes).toEqual(["BC3014"]);
    expect(out.counted).toBeUndefined();
  });

  it("an iteration note shows an unknown field as `?`", () => {
    const sheet = "lane,sample\nx,S1\n";
    const out = checkAll(`${HEAD}type R = { lane: int, sample: string }\nlet rows: [R] = csv("s.csv")\nfor r in rows { run r.sample { priority = int(r.sample) } }`, { "s.csv": sheet });
    expect(out.codes).toEqual(["BC3014", "BC3004"]);
    expect(out.lines[1]).toContain('in iteration r = { lane: ?, sample: "S1" } (s.csv:2)');
    expect(out.counted).toBe(1);
  });

  it("a row with the wrong number of cells is counted, all its fields unknown", () => {
    const out = checkAll(`${HEAD}for r in csv("s.csv") { run r.sample {} }`, { "s.csv": "sample,reads\nS1,a\nS2\nS3,c\n" });
    expect(out.codes).toEqual(["BC3016"]);
    expect(out.counted).toBe(3);
    expect(out.ids).toEqual([]);
  });

  it("a `let` inside a loop and a loop's own list go on with the records too", () => {
    const files = { "a.csv": SHEET, "b.csv": SHEET.replace(/S/g, "T") };
    const inLet = checkAll(`${HEAD}${ROW}for f in ["a.csv", "b.csv"] {\n  let rows: [Row] = csv(f)\n  for r in rows { run r.sample {} }\n}`, files);
    expect(inLet.codes).toEqual(["BC3015"]);
    expect(inLet.lines[0]).toContain('note: in iteration f = "a.csv" | note: and 1 more iteration');
    expect(inLet.counted).toBe(6);
    expect(inLet.ids).toEqual([]);
    const inLoop = checkAll(`${HEAD}for f in ["a.csv", "b.csv"] {\n  for r in csv(f) { run r.sample {} }\n}`, { "a.csv": "sample\nS1\nS2,x\n", "b.csv": "sample\nT1\n" });
    expect(inLoop.codes).toEqual(["BC3016"]);
    expect(inLoop.counted).toBe(3);
  });

  it("a header that names a column twice gives no records", () => {
    const out = checkAll(`${HEAD}for r in csv("s.csv") { run r.sample {} }`, { "s.csv": "sample,sample\nS1,S2\n" });
    expect(out.codes).toEqual(["BC3019"]);
    expect(out.counted).toBeUndefined();
  });

  it("a whole record with unknown fields is never sent: reading it anywhere aborts silently", () => {
    const out = checkAll(`${HEAD}${ROW}let rows: [Row] = csv("s.csv")\nfor r in rows { run r.sample { name = str(r) } }`, { "s.csv": SHEET });
    expect(out.codes).toEqual(["BC3015"]);
    expect(out.counted).toBe(3);
  });
});

describe("partialAt", () => {
  it("gives the records only for the failing call itself, not for an expression around it", () => {
    const f = new Failure(expandCodes.emptyRunId(), { start: 10, end: 20 });
    f.partial = [{ a: "x" }];
    expect(partialAt(f, { start: 10, end: 20 })).toEqual([{ a: "x" }]);
    expect(partialAt(f, { start: 6, end: 21 })).toBeUndefined();
    expect(partialAt(new Failure(expandCodes.emptyRunId(), { start: 10, end: 20 }), { start: 10, end: 20 })).toBeUndefined();
    expect(partialAt(SILENT, { start: 10, end: 20 })).toBeUndefined();
  });
});
