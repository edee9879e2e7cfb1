// One test per BC3xxx code, through parse + check + expand: the exact place (line:column of the
// span), message, labels, notes and help, and which runs survive.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile } from "../compile.js";
import { memoryHost, nodeHost, type ReadOptions } from "../host.js";
import { MAX_ERRORS } from "./expand.js";
import { expandText, full, outcome, runAll } from "../../test/expand-harness.js";

const S3_HELP = "an S3 URI starts with `s3://` and a bucket name, as in `s3://my-bucket/path/`";
const DUP_HELP = "help: run ids must be unique in the batch; add the loop variables that tell the runs apart to the id";

describe("run-time errors in expressions", () => {
  it("BC3001 index out of range, at the index expression, naming the iteration", () => {
    expect(outcome(`let xs = [1, 2]\nfor x in xs { run "r\${x}" { name = "\${xs[x]}" } }`)).toEqual({
      ids: ["r1"],
      diagnostics: ["BC3001 2:39-2:44 index 2 is out of range for a list of length 2 | note: in iteration x = 2 | help: valid indices are 0 to 1"],
    });
  });

  it("BC3002 a missing key on an `any` record, once for all iterations", () => {
    expect(
      outcome(`let j = json("c.json")\nfor x in [1, 2, 3] { run "r\${x}" { name = j.nope } }`, { "c.json": '{"name": 1, "size": 2}' }),
    ).toEqual({
      ids: [],
      diagnostics: [
        "BC3002 2:45-2:49 record has no field `nope` | note: in iteration x = 1 | note: and 2 more iterations | help: did you mean `name`?",
      ],
    });
  });

  it("BC3003 division and modulo by zero, at the right operand", () => {
    expect(outcome(`let z = 0\nrun "a" { priority = int(10 / z) }\nrun "b" { priority = 10 % z }\nrun "c" {}`)).toEqual({
      ids: ["c"],
      diagnostics: ["BC3003 2:31-2:32 division by zero", "BC3003 3:27-3:28 modulo by zero"],
    });
  });

  it("BC3004 int() of a string that is not an integer", () => {
    expect(outcome(`for s in ["1", "x", "y"] { run "r\${s}" { priority = int(s) } }`)).toEqual({
      ids: ["r1"],
      diagnostics: [
        'BC3004 1:57-1:58 cannot convert "x" to `int` | note: in iteration s = "x" | note: and 1 more iteration | help: an `int` is written as digits with an optional `-`',
      ],
    });
  });

  it("BC2022 a value that is not an s3uri where one is required", () => {
    expect(outcome(`for b in ["s3://bkt", "lab", "s3://x"] { run "r-\${b}" { outputUri = "\${b}/out/" } }`)).toEqual({
      ids: ["r-s3://bkt"],
      diagnostics: [
        `BC2022 1:69-1:80 \`"lab/out/"\` is not an S3 URI (for \`outputUri\`) | note: in iteration b = "lab" | note: and 1 more iteration | help: it does not start with \`s3://\`; ${S3_HELP}`,
      ],
    });
  });

  it("BC3006 a value outside a parameter's enum, with did-you-mean", () => {
    expect(
      outcome(`params { caller: "gatk" | "deepvariant" }\nfor c in ["gatk", "gatkk"] { run "r\${c}" { params { caller = c } } }`),
    ).toEqual({
      ids: ["rgatk"],
      diagnostics: [
        'BC3006 2:62-2:63 "gatkk" is not one of "gatk", "deepvariant" (parameter `caller`) | note: in iteration c = "gatkk" | help: did you mean "gatk"?',
      ],
    });
  });

  // A set-up that failed gives no runs (their checks would see defaults the program did not mean).
  it("BC3006 an enum field of `defaults` set from a value typed `any`", () => {
    expect(
      outcome(`let j = json("c.json")\ndefaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n  storageType = j.storage\n}\nrun "a" {}`, {
        "c.json": '{"storage": "DYNAMC"}',
      }),
    ).toEqual({
      ids: [],
      diagnostics: ['BC3006 5:17-5:26 "DYNAMC" is not one of "STATIC", "DYNAMIC" (`storageType`) | help: did you mean "DYNAMIC"?'],
    });
  });

  it("every failing entry of a run is reported, each at its own place, and the run is not given", () => {
    expect(
      outcome(`let j = json("c.json")\nparams { a: int, b: int }\nrun "r" { name = j.n, params { a = j.a, b = j.b } }\nrun "s" { params { a = 1, b = 2 } }`, {
        "c.json": '{"n": [1], "a": "x", "b": 1.5}',
      }),
    ).toEqual({
      ids: ["s"],
      diagnostics: [
        "BC3007 3:18-3:21 `name` must be `string`, found a list of 1",
        'BC3007 3:36-3:39 parameter `a` must be `int`, found a string ("x")',
        "BC3007 3:45-3:48 parameter `b` must be `int`, found a float (1.5)",
      ],
    });
  });

  it("BC3007 a parameter of the wrong type at run time", () => {
    expect(outcome(`params { threads: int }\nlet j = json("c.json")\nrun "a" { params { threads = j.threads } }`, { "c.json": '{"threads": "x"}' })).toEqual({
      ids: [],
      diagnostics: ['BC3007 3:30-3:39 parameter `threads` must be `int`, found a string ("x")'],
    });
  });

  it("BC3007 a declared default or `defaults` parameter of the wrong type", () => {
    expect(
      outcome(
        `let j = json("c.json")\nparams { threads: int = j.t, mem: int }\ndefaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n  params { mem = j.m }\n}\nrun "a" {}`,
        { "c.json": '{"t": "8", "m": 1.5}' },
      ),
    ).toEqual({
      ids: [],
      diagnostics: [
        'BC3007 2:25-2:28 parameter `threads` must be `int`, found a string ("8")',
        "BC3007 6:18-6:21 parameter `mem` must be `int`, found a float (1.5)",
      ],
    });
  });

  it("BC3027 sort() of a mixed list", () => {
    expect(outcome(`let j = json("c.json")\nlet xs = sort(j.xs)\nrun "a" {}`, { "c.json": '{"xs": [1, "a"]}' })).toEqual({
      ids: ["a"],
      diagnostics: ["BC3027 2:15-2:19 cannot sort a list of mixed numbers and strings | help: `sort` orders lists of numbers or lists of strings"],
    });
  });

  it("BC3028 destructuring an element of another length", () => {
    expect(outcome(`let j = json("c.json")\nfor (a, b) in j.pairs { run "\${a}" {} }`, { "c.json": '{"pairs": [[1, 2], [3]]}' })).toEqual({
      ids: ["1"],
      diagnostics: ["BC3028 2:15-2:22 cannot unpack a list of 1 into 2 names"],
    });
  });

  it("BC3030 a range too large to build as a list", () => {
    expect(outcome(`let xs = 1..20000000\nrun "a" { priority = len(xs) }\nrun "b" {}`)).toEqual({
      ids: ["b"],
      diagnostics: [
        "BC3030 1:10-1:21 range of 20000000 elements is too large to build as a list (limit 10000000) | help: iterate over it directly in a `for` source, where ranges are not materialised",
      ],
    });
  });

  it("BC3031 an operator on values typed `any` that it does not support", () => {
    expect(outcome(`let j = json("c.json")\nrun "x" { name = "\${j.a + j.b}" }`, { "c.json": '{"a": "s", "b": 1}' })).toEqual({
      ids: [],
      diagnostics: ['BC3031 2:21-2:30 cannot apply `+` to a string ("s") and an int (1)'],
    });
  });

  it("BC3032 a field or index of a value that is not a record or list", () => {
    expect(outcome(`let j = json("c.json")\nrun "x" { name = "\${j.a.b}" }\nrun "y" { name = "\${j.a[0]}" }`, { "c.json": '{"a": "s"}' })).toEqual({
      ids: [],
      diagnostics: ['BC3032 2:25-2:26 cannot read a field of a string ("s")', 'BC3032 3:21-3:24 cannot index a string ("s")'],
    });
  });

  it("BC3033 a loop source that is not a list", () => {
    expect(outcome(`let j = json("c.json")\nfor x in j.a { run "x" {} }\nrun "after" {}`, { "c.json": '{"a": "s"}' })).toEqual({
      ids: ["after"],
      diagnostics: ['BC3033 2:10-2:13 cannot iterate over a string ("s")'],
    });
  });

  it("BC3034 group_by on untyped rows without the field, naming the row", () => {
    expect(outcome(`let g = group_by(csv("s.csv"), "smaple")\nrun "r" { name = "${"$"}{len(g)}" }`, { "s.csv": "sample,x\nA,1\n" })).toEqual({
      ids: [],
      diagnostics: ["BC3034 1:32-1:40 `group_by`: a row has no field `smaple` (s.csv:2) | help: did you mean `sample`?"],
    });
  });

  it("BC3035 first or last of an empty list", () => {
    expect(outcome(`for n in [0, 2] { run "r${"$"}{n}" { name = str(last(range(0, n))) } }`)).toEqual({
      ids: ["r2"],
      diagnostics: ["BC3035 1:44-1:61 `last` of an empty list | note: in iteration n = 0 | help: guard it, as in `if len(xs) > 0 then last(xs) else ...`"],
    });
  });

  it("BC3036 a comprehension that builds more elements than a list may hold", () => {
    expect(outcome(`let xs = [0 for a in range(0, 1000), b in range(0, 1001)]\nrun "r" { name = str(len(xs)) }`)).toEqual({
      ids: [],
      diagnostics: ["BC3036 1:10-1:58 this comprehension builds more than 1000000 elements | help: filter earlier with `where`, or loop with a `for` statement, whose sources are not materialised"],
    });
  });

  it("BC3041 a where that keeps no combination is a warning, once", () => {
    expect(outcome(`for n in [1, 2] where n > 5 { run "r${"$"}{n}" {} }\nfor m in [1, 2] where m > 1 { run "m${"$"}{m}" {} }`)).toEqual({
      ids: ["m2"],
      diagnostics: ["BC3041 1:23-1:28 this `where` keeps no combination: the loop produces no run | help: check the condition against the data (a misspelt value or a wrong comparison)"],
    });
    const { expansion } = runAll(`for n in [1] where n > 5 { run "r" {} }\nrun "x" {}`);
    expect(expansion.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    // a second walk does not repeat it
    [...expansion.runs()];
    expect(expansion.diagnostics).toHaveLength(1);
  });

  it("BC3042 a parameter value that does not match its schema pattern", () => {
    const schema = JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema", type: "object", properties: { fasta: { type: "string", pattern: "\\.fa$" } } });
    expect(outcome(`params from "s.json" { }\nfor f in ["a.fa", "b.txt"] { run f { params { fasta = f } } }`, { "s.json": schema })).toEqual({
      ids: ["a.fa"],
      diagnostics: ['BC3042 2:55-2:56 parameter `fasta` = "b.txt" does not match the workflow\'s pattern | note: the pattern is "\\\\.fa$" | note: in iteration f = "b.txt"'],
    });
  });

  it("BC3023 an invalid regular expression", () => {
    expect(outcome(`for s in ["a"] { run s { name = if matches(s, "(") then "y" else "n" } }`)).toEqual({
      ids: [],
      diagnostics: [
        'BC3023 1:47-1:50 invalid regular expression "(": missing closing ): `(` | note: in iteration s = "a" | help: regular expressions use RE2 syntax, matched in linear time: no backreferences (`\\1`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`)',
      ],
    });
  });
});

describe("run ids", () => {
  it("BC3008 an empty run id", () => {
    expect(outcome(`for e in ["", "x"] { run "\${e}" {} }`)).toEqual({
      ids: ["x"],
      diagnostics: ['BC3008 1:26-1:32 the run id is an empty string | note: in iteration e = "" | help: every run needs a non-empty, unique id'],
    });
  });

  it("BC3009 a `null` run id gets no hint to write it with `str` (that would give the id \"null\")", () => {
    expect(outcome(`let j = json("c.json")\nrun j.id {}`, { "c.json": '{"id": null}' }).diagnostics).toEqual([
      'BC3009 2:5-2:9 the run id must be a string, found `null` | help: a run id is a non-empty string: give every run one, such as `"S1"`, or make it from the loop variables (`"${s.sample_id}-${ref}"`)',
    ]);
  });

  it("BC3009 a run id that is not a string", () => {
    expect(outcome(`let j = json("c.json")\nrun j.id {}`, { "c.json": '{"id": 3}' })).toEqual({
      ids: [],
      diagnostics: ["BC3009 2:5-2:9 the run id must be a string, found an int (3) | help: convert it with `str(...)`"],
    });
  });

  it("BC3010 a duplicate run id names both iterations, once for all repeats", () => {
    expect(outcome(`for s in ["a", "b"], r in [1, 2, 3] {\n  run "\${s}" {}\n}`)).toEqual({
      ids: ["a", "b"],
      diagnostics: [
        `BC3010 2:7-2:13 duplicate run id "a" | note: in iteration s = "a", r = 2 | note: the first run with this id is in iteration s = "a", r = 1 | note: and 3 more iterations: 1 more of "a", 2 of "b" | ${DUP_HELP}`,
      ],
    });
  });

  it("BC3010 folds the repeats of one id without naming it again", () => {
    expect(outcome(`for r in [1, 2, 3, 4] { run "x" {} }`)).toEqual({
      ids: ["x"],
      diagnostics: [`BC3010 1:29-1:32 duplicate run id "x" | note: in iteration r = 2 | note: the first run with this id is in iteration r = 1 | note: and 2 more iterations | ${DUP_HELP}`],
    });
  });

  it("BC3010 names at most five other ids in its note and sums up the rest", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const xs = [...ids, ...ids, "h", "a"];
    expect(outcome(`for x in ${JSON.stringify(xs)} { run x {} }`).diagnostics).toEqual([
      `BC3010 1:90-1:91 duplicate run id "a" | note: in iteration x = "a" | note: the first run with this id is in iteration x = "a" | ` +
        `note: and 9 more iterations: 1 more of "a", 1 of "b", 1 of "c", 1 of "d", 1 of "e", 4 of 3 others | ${DUP_HELP}`,
    ]);
  });

  it("BC3010 does not depend on other errors: a run whose fields fail still takes its id", () => {
    const program = (field: string): string => `for s in ["a", "b", "a", "b", "b"] {\n  run s { ${field} }\n}`;
    const clean = outcome(program(""));
    expect(clean.diagnostics).toEqual([
      `BC3010 2:7-2:8 duplicate run id "a" | note: in iteration s = "a" | note: the first run with this id is in iteration s = "a" | note: and 2 more iterations: 2 of "b" | ${DUP_HELP}`,
    ]);
    const failing = outcome(program(`priority = if s == "a" then int(s) else 1`));
    expect(failing.ids).toEqual(["b"]);
    expect(failing.diagnostics).toEqual([
      'BC3004 2:43-2:44 cannot convert "a" to `int` | note: in iteration s = "a" | note: and 1 more iteration | help: an `int` is written as digits with an optional `-`',
      `BC3010 2:7-2:8 duplicate run id "a" | note: in iteration s = "a" | note: and 2 more iterations: 2 of "b" | ${DUP_HELP}`,
    ]);
  });

  it("BC3010 labels the first run when another statement produced it", () => {
    expect(outcome(`run "same" {}\nfor i in [1] { run "same" {} }`)).toEqual({
      ids: ["same"],
      diagnostics: [`BC3010 2:20-2:26 duplicate run id "same" | label 1:5 first produced here | note: in iteration i = 1 | ${DUP_HELP}`],
    });
  });

  it("iteration notes show records briefly, with their data-file line", () => {
    const csv = "sample_id,r1,urgent\nS1,s3://bkt/1,no\nS2,s3://bkt/2,no\n";
    expect(
      outcome(`type S = { sample_id: string, r1: s3uri, urgent: bool }\nlet samples: [S] = csv("s.csv")\nfor s in samples, ref in ["hg38", "t2t"] {\n  run "\${ref}" {}\n}`, {
        "s.csv": csv,
      }),
    ).toEqual({
      ids: ["hg38", "t2t"],
      diagnostics: [
        `BC3010 4:7-4:15 duplicate run id "hg38" | note: in iteration s = { sample_id: "S2", r1: "s3://bkt/2", … } (s.csv:3), ref = "hg38" | note: the first run with this id is in iteration s = { sample_id: "S1", r1: "s3://bkt/1", … } (s.csv:2), ref = "hg38" | note: and 1 more iteration: 1 of "t2t" | ${DUP_HELP}`,
      ],
    });
  });

  it("a row keeps its data-file line when it reaches the loop through another list, past blank lines", () => {
    const csv = "sample_id,r1,urgent\nS1,s3://bkt/1,no\n\nS2,s3://bkt/2,no\n";
    expect(
      outcome(`type S = { sample_id: string, r1: s3uri, urgent: bool }\nlet samples: [S] = csv("s.csv")\nfor (i, s) in enumerate(samples) {\n  run "x" {}\n}`, {
        "s.csv": csv,
      }),
    ).toEqual({
      ids: ["x"],
      diagnostics: [
        `BC3010 4:7-4:10 duplicate run id "x" | note: in iteration i = 1, s = { sample_id: "S2", r1: "s3://bkt/2", … } (s.csv:4) | note: the first run with this id is in iteration i = 0, s = { sample_id: "S1", r1: "s3://bkt/1", … } (s.csv:2) | ${DUP_HELP}`,
      ],
    });
  });

  it("rows and values of a JSON array carry their line too", () => {
    const rows = '[\n  {"sample_id": "S1", "n": 1},\n\n  {"sample_id": "S2", "n": 2}\n]\n';
    expect(
      outcome(`type S = { sample_id: string, n: int }\nlet samples: [S] = json("s.json")\nfor s in samples {\n  run "x" {}\n}\nfor (i, t) in enumerate(samples) {\n  run "y" {}\n}`, {
        "s.json": rows,
      }),
    ).toEqual({
      ids: ["x", "y"],
      diagnostics: [
        `BC3010 4:7-4:10 duplicate run id "x" | note: in iteration s = { sample_id: "S2", n: 2 } (s.json:4) | note: the first run with this id is in iteration s = { sample_id: "S1", n: 1 } (s.json:2) | ${DUP_HELP}`,
        `BC3010 7:7-7:10 duplicate run id "y" | note: in iteration i = 1, t = { sample_id: "S2", n: 2 } (s.json:4) | note: the first run with this id is in iteration i = 0, t = { sample_id: "S1", n: 1 } (s.json:2) | ${DUP_HELP}`,
      ],
    });
  });
});

