// Workflow schema patterns in linear time (RE2), with nf-core/sarek's trailing lookbehind kept
// exactly, and patterns RE2 cannot take reported instead of run with backtracking.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchemaPattern } from "./schema-pattern.js";

const root = path.resolve(import.meta.dirname, "../../../..");
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(root, "test/fixtures/nf-core", name), "utf8"));
const sarek = fixture("sarek.nextflow_schema.json");
const rnaseq = fixture("rnaseq.nextflow_schema.json");

/** Every `pattern` string in a JSON document. */
function patterns(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) patterns(x, out);
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) k === "pattern" && typeof x === "string" ? out.push(x) : patterns(x, out);
  return out;
}

describe("compileSchemaPattern", () => {
  it("matches as JavaScript does on the nf-core/sarek and nf-core/rnaseq patterns, lookbehind included", () => {
    const all = [...new Set([...patterns(sarek), ...patterns(rnaseq)])];
    // sarek: 10 patterns (3 of the lookbehind form), rnaseq: 12; 12 distinct texts in all.
    expect([patterns(sarek).length, patterns(rnaseq).length, all.length]).toEqual([10, 12, 12]);
    expect(all.filter((p) => p.endsWith("(?<!,)$"))).toHaveLength(3);
    const values = ["", "strelka", "strelka,", "strelka,manta", "manta,,strelka", "x", "ascat,cnvkit,", "fastqc", "fastqc,multiqc", "FASTQC", "a b",
      "markduplicates,", "baserecalibrator,markduplicates", "s.csv", "s.csv ", "ref.fa", "ref.fasta.gz", "ref.fna", "genes.gtf.gz", "genes.gff", "g.bed",
      "a@b.org", "a@b", "8.GB", "64 GB", "1.5TB", "8G", "2.h", "1.day", "10 m 30s", "2.hours"];
    let matched = 0;
    for (const p of all) {
      const compiled = compileSchemaPattern(p);
      expect(compiled.ok, p).toBe(true);
      if (!compiled.ok) continue;
      const js = new RegExp(p, "u");
      for (const v of values) {
        expect(compiled.pattern.test(v), `${p} on ${JSON.stringify(v)}`).toBe(js.test(v));
        if (js.test(v)) matched++;
      }
    }
    // Both outcomes are exercised: every pattern accepts some value here and rejects others.
    for (const p of all) expect(values.filter((v) => new RegExp(p, "u").test(v)).length, p).toBeGreaterThan(0);
    expect(matched).toBeLessThan(all.length * values.length);
  });

  it("matches the lookbehind form in linear time, where backtracking would not end", () => {
    const tools = patterns(sarek).find((p) => p.includes("strelka")) as string;
    const compiled = compileSchemaPattern(tools);
    if (!compiled.ok) expect.fail(compiled.reason);
    // `^((a|…)?,?)*(?<!,)$` on 20,000 commas and a wrong name: exponential for a backtracking engine.
    expect(compiled.pattern.test(`${",".repeat(20_000)}nope`)).toBe(false);
    expect(compiled.pattern.test(`${"strelka,".repeat(5_000)}manta`)).toBe(true);
  });

  it("searches like JSON Schema (unanchored) and says why RE2 cannot take a pattern", () => {
    const fa = compileSchemaPattern("\\.fa$");
    expect(fa.ok && [fa.pattern.test("x.fa"), fa.pattern.test("x.fa.gz")]).toEqual([true, false]);
    expect(compileSchemaPattern("^(?=.*\\d)\\w+$")).toEqual({ ok: false, reason: expect.stringMatching(/invalid or unsupported Perl syntax|lookahead|\(\?=/) });
    expect(compileSchemaPattern("^(a)\\1$").ok).toBe(false);
    // A lookbehind of more than one character, or not at the end, is not the kept form.
    expect(compileSchemaPattern("^a+(?<!ab)$").ok).toBe(false);
    expect(compileSchemaPattern("^(?<!,)a$").ok).toBe(false);
    const escaped = compileSchemaPattern("^[a-z.]+(?<!\\.)$");
    expect(escaped.ok && [escaped.pattern.test("a.b"), escaped.pattern.test("a.b.")]).toEqual([true, false]);
  });
});
