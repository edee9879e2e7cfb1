// Reshaping (docs/language.md §7b): comprehensions (parse, print, type, expand, errors) and the
// built-ins `group_by`, `first`, `last`, `any`, `all`, `sum`, `count`, with exact values.
import { describe, expect, it } from "vitest";
import { debugExpr } from "../ast/debug.js";
import { printProgram } from "../ast/print.js";
import type { LetStatement } from "../ast/nodes.js";
import { checkSource, expectErrors } from "../../test/check-harness.js";
import { printType } from "./types.js";
import { outcome, runAll } from "../../test/expand-harness.js";
import { parse } from "../parser/parse.js";
import { SourceFile } from "../source.js";

const DEFAULTS = `defaults {
  workflowId = "1234567"
  roleArn = "arn:aws:iam::123456789012:role/OmicsRunRole"
}
`;

/** The value of the `let v = ...` of a program, through a run's parameter. */
function valueOf(prelude: string, expr: string, files: Record<string, string> = {}): unknown {
  const { runs, diagnostics } = runAll(`${DEFAULTS}${prelude}\nrun "r" {\n  outputUri = "s3://out-bucket/r/"\n  params { v = ${expr} }\n}\n`, files);
  expect(diagnostics).toEqual([]);
  return runs[0]?.fields.parameters?.v;
}

/** The checker's type of `let x = EXPR` (the program's last line). */
function typeOf(expr: string, prelude = "", files: Record<string, string> = {}): string {
  const src = `${prelude}let x = ${expr}\n`;
  const r = checkSource(src, files);
  expect([...r.syntax, ...r.diagnostics].map((d) => d.message)).toEqual([]);
  const last = r.checked.program.statements.at(-1) as LetStatement;
  const t = r.checked.types.get(last.value);
  return t === undefined ? "<untyped>" : printType(t);
}

const SHEET = [
  "sample,fastq_1,fastq_2,strandedness",
  "WT_REP1,s3://raw/WT1_L001_1.fq.gz,s3://raw/WT1_L001_2.fq.gz,auto",
  "WT_REP1,s3://raw/WT1_L002_1.fq.gz,s3://raw/WT1_L002_2.fq.gz,auto",
  "RAP1_UNINDUCED,s3://raw/RAP1_1.fq.gz,,reverse",
  "WT_REP2,s3://raw/WT2_1.fq.gz,s3://raw/WT2_2.fq.gz,reverse",
  "",
].join("\n");
const ROW = "type Row = { sample: string, fastq_1: s3uri, fastq_2?: s3uri, strandedness: string }\nlet rows: [Row] = csv(\"sheet.csv\")\n";

describe("comprehension syntax", () => {
  const parseLet = (text: string): string => {
    const { program, diagnostics } = parse(new SourceFile("t.batch", `let x = ${text}`));
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    return debugExpr((program.statements[0] as LetStatement).value);
  };

  it("parses every source form, with and without where", () => {
    expect(parseLet("[x for x in xs]")).toBe("(for x (x xs))");
    expect(parseLet("[x * y for x in 1..3, y in [10, 20] where x != 2]")).toBe("(for (* x y) (x (.. 1 3)) (y (list 10 20)) (where (!= x 2)))");
    expect(parseLet("[r.a for (i, r) in enumerate(rs)]")).toBe("(for (. r a) ((i r) (call enumerate rs)))");
    expect(parseLet("[\n  x\n  for x in xs\n  where x > 1\n]")).toBe("(for x (x xs) (where (> x 1)))");
    // a list literal stays one
    expect(parseLet("[a, b]")).toBe("(list a b)");
    expect(parseLet("[a b,]")).toBe("(list a b)");
  });

  it("prints a comprehension that parses back to the same text", () => {
    const text = "let x = [r.a + 1 for (i, r) in enumerate(rs), y in r.b where i > 0]\n";
    const { program } = parse(new SourceFile("t.batch", text));
    expect(printProgram(program)).toBe(text);
  });

  it("reports `if` in place of `where` with a hint (BC1004)", () => {
    const { diagnostics } = parse(new SourceFile("t.batch", "let x = [a for a in xs if a > 1]"));
    expect(diagnostics.map((d) => [d.code, d.span.start, d.message, d.help])).toEqual([
      ["BC1004", 23, "expected `where` to filter a comprehension, found `if`", "a comprehension filters with `where`: `[x for x in xs where c]`"],
    ]);
  });
});

