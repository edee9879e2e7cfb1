// Printer tests: the canonical layout, the fewest parentheses that keep the meaning, and
// the round trip (print, parse again, same AST) for a full program and for random
// expression trees.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../parser/parse.js";
import { SourceFile } from "../source.js";
import type * as A from "./nodes.js";
import { printExpression, printProgram, printTypeExpression } from "./print.js";
import { expression } from "../../test/arbitraries.js";

function parseOk(text: string): A.Program {
  const { program, diagnostics } = parse(new SourceFile("t.batch", text));
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return program;
}

function withoutSpans(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (k, v: unknown) => (k === "span" || k === "operatorSpan" || k === "keyword" ? undefined : v)));
}

/** Reformats source text. */
const format = (text: string): string => printProgram(parseOk(text));

describe("printProgram", () => {
  it("prints the language reference example in its own layout (comments aside)", () => {
    const source = [
      '# header',
      'batch "wgs-cohort-a" { settings = "s3://lab-batches/cohort-a/", tags { project = "cohort-a" } }',
      'defaults { workflowId = "1234567"',
      'roleArn = "arn:aws:iam::123456789012:role/OmicsRunRole"',
      'storageType = "DYNAMIC", logLevel = "ALL", runTags { project = "cohort-a" } }',
      'params { sample_id: string, fastq_r1: s3uri, caller: "deepvariant"|"gatk", threads: int=16, notes?: string }',
      "type Sample = {sample_id: string, r1: s3uri, urgent: bool}",
      'let samples: [Sample] = csv("samples.csv")',
      'for s in samples, ref in ["hg38","t2t"] { run "${s.sample_id}-${ref}" {',
      'name = "wgs ${s.sample_id}", priority = if s.urgent then 90 else 10',
      "params { sample_id = s.sample_id, fastq_r1 = s.r1 }",
      "runTags { sample = s.sample_id, reference = ref } } }",
    ].join("\n");
    expect(format(source)).toBe(
      [
        'batch "wgs-cohort-a" {',
        '  settings = "s3://lab-batches/cohort-a/"',
        '  tags { project = "cohort-a" }',
        "}",
        "",
        "defaults {",
        '  workflowId  = "1234567"',
        '  roleArn     = "arn:aws:iam::123456789012:role/OmicsRunRole"',
        '  storageType = "DYNAMIC"',
        '  logLevel    = "ALL"',
        '  runTags { project = "cohort-a" }',
        "}",
        "",
        "params {",
        "  sample_id: string",
        "  fastq_r1:  s3uri",
        '  caller:    "deepvariant" | "gatk"',
        "  threads:   int = 16",
        "  notes?:    string",
        "}",
        "",
        "type Sample = { sample_id: string, r1: s3uri, urgent: bool }",
        'let samples: [Sample] = csv("samples.csv")',
        "",
        'for s in samples, ref in ["hg38", "t2t"] {',
        '  run "${s.sample_id}-${ref}" {',
        '    name     = "wgs ${s.sample_id}"',
        "    priority = if s.urgent then 90 else 10",
        "    params { sample_id = s.sample_id, fastq_r1 = s.r1 }",
        "    runTags { sample = s.sample_id, reference = ref }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("prints control flow, empty blocks and params from a template", () => {
    const source =
      'params from "t.json" { notes?, ref = "hg38" }\nbatch {}\nfor (i, x) in enumerate(xs) where i > 0 { if x { } else if y { let z = 1 } else { run x {} } }';
    expect(format(source)).toBe(
      [
        'params from "t.json" {',
        "  notes?",
        '  ref = "hg38"',
        "}",
        "",
        "batch {}",
        "",
        "for (i, x) in enumerate(xs) where i > 0 {",
        "  if x {} else if y {",
        "    let z = 1",
        "  } else {",
        "    run x {}",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("breaks long map blocks, lists and records over lines", () => {
    const source = [
      'run "x" { runTags { aaaaaaaaaaaaaaaa = "bbbbbbbbbbbbbbbbbbbbbbbb", cccccccccccccccccc = "dddddddddddddddddddddd" } }',
      "let xs = [1111111111, 2222222222, 3333333333, 4444444444, 5555555555, 6666666666, 7777777777]",
      'let r = { name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", other: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }',
    ].join("\n");
    expect(format(source)).toBe(
      [
        'run "x" {',
        "  runTags {",
        '    aaaaaaaaaaaaaaaa   = "bbbbbbbbbbbbbbbbbbbbbbbb"',
        '    cccccccccccccccccc = "dddddddddddddddddddddd"',
        "  }",
        "}",
        "",
        "let xs = [",
        "  1111111111,",
        "  2222222222,",
        "  3333333333,",
        "  4444444444,",
        "  5555555555,",
        "  6666666666,",
        "  7777777777,",
        "]",
        "let r = {",
        '  name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",',
        '  other: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",',
        "}",
        "",
      ].join("\n"),
    );
  });

  it("quotes keys that are not names and escapes strings", () => {
    expect(format('defaults { runTags { "cost-center" = "a\\"b\\\\c\\n\\t\\${x}$" } }')).toBe(
      'defaults {\n  runTags { "cost-center" = "a\\"b\\\\c\\n\\t\\${x}$" }\n}\n',
    );
  });

  it("prints nothing for an empty program", () => {
    expect(printProgram(parseOk("# only a comment\n"))).toBe("");
  });

  it("is idempotent", () => {
    const once = format('let a=1\ntype T={a:int}\nrun "x"{name="y"}\nif a{let b=[1,2]}');
    expect(format(once)).toBe(once);
  });
});

describe("parentheses", () => {
  const table: [string, string][] = [
    ["(a + b) * c", "(a + b) * c"],
    ["a + (b * c)", "a + b * c"],
    ["a - (b - c)", "a - (b - c)"],
    ["(a - b) - c", "a - b - c"],
    ["-(a + b)", "-(a + b)"],
    ["-(-a)", "--a"],
    ["(not a) == b", "(not a) == b"],
    ["not (a == b)", "not a == b"],
    ["(a < b) == c", "(a < b) == c"],
    ["a == (b < c)", "a == (b < c)"],
    ["(a or b) and c", "(a or b) and c"],
    ["(1..2)..3", "(1..2)..3"],
    ["(a + 1)..(b * 2)", "a + 1..b * 2"],
    ["(if a then b else c) + 1", "(if a then b else c) + 1"],
    ["if (if a then b else c) then d else e", "if (if a then b else c) then d else e"],
    ["if a then b else if c then d else e", "if a then b else if c then d else e"],
    ["(a.b)[c].d", "a.b[c].d"],
    ["(-a).b", "(-a).b"],
    ["f((a))", "f(a)"],
  ];
  for (const [input, expected] of table) {
    it(`${input} -> ${expected}`, () => {
      const program = parseOk(`let x = ${input}`);
      const value = (program.statements[0] as A.LetStatement).value;
      expect(printExpression(value)).toBe(expected);
    });
  }

  it("prints types in source form", () => {
    const alias = parseOk('type T = [{ a: int, "b c"?: "x" | "y" }] | {}').statements[0] as A.TypeAlias;
    expect(printTypeExpression(alias.type)).toBe('[{ a: int, "b c"?: "x" | "y" }] | {}');
  });
});

describe("round trip of random expressions", () => {
  it("parses back to the same tree", () => {
    fc.assert(
      fc.property(expression, (e) => {
        const printed = `let x = ${printExpression(e)}`;
        const { program, diagnostics } = parse(new SourceFile("t", printed));
        expect(diagnostics.map((d) => d.message)).toEqual([]);
        expect(withoutSpans((program.statements[0] as A.LetStatement).value)).toEqual(withoutSpans(e));
      }),
      { numRuns: 1000, seed: 1126 },
    );
  });
});
