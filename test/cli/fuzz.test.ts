// Properties over 10,000 random and mutated programs per run: `batchc check` never crashes
// (exit 0 or 1, never an internal error or a stack trace), its JSON diagnostics are well
// formed, and every span lies inside the file. Then grammar-aware programs, encoding attacks
// (BOM, CRLF, lone CR, NUL, invalid UTF-8, lone surrogates, U+2028, right-to-left marks) and
// long inputs, run by the shipped executable as a child process that is killed past a bound.
// Seeded; BATCHC_FUZZ_SEED, BATCHC_FUZZ_RUNS and BATCHC_FUZZ_BYTES (long input size, up to
// 5 MB) make longer runs.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
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

// ---- Grammar-aware programs, encoding attacks and long inputs (shipped executable) ----

const SEED = Number(process.env.BATCHC_FUZZ_SEED ?? 10);
const RUNS = Number(process.env.BATCHC_FUZZ_RUNS ?? 25);
const LONG_BYTES = Math.min(Number(process.env.BATCHC_FUZZ_BYTES ?? 300_000), 5_000_000);
const bin = path.join(root, "packages/cli/bin/batchc.js");
const work = mkdtempSync(path.join(tmpdir(), "batchc-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
for (const [name, text] of Object.entries(DATA)) {
  mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  writeFileSync(path.join(work, name), text);
}

/** `batchc check FILE --format json` as a child process, killed after 60 s (never reached when all is well). */
function checkBytes(bytes: Buffer): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const file = path.join(work, "p.batch");
  writeFileSync(file, bytes);
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, "check", "p.batch", "--format", "json"], { cwd: work, timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" } }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

async function executableNeverCrashes(bytes: Buffer): Promise<void> {
  const r = await checkBytes(bytes);
  expect(r.signal).toBeNull(); // not killed at the bound
  expect(r.stderr).not.toContain("internal error");
  expect([0, 1]).toContain(r.code);
  const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: JsonDiagnostic[] };
  expect(out.ok).toBe(r.code === 0);
}

/** Programs from the grammar: statements, blocks, expressions and types, nested a few levels. */
const ident = fc.constantFrom("x", "y", "s", "r", "rows", "i", "n", "name", "samples", "T");
const grammar = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom('"a"', '"s3://lab-results/x/"', "1", "-2", "1.5", "true", "null", '"${x}-${i}"', 'csv("samples.csv")', 'lines("crams.txt")', 'json("workflow-params.json")', 'glob("fastq/**/*.fastq.gz")'),
    ident,
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "%", "==", "!=", "<", "and", "or", ".."), tie("expr")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom("str", "len", "upper", "pad", "replace", "join", "split", "matches", "match", "unique", "flatten", "sort", "range", "int", "basename", "pair_reads"), fc.array(tie("expr"), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.array(tie("expr"), { maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
    fc.array(fc.tuple(ident, tie("expr")), { maxLength: 3 }).map((fs) => `{ ${fs.map(([k, v]) => `${k}: ${v}`).join(", ")} }`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `if ${c} then ${a} else ${b}`),
    fc.tuple(tie("expr"), ident).map(([e, f]) => `${e}.${f}`),
    fc.tuple(tie("expr"), ident, tie("expr")).map(([e, x, xs]) => `[${e} for ${x} in ${xs}]`),
  ),
  type: fc.oneof({ depthSize: "small" }, fc.constantFrom("string", "int", "float", "bool", "s3uri", "any", "T", '"a" | "b"'), tie("type").map((t) => `[${t}]`), fc.tuple(ident, tie("type")).map(([k, t]) => `{ ${k}: ${t}, z?: ${t} }`)),
  field: fc.oneof(
    fc.tuple(fc.constantFrom("name", "outputUri", "priority", "workflowId", "roleArn", "cacheBehavior", "storageType"), tie("expr")).map(([k, v]) => `${k} = ${v}`),
    fc.array(fc.tuple(ident, tie("expr")), { maxLength: 3 }).map((ps) => `params { ${ps.map(([k, v]) => `${k} = ${v}`).join(", ")} }`),
    fc.array(fc.tuple(ident, tie("expr")), { maxLength: 2 }).map((ts) => `runTags { ${ts.map(([k, v]) => `${k} = ${v}`).join(", ")} }`),
  ),
  stmt: fc.oneof(
    { depthSize: "small" },
    fc.tuple(ident, tie("expr")).map(([x, e]) => `let ${x} = ${e}`),
    fc.tuple(ident, tie("type"), tie("expr")).map(([x, t, e]) => `let ${x}: ${t} = ${e}`),
    fc.tuple(ident, tie("type")).map(([x, t]) => `type ${x} = ${t}`),
    fc.tuple(tie("expr"), fc.array(tie("field"), { maxLength: 3 })).map(([id, fs]) => `run ${id} {\n  ${fs.join("\n  ")}\n}`),
    fc.tuple(ident, tie("expr"), fc.option(tie("expr"), { nil: undefined }), fc.array(tie("stmt"), { maxLength: 3 })).map(
      ([x, xs, w, body]) => `for ${x} in ${xs}${w === undefined ? "" : ` where ${w}`} {\n${body.join("\n")}\n}`,
    ),
    fc.tuple(tie("expr"), fc.array(tie("stmt"), { maxLength: 2 }), fc.array(tie("stmt"), { maxLength: 2 })).map(([c, a, b]) => `if ${c} {\n${a.join("\n")}\n} else {\n${b.join("\n")}\n}`),
    fc.array(tie("field"), { maxLength: 4 }).map((fs) => `defaults {\n  ${fs.join("\n  ")}\n}`),
  ),
}));
const grammarProgram = fc.array(grammar.stmt, { minLength: 1, maxLength: 8 }).map((ss) => ss.join("\n"));