describe("comprehension types", () => {
  it("types the element, the sources and the filter", () => {
    expect(typeOf("[x * 2 for x in 1..3]")).toBe("[int]");
    expect(typeOf('[r.sample for r in rows where r.strandedness == "auto"]', ROW, { "sheet.csv": SHEET })).toBe("[string]");
    expect(typeOf("[{ i: i, s: s } for (i, s) in enumerate([\"a\"])]")).toBe("[{ i: int, s: string }]");
    expect(typeOf("[x + y for x in [1], y in [2.5]]")).toBe("[float]");
    expect(typeOf("[x for x in []]")).toBe("[never]");
  });

  it("reports shadowing, bad sources and a non-bool filter", () => {
    expectErrors('let x = 1\nlet y = [x for x in [1]]\n', [{ code: "BC2011", line: 2, col: 16, message: "`x` shadows an outer declaration" }]);
    expectErrors('let y = [c for c in "ACGT"]\n', [{ code: "BC2032", line: 1, col: 21, message: "`for` needs a list, found `string`" }]);
    expectErrors("let y = [x for x in [1] where x]\n", [{ code: "BC2035", line: 1, col: 31, message: "a condition must be `bool`, found `int`" }]);
    expectErrors("let y = [x for x in [1]]\nlet z = x\n", [{ code: "BC2010", line: 2, col: 9, message: "unknown name `x`" }]);
  });
});

describe("comprehension values", () => {
  it("nests sources with the rightmost fastest and filters each combination", () => {
    expect(valueOf("", '[x * 10 + y for x in 1..3, y in [1, 2] where x != 2]')).toEqual([11, 12, 31, 32]);
    expect(valueOf("", '[s for s in ["a", "b"], t in [] ]')).toEqual([]);
    expect(valueOf('let xs = [[1, 2], [3]]', "[y for x in xs, y in x]")).toEqual([1, 2, 3]);
    expect(valueOf("", '["${i}:${s}" for (i, s) in enumerate(["a", "b"])]')).toEqual(["0:a", "1:b"]);
  });

  it("reads loop variables of the enclosing `for`", () => {
    const { runs, diagnostics } = runAll(
      `${DEFAULTS}for n in [1, 2] {\n  run "r${"${n}"}" {\n    outputUri = "s3://out-bucket/r/"\n    params { v = [n * k for k in 1..3] }\n  }\n}\n`,
    );
    expect(diagnostics).toEqual([]);
    expect(runs.map((r) => r.fields.parameters?.v)).toEqual([
      [1, 2, 3],
      [2, 4, 6],
    ]);
  });

  it("names the comprehension's iteration in an error", () => {
    const o = outcome(`${DEFAULTS}let xs = ["1", "x", "3"]\nrun "r" {\n  outputUri = "s3://out-bucket/r/"\n  params { v = [int(s) for s in xs] }\n}\n`);
    expect(o.ids).toEqual([]);
    expect(o.diagnostics).toEqual([
      'BC3004 8:21-8:22 cannot convert "x" to `int` | note: in comprehension iteration s = "x" | help: an `int` is written as digits with an optional `-`',
    ]);
  });
});

describe("group_by", () => {
  const files = { "sheet.csv": SHEET };

  it("types key and items from the record type", () => {
    expect(typeOf('group_by(rows, "sample")', ROW, files)).toBe("[{ key: string, items: [Row] }]");
    expect(typeOf('group_by(rows, ["sample", "strandedness"])', ROW, files)).toBe("[{ key: { sample: string, strandedness: string }, items: [Row] }]");
    expect(typeOf('group_by(rows, "fastq_2")', ROW, files)).toBe("[{ key: any, items: [Row] }]");
    expect(typeOf('group_by(csv("sheet.csv"), "sample")', "", files)).toBe("[{ key: any, items: [any] }]");
  });

  it("groups in order of first appearance, by one or several fields", () => {
    expect(valueOf(ROW, '[{ k: g.key, n: count(g.items) } for g in group_by(rows, "sample")]', files)).toEqual([
      { k: "WT_REP1", n: 2 },
      { k: "RAP1_UNINDUCED", n: 1 },
      { k: "WT_REP2", n: 1 },
    ]);
    expect(valueOf(ROW, '[g.key for g in group_by(rows, ["strandedness", "sample"])]', files)).toEqual([
      { strandedness: "auto", sample: "WT_REP1" },
      { strandedness: "reverse", sample: "RAP1_UNINDUCED" },
      { strandedness: "reverse", sample: "WT_REP2" },
    ]);
    // an absent optional field groups under null; keys compare deeply
    expect(valueOf(ROW, '[g.key for g in group_by(rows, "fastq_2")]', files)).toEqual([
      "s3://raw/WT1_L001_2.fq.gz",
      "s3://raw/WT1_L002_2.fq.gz",
      null,
      "s3://raw/WT2_2.fq.gz",
    ]);
    expect(valueOf("", '[count(g.items) for g in group_by([{ k: [1] }, { k: [2] }, { k: [1] }], "k")]')).toEqual([2, 1]);
    expect(valueOf("", 'group_by([], "k")')).toEqual([]);
  });

  it("reports an unknown field with did-you-mean, and fields that are not literals", () => {
    expectErrors(`${ROW}let g = group_by(rows, "smaple")\n`, [{ code: "BC2024", line: 3, col: 24, message: "type `Row` has no field `smaple`", help: "did you mean `sample`?" }], files);
    expectErrors(`${ROW}let g = group_by(rows, ["sample", "strandednes"])\n`, [{ code: "BC2024", line: 3, col: 35, message: "type `Row` has no field `strandednes`" }], files);
    expectErrors(`${ROW}let f = "sample"\nlet g = group_by(rows, f)\n`, [
      { code: "BC2050", line: 4, col: 24, message: "`group_by` takes its field names as a string literal or a list of string literals", help: 'write `group_by(xs, "sample")` or `group_by(xs, ["patient", "sample"])`' },
    ], files);
    expectErrors('let g = group_by([1, 2], 3)\n', [{ code: "BC2031", line: 1, col: 26, message: "argument `fields` of `group_by` must be `string | [string]`, found `int`" }]);
  });

  it("reports an unknown field of untyped rows at expansion, naming the row", () => {
    const o = outcome(`${DEFAULTS}let g = group_by(csv("sheet.csv"), "smaple")\nrun "r" { outputUri = "s3://out-bucket/${"${len(g)}"}/" }\n`, files);
    expect(o.ids).toEqual([]);
    expect(o.diagnostics).toEqual([
      "BC3034 5:36-5:44 `group_by`: a row has no field `smaple` (sheet.csv:2) | help: did you mean `sample`?",
    ]);
  });
});

