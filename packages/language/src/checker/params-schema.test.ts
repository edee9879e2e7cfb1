// `params from` a workflow's JSON Schema (nf-core `nextflow_schema.json`, fixtures derived from
// nf-core/rnaseq and nf-core/sarek) and from the whole output of `aws omics get-workflow`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { outcome, runAll } from "../../test/expand-harness.js";
import { checkSource, expectErrors } from "../../test/check-harness.js";
import { printType } from "./types.js";

const fixture = (name: string): string => readFileSync(new URL(`../../../../test/fixtures/nf-core/${name}`, import.meta.url), "utf8");
const RNASEQ = fixture("rnaseq.nextflow_schema.json");
const SAREK = fixture("sarek.nextflow_schema.json");

/** `name: type` (with `?` when optional) for every declared parameter. */
function declarations(file: string, text: string): string[] {
  const r = checkSource(`params from "${file}" { }\n`, { [file]: text });
  expect([...r.syntax, ...r.diagnostics].map((d) => d.message)).toEqual([]);
  return [...(r.checked.params?.params.values() ?? [])].map((p) => `${p.name}${p.optional ? "?" : ""}: ${printType(p.type)}${p.pattern === undefined ? "" : " /pattern/"}`);
}

const DEFAULTS = `defaults {\n  workflowId = "1234567"\n  roleArn = "arn:aws:iam::123456789012:role/OmicsRunRole"\n}\n`;

describe("params from nextflow_schema.json", () => {
  it("types every parameter of the rnaseq schema, in order", () => {
    const d = declarations("nextflow_schema.json", RNASEQ);
    expect(d.slice(0, 16)).toEqual([
      "input?: string /pattern/",
      "outdir: string",
      "email?: string /pattern/",
      "multiqc_title?: string",
      "save_merged_fastq?: bool",
      "with_umi?: bool",
      "umitools_extract_method?: string",
      "skip_umi_extract?: bool",
      "umitools_bc_pattern?: string",
      "umitools_bc_pattern2?: string",
      "umi_discard_read?: int",
      "umitools_umi_separator?: string",
      'umitools_grouping_method?: "unique" | "percentile" | "cluster" | "adjacency" | "directional"',
      "umitools_dedup_stats?: bool",
      "save_umi_intermeds?: bool",
      "bbsplit_fasta_list?: string",
    ]);
    expect(d).toHaveLength(35);
    expect(d.at(-1)).toBe("hisat2_build_memory?: string /pattern/");
  });

  it("makes a required parameter with a default optional (sarek's `step`), numbers float", () => {
    const d = declarations("nextflow_schema.json", SAREK);
    expect(d.slice(0, 9)).toEqual([
      "input?: string /pattern/",
      'step?: "mapping" | "markduplicates" | "prepare_recalibration" | "recalibrate" | "variant_calling" | "annotate"',
      "outdir: string",
      "split_fastq?: int",
      "wes?: bool",
      "intervals?: string",
      "nucleotides_per_second?: float",
      "no_intervals?: bool",
      "tools?: string /pattern/",
    ]);
  });

  it("reads $defs, top-level properties, type arrays, anyOf and objects", () => {
    const schema = JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $defs: { g: { type: "object", required: ["a"], properties: { a: { type: ["string", "null"] }, b: { anyOf: [{ type: "string" }] } } } },
      allOf: [{ $ref: "#/$defs/g" }],
      properties: { c: { type: "object" }, d: { type: "integer", enum: [1, 2] }, e: { type: "string", format: "directory-path" } },
      required: ["e"],
    });
    expect(declarations("s.json", schema)).toEqual(["a: any", "b?: any", "c?: any", "d?: any", "e: string"]);
  });

  it("checks run values against the schema's types, and misses a required one", () => {
    expectErrors(`params from "nextflow_schema.json" { }\nrun "a" {\n  params { outdir = "/mnt/workflow/pubdir", umi_discard_read = "1", step = 1 }\n}\nrun "b" { params { input = "x.csv" } }\n`, [
      { code: "BC2020", line: 3, col: 64, message: "expected `int`, found `string`" },
      { code: "BC2003", line: 3, col: 69, message: "unknown parameter `step`" },
      { code: "BC2004", line: 5, col: 1, message: "run is missing required parameter `outdir`" },
    ], { "nextflow_schema.json": RNASEQ });
    expectErrors(`params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "/o", step = "mapin" } }\n`, [
      { code: "BC2021", line: 2, col: 42, message: '`"mapin"` is not one of `"mapping" | "markduplicates" | "prepare_recalibration" | "recalibrate" | "variant_calling" | "annotate"`', help: 'did you mean `"mapping"`?' },
    ], { "nextflow_schema.json": SAREK });
  });

  it("never emits a schema default, and checks patterns on each value", () => {
    const files = { "nextflow_schema.json": SAREK };
    const { runs, expansion, diagnostics } = runAll(`${DEFAULTS}params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "s3://out-bucket/a/", tools = "strelka,manta" } }\n`, files);
    expect(diagnostics).toEqual([]);
    expect(expansion.defaults.parameters).toBeUndefined();
    expect(runs[0]?.fields.parameters).toEqual({ outdir: "s3://out-bucket/a/", tools: "strelka,manta" });
    const bad = outcome(`${DEFAULTS}params from "nextflow_schema.json" { }\nfor t in ["strelka", "strelka,", "gatk"] {\n  run t { params { outdir = "s3://out-bucket/a/", tools = t } }\n}\n`, files);
    expect(bad.ids).toEqual(["strelka"]);
    expect(bad.diagnostics).toEqual([
      'BC3042 7:59-7:60 parameter `tools` = "strelka," does not match the workflow\'s pattern | note: the pattern is "^((ascat|cnvkit|controlfreec|deepvariant|freebayes|haplotypecaller|manta|merge|mpileup|msisensorpro|mutect2|snpeff|stre…" | note: in iteration t = "strelka," | note: and 1 more iteration',
    ]);
  });

  it("lets a refinement block narrow a schema type and add a default", () => {
    const r = checkSource(`params from "nextflow_schema.json" {\n  genome: "GRCh38" | "GRCm39" = "GRCh38"\n}\n`, { "nextflow_schema.json": RNASEQ });
    expect(r.diagnostics).toEqual([]);
    expect(printType(r.checked.params?.params.get("genome")?.type ?? { kind: "error" })).toBe('"GRCh38" | "GRCm39"');
  });
});

