import { describe, expect, it } from "vitest";
import { COHORT_PROGRAM, cohortCsv } from "../../test/bench-expand.js";
import { effectiveRun } from "./expand.js";
import type { RunSpec } from "./run-spec.js";
import { expandText, ids, runAll } from "../../test/expand-harness.js";

/** A run without its AST node, for exact comparisons. */
const plain = (r: RunSpec | undefined): unknown => (r === undefined ? undefined : { ...r, statement: r.statement.kind });

describe("the docs/language.md §1 program", () => {
  const result = runAll(COHORT_PROGRAM, { "samples.csv": cohortCsv(25) });

  it("expands 25 samples into 100 runs without diagnostics", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.runs.length).toBe(100);
    expect(new Set(ids(result.runs)).size).toBe(100);
    expect(ids(result.runs).slice(0, 5)).toEqual([
      "S000001-hg38-deepvariant",
      "S000001-hg38-gatk",
      "S000001-t2t-deepvariant",
      "S000001-t2t-gatk",
      "S000002-hg38-deepvariant",
    ]);
  });

  it("evaluates the batch and defaults blocks, with declared parameter defaults", () => {
    expect(result.expansion.batch).toEqual({
      batchName: "wgs-cohort-a",
      settings: "s3://lab-batches/cohort-a/",
      tags: { project: "cohort-a" },
    });
    expect(JSON.stringify(result.expansion.defaults)).toBe(
      JSON.stringify({
        workflowId: "1234567",
        roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
        parameters: { threads: 16 },
        logLevel: "ALL",
        runTags: { project: "cohort-a" },
        storageType: "DYNAMIC",
      }),
    );
  });

  it("yields the exact first run, with the csv row's origin", () => {
    expect(plain(result.runs[0])).toEqual({
      runSettingId: "S000001-hg38-deepvariant",
      fields: {
        name: "wgs S000001 hg38 deepvariant",
        outputUri: "s3://lab-results/cohort-a/hg38/deepvariant/S000001/",
        priority: 10,
        parameters: {
          sample_id: "S000001",
          fastq_r1: "s3://lab-raw/cohort-a/S000001_R1.fastq.gz",
          fastq_r2: "s3://lab-raw/cohort-a/S000001_R2.fastq.gz",
          reference: "s3://lab-refs/hg38/genome.fa",
          caller: "deepvariant",
        },
        runTags: { sample: "S000001", reference: "hg38" },
      },
      statement: "RunStatement",
      bindings: [
        {
          name: "s",
          value: {
            sample_id: "S000001",
            r1: "s3://lab-raw/cohort-a/S000001_R1.fastq.gz",
            r2: "s3://lab-raw/cohort-a/S000001_R2.fastq.gz",
            urgent: false,
          },
          origin: { file: "samples.csv", line: 2 },
        },
        { name: "ref", value: "hg38" },
        { name: "caller", value: "deepvariant" },
      ],
      index: 0,
    });
  });

  it("yields the exact last run", () => {
    expect(plain(result.runs[99])).toEqual({
      runSettingId: "S000025-t2t-gatk",
      fields: {
        name: "wgs S000025 t2t gatk",
        outputUri: "s3://lab-results/cohort-a/t2t/gatk/S000025/",
        priority: 10,
        parameters: {
          sample_id: "S000025",
          fastq_r1: "s3://lab-raw/cohort-a/S000025_R1.fastq.gz",
          fastq_r2: "s3://lab-raw/cohort-a/S000025_R2.fastq.gz",
          reference: "s3://lab-refs/t2t/genome.fa",
          caller: "gatk",
        },
        runTags: { sample: "S000025", reference: "t2t" },
      },
      statement: "RunStatement",
      bindings: [
        {
          name: "s",
          value: {
            sample_id: "S000025",
            r1: "s3://lab-raw/cohort-a/S000025_R1.fastq.gz",
            r2: "s3://lab-raw/cohort-a/S000025_R2.fastq.gz",
            urgent: false,
          },
          origin: { file: "samples.csv", line: 26 },
        },
        { name: "ref", value: "t2t" },
        { name: "caller", value: "gatk" },
      ],
      index: 99,
    });
  });

  it("gives urgent samples priority 90 (`bool` cells accept yes/no)", () => {
    expect(result.runs.filter((r) => r.fields.priority === 90).map((r) => r.runSettingId.slice(0, 7))).toEqual([
      ...Array<string>(4).fill("S000007"),
      ...Array<string>(4).fill("S000014"),
      ...Array<string>(4).fill("S000021"),
    ]);
  });

  it("computes the effective settings of a run", () => {
    const run = result.runs[0] as RunSpec;
    expect(JSON.stringify(effectiveRun(result.expansion.defaults, run))).toBe(
      JSON.stringify({
        runSettingId: "S000001-hg38-deepvariant",
        name: "wgs S000001 hg38 deepvariant",
        outputUri: "s3://lab-results/cohort-a/hg38/deepvariant/S000001/",
        priority: 10,
        parameters: {
          threads: 16,
          sample_id: "S000001",
          fastq_r1: "s3://lab-raw/cohort-a/S000001_R1.fastq.gz",
          fastq_r2: "s3://lab-raw/cohort-a/S000001_R2.fastq.gz",
          reference: "s3://lab-refs/hg38/genome.fa",
          caller: "deepvariant",
        },
        runTags: { project: "cohort-a", sample: "S000001", reference: "hg38" },
      }),
    );
  });

  it("re-runs the loops on every runs() call, with the same result", () => {
    const again = [...result.expansion.runs()];
    expect(ids(again)).toEqual(ids(result.runs));
    expect(result.expansion.diagnostics).toEqual([]);
  });
});

