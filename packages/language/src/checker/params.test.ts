// Workflow parameters: declarations, templates, and the `params { }` blocks of runs and
// defaults (docs/language.md §7a).
import { describe, expect, it } from "vitest";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import { printType } from "./types.js";

const PARAMS = `params {
  sample_id: string
  fastq_r1:  s3uri
  caller:    "deepvariant" | "gatk"
  threads:   int = 16
  notes?:    string
}
`;

describe("the parameter schema", () => {
  it("records name, type, optionality and default of each declaration", () => {
    const r = expectValid(PARAMS);
    const params = r.checked.params;
    expect(params?.template).toBeUndefined();
    expect(
      [...(params?.params.values() ?? [])].map((p) => [p.name, printType(p.type), p.optional, p.default === undefined ? "-" : r.source.text.slice(p.default.span.start, p.default.span.end)]),
    ).toEqual([
      ["sample_id", "string", false, "-"],
      ["fastq_r1", "s3uri", false, "-"],
      ["caller", '"deepvariant" | "gatk"', false, "-"],
      ["threads", "int", false, "16"],
      ["notes", "string", true, "-"],
    ]);
  });
  it("is undefined without a params statement (parameters unchecked)", () => {
    const r = expectValid(`run "a" { params { anything = [1, 2], other = { a: 1 } } }\n`);
    expect(r.checked.params).toBeUndefined();
  });
  it("names a file of the same folder with a close name", () => {
    expectErrors(`params from "wf/parameter-template.json" { }\n`, [
      {
        code: "BC2038",
        line: 1,
        col: 13,
        message: "cannot read parameter template `wf/parameter-template.json`: no such file",
        help: "did you mean `wf/parameter_template.json`?",
      },
    ], { "wf/parameter_template.json": "{}", "wf/other.json": "{}" });
  });
  it("type-checks declared defaults", () => {
    expectErrors(`params {\n  threads: int = "16"\n  caller: "a" | "b" = "c"\n  notes?: string = null\n}\n`, [
      { code: "BC2020", line: 2, col: 18, message: "expected `int`, found `string`" },
      { code: "BC2021", line: 3, col: 23, message: '`"c"` is not one of `"a" | "b"`' },
    ]);
  });
  it("rejects a parameter declared twice", () => {
    expectErrors(`params {\n  a: int\n  a: string\n}\n`, [
      {
        code: "BC2041",
        line: 3,
        col: 3,
        message: "parameter `a` is declared more than once",
        help: "remove one of them",
        labels: [{ line: 2, col: 3, text: "first declared here" }],
      },
    ]);
  });
  it("rejects a declaration without a type outside `params from`", () => {
    expectErrors(`params {\n  a\n}\n`, [
      { code: "BC2042", line: 2, col: 3, message: "parameter `a` needs a type", help: "write `a: string` (or another type)" },
    ]);
  });
});

describe("known-param-names (BC2003) and parameter values", () => {
  it("accepts declared names with values of their types", () => {
    expectValid(
      `${PARAMS}let s = { id: "S1", r1: "s3://bkt/S1_R1.fq.gz" }\nrun "a" {\n  params {\n    sample_id = s.id\n    fastq_r1 = s.r1\n    caller = "gatk"\n    notes = null\n  }\n}\n`,
    );
  });
  it("rejects an undeclared name, with did-you-mean and a label", () => {
    expectErrors(`${PARAMS}run "a" {\n  params {\n    sample_id = "S1"\n    fastq_r1 = "s3://bkt/x"\n    fastq_r3 = "s3://bkt/y"\n    caller = "gatk"\n  }\n}\n`, [
      {
        code: "BC2003",
        line: 12,
        col: 5,
        message: "unknown parameter `fastq_r3`",
        label: "not declared in `params`",
        help: "did you mean `fastq_r1`?",
      },
    ]);
  });
  it("rejects an undeclared name in defaults' params block", () => {
    expectErrors(`${PARAMS}defaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::1:role/R"\n  params { thread = 8 }\n}\n`, [
      { code: "BC2003", line: 11, col: 12, message: "unknown parameter `thread`", help: "did you mean `threads`?" },
    ]);
  });
  it("rejects values of the wrong type, enum typos and bad S3 URIs", () => {
    expectErrors(
      `${PARAMS}run "a" {\n  params {\n    sample_id = 1\n    fastq_r1 = "fastq/S1.fq"\n    caller = "gatkk"\n    threads = 2.5\n  }\n}\n`,
      [
        { code: "BC2020", line: 10, col: 17, message: "expected `string`, found `int`" },
        { code: "BC2022", line: 11, col: 16, message: '`"fastq/S1.fq"` is not an S3 URI' },
        { code: "BC2021", line: 12, col: 14, message: '`"gatkk"` is not one of `"deepvariant" | "gatk"`', help: 'did you mean `"gatk"`?' },
        { code: "BC2020", line: 13, col: 15, message: "expected `int`, found `float`" },
      ],
    );
  });
  it("rejects null for a required parameter", () => {
    expectErrors(`params { a: string }\nrun "x" { params { a = null } }\n`, [{ code: "BC2020", line: 2, col: 24, message: "expected `string`, found `null`" }]);
  });
});