describe("params from the output of `aws omics get-workflow`", () => {
  it("uses its parameterTemplate", () => {
    const out = JSON.stringify({
      arn: "arn:aws:omics:us-east-1:123456789012:workflow/1234567",
      id: "1234567",
      name: "rnaseq",
      parameterTemplate: { input: { description: "sheet", optional: false }, outdir: { description: "out", optional: true } },
      status: "ACTIVE",
    });
    expect(declarations("workflow.json", out)).toEqual(["input: any", "outdir?: any"]);
  });

  it("explains a file that is neither", () => {
    expectErrors(`params from "w.json" { }\n`, [
      {
        code: "BC2039",
        line: 1,
        col: 13,
        message: "invalid parameter template `w.json`: `arn` must be an object (for the output of `aws omics get-workflow`, keep its `parameterTemplate`)",
      },
    ], { "w.json": JSON.stringify({ arn: "arn:x", name: "n" }) });
  });

  it("warns that a pattern RE2 cannot compile is not checked, and checks the values no further", () => {
    const schema = JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema", type: "object", properties: { sample: { type: "string", pattern: "^(?!test)\\w+$" } } });
    expectErrors(`params from "s.json" { }\n`, [
      {
        code: "BC2053",
        line: 1,
        col: 13,
        message: "the pattern of parameter `sample` in `s.json` is not checked: invalid or unsupported Perl syntax: `(?!`",
        label: "pattern not checked",
      },
    ], { "s.json": schema });
    expect(outcome(`params from "s.json" { }\nfor s in ["test1", "ok"] { run s { params { sample = s } } }`, { "s.json": schema }).ids).toEqual(["test1", "ok"]);
  });
});
