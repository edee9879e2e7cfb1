// Comprehensions at expansion time: the notes of failures inside them name the data-file line
// of each row and the cell of a wrong value, as a `for` loop's do, with exact values.
import { describe, expect, it } from "vitest";
import { outcome } from "../../test/expand-harness.js";

const ROWS = "patient,sample,tumor\nP1,S1,x\nP1,S2,3\nP2,S3,4\n";
const SAMPLES = "id,n\nA,1\nB,z\n";
const FILES = { "rows.csv": ROWS, "samples.csv": SAMPLES };
const INT_HELP = "help: an `int` is written as digits with an optional `-`";
const ROW1 = 'r = { patient: "P1", sample: "S1", … } (rows.csv:2)';

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