describe("var()", () => {
  it("BC3011 a var that was not supplied", () => {
    expect(outcome(`let tag: string = var("tag")\nrun tag {}`)).toEqual({
      ids: [],
      diagnostics: ['BC3011 1:23-1:28 no value for `var("tag")` | help: pass it with `--var tag=VALUE`'],
    });
  });

  it("BC3012 a var that does not convert to the declared type", () => {
    expect(outcome(`let n: int = var("n")\nrun "x\${n}" {}`, {}, { n: "ten" })).toEqual({
      ids: [],
      diagnostics: ['BC3012 1:18-1:21 the value "ten" of `--var n` is not a valid `int` | help: an `int` is written as digits with an optional `-`'],
    });
  });
});

describe("data files", () => {
  it("BC3013 a file that cannot be read, at the path argument", () => {
    expect(outcome(`let rows = csv("missing.csv")\nfor r in rows { run "x" {} }\nrun "y" {}`)).toEqual({
      ids: ["y"],
      diagnostics: ["BC3013 1:16-1:29 cannot read `missing.csv`: file not found | help: paths are relative to the folder of the `.batch` file"],
    });
  });

  it("BC3013 names a file of the same folder with a close name", () => {
    expect(outcome(`let rows = csv("sheets/sample.csv")\nfor r in rows { run "x" {} }\nrun "y" {}`, { "sheets/samples.csv": "a\n1\n", "sheets/notes.txt": "" })).toEqual({
      ids: ["y"],
      diagnostics: ["BC3013 1:16-1:35 cannot read `sheets/sample.csv`: file not found | help: did you mean `sheets/samples.csv`?"],
    });
  });

  it("BC3014 a bad cell names file:line:column and the column (span: the csv call)", () => {
    expect(
      outcome(`type Row = { id: string, urgent: bool }\nlet rows: [Row] = csv("s.csv")\nfor r in rows { run r.id {} }`, {
        "s.csv": "id,urgent\nA,yes\nB,maybe\nC,nope\n",
      }),
    ).toEqual({
      ids: [],
      diagnostics: [
        'BC3014 2:19-2:31 bad `bool` value "maybe" in column `urgent` at s.csv:3:3 | note: in s.csv, line 3, column 3 | note: and 1 more bad cell in this column | help: use true, false, yes, no, 1 or 0',
      ],
    });
  });

  it("BC3015 a missing declared column names the header", () => {
    expect(outcome(`type Row = { id: string, r2: s3uri }\nlet rows: [Row] = csv("s.csv")`, { "s.csv": "id,r1\nA,s3://bkt/a\n" })).toEqual({
      ids: [],
      diagnostics: ["BC3015 2:19-2:31 column `r2` is missing from the header of `s.csv` | note: the header (s.csv:1) is: id, r1 | help: did you mean `r1`?"],
    });
  });

  it("BC3016 a row with the wrong number of cells", () => {
    expect(outcome(`let rows = tsv("s.tsv")`, { "s.tsv": "id\tn\nA\t1\nB\n" })).toEqual({
      ids: [],
      diagnostics: ["BC3016 1:12-1:24 row at s.tsv:3 has 1 cell, the header has 2 | note: in s.tsv, line 3"],
    });
  });

  it("BC3017 an unterminated quoted cell", () => {
    expect(outcome(`let rows = csv("s.csv")`, { "s.csv": 'id\n"A\n' })).toEqual({
      ids: [],
      diagnostics: ['BC3017 1:12-1:24 unterminated quoted cell at s.csv:2:1 | help: close the cell with `"`; write a quote inside a quoted cell as `""`'],
    });
  });

  it("BC3018 a file without a header row", () => {
    expect(outcome(`let rows = csv("s.csv")`, { "s.csv": "" })).toEqual({
      ids: [],
      diagnostics: ["BC3018 1:12-1:24 `s.csv` has no header row | help: the first line names the columns"],
    });
  });

  it("BC3019 a duplicated column name", () => {
    expect(outcome(`let rows = csv("s.csv")`, { "s.csv": "id,id\n" })).toEqual({
      ids: [],
      diagnostics: ["BC3019 1:12-1:24 column `id` appears twice in the header of `s.csv` | note: the second one is at s.csv:1:4"],
    });
  });

  it("BC3020 invalid JSON, with the place of the error", () => {
    expect(outcome(`let j = json("c.json")`, { "c.json": '{"a": tru}' })).toEqual({
      ids: [],
      diagnostics: ['BC3020 1:9-1:23 `c.json` is not valid JSON: unexpected "t" | note: at c.json:1:7'],
    });
  });

  it("BC3020 an integer above 2^53 in a JSON file is an error at its place, never rounded", () => {
    const files = { "c.json": '{"id": "12345678901234567890",\n "big": 9007199254740993, "ok": 9007199254740991, "f": 1.5e300}' };
    expect(outcome(`let j = json("c.json")\nrun "a" { name = str(j.big) }`, files)).toEqual({
      ids: [],
      diagnostics: [
        "BC3020 1:9-1:23 `c.json` is not valid JSON: the integer 9007199254740993 cannot be kept exactly (integers must be between -(2^53 - 1) and 2^53 - 1) | note: at c.json:2:9 | help: write it as a string in the file",
      ],
    });
    expect(outcome(`let j = json("c.json")\nrun "a" { name = str(j.ok) }`, { "c.json": '{"ok": -9007199254740991, "s": "9007199254740993"}' }).ids).toEqual(["a"]);
  });

  it("BC3021 JSON that does not match the declared type", () => {
    expect(outcome(`type C = { threads: int }\nlet c: C = json("c.json")`, { "c.json": '{"threads": 1.5}' })).toEqual({
      ids: [],
      diagnostics: ["BC3021 2:12-2:26 `c.json`: `$.threads` must be `int`, found a float (1.5)"],
    });
  });

  it("a JSON string that is not the declared S3 URI or enum value gets the message it gets anywhere else", () => {
    const files = { "c.json": '{"reads": "s3://o/a/", "caller": "gatkk"}' };
    expect(outcome(`type C = { reads: s3uri }\nlet c: C = json("c.json")`, files).diagnostics).toEqual([
      "BC2022 2:12-2:26 `\"s3://o/a/\"` is not an S3 URI (for `$.reads` in `c.json`) | help: `o` is not a bucket name (3 to 63 lowercase letters, digits, `.` and `-`, beginning and ending with a letter or digit); an S3 URI starts with `s3://` and a bucket name, as in `s3://my-bucket/path/`",
    ]);
    expect(outcome(`type C = { caller: "gatk" | "deepvariant" }\nlet c: C = json("c.json")`, files).diagnostics).toEqual([
      'BC3006 2:12-2:26 "gatkk" is not one of "gatk", "deepvariant" (`$.caller` in `c.json`) | help: did you mean "gatk"?',
    ]);
  });

  it("BC3022 a glob without a match", () => {
    expect(outcome(`let fs = glob("fastq/*.fq.gz")`, { "fastq/a.fastq.gz": "" })).toEqual({
      ids: [],
      diagnostics: [
        'BC3022 1:15-1:30 no file matches "fastq/*.fq.gz" | help: patterns are relative to the folder of the `.batch` file; `*` and `?` stay within a folder, `**` crosses folders',
      ],
    });
  });

  it("BC3043 s3_glob on a host without S3 needs S3 access", () => {
    expect(outcome(`let fs = s3_glob("s3://raw/run/*.fastq.gz")\nrun "r" { params { n = len(fs) } }`)).toEqual({
      ids: [],
      diagnostics: [
        'BC3043 1:18-1:43 `s3_glob("s3://raw/run/*.fastq.gz")` needs S3 access: this program is evaluated without S3 | help: run with AWS credentials that may call `s3:ListBucket` on the bucket (`--profile`, or the `AWS_*` variables)',
      ],
    });
  });

  it("BC3044 an s3_glob pattern that is not s3://bucket/…", () => {
    expect(outcome(`let fs = s3_glob("raw/*.fastq.gz")\nrun "r" { params { n = len(fs) } }`)).toEqual({
      ids: [],
      diagnostics: ['BC3044 1:18-1:34 "raw/*.fastq.gz" is not an S3 pattern | help: write it as `s3://bucket/prefix/**/*.fastq.gz`'],
    });
  });

  it("BC3045 an s3_glob without a match names the prefix listed; a match is sorted URIs", () => {
    const listed: string[] = [];
    const host = {
      ...memoryHost({}),
      listS3(bucket: string, prefix: string) {
        listed.push(`${bucket} ${prefix}`);
        return ["run/b_R1.fastq.gz", "run/a_R1.fastq.gz", "run/sub/c_R1.fastq.gz", "run/.x_R1.fastq.gz"];
      },
    };
    const text = `let fs = s3_glob("s3://raw/run/*.fastq.gz")\nlet none = s3_glob("s3://raw/run/**/*.bam")\nrun "r" { params { fs = fs, n = len(none) } }`;
    const { expansion, diagnostics } = compileFile("/p/t.batch", text, { host });
    expect(diagnostics).toEqual([]);
    const runs = [...expansion!.runs()];
    expect(runs).toEqual([]);
    expect(expansion!.diagnostics.map((d) => [d.code, d.message, d.notes])).toEqual([
      ["BC3045", 'no S3 object matches "s3://raw/run/**/*.bam"', ["listed every object under `s3://raw/run/`"]],
    ]);
    const ok = compileFile("/p/t.batch", `run "r" { params { fs = s3_glob("s3://raw/run/*.fastq.gz") } }`, { host });
    expect([...ok.expansion!.runs()].map((r) => r.fields.parameters)).toEqual([{ fs: ["s3://raw/run/a_R1.fastq.gz", "s3://raw/run/b_R1.fastq.gz"] }]);
    expect(listed).toEqual(["raw run/", "raw run/", "raw run/"]);
  });

  it("BC3024, BC3025, BC3026 pair_reads names unpaired, duplicated and unrecognised files", () => {
    const files = {
      "fastq/S1_R1.fq.gz": "",
      "fastq/S2_R2.fq.gz": "",
      "fastq/S3_R1.fq": "",
      "fastq/S3_R1.fastq": "",
      "fastq/S3_R2.fq": "",
      "fastq/x.txt": "",
    };
    const mate = "help: each sample needs exactly one `_R1` and one `_R2` (or `_1` and `_2`) file";
    expect(outcome(`let reads = pair_reads(glob("fastq/*"))`, files)).toEqual({
      ids: [],
      diagnostics: [
        "BC3025 1:24-1:39 `fastq/S3_R1.fq` is a second R1 file for sample `S3` | note: the first is `fastq/S3_R1.fastq`",
        "BC3026 1:24-1:39 `fastq/x.txt` is not a paired FASTQ file name | help: expected a name like `S1_R1.fastq.gz`, `S1_R2_001.fq.gz` or `S1_1.fastq` (`.fastq.gz`, `.fq.gz`, `.fastq`, `.fq`)",
        `BC3024 1:24-1:39 \`fastq/S1_R1.fq.gz\` has no mate: sample \`S1\` has no R2 file | ${mate}`,
        `BC3024 1:24-1:39 \`fastq/S2_R2.fq.gz\` has no mate: sample \`S2\` has no R1 file | ${mate}`,
      ],
    });
  });
});

