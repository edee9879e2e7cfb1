// The JSON Schemas in docs/schema/ are what `pnpm schemas` writes, and real outputs of `check`,
// `compile` (request, dry run), `status`, `runs` and `list` validate against them; the SARIF
// output validates against the SARIF 2.1.0 schema that @microsoft/jest-sarif ships.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, inject, it } from "vitest";
import { committedText, schemaFiles } from "../../scripts/schemas.js";
import { endpoints, ids, program, runOmics } from "../cli/omics-harness.js";
import { runCli } from "../cli/harness.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
/** Validates `value` against docs/schema/FILE; the errors, as text, when it fails. */
function check(file: string, value: unknown): string {
  const validate = ajv.getSchema(file) ?? ajv.compile(JSON.parse(committedText(`docs/schema/${file}`)) as object);
  return validate(value) ? "valid" : ajv.errorsText(validate.errors);
}

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");

const BAD = {
  "bad.batch": `let rows: [{ id: string, n: int }] = csv("rows.csv")
defaults {
  workflowId  = "1234567"
  roleArn     = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri   = "s3://out/x/"
  storageType = "DYNAMIC"
}
params { n: int }
for r in rows { run r.id { params { n = r.n } } }
`,
  "rows.csv": "id,n\na,1\nb,two\nc,x\n",
};

describe("docs/schema", () => {
  for (const file of schemaFiles()) {
    it(`${file.path} is up to date`, () => {
      if (committedText(file.path) !== file.text) expect.fail(`${file.path} is stale: run \`pnpm schemas\``);
    });
  }
});

describe("real outputs validate against the schemas", () => {
  it("check --format json and jsonl, with a data-file position as a note's file, line and column", async () => {
    const r = await runCli(["check", "bad.batch", "--format", "json"], { files: BAD });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { formatVersion: number; diagnostics: { code: string; notes?: unknown[] }[] };
    expect(check("diagnostics.schema.json", doc)).toBe("valid");
    expect(doc.formatVersion).toBe(1);
    const cell = doc.diagnostics.find((d) => d.notes?.some((n) => (n as { file?: string }).file === "rows.csv"));
    expect(cell?.notes).toEqual([{ message: "in rows.csv, line 3, column 3", file: "rows.csv", line: 3, column: 3 }, { message: "and 1 more bad cell in this column" }]);
    const lines = await runCli(["check", "bad.batch", "--format", "jsonl"], { files: BAD });
    const each = lines.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(each).toHaveLength(doc.diagnostics.length);
    expect(each).toEqual(doc.diagnostics);
    for (const d of each) expect(check("diagnostic.schema.json", d)).toBe("valid");
    const clean = await runCli(["check", "ok.batch", "--format", "json"], { files: { "ok.batch": program(ids(2)) } });
    expect(check("diagnostics.schema.json", JSON.parse(clean.stdout))).toBe("valid");
    expect(JSON.parse(clean.stdout)).toEqual({ formatVersion: 1, file: "ok.batch", ok: true, diagnostics: [] });
  });

  it("compile's request and its --dry-run json and jsonl", async () => {
    const files = { "p.batch": program(ids(150), { settings: "s3://settings-bucket/x/" }), "small.batch": program(ids(3)) };
    for (const file of ["p.batch", "small.batch"]) {
      const request = await runCli(["compile", file, "--no-upload"], { files });
      expect(request.code).toBe(0);
      expect(check("request.schema.json", JSON.parse(request.stdout))).toBe("valid");
      const json = await runCli(["compile", file, "--dry-run", "--format", "json"], { files });
      expect(check("dry-run.schema.json", JSON.parse(json.stdout))).toBe("valid");
      expect(JSON.parse(json.stdout)).toMatchObject({ formatVersion: 1, summary: { placement: file === "p.batch" ? "s3" : "inline" } });
      const jsonl = await runCli(["compile", file, "--dry-run", "--format", "jsonl"], { files });
      for (const line of jsonl.stdout.trimEnd().split("\n")) expect(check("effective-run.schema.json", JSON.parse(line))).toBe("valid");
    }
    expect(check("request.schema.json", { batchName: 3 })).toMatch(/must be string/);
  });

  it("status, runs and list from the local HealthOmics endpoint", async () => {
    const ep = await start({ autoAdvance: false });
    const submitted = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint], {
      endpoint: ep,
      files: { "cohort.batch": program(ids(3)) },
    });
    const id = (JSON.parse(submitted.stdout) as { id: string; formatVersion: number }).id;
    await ep.advance(id, 4);
    const status = JSON.parse((await runOmics(["status", id, "--format", "json", "--endpoint-url", ep.url], { endpoint: ep })).stdout) as unknown;
    expect(check("status.schema.json", status)).toBe("valid");
    expect(status).toMatchObject({ formatVersion: 1, id, status: "PROCESSED" });
    const runs = JSON.parse((await runOmics(["runs", id, "--format", "json", "--endpoint-url", ep.url], { endpoint: ep })).stdout) as { runs: unknown[] };
    expect(check("runs.schema.json", runs)).toBe("valid");
    expect(runs.runs).toHaveLength(3);
    const list = JSON.parse((await runOmics(["list", "--output", "json", "--endpoint-url", ep.url], { endpoint: ep })).stdout) as unknown;
    expect(check("list.schema.json", list)).toBe("valid");
    expect(list).toMatchObject({ formatVersion: 1, batches: [{ id }] });
    // HealthOmics adds members: the schemas of its replies take them.
    expect(check("status.schema.json", { ...(status as object), someNewMember: { x: 1 } })).toBe("valid");
    expect(check("status.schema.json", { formatVersion: 1, id })).toMatch(/must have required property 'status'/);
  });
});

describe("check --format sarif", () => {
  const require = createRequire(import.meta.url);
  const sarifSchema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
  // The schema has a `language` pattern that is only valid without the `u` flag.
  const draft04 = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(draft04);
  const validate = draft04.compile(sarifSchema);

  it("is a SARIF 2.1.0 log with a rule per code and a region per result", async () => {
    const r = await runCli(["check", "bad.batch", "--format", "sarif"], { files: BAD });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
    if (!validate(log)) expect.fail(draft04.errorsText(validate.errors));
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run?.tool.driver.name).toBe("batchc");
    expect(run?.results.map((x) => x.ruleId)).toEqual(JSON.parse((await runCli(["check", "bad.batch", "--format", "json"], { files: BAD })).stdout).diagnostics.map((d: { code: string }) => d.code));
    expect(run?.results[0]).toMatchObject({ level: "error", locations: [{ physicalLocation: { artifactLocation: { uri: "bad.batch" }, region: { startLine: expect.any(Number) } } }] });
    const clean = await runCli(["check", "ok.batch", "--format", "sarif"], { files: { "ok.batch": program(ids(2)) } });
    expect(clean.code).toBe(0);
    const empty = JSON.parse(clean.stdout) as object;
    if (!validate(empty)) expect.fail(draft04.errorsText(validate.errors));
    expect(empty).toMatchObject({ runs: [{ results: [] }] });
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
