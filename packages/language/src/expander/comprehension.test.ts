// Comprehensions at expansion time: the notes of failures inside them name the data-file line
// of each row and the cell of a wrong value, as a `for` loop's do; and a `where` that was
// evaluated and never held is warned about once (BC3041), with exact values.
import { describe, expect, it } from "vitest";
import { outcome, runAll } from "../../test/expand-harness.js";

const ROWS = "patient,sample,tumor\nP1,S1,x\nP1,S2,3\nP2,S3,4\n";
const SAMPLES = "id,n\nA,1\nB,z\n";
const FILES = { "rows.csv": ROWS, "samples.csv": SAMPLES };
const INT_HELP = "help: an `int` is written as digits with an optional `-`";
const ROW1 = 'r = { patient: "P1", sample: "S1", … } (rows.csv:2)';
const EMPTY = "this `where` keeps no combination: the comprehension is always empty";
const WHERE_HELP = "help: check the condition against the data (a misspelt value or a wrong comparison)";

describe("comprehension notes name data-file places", () => {
  it("a comprehension over csv rows names the row's line and the bad cell", () => {
    expect(outcome(`let rows = csv("rows.csv")\nrun "a" { name = str(sum([int(r.tumor) for r in rows])) }\nrun "b" {}`, FILES)).toEqual({
      ids: ["b"],
      diagnostics: [`BC3004 2:31-2:38 cannot convert "x" to \`int\` | note: in comprehension iteration ${ROW1} | note: in rows.csv, line 2, column 7 | ${INT_HELP}`],
    });
  });

  it("a destructured `enumerate(rows)` names the row's line by the row", () => {
    expect(outcome(`let rows = csv("rows.csv")\nrun "a" { name = str(sum([int(r.tumor) + i for (i, r) in enumerate(rows)])) }`, FILES)).toEqual({
      ids: [],
      diagnostics: [`BC3004 2:31-2:38 cannot convert "x" to \`int\` | note: in comprehension iteration i = 0, ${ROW1} | note: in rows.csv, line 2, column 7 | ${INT_HELP}`],
    });
  });

  it("rows reached through another list (a comprehension's result) keep their lines", () => {
    const o = outcome(`let rows = csv("rows.csv")\nlet late = [q for q in rows where q.patient == "P2"] + [rows[0]]\nrun "a" { name = str(sum([int(r.tumor) for r in late])) }`, FILES);
    expect(o.diagnostics).toEqual([`BC3004 3:31-3:38 cannot convert "x" to \`int\` | note: in comprehension iteration ${ROW1} | note: in rows.csv, line 2, column 7 | ${INT_HELP}`]);
  });

  it("the lines of `lines()` are named by their line numbers", () => {
    expect(outcome(`run "a" { name = str(sum([int(t) for t in lines("n.txt")])) }`, { "n.txt": "1\n 2\nthree\n" })).toEqual({
      ids: [],
      diagnostics: [`BC3004 1:31-1:32 cannot convert "three" to \`int\` | note: in comprehension iteration t = "three" (n.txt:3) | note: in n.txt, line 3, column 1 | ${INT_HELP}`],
    });
  });

  it("nested in a `for` over another file, both iterations and the cell are named", () => {
    const text = `let rows = csv("rows.csv")\nfor s in csv("samples.csv") {\n  run s.id { name = str(sum([int(r.tumor) for r in rows where r.patient == "P1"])) }\n}`;
    expect(outcome(text, FILES)).toEqual({
      ids: [],
      diagnostics: [
        `BC3004 3:34-3:41 cannot convert "x" to \`int\` | note: in comprehension iteration ${ROW1} | note: in rows.csv, line 2, column 7 | note: in iteration s = { id: "A", n: "1" } (samples.csv:2) | note: and 1 more iteration | ${INT_HELP}`,
      ],
    });
  });

  it("a bad cell of the enclosing loop's row is named by the loop, once", () => {
    const text = `for s in csv("samples.csv") {\n  run s.id { name = str(sum([int(s.n) * k for k in [1, 2]])) }\n}`;
    expect(outcome(text, FILES)).toEqual({
      ids: ["A"],
      diagnostics: [
        `BC3004 2:34-2:37 cannot convert "z" to \`int\` | note: in comprehension iteration k = 1 | note: in iteration s = { id: "B", n: "z" } (samples.csv:3) | note: in samples.csv, line 3, column 3 | ${INT_HELP}`,
      ],
    });
  });

  it("an inner comprehension names the cell; the outer one adds its own iteration only", () => {
    const text = `let rows = csv("rows.csv")\nrun "a" { name = str(len([sum([int(r.tumor) for r in rows where r.patient == p]) for p in ["P2", "P1"]])) }`;
    expect(outcome(text, FILES).diagnostics).toEqual([
      `BC3004 2:36-2:43 cannot convert "x" to \`int\` | note: in comprehension iteration ${ROW1} | note: in rows.csv, line 2, column 7 | note: in comprehension iteration p = "P1" | ${INT_HELP}`,
    ]);
  });

  it("a list built in the program has no data-file place", () => {
    expect(outcome(`run "a" { name = str(sum([int(t) for t in ["1", "x"]])) }`).diagnostics).toEqual([
      `BC3004 1:31-1:32 cannot convert "x" to \`int\` | note: in comprehension iteration t = "x" | ${INT_HELP}`,
    ]);
  });
});