describe("error limits", () => {
  it(`BC3029 stops expanding after ${MAX_ERRORS} distinct errors`, () => {
    const lines = [`let e = ""`];
    for (let i = 0; i < MAX_ERRORS + 5; i++) lines.push(`run "\${e}" {}`);
    const r = outcome(lines.join("\n"));
    expect(r.diagnostics.length).toBe(MAX_ERRORS + 1);
    expect(r.diagnostics[MAX_ERRORS - 1]).toBe(
      `BC3008 ${MAX_ERRORS + 1}:5-${MAX_ERRORS + 1}:11 the run id is an empty string | help: every run needs a non-empty, unique id`,
    );
    expect(r.diagnostics[MAX_ERRORS]).toBe(
      `BC3029 ${MAX_ERRORS + 1}:5-${MAX_ERRORS + 1}:11 too many errors; expansion stopped after ${MAX_ERRORS} distinct errors | help: fix the errors above and compile again`,
    );
  });

  it("a second runs() call neither repeats nor recounts errors", () => {
    const { expansion } = expandText(`for s in ["1", "x", "y"] { run "r\${s}" { priority = int(s) } }`);
    const first = [...expansion.runs()].length;
    const second = [...expansion.runs()].length;
    expect([first, second]).toEqual([1, 1]);
    expect(expansion.diagnostics.map((d) => d.notes)).toEqual([['in iteration s = "x"', "and 1 more iteration"]]);
  });
});

