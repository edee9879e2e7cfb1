// Properties over 10,000 random and mutated programs per run: `batchc check` never crashes
// (exit 0 or 1, never an internal error or a stack trace), its JSON diagnostics are well
// formed, and every span lies inside the file.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (p: string): string => readFileSync(path.join(root, p), "utf8");

const SEEDS = [
  read("examples/wgs-cohort/wgs-cohort.batch"),
  read("examples/small-inline/tumor-normal.batch"),
  read("examples/fastq-pairs/fastq-pairs.batch"),
  read("examples/template-params/template-params.batch"),
];

/** Data files the seed programs read, so mutated programs get past the data-file built-ins. */
const DATA = {
  "samples.csv": read("examples/wgs-cohort/samples.csv"),
  "workflow-params.json": read("examples/template-params/workflow-params.json"),
  "crams.txt": read("examples/template-params/crams.txt"),
  "fastq/a/S1_R1.fastq.gz": "",
  "fastq/a/S1_R2.fastq.gz": "",
};

const TOKENS = [
  "batch", "defaults", "params", "run", "for", "in", "where", "if", "then", "else", "let", "type", "and", "or", "not",
  "true", "false", "null", "from", "{", "}", "[", "]", "(", ")", ",", ":", "=", "==", "!=", "<", "<=", ">", ">=", "+", "-",
  "*", "/", "%", "..", ".", "?", "|", '"', '"${', "}\"", "\\", "#", "\n", " ", "x", "s", "samples", "csv", "glob", "pair_reads",
  "str", "0", "1", "-1", "1.5", "2e3", '"s3://b/k"', '"a"', "name", "outputUri", "priority", "runTags", "workflowId", "é", "\u0000", "\t",
];

const randomText = fc.string({ unit: "binary", maxLength: 300 });
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((ts) => ts.join(" "));
const mutation = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...TOKENS, "")), { minLength: 1, maxLength: 4 }))
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, len, insert] of edits) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + insert + text.slice(start + len);
    }
    return text;
  });

interface JsonDiagnostic {
  code: string;
  message: string;
  span: { start: number; end: number };
  line?: number;
  column?: number;
}

async function checkNeverCrashes(text: string): Promise<void> {
  const r = await runCli(["check", "p.batch", "--format", "json"], { files: { "p.batch": text, ...DATA } });
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
  expect([0, 1]).toContain(r.code);
  const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: JsonDiagnostic[] };
  expect(out.ok).toBe(r.code === 0);
  for (const d of out.diagnostics) {
    expect(d.code).toMatch(/^BC[1-5]\d{3}$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
  }
}

describe("batchc check on arbitrary input", () => {
  it("never crashes on 3,000 random strings", async () => {
    await fc.assert(fc.asyncProperty(randomText, checkNeverCrashes), { numRuns: 3_000 });
  });

  it("never crashes on 3,000 token soups", async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, checkNeverCrashes), { numRuns: 3_000 });
  });

  it("never crashes on 4,000 mutations of the example programs", async () => {
    await fc.assert(fc.asyncProperty(mutation, checkNeverCrashes), { numRuns: 4_000 });
  }, 120_000);
});