/** Encoding attacks on a program's bytes. */
const ATTACKS: ((b: Buffer) => Buffer)[] = [
  (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]), // BOM
  (b) => Buffer.from(b.toString("latin1").replace(/\n/g, "\r\n"), "latin1"), // CRLF
  (b) => Buffer.from(b.toString("latin1").replace(/\n/g, "\r"), "latin1"), // lone CR
  (b) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.from([0]), b.subarray(b.length >> 1)]), // NUL
  (b) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), b.subarray(b.length >> 1)]), // invalid UTF-8, CESU surrogate
  (b) => Buffer.from(b.toString("utf8").replace(/"a"/g, '"\ud800"'), "utf8"), // lone surrogate escapes in strings
  (b) => Buffer.from(b.toString("utf8").replace(/ /g, "\u2028"), "utf8"), // line separator
  (b) => Buffer.from(b.toString("utf8").replace(/"/g, '"\u202e\u200f'), "utf8"), // right-to-left marks
];

describe("the shipped executable on hostile input (exit 0 or 1, killed past 60 s)", () => {
  it(`never crashes on ${RUNS} grammar-aware programs`, async () => {
    await fc.assert(fc.asyncProperty(grammarProgram, (text) => executableNeverCrashes(Buffer.from(text, "utf8"))), { numRuns: RUNS, seed: SEED });
  }, 600_000);

  it("never crashes on every encoding attack applied to two example programs", async () => {
    for (const seed of SEEDS.slice(0, 2)) for (const attack of ATTACKS) await executableNeverCrashes(attack(Buffer.from(seed, "utf8")));
  }, 600_000);

  it(`never crashes on long inputs (${LONG_BYTES.toLocaleString("en-US")} bytes: a long line, deep brackets, many runs, one long string)`, async () => {
    const n = LONG_BYTES;
    const inputs = [
      "x".repeat(n),
      `let x = ${"[".repeat(n >> 1)}`,
      `let s = "${"a".repeat(n)}"\nrun s {}`,
      `batch "b" { settings = "s3://lab-batches/p/" }\n${'run "r" {}\n'.repeat(Math.floor(n / 11))}`,
      `${"// comment\n".repeat(Math.floor(n / 11))}`,
    ];
    for (const text of inputs) await executableNeverCrashes(Buffer.from(text, "utf8"));
  }, 600_000);
});