describe("reads stay inside the project (real files)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "batchc-reads-"));
  const project = path.join(dir, "project");
  mkdirSync(project);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const DEFAULTS = 'defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/x/" }\n';

  /** Every diagnostic of compiling `text` as `project/main.batch` over the real file system. */
  function compiled(text: string, allowRead: string[] = [], maxBytes?: number): string[] {
    const file = path.join(project, "main.batch");
    const host = maxBytes === undefined ? nodeHost : { ...nodeHost, readFile: (p: string, o?: ReadOptions) => nodeHost.readFile(p, { ...o, maxBytes }) };
    const r = compileFile(file, DEFAULTS + text, { host, allowRead });
    const all = [...r.diagnostics, ...(r.expansion ? (r.expansion.runs().next(), [...r.expansion.runs()], r.expansion.diagnostics) : [])];
    return all.filter((d) => d.code !== "BC2052").map((d) => full(r.source, d));
  }

  it("BC3037 `/proc/self/environ` and a file above the project are outside it; no value of theirs is shown", () => {
    writeFileSync(path.join(dir, "secret.txt"), "AWS_SECRET_ACCESS_KEY=s3cr3t-value\n");
    const out = compiled(
      'for l in lines("/proc/self/environ") { let m = match(l, "AWS_SECRET_ACCESS_KEY=(.*)")\n run "x" { priority = int(m[0]) } }\n' +
        'for l in lines("../secret.txt") { run l {} }\nfor f in glob("../*") { run f {} }\n',
    );
    expect(out).toEqual([
      "BC3037 2:16-2:36 `/proc/self/environ` is outside the project: data files are read only inside the folder of the `.batch` file | help: move the file next to the `.batch` file, or allow its folder with `--allow-read PATH`",
      "BC3037 4:16-4:31 `../secret.txt` is outside the project: data files are read only inside the folder of the `.batch` file | help: move the file next to the `.batch` file, or allow its folder with `--allow-read PATH`",
      "BC3037 5:15-5:21 `..` is outside the project: data files are read only inside the folder of the `.batch` file | help: move the file next to the `.batch` file, or allow its folder with `--allow-read PATH`",
    ]);
    expect(out.join("\n")).not.toContain("s3cr3t");
    // A symbolic link inside the project to the file outside is judged by where it leads.
    symlinkSync(path.join(dir, "secret.txt"), path.join(project, "link.txt"));
    expect(compiled('for l in lines("link.txt") { run l {} }')[0]).toMatch(/^BC3037 2:16-2:26 `link.txt` is outside the project/);
    // `--allow-read` lets the folder in.
    expect(compiled('for l in lines("link.txt") { run "r" { name = l } }', [dir])).toEqual([]);
    rmSync(path.join(project, "link.txt"));
  });

  it("BC3038 devices, FIFOs and /proc are refused without blocking, even when allowed", () => {
    execFileSync("mkfifo", [path.join(project, "fifo.csv")]);
    expect(compiled('for r in csv("/dev/zero") { run "x" {} }\nfor r in csv("fifo.csv") { run "y" {} }\nfor l in lines("/proc/self/environ") { run l {} }', ["/"])).toEqual([
      "BC3038 2:14-2:25 cannot read `/dev/zero`: it is a special file (under /dev) | help: data files must be regular files (devices, pipes, sockets and /proc, /sys, /dev are refused)",
      "BC3038 3:14-3:24 cannot read `fifo.csv`: it is a named pipe (FIFO), not a regular file | help: data files must be regular files (devices, pipes, sockets and /proc, /sys, /dev are refused)",
      "BC3038 4:16-4:36 cannot read `/proc/self/environ`: it is a special file (under /proc) | help: data files must be regular files (devices, pipes, sockets and /proc, /sys, /dev are refused)",
    ]);
    rmSync(path.join(project, "fifo.csv"));
  });

  it("BC3039 a data file above the size limit", () => {
    writeFileSync(path.join(project, "big.csv"), `id\n${"a\n".repeat(100)}`);
    expect(compiled('for r in csv("big.csv") { run r.id {} }', [], 64)).toEqual([
      "BC3039 2:14-2:23 cannot read `big.csv`: it is larger than 64 bytes | help: split the file, or filter it before compiling",
    ]);
  });

  it("BC3040 invalid UTF-8 in a CSV cell, at file:line:column", () => {
    writeFileSync(path.join(project, "bad.csv"), Buffer.concat([Buffer.from("id,n\nA,1\nB"), Buffer.from([0xff]), Buffer.from(",2\n")]));
    expect(compiled('for r in csv("bad.csv") { run r.id {} }')).toEqual([
      "BC3040 2:14-2:23 `bad.csv` is not valid UTF-8 at bad.csv:3:2 | note: in bad.csv, line 3, column 2 | help: save the file as UTF-8",
    ]);
  });
});