describe("loops and conditions", () => {
  it("a cross product changes the rightmost variable fastest", () => {
    const r = runAll(`for a in [1, 2], b in ["x", "y"], c in [true, false] {
  run "\${a}\${b}\${c}" {}
}`);
    expect(ids(r.runs)).toEqual(["1xtrue", "1xfalse", "1ytrue", "1yfalse", "2xtrue", "2xfalse", "2ytrue", "2yfalse"]);
    expect(r.runs[5]?.bindings).toEqual([
      { name: "a", value: 2 },
      { name: "b", value: "x" },
      { name: "c", value: false },
    ]);
  });

  it("`where` keeps only the matching combinations", () => {
    const r = runAll(`for a in 1..4, b in 1..4 where a < b and (a + b) % 2 == 1 {
  run "\${a}-\${b}" {}
}`);
    expect(ids(r.runs)).toEqual(["1-2", "1-4", "2-3", "3-4"]);
  });

  it("a `where` on the first variable alone filters before later sources", () => {
    const r = runAll(`for a in [1, 2, 3], b in ["p", "q"] where a != 2 {
  run "\${a}\${b}" {}
}`);
    expect(ids(r.runs)).toEqual(["1p", "1q", "3p", "3q"]);
  });

  it("a later source may use an earlier variable", () => {
    const r = runAll(`type S = { id: string, files: [string] }
let samples: [S] = [{ id: "A", files: ["a1", "a2"] }, { id: "B", files: [] }, { id: "C", files: ["c1"] }]
for s in samples, f in s.files {
  run "\${s.id}/\${f}" {}
}`);
    expect(ids(r.runs)).toEqual(["A/a1", "A/a2", "C/c1"]);
  });

  it("destructures pairs from zip and enumerate", () => {
    const r = runAll(`for (i, x) in enumerate(["a", "b"]), (n, m) in zip([1, 2, 3], [10, 20]) {
  run "\${i}\${x}-\${n}-\${m}" {}
}`);
    expect(ids(r.runs)).toEqual(["0a-1-10", "0a-2-20", "1b-1-10", "1b-2-20"]);
    expect(r.runs[3]?.bindings.map((b) => `${b.name}=${String(b.value)}`)).toEqual(["i=1", "x=b", "n=2", "m=20"]);
  });

  it("nested loops, nested lets and if / else if / else statements", () => {
    const r = runAll(`let sizes = [5, 50, 500]
for size in sizes {
  let tier = if size < 10 then "small" else "big"
  if size < 10 {
    run "s\${size}" { name = tier }
  } else if size < 100 {
    for rep in range(0, 2) {
      let label = "\${tier}-\${rep}"
      run "m\${size}-\${rep}" { name = label }
    }
  } else {
    run "l\${size}" { name = upper(tier) }
  }
}
if len(sizes) == 3 {
  run "three" {}
}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.runs.map((x) => [x.runSettingId, x.fields.name])).toEqual([
      ["s5", "small"],
      ["m50-0", "big-0"],
      ["m50-1", "big-1"],
      ["l500", "BIG"],
      ["three", undefined],
    ]);
    expect(r.runs[2]?.bindings).toEqual([
      { name: "size", value: 50 },
      { name: "rep", value: 1 },
    ]);
  });

  it("an empty source gives no runs for that branch; a false `if` without else none", () => {
    const r = runAll(`let empty: [int] = []
for x in empty { run "x\${x}" {} }
for y in 3..1 { run "y\${y}" {} }
if false { run "never" {} }
run "only" {}`);
    expect(ids(r.runs)).toEqual(["only"]);
  });

  it("bindings of rows from lines() carry their line", () => {
    const r = runAll(`for u in lines("ids.txt") { run u {} }`, { "ids.txt": "a\nb\n" });
    expect(r.runs.map((x) => x.bindings)).toEqual([
      [{ name: "u", value: "a", origin: { file: "ids.txt", line: 1 } }],
      [{ name: "u", value: "b", origin: { file: "ids.txt", line: 2 } }],
    ]);
  });
});

describe("laziness", () => {
  it("yields the first runs of a huge range without computing the rest", () => {
    const { expansion } = expandText(`for i in 1..100000000 { run str(i) {} }`);
    const it = expansion.runs();
    const first = [it.next().value, it.next().value, it.next().value] as RunSpec[];
    expect(ids(first)).toEqual(["1", "2", "3"]);
    expect(first.map((r) => r.index)).toEqual([0, 1, 2]);
    it.return(undefined);
  });

  it("a huge cross product starts at once too", () => {
    const { expansion } = expandText(`for a in range(0, 1000000000), b in 1..1000000000 { run "\${a}:\${b}" {} }`);
    const it = expansion.runs();
    expect([it.next().value, it.next().value].map((r) => (r as RunSpec).runSettingId)).toEqual(["0:1", "0:2"]);
  });
});

describe("values", () => {
  it("operators: list and record +, deep ==, inclusive .., float /, floored %", () => {
    const r = runAll(`let a = [1, 2] + [3]
let rec = { x: 1, y: 2 } + { y: 3, z: 4 }
let same = [{ k: [1] }] == [{ k: [1] }]
let r = 2..5
let q = 7 / 2
let m = [-7 % 3, 7 % -3, 7 % 3]
run "v" { name = "\${a} \${rec} \${same} \${r} \${q} \${m} \${not same or 1 > 2}" }`);
    expect(r.runs[0]?.fields.name).toBe('[1,2,3] {"x":1,"y":3,"z":4} true [2,3,4,5] 3.5 [2,-2,1] false');
  });

  it("null fields, parameters and tags are left unset", () => {
    const r = runAll(`let j = json("c.json")
run "n" {
  name = j.missing_name
  params { a = j.a, b = null }
  runTags { t = j.t, k = "3" }
}`, { "c.json": '{"missing_name": null, "a": null, "t": null}' });
    expect(r.diagnostics).toEqual([]);
    expect(r.runs[0]?.fields).toEqual({ runTags: { k: "3" } });
  });

  it("keys named __proto__ stay ordinary keys in records, parameters and tags", () => {
    const r = runAll(`let rec = { "__proto__": 1, b: 2 }
run "p" {
  name = "\${rec}"
  params { "__proto__" = "v" }
  runTags { "__proto__" = "t" }
}`);
    expect(r.runs[0]?.fields.name).toBe('{"__proto__":1,"b":2}');
    expect(JSON.stringify(r.runs[0]?.fields)).toBe('{"name":"{\\"__proto__\\":1,\\"b\\":2}","parameters":{"__proto__":"v"},"runTags":{"__proto__":"t"}}');
  });

  it("var() values are converted to the let's type", () => {
    const r = runAll(`let n: int = var("n")
let tag: string = var("tag")
for i in range(0, n) { run "\${tag}-\${i}" {} }`, {}, { n: "2", tag: "v1" });
    expect(ids(r.runs)).toEqual(["v1-0", "v1-1"]);
  });

  it("csv() may be called inside a loop; its rows keep their origin", () => {
    const r = runAll(`for ref in ["a", "b"], row in csv("t.csv") { run "\${ref}-\${row.id}" {} }`, { "t.csv": "id\n1\n2\n" });
    expect(ids(r.runs)).toEqual(["a-1", "a-2", "b-1", "b-2"]);
    expect(r.runs[3]?.bindings[1]).toEqual({ name: "row", value: { id: "2" }, origin: { file: "t.csv", line: 3 } });
  });
});

describe("effectiveRun", () => {
  it("merges parameters and runTags key by key (run wins) and replaces other fields", () => {
    const { expansion } = expandText(`defaults {
  workflowId = "1"
  roleArn = "arn:aws:iam::123456789012:role/R"
  name = "default"
  priority = 5
  outputUri = "s3://out/default/"
  outputBucketOwnerId = "123456789012"
  runTags { a = "1", b = "2" }
  params { p = 1, q = 2 }
}
params { p: int = 0, q: int, r: int = 9, s?: int }
run "x" {
  outputUri = "s3://out/x/"
  priority = 7
  params { q = 20, s = 4 }
  runTags { b = "20", c = "3" }
}
run "y" { params { q = 1 } }`);
    const [x, y] = [...expansion.runs()] as [RunSpec, RunSpec];
    expect(JSON.stringify(expansion.defaults.parameters)).toBe(JSON.stringify({ p: 1, r: 9, q: 2 }));
    expect(JSON.stringify(effectiveRun(expansion.defaults, x))).toBe(
      JSON.stringify({
        runSettingId: "x",
        name: "default",
        outputUri: "s3://out/x/",
        priority: 7,
        outputBucketOwnerId: "123456789012",
        parameters: { p: 1, r: 9, q: 20, s: 4 },
        runTags: { a: "1", b: "20", c: "3" },
      }),
    );
    expect(JSON.stringify(effectiveRun(expansion.defaults, y))).toBe(
      JSON.stringify({
        runSettingId: "y",
        name: "default",
        outputUri: "s3://out/default/",
        priority: 5,
        outputBucketOwnerId: "123456789012",
        parameters: { p: 1, r: 9, q: 1 },
        runTags: { a: "1", b: "2" },
      }),
    );
  });

  it("omits absent fields", () => {
    const { expansion } = expandText(`run "bare" {}`);
    const [run] = [...expansion.runs()] as [RunSpec];
    expect(expansion.defaults).toEqual({});
    expect(effectiveRun(expansion.defaults, run)).toEqual({ runSettingId: "bare" });
  });
});
