// `batchc lsp --stdio` driven by a JSON-RPC client as an editor would: diagnostics on open
// and change, completion, hover, definition, references, outline, formatting, rename, and
// answers while the run checks of the 100,000-run cohort are still going.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, uriOf } from "./client.js";

const root = path.resolve(import.meta.dirname, "../..");
const cohortFile = path.join(root, "examples/wgs-cohort/wgs-cohort.batch");
const cohort = readFileSync(cohortFile, "utf8");
const cohortUri = uriOf(cohortFile);

interface Item {
  label: string;
  detail?: string;
  documentation?: string;
}
interface Location {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
const at = (line: number, character: number): { line: number; character: number } => ({ line, character });
const labels = (items: Item[]): string[] => items.map((i) => i.label);

let client: TestClient;
const dir = mkdtempSync(path.join(tmpdir(), "batchc-lsp-"));
beforeAll(async () => {
  client = new TestClient();
  const init = await client.initialize();
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, documentFormattingProvider: true });
});
afterAll(async () => {
  expect(await client.close()).toBe(0);
  expect(client.stderr).toBe("");
  rmSync(dir, { recursive: true, force: true });
});

describe("batchc lsp", () => {
  it("publishes no diagnostics for the cohort, then BC2021 at the misspelt enum value", async () => {
    await client.open(cohortUri, cohort, 1);
    expect(await client.checked(cohortUri, 1)).toEqual([]);
    expect(client.runsChecked(cohortUri, 1)).toMatchObject({ runs: 100 });

    await client.change(cohortUri, cohort.replace('storageType = "DYNAMIC"', 'storageType = "DYNAMK"'), 2);
    await client.until(() => client.diagnostics(cohortUri, 2) !== undefined);
    const [d, ...rest] = client.diagnostics(cohortUri, 2) ?? [];
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "BC2021", severity: 1, range: { start: at(10, 16), end: at(10, 24) } });
    expect(d?.message).toContain("help: did you mean `\"DYNAMIC\"`?");

    await client.change(cohortUri, cohort, 3);
    expect(await client.checked(cohortUri, 3)).toEqual([]);
  });

  it("completes the API fields inside `defaults`, with constraints and meaning, and only those", async () => {
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: cohortUri }, position: at(11, 2) });
    expect(labels(items)).toEqual(expect.arrayContaining(["workflowId", "roleArn", "storageType", "cacheBehavior", "outputUri", "runTags", "params"]));
    expect(labels(items)).not.toContain("settings");
    expect(items.find((i) => i.label === "storageType")).toMatchObject({ detail: 'one of "STATIC", "DYNAMIC"', documentation: expect.stringContaining("DYNAMIC") });
    expect(items.find((i) => i.label === "roleArn")?.detail).toBe("string, 1 to 128 characters, matching ^arn:.+$ (required)");
  });

  it("completes enum values after `storageType = \"`", async () => {
    const text = cohort.replace('storageType = "DYNAMIC"', 'storageType = "');
    await client.change(cohortUri, text, 4);
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: cohortUri }, position: at(10, 17) });
    expect(labels(items)).toEqual(['"STATIC"', '"DYNAMIC"']);
    await client.change(cohortUri, cohort, 5);
  });

  it("completes the declared parameters inside a run's `params { }`", async () => {
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: cohortUri }, position: at(34, 6) });
    expect(labels(items)).toEqual(["sample_id", "fastq_r1", "fastq_r2", "reference", "caller", "threads", "notes"]);
    expect(items.find((i) => i.label === "caller")?.detail).toBe('caller: "deepvariant" | "gatk"');
  });

  it("completes the columns of a typed csv after `s.`", async () => {
    const text = cohort.replace("fastq_r1  = s.r1", "fastq_r1  = s.");
    await client.change(cohortUri, text, 6);
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: cohortUri }, position: at(35, 20) });
    expect(labels(items)).toEqual(["sample_id", "r1", "r2", "urgent"]);
    await client.change(cohortUri, cohort, 7);
  });

  it("completes the columns of an untyped csv from its header, read beside the document", async () => {
    writeFileSync(path.join(dir, "sheet.csv"), "id,bam,depth\nA,s3://b/a.bam,30\n");
    const file = path.join(dir, "sheet.batch");
    const text = 'defaults {\n  workflowId = "1"\n  roleArn    = "arn:aws:iam::1:role/R"\n}\n\nfor row in csv("sheet.csv") {\n  run row.\n}\n';
    await client.open(uriOf(file), text, 1);
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: uriOf(file) }, position: at(6, 10) });
    expect(labels(items)).toEqual(["id", "bam", "depth"]);
  });

  it("completes names in scope and built-ins in an expression", async () => {
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri: cohortUri }, position: at(32, 16) });
    expect(labels(items)).toEqual(expect.arrayContaining(["s", "ref", "caller", "samples", "csv", "basename"]));
    expect(items.find((i) => i.label === "csv")?.detail).toMatch(/^csv\(path: string/);
    expect(items.find((i) => i.label === "s")?.detail).toBe("Sample");
  });

  it("hovers: a name's type, a field's constraints, a built-in's signature, a parameter, and a run's count", async () => {
    type Hover = { contents: { value: string } } | null;
    const hover = async (line: number, character: number): Promise<string | undefined> =>
      (await client.request<Hover>("textDocument/hover", { textDocument: { uri: cohortUri }, position: at(line, character) }))?.contents.value;
    expect(await hover(28, 12)).toContain("let samples: [Sample]");
    expect(await hover(28, 4)).toContain("s: Sample");
    expect(await hover(10, 4)).toContain('one of "STATIC", "DYNAMIC"');
    expect(await hover(26, 26)).toContain("csv(path: string");
    expect(await hover(35, 8)).toContain("fastq_r1: s3uri");
    expect(await hover(29, 3)).toBe("**run**: expands to 100 runs");
    expect(await hover(32, 22)).toBe("```batch\nbool\n```");
    expect(await hover(32, 30)).toBe("```batch\nint\n```");
  });

  it("goes to the definition and finds the references of a let, a loop variable, an alias and a parameter", async () => {
    const definition = (line: number, character: number): Promise<Location | null> =>
      client.request("textDocument/definition", { textDocument: { uri: cohortUri }, position: at(line, character) });
    const references = async (line: number, character: number): Promise<number[]> =>
      (
        await client.request<Location[]>("textDocument/references", {
          textDocument: { uri: cohortUri },
          position: at(line, character),
          context: { includeDeclaration: true },
        })
      ).map((l) => l.range.start.line);
    expect((await definition(28, 10))?.range).toEqual({ start: at(26, 4), end: at(26, 11) });
    expect(await references(26, 5)).toEqual([26, 28]);
    expect(await references(28, 4)).toEqual([28, 29, 30, 31, 32, 34, 35, 36, 40]);
    expect(await references(25, 6)).toEqual([25, 26]);
    expect((await definition(35, 7))?.range).toEqual({ start: at(17, 2), end: at(17, 10) });
    expect(await references(17, 3)).toEqual([17, 35]);
  });

  it("lists the outline", async () => {
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>("textDocument/documentSymbol", { textDocument: { uri: cohortUri } });
    expect(symbols.map((s) => s.name)).toEqual(['batch "wgs-cohort-a"', "defaults", "params", "Sample", "samples", "for s, ref, caller"]);
    expect(symbols[5]?.children?.map((c) => c.name)).toEqual(['run "${s.sample_id}-${ref}-${caller}"']);
  });

  it("formats as `batchc fmt` does, and renames a let everywhere", async () => {
    const uri = uriOf(path.join(dir, "ugly.batch"));
    await client.open(uri, 'let a=1 # one\nlet b=[a,a]\n', 1);
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toEqual(["let a = 1  # one\nlet b = [a, a]\n"]);
    const rename = await client.request<{ changes: Record<string, { newText: string; range: Location["range"] }[]> }>("textDocument/rename", {
      textDocument: { uri },
      position: at(0, 4),
      newName: "count",
    });
    expect(rename.changes[uri]?.map((e) => [e.range.start.line, e.range.start.character, e.newText])).toEqual([
      [0, 4, "count"],
      [1, 7, "count"],
      [1, 9, "count"],
    ]);
  });

  it("answers completion while the 100,000-run cohort's run checks go on", async () => {
    execFileSync(process.execPath, [path.join(root, "examples/wgs-cohort/generate-samples.mjs"), "25000", dir]);
    const uri = uriOf(path.join(dir, "wgs-cohort.batch"));
    await client.open(uri, readFileSync(path.join(dir, "wgs-cohort.batch"), "utf8"), 1);
    await client.until(() => client.diagnostics(uri, 1) !== undefined);
    const items = await client.request<Item[]>("textDocument/completion", { textDocument: { uri }, position: at(11, 2) });
    expect(labels(items)).toContain("storageType");
    expect(client.runsChecked(uri, 1)).toBeUndefined();
    expect(await client.checked(uri, 1)).toEqual([]);
    expect(client.runsChecked(uri, 1)).toEqual({ uri, version: 1, runs: 100_000 });
  });
});
