// `params from` a workflow's JSON Schema (nf-core `nextflow_schema.json`: the whole schemas of
// nf-core/rnaseq and nf-core/sarek, test/fixtures/nf-core/README.md) and from the whole output of
// `aws omics get-workflow`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { outcome, runAll } from "../../test/expand-harness.js";
import { checkSource, expectErrors } from "../../test/check-harness.js";
import { printType } from "./types.js";

const fixture = (name: string): string => readFileSync(new URL(`../../../../test/fixtures/nf-core/${name}`, import.meta.url), "utf8");
const RNASEQ = fixture("rnaseq.nextflow_schema.json");
const SAREK = fixture("sarek.nextflow_schema.json");

/** The names of a schema's properties, in the order of its groups, how many give a `default`, and the `hidden` ones. */
function schemaProperties(text: string): { names: string[]; defaults: number; hidden: string[] } {
  const groups = Object.values((JSON.parse(text) as { definitions: Record<string, { properties: Record<string, { hidden?: boolean }> }> }).definitions);
  const specs = groups.flatMap((g) => Object.entries(g.properties));
  return { names: specs.map(([n]) => n), defaults: specs.filter(([, spec]) => "default" in spec).length, hidden: specs.filter(([, spec]) => spec.hidden === true).map(([n]) => n) };
}

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
    // Every property of all ten groups, in schema order; `outdir` is the only required one.
    expect(d.map((x) => x.split(/\??:/)[0])).toEqual(schemaProperties(RNASEQ).names);
    expect(d).toHaveLength(96);
    expect(d.filter((x) => !x.includes("?:"))).toEqual(["outdir: string"]);
    expect(d).toEqual(expect.arrayContaining([
      "hisat2_build_memory?: string /pattern/",
      'aligner?: "star_salmon" | "star_rsem" | "hisat2"',
      'pseudo_aligner?: "salmon"',
      "min_trimmed_reads?: int",
      "min_mapped_reads?: float",
      "skip_qc?: bool",
      "max_cpus?: int",
      "max_time?: string /pattern/",
      'publish_dir_mode?: "symlink" | "rellink" | "link" | "copy" | "copyNoFollow" | "move"',
    ]));
    expect(d.at(-1)).toBe("enable_conda?: bool");
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
    expect(d.map((x) => x.split(/\??:/)[0])).toEqual(schemaProperties(SAREK).names);
    expect(d).toHaveLength(128);
    expect(d.filter((x) => !x.includes("?:"))).toEqual(["outdir: string"]);
    expect(d).toEqual(expect.arrayContaining([
      "skip_tools?: string /pattern/",
      'aligner?: "bwa-mem" | "bwa-mem2" | "dragmap"',
      "use_gatk_spark?: string /pattern/",
      "cf_coeff?: float",
      'vep_out_format?: "json" | "tab" | "vcf"',
      'ascat_genome?: "None" | "hg19" | "hg38"',
      "vep_cache_version?: float",
      "max_memory?: string /pattern/",
      "max_multiqc_email_size?: string /pattern/",
      "validationLenientMode?: bool",
    ]));
    expect(d.at(-1)).toBe("hook_url?: string");
  });

  it("declares hidden parameters, and marks `format: file-path` ones (with or without `exists`) for --live", () => {
    const r = checkSource(`params from "nextflow_schema.json" { }\n`, { "nextflow_schema.json": SAREK });
    expect(r.diagnostics).toEqual([]);
    const params = r.checked.params?.params;
    // 95 of sarek's 128 properties are `hidden` (left out of the pipeline's `--help`); all are parameters.
    const hidden = schemaProperties(SAREK).hidden;
    expect(hidden).toHaveLength(95);
    expect(hidden).toEqual(expect.arrayContaining(["trim_fastq", "aligner", "ascat_genome", "max_cpus", "validationShowHiddenParams"]));
    for (const name of hidden) expect(params?.has(name), name).toBe(true);
    const paths = [...(params?.values() ?? [])].filter((p) => p.path === true).map((p) => p.name);
    expect(paths).toEqual(["input", "fasta", "multiqc_config"]);
    expect(params?.get("outdir_cache")?.path).toBeUndefined();
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
      { code: "BC2003", line: 3, col: 69, message: "unknown parameter `step`", help: undefined },
      { code: "BC2004", line: 5, col: 1, message: "run is missing required parameter `outdir`" },
    ], { "nextflow_schema.json": RNASEQ });
    expectErrors(`params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "/o", step = "mapin" } }\n`, [
      { code: "BC2021", line: 2, col: 42, message: '`"mapin"` is not one of `"mapping" | "markduplicates" | "prepare_recalibration" | "recalibrate" | "variant_calling" | "annotate"`', help: 'did you mean `"mapping"`?' },
    ], { "nextflow_schema.json": SAREK });
  });

  it("suggests names and values from the later groups of the schemas", () => {
    expectErrors(`params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "/o", aliner = "hisat2", skip_fastq = true, aligner = "star", max_cpus = 2.5 } }\n`, [
      { code: "BC2003", line: 2, col: 35, message: "unknown parameter `aliner`", help: "did you mean `aligner`?" },
      { code: "BC2003", line: 2, col: 54, message: "unknown parameter `skip_fastq`", help: "did you mean `skip_fastqc`?" },
      { code: "BC2021", line: 2, col: 83, message: '`"star"` is not one of `"star_salmon" | "star_rsem" | "hisat2"`', help: undefined },
      { code: "BC2020", line: 2, col: 102, message: "expected `int`, found `float`" },
    ], { "nextflow_schema.json": RNASEQ });
    // An int literal is a `number` (`ascat_min_counts`).
    expectErrors(`params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "/o", ascat_min_counts = 10, ascat_genome = "hg37", vep_out_format = "VCF" } }\n`, [
      { code: "BC2021", line: 2, col: 73, message: '`"hg37"` is not one of `"None" | "hg19" | "hg38"`', help: 'did you mean `"hg38"`?' },
      { code: "BC2021", line: 2, col: 98, message: '`"VCF"` is not one of `"json" | "tab" | "vcf"`', help: 'did you mean `"vcf"`?' },
    ], { "nextflow_schema.json": SAREK });
  });

  it("never emits a schema default, and checks patterns on each value", () => {
    // rnaseq gives 25 of its 96 parameters a default (sarek 41 of 128); none of them is emitted.
    expect(schemaProperties(RNASEQ).defaults).toBe(25);
    const rnaseq = runAll(`${DEFAULTS}params from "nextflow_schema.json" { }\nrun "a" { params { outdir = "s3://out-bucket/a/", aligner = "hisat2", max_time = "2.h" } }\n`, { "nextflow_schema.json": RNASEQ });
    expect(rnaseq.diagnostics).toEqual([]);
    expect(rnaseq.expansion.defaults.parameters).toBeUndefined();
    expect(rnaseq.runs[0]?.fields.parameters).toEqual({ outdir: "s3://out-bucket/a/", aligner: "hisat2", max_time: "2.h" });
    expect(schemaProperties(SAREK).defaults).toBe(41);
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
    // Patterns of the later groups: the lookbehind form again (`use_gatk_spark`), and `max_memory`
    // (which allows a space before the unit: "64 GB" matches).
    const later = outcome(`${DEFAULTS}params from "nextflow_schema.json" { }\nfor r in [{ s: "markduplicates", m: "8.GB" }, { s: "baserecalibrator,markduplicates", m: "lots" }, { s: "markduplicates,", m: "64 GB" }] {\n  run r.s { params { outdir = "s3://out-bucket/a/", use_gatk_spark = r.s, max_memory = r.m } }\n}\n`, files);
    expect(later.ids).toEqual(["markduplicates"]);
    expect(later.diagnostics.map((d) => d.split(" | ")[0])).toEqual([
      'BC3042 7:88-7:91 parameter `max_memory` = "lots" does not match the workflow\'s pattern',
      'BC3042 7:70-7:73 parameter `use_gatk_spark` = "markduplicates," does not match the workflow\'s pattern',
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