describe("more than one batch", () => {
  it("BC3047 maxRunsPerBatch not a whole number from 1 to 100,000, at its value; the batch is not cut", () => {
    const message = "BC3047 {at} `maxRunsPerBatch` is out of range | help: {why}; a run batch holds at most 100,000 runs";
    for (const [text, at, why] of [
      [`batch "b" { maxRunsPerBatch = 0 }\nrun "a" {}`, "1:31-1:32", "it is from 1 to 100,000; this one is 0"],
      [`batch "b" { maxRunsPerBatch = 100001 }\nrun "a" {}`, "1:31-1:37", "it is from 1 to 100,000; this one is 100001"],
      [`let n = 500000\nbatch "b" { maxRunsPerBatch = int(n / 2) }\nrun "a" {}`, "2:31-2:41", "it is from 1 to 100,000; this one is 250000"],
    ] as const) {
      const { source, expansion } = expandText(text);
      expect(expansion.diagnostics.map((d) => full(source, d))).toEqual([message.replace("{at}", at).replace("{why}", why)]);
      expect(expansion.batch.maxRunsPerBatch).toBeUndefined();
    }
  });

  it("maxRunsPerBatch = N: the batch carries it, and expansion stops after 1,000 x N + 1 runs", () => {
    const { expansion } = expandText(`batch "b" { maxRunsPerBatch = 3 }\nfor i in 1..1000000000 { run "r\${i}" {} }`);
    expect(expansion.batch).toEqual({ batchName: "b", maxRunsPerBatch: 3 });
    expect([...expansion.runs()]).toHaveLength(3001);
  });
});