describe("first, last, any, all, sum, count", () => {
  it("give exact values and types", () => {
    expect(valueOf("", "[first([3, 4]), last([3, 4]), count([1, 2, 3]), count([])]")).toEqual([3, 4, 3, 0]);
    expect(valueOf("", "[any([false, true]), any([]), all([true, false]), all([])]")).toEqual([true, false, false, true]);
    expect(valueOf("", "[sum([1, 2, 3]), sum([]), sum([0.5, 1])]")).toEqual([6, 0, 1.5]);
    expect(typeOf("sum([1, 2])")).toBe("int");
    expect(typeOf("sum([1, 2.5])")).toBe("float");
    expect(typeOf("sum([])")).toBe("int");
    expect(typeOf('first(["a"])')).toBe("string");
    expect(typeOf("all([true])")).toBe("bool");
    expect(typeOf("count([1])")).toBe("int");
  });

  it("report wrong arguments and empty lists", () => {
    expectErrors("let a = any([1])\n", [{ code: "BC2031", line: 1, col: 13, message: "argument `xs` of `any` must be `[bool]`, found `[int]`" }]);
    expectErrors('let a = sum(["1"])\n', [{ code: "BC2031", line: 1, col: 13, message: "argument `xs` of `sum` must be `[int] | [float]`, found `[string]`" }]);
    expectErrors('let a = first("ab")\n', [{ code: "BC2031", line: 1, col: 15, message: "argument `xs` of `first` must be `[T]`, found `string`" }]);
    const o = outcome(`${DEFAULTS}let xs = [1][1:]\n`.replace("[1][1:]", "[x for x in [1] where x > 1]") + 'run "r" {\n  outputUri = "s3://out-bucket/r/"\n  params { a = last(xs) }\n}\nrun "s" {\n  outputUri = "s3://out-bucket/r/"\n  params { b = first(xs) }\n}\n');
    expect(o.ids).toEqual([]);
    expect(o.diagnostics).toEqual([
      "BC3035 8:16-8:24 `last` of an empty list | help: guard it, as in `if len(xs) > 0 then last(xs) else ...`",
      "BC3035 12:16-12:25 `first` of an empty list | help: guard it, as in `if len(xs) > 0 then first(xs) else ...`",
      // the `where` that empties the list is warned about too
      "BC3041 5:32-5:37 this `where` keeps no combination: the comprehension is always empty | help: check the condition against the data (a misspelt value or a wrong comparison)",
    ]);
  });

  it("check elements typed `any` at expansion", () => {
    const o = outcome(`${DEFAULTS}let j = json("x.json")\nrun "r" {\n  outputUri = "s3://out-bucket/r/"\n  params { a = sum(j) }\n}\nrun "s" {\n  outputUri = "s3://out-bucket/r/"\n  params { b = all(j) }\n}\n`, { "x.json": '[1, "2"]' });
    expect(o.diagnostics).toEqual([
      'BC3007 8:20-8:21 an element of argument 1 of `sum` must be `int | float`, found a string ("2")',
      "BC3007 12:20-12:21 an element of argument 1 of `all` must be `bool`, found an int (1)",
    ]);
  });
});
