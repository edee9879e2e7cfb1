// The checker as a whole: the reference program, several errors in one run, recovered ASTs,
// and a catalog test (every BC2xxx code has a test).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryHost } from "../host.js";
import { parse } from "../parser/parse.js";
import { SourceFile } from "../source.js";
import { check } from "./check.js";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import { printType } from "./types.js";
import { REFERENCE_PROGRAM } from "../../test/fixtures.js";

const REFERENCE = REFERENCE_PROGRAM;

const SAMPLES = "sample_id,r1,r2,urgent\nS000001,s3://lab-raw/S000001_R1.fastq.gz,s3://lab-raw/S000001_R2.fastq.gz,false\n";

describe("the docs/language.md §1 program", () => {
  it("checks clean and fills the side tables", () => {
    const r = expectValid(REFERENCE, { "samples.csv": SAMPLES });
    const text = (e: { span: { start: number; end: number } }): string => r.source.text.slice(e.span.start, e.span.end);
    expect([...r.checked.expectedTypes].map(([e, t]) => `${text(e)}: ${printType(t)}`)).toEqual(['csv("samples.csv"): [Sample]']);
    expect([...r.checked.aliases.keys()]).toEqual(["Sample"]);
    expect([...(r.checked.params?.params.keys() ?? [])]).toEqual(["sample_id", "fastq_r1", "fastq_r2", "reference", "caller", "threads", "notes"]);
    const types = new Map([...r.checked.types].map(([e, t]) => [text(e), printType(t)]));
    expect(types.get("if s.urgent then 90 else 10")).toBe("int");
    expect(types.get("s.r1")).toBe("s3uri");
    expect(types.get("caller")).toBe("string");
    expect(types.get('["hg38", "t2t"]')).toBe("[string]");
    expect(r.checked.program.statements.length).toBe(6);
  });
});

describe("all errors in one run", () => {
  it("reports an enum typo, an unknown field, an unknown parameter and a missing required parameter", () => {
    expectErrors(
      `params {
  sample_id: string
  caller: "deepvariant" | "gatk"
}
for s in ["S1"] {
  run s {
    outputUrl = "s3://bkt/\${s}/"
    params {
      sampel_id = s
      caller = "gatkk"
    }
  }
}
`,
      [
        { code: "BC2004", line: 6, col: 3, message: "run is missing required parameter `sample_id`" },
        { code: "BC2006", line: 7, col: 5, message: "unknown field `outputUrl` in `run`", help: "did you mean `outputUri`?" },
        { code: "BC2003", line: 9, col: 7, message: "unknown parameter `sampel_id`", help: "did you mean `sample_id`?" },
        { code: "BC2021", line: 10, col: 16, message: '`"gatkk"` is not one of `"deepvariant" | "gatk"`', help: 'did you mean `"gatk"`?' },
      ],
    );
  });
});

describe("recovered ASTs", () => {
  const broken = [
    "let x = \nlet y = x + 1\nrun y { }\n",
    'let x = 1 +\nrun "a" { name = x }\n',
    "for s in { run s { } }\n",
    'for in [1] { run "a" { } }\n',
    'run "a" { name = }\n',
    'run "a" { = "x" }\n',
    "let : int = 3\nlet y = 1\n",
    'let s: = "a"\nrun s { }\n',
    'params { a: = 3 }\nrun "a" { params { a = 1 } }\n',
    "type T = \nlet x: T = 1\n",
    'let r = { a: 1, : 2 }\nlet y = r.\n',
    'if { run "a" { } }\n',
    'defaults { workflowId = "1" roleArn = "x" \n',
    'let x = "abc${}"\nrun x { }\n',
    "for (a b) in [[1]] { run a { } }\n",
    'let xs = [1, , 3]\nfor x in xs { run "${x}" { } }\n',
    'run "a" { params { = 1 } runTags { x = } }\n',
    "let x = if true then 1 else\nlet y = x * 2\n",
    'let q = lower(\nrun q { }\n',
  ];
  for (const src of broken) {
    it(`does not cascade: ${JSON.stringify(src)}`, () => {
      const r = checkSource(src);
      expect(r.syntax.length).toBeGreaterThan(0);
      expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }
  it("never reports a value whose type is an error, even without the parser's diagnostics", () => {
    const source = new SourceFile("t.batch", "let x = \nlet y = [x, 1] + [2]\nfor _z in { a: x } { }\nrun y[0] + 1 { runTags { t = x } }\n");
    const parsed = parse(source);
    expect(parsed.diagnostics.length).toBe(1);
    const r = check(parsed.program, source, { host: memoryHost({}), baseDir: "." });
    expect(r.diagnostics).toEqual([]);
  });
  it("still reports problems on lines without syntax errors", () => {
    const r = checkSource('let a = nope\nlet b = (1 +\nrun "x" { name = 1 }\n');
    expect(r.syntax.length).toBeGreaterThan(0);
    expect(r.diagnostics.map((d) => `${d.code} ${r.source.position(d.span.start).line}`)).toEqual(["BC2010 1", "BC2020 3"]);
  });
  it("never throws on arbitrary token soup", () => {
    const tokens = [
      "batch", "defaults", "params", "run", "for", "in", "where", "if", "then", "else", "let", "type", "and", "or", "not", "true", "false",
      "null", "from", "{", "}", "[", "]", "(", ")", ",", ":", "=", "?", "|", ".", "..", "+", "-", "*", "/", "==", "<", "\n", "x", "s",
      "csv", "var", "zip", "int", "string", "Row", '"a"', '"s3://b/${x}"', '"${', "1", "2.5",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 40 }), (parts) => {
        const source = new SourceFile("t.batch", parts.join(" "));
        const parsed = parse(source);
        const r = check(parsed.program, source, { host: memoryHost({}), baseDir: ".", syntax: parsed.diagnostics });
        for (const d of r.diagnostics) expect(d.span.end).toBeLessThanOrEqual(source.text.length);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
  it("never throws on the reference program with a slice cut out", () => {
    fc.assert(
      fc.property(fc.nat(REFERENCE.length), fc.nat(40), (at, n) => {
        const source = new SourceFile("t.batch", REFERENCE.slice(0, at) + REFERENCE.slice(at + n));
        const parsed = parse(source);
        check(parsed.program, source, { host: memoryHost({}), baseDir: ".", syntax: parsed.diagnostics });
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("the BC2xxx catalog", () => {
  it("has a test asserting each of its codes", () => {
    const here = fileURLToPath(new URL(".", import.meta.url));
    const catalog = readFileSync(fileURLToPath(new URL("../diagnostics/codes/names.ts", import.meta.url)), "utf8");
    const codes = [...new Set([...catalog.matchAll(/"(BC2\d{3})"/g)].map((m) => m[1]))].sort();
    const tests = readdirSync(here)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(`${here}/${f}`, "utf8"))
      .join("\n");
    const tested = new Set([...tests.matchAll(/code: "(BC2\d{3})"/g)].map((m) => m[1]));
    expect(codes.length).toBe(54);
    expect(codes.filter((c) => !tested.has(c))).toEqual([]);
  });
});