describe("BC3041 a comprehension whose `where` keeps nothing", () => {
  it("is warned about once, at the condition, however many runs evaluate it", () => {
    const text = `let rows = csv("rows.csv")\nfor s in csv("samples.csv") {\n  run s.id { name = str(len([r for r in rows where r.patient == "P3"])) }\n}`;
    const o = runAll(text, FILES);
    expect(o.runs.map((r) => [r.runSettingId, r.fields.name])).toEqual([
      ["A", "0"],
      ["B", "0"],
    ]);
    expect(o.diagnostics).toEqual([`BC3041 3:52 ${EMPTY}`]);
    expect(o.raw.map((d) => [d.severity, d.span.end - d.span.start, d.help])).toEqual([["warning", 17, WHERE_HELP.slice(6)]]);
    // a second walk does not repeat it
    [...o.expansion.runs()];
    expect(o.expansion.diagnostics).toHaveLength(1);
  });

  it("in a top-level `let`, evaluated once", () => {
    expect(outcome(`let rows = csv("rows.csv")\nlet p3 = [r.sample for r in rows where r.patient == "P3"]\nrun "a" { name = str(len(p3)) }`, FILES)).toEqual({
      ids: ["a"],
      diagnostics: [`BC3041 2:40-2:57 ${EMPTY} | ${WHERE_HELP}`],
    });
  });

  it("is not reported when the `where` held once, in any run", () => {
    const text = `for n in [0, 1, 2, 3] {\n  run "r\${n}" { name = str(len([k for k in range(0, n) where k == 2])) }\n}`;
    const o = runAll(text);
    expect(o.runs.map((r) => r.fields.name)).toEqual(["0", "0", "0", "1"]);
    expect(o.diagnostics).toEqual([]);
  });

  it("is not reported for a `where` never tested: empty lists, a loop that never runs", () => {
    const text = [
      `let none: [int] = []`,
      `let a = [k for k in none where k > 5]`,
      `let b = [k for j in [1, 2], k in none where k > 5]`,
      `for n in none { run "n\${n}" { name = str(len([k for k in [1] where k > 5])) } }`,
      `run "r" { name = str(len(a) + len(b)) }`,
    ].join("\n");
    expect(outcome(text)).toEqual({ ids: ["r"], diagnostics: [] });
  });

  it("is reported per comprehension, next to a `for` where's warning, in source order", () => {
    const text = `let a = [k for k in [1, 2] where k > 5]\nlet b = [k for k in [1, 2] where k > 1]\nlet c = [k for k in [3] where k < 0]\nfor n in [1] where n > 1 { run "x" {} }\nrun "r" { name = str(len(a) + len(b) + len(c)) }`;
    expect(runAll(text).diagnostics).toEqual([
      "BC3041 4:20 this `where` keeps no combination: the loop produces no run",
      `BC3041 1:34 ${EMPTY}`,
      `BC3041 3:31 ${EMPTY}`,
    ]);
  });

  it("a `where` whose evaluation fails is an error, not also a warning", () => {
    const o = outcome(`let xs: [any] = json("x.json")\nlet ys = [x for x in xs where x.a > 1]\nrun "r" {}`, { "x.json": '[{"a": "s"}]' });
    expect(o).toEqual({
      ids: ["r"],
      diagnostics: ['BC3031 2:31-2:38 cannot apply `>` to a string ("s") and an int (1) | note: in comprehension iteration x = { a: "s" } (x.json:1)'],
    });
  });

  it("a `for … where` whose evaluation fails is an error, not also a warning, as a comprehension's", () => {
    const o = outcome(`let xs: [any] = json("x.json")\nfor x in xs where x.a > 1 { run "r" {} }`, { "x.json": '[{"a": "s"}]' });
    expect(o).toEqual({
      ids: [],
      diagnostics: ['BC3031 2:19-2:26 cannot apply `>` to a string ("s") and an int (1) | note: in iteration x = { a: "s" } (x.json:1)'],
    });
  });

  it("is not reported when the expansion stopped early", () => {
    const lines = [`let a = [k for k in [1] where k > 5]`, `run "r" { name = str(len(a)) }`];
    for (let i = 0; i < 101; i++) lines.push(`run "e${i}" { name = str(int("x${i}")) }`);
    const o = runAll(lines.join("\n"));
    expect(o.raw.map((d) => d.code).filter((c) => c === "BC3041" || c === "BC3029")).toEqual(["BC3029"]);
  });
});