describe("size limits", () => {
  it("BC3046 a string or list above the size limit, at the call or operator that builds it", () => {
    expect(outcome(`run "a" { name = pad(1, 1000000000) }\nlet xs = range(0, 6000000)\nrun "b" { priority = len(xs + xs) }\nrun "c" {}`)).toEqual({
      ids: ["c"],
      diagnostics: [
        "BC3046 1:25-1:35 this string would have 1,000,000,000 characters, more than the limit of 16,777,216 | help: values this large cannot be sent to HealthOmics; build smaller ones",
        "BC3046 3:26-3:33 this list would have 12,000,000 elements, more than the limit of 10,000,000 | help: values this large cannot be sent to HealthOmics; build smaller ones",
      ],
    });
  });
});

describe("the catalog", () => {
  it("numbers the BC3xxx codes without gaps or repeats (retired codes aside), and this suite triggers each one", () => {
    const catalog = readFileSync(new URL("../diagnostics/codes/expand.ts", import.meta.url), "utf8");
    const codes = [...catalog.matchAll(/"(BC3\d{3})"/g)].map((m) => m[1] as string);
    // BC3005 (not an `s3uri`) is BC2022 now, the one code of the one S3 URI grammar.
    const retired = ["BC3005"];
    expect(codes).toEqual(
      Array.from({ length: codes.length + retired.length }, (_, i) => `BC30${String(i + 1).padStart(2, "0")}`).filter((c) => !retired.includes(c)),
    );
    const tests = readFileSync(new URL("./expand-errors.test.ts", import.meta.url), "utf8");
    expect(codes.filter((c) => !new RegExp(`it\\("[^"]*${c}`).test(tests) && !tests.includes(`${c} `))).toEqual([]);
  });
});