describe("required-params (BC2004)", () => {
  it("accepts a run that sets every required parameter, some through defaults", () => {
    expectValid(
      `${PARAMS}defaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::1:role/R"\n  params { caller = "gatk" }\n}\nrun "a" { params { sample_id = "S1", fastq_r1 = "s3://bkt/x" } }\n`,
    );
  });
  it("counts defaults declared after the runs", () => {
    expectValid(`params { a: int }\nrun "x" { }\ndefaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::1:role/R"\n  params { a = 1 }\n}\n`);
  });
  it("rejects a run missing required parameters, at the run keyword", () => {
    expectErrors(`${PARAMS}for s in ["S1"] {\n  run s { params { notes = "x", fastq_r1 = "s3://bkt/x" } }\n}\n`, [
      {
        code: "BC2004",
        line: 9,
        col: 3,
        message: "run is missing required parameters `sample_id` and `caller`",
        help: "set them in this run's `params` block or in `defaults { params { ... } }`, or declare a default",
      },
    ]);
  });
  it("names a single missing parameter", () => {
    expectErrors(`params { a: int }\nrun "x" { }\n`, [{ code: "BC2004", line: 2, col: 1, message: "run is missing required parameter `a`" }]);
  });
});

describe("params from a template (BC2038, BC2039, BC2040)", () => {
  const TEMPLATE = JSON.stringify({
    threads: { description: "CPU threads", optional: true },
    sample: { description: "sample id" },
    reads: {},
  });
  it("declares every template name as `any`, refined by the block", () => {
    const r = expectValid(`params from "wf.json" {\n  threads: int = 4\n  reads: [s3uri]\n}\nrun "a" { params { sample = 1, reads = ["s3://bkt/x"] } }\n`, {
      "wf.json": TEMPLATE,
    });
    expect(r.checked.params?.template).toBe("wf.json");
    expect([...(r.checked.params?.params.values() ?? [])].map((p) => [p.name, printType(p.type), p.optional, p.description])).toEqual([
      ["threads", "int", true, "CPU threads"],
      ["sample", "any", false, "sample id"],
      ["reads", "[s3uri]", false, undefined],
    ]);
  });
  it("lets a declaration omit its type", () => {
    expectValid(`params from "wf.json" {\n  sample = "S1"\n}\nrun "a" { params { reads = 1 } }\n`, { "wf.json": TEMPLATE });
  });
  it("rejects a declaration for a name the template lacks", () => {
    expectErrors(`params from "wf.json" {\n  theads: int\n}\n`, [
      { code: "BC2040", line: 2, col: 3, message: "parameter `theads` is not in the template `wf.json`", help: "did you mean `threads`?" },
    ], { "wf.json": TEMPLATE });
  });
  it("checks runs against the template's names and optionality", () => {
    expectErrors(`params from "wf.json" { }\nrun "a" { params { sample = "x", read = 1 } }\n`, [
      { code: "BC2004", line: 2, col: 1, message: "run is missing required parameter `reads`" },
      { code: "BC2003", line: 2, col: 34, message: "unknown parameter `read`", help: "did you mean `reads`?" },
    ], { "wf.json": TEMPLATE });
  });
  it("rejects a missing template file, and leaves parameters unchecked", () => {
    const r = expectErrors(`params from "missing.json" { a: int }\nrun "a" { params { b = 1 } }\n`, [
      { code: "BC2038", line: 1, col: 13, message: "cannot read parameter template `missing.json`: no such file" },
    ]);
    expect(r.checked.params).toBeUndefined();
  });
  it("rejects a template that is not JSON, with the parser's reason", () => {
    let reason = "";
    try {
      JSON.parse("{ nope");
    } catch (err) {
      reason = (err as Error).message;
    }
    expectErrors(`params from "wf.json" { }\n`, [
      {
        code: "BC2039",
        line: 1,
        col: 13,
        message: `invalid parameter template \`wf.json\`: ${reason}`,
        help: 'a template is a JSON object like `{ "NAME": { "description": "...", "optional": true } }`',
      },
    ], { "wf.json": "{ nope" });
  });
  it("rejects templates of the wrong shape", () => {
    const cases: [string, string][] = [
      ["[1]", "expected a JSON object of parameters"],
      ['{ "a": 1 }', "`a` must be an object"],
      ['{ "a": { "optional": "yes" } }', "`a.optional` must be true or false"],
      ['{ "a": { "description": 3 } }', "`a.description` must be a string"],
    ];
    for (const [text, reason] of cases) {
      expectErrors(`params from "wf.json" { }\n`, [{ code: "BC2039", line: 1, col: 13, message: `invalid parameter template \`wf.json\`: ${reason}` }], {
        "wf.json": text,
      });
    }
  });
});

describe("checkSource on a program with parameter defaults in scope", () => {
  it("resolves names used by a declared default", () => {
    const r = checkSource(`let base = 8\nparams { threads: int = base * 2 }\n`);
    expect(r.diagnostics).toEqual([]);
  });
});