// BC3048: a run's parameter, tag or API field whose value is `null` at run time while `defaults`
// (or a declared parameter default) sets it: a warning at the value, once per place, folded over
// the iterations, naming the data-file cell the `null` came from (docs/language.md §8a). Not
// given when the value is written `null` (the checker's BC2051 is), nor when nothing sets the key.
const INHERITS_HELP =
  "help: this run inherits the default; to leave it out for some runs, set it per run instead of in `defaults` (values shared by every run are moved into `defaultRunSetting` by the compiler anyway)";
const NULL_DEFAULTS = `defaults { workflowId = "1" roleArn = "arn:aws:iam::123456789012:role/R" outputUri = "s3://out-bucket/x/" params { intervals = "s3://refs/exome.bed" } runTags { project = "p1" } }\n`;
const NULL_SHEET = "sample,bed,proj\nA,s3://refs/a.bed,p2\nB,,\nC,,p3\n";
const NULL_ROW = `type Row = { sample: string, bed?: s3uri, proj?: string }\nlet rows: [Row] = csv("s.csv")\n`;

describe("BC3048 a null at run time over a default", () => {
  it("BC3048 an empty optional csv cell for a parameter `defaults` sets: warned at the value, the cell named, folded; every run given", () => {
    const { runs, raw, expansion } = runAll(`${NULL_DEFAULTS}${NULL_ROW}for r in rows { run r.sample { params { intervals = r.bed, sample = r.sample } } }`, { "s.csv": NULL_SHEET });
    expect(runs.map((r) => [r.runSettingId, r.fields.parameters])).toEqual([
      ["A", { intervals: "s3://refs/a.bed", sample: "A" }],
      ["B", { sample: "B" }],
      ["C", { sample: "C" }],
    ]);
    expect(outcome(`${NULL_DEFAULTS}${NULL_ROW}for r in rows { run r.sample { params { intervals = r.bed, sample = r.sample } } }`, { "s.csv": NULL_SHEET }).diagnostics).toEqual([
      `BC3048 4:53-4:58 parameter \`intervals\` is \`null\` in this run, but the run still gets the default value | note: in iteration r = { sample: "B" } (s.csv:3) | note: in s.csv, line 3, column 3 | note: and 1 more iteration | ${INHERITS_HELP}`,
    ]);
    expect(raw.map((d) => [d.severity, d.label])).toEqual([["warning", "is `null`: inherits the default"]]);
    // a second walk neither repeats it nor counts its iterations again
    expect([...expansion.runs()]).toHaveLength(3);
    expect(expansion.diagnostics).toHaveLength(1);
    expect(expansion.diagnostics[0]?.notes?.at(-1)).toBe("and 1 more iteration");
  });

  it("a tag `defaults` sets, from an empty cell of a tsv", () => {
    const tsv = "sample\tproj\nA\tp2\nB\t\n";
    expect(outcome(`${NULL_DEFAULTS}type Row = { sample: string, proj?: string }\nlet rows: [Row] = tsv("s.tsv")\nfor r in rows { run r.sample { runTags { project = r.proj } } }`, { "s.tsv": tsv })).toEqual({
      ids: ["A", "B"],
      diagnostics: [
        `BC3048 4:52-4:58 tag \`project\` is \`null\` in this run, but the run still gets the default value | note: in iteration r = { sample: "B" } (s.tsv:3) | note: in s.tsv, line 3, column 3 | ${INHERITS_HELP}`,
      ],
    });
  });

  it("an API field `defaults` sets (`outputUri`) is warned; one it does not set (`name`) is not", () => {
    const json = '[\n  {"s": "A", "out": "s3://out-a/x/", "n": "a"},\n  {"s": "B", "out": null}\n]';
    expect(outcome(`${NULL_DEFAULTS}type M = { s: string, out?: string, n?: string }\nlet ms: [M] = json("m.json")\nfor m in ms { run m.s { name = m.n, outputUri = m.out } }`, { "m.json": json })).toEqual({
      ids: ["A", "B"],
      diagnostics: [
        `BC3048 4:49-4:54 field \`outputUri\` is \`null\` in this run, but the run still gets the default value | note: in iteration m = { s: "B", out: null } (m.json:3) | note: in m.json, line 3 | ${INHERITS_HELP}`,
      ],
    });
  });

  it("a parameter with a declared default, from a value that is not a loop variable's field (no cell), in a run outside any loop", () => {
    expect(outcome(`params { threads: int = 16, bed?: string }\nlet j = json("c.json")\nrun "a" { params { threads = j.threads } }`, { "c.json": '{"threads": null}' })).toEqual({
      ids: ["a"],
      diagnostics: [`BC3048 3:30-3:39 parameter \`threads\` is \`null\` in this run, but the run still gets the default value | ${INHERITS_HELP}`],
    });
  });

  it("no warning when nothing sets the key, or when the value is not null", () => {
    expect(
      outcome(`${NULL_DEFAULTS}${NULL_ROW}for r in rows { run r.sample { name = r.proj, params { bed = r.bed }, runTags { owner = r.proj } } }\nrun "x" { params { intervals = "s3://refs/x.bed" }, runTags { project = "p" } }`, { "s.csv": NULL_SHEET }),
    ).toEqual({ ids: ["A", "B", "C", "x"], diagnostics: [] });
  });

  it("no second warning where the checker's BC2051 is given for the same value", () => {
    const text = `${NULL_DEFAULTS}${NULL_ROW}for r in rows { run r.sample { params { intervals = if r.sample == "A" then null else r.bed } } }`;
    const r = compileFile("/p/t.batch", text, { host: memoryHost({ "/p/s.csv": NULL_SHEET }) });
    expect([...r.expansion!.runs()].map((x) => x.runSettingId)).toEqual(["A", "B", "C"]);
    expect([...r.diagnostics, ...r.expansion!.diagnostics].map((d) => full(r.source, d))).toEqual([
      `BC2051 4:53-4:92 parameter \`intervals\` is set to \`null\`, but the run still gets the default value | ${INHERITS_HELP}`,
    ]);
  });

  it("a run that fails reports its errors only", () => {
    expect(outcome(`${NULL_DEFAULTS}${NULL_ROW}for r in rows { run r.sample { priority = int(r.sample), params { intervals = r.bed } } }`, { "s.csv": NULL_SHEET })).toEqual({
      ids: [],
      diagnostics: [
        'BC3004 4:47-4:55 cannot convert "A" to `int` | note: in iteration r = { sample: "A", bed: "s3://refs/a.bed", … } (s.csv:2) | note: in s.csv, line 2, column 1 | note: and 2 more iterations | help: an `int` is written as digits with an optional `-`',
      ],
    });
  });
});
