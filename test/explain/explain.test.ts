// `batchc explain`: a page for every code of the catalogs (and none for a code that does not
// exist), examples from test/diagnostics/, and the generated files
// (the CLI's examples, docs/errors.md) are what `pnpm errors` writes.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, generatedFiles } from "../../scripts/errors.js";
import { explainPage, pageCodes } from "../../packages/cli/src/explain/page.js";
import { runCli } from "../cli/harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const CATALOGS = [
  "packages/language/src/diagnostics/codes/syntax.ts",
  "packages/language/src/diagnostics/codes/names.ts",
  "packages/language/src/diagnostics/codes/expand.ts",
  "packages/language/src/diagnostics/codes/cli.ts",
  "packages/omics/src/codes.ts",
];
/** The codes the catalogs define (as test/codes.test.ts finds them). */
const defined = [
  ...new Set(CATALOGS.flatMap((c) => [...readFileSync(path.join(root, c), "utf8").matchAll(/(?:\(\s*|code: )"(BC\d{4})"/g)].map((m) => m[1] as string))),
].sort();

describe("batchc explain", () => {
  it("has a page for every code of the catalogs, and only for those", () => {
    expect(defined.length).toBeGreaterThan(120);
    expect(defined.filter((c) => explainPage(c) === undefined)).toEqual([]);
    expect(pageCodes().filter((c) => !defined.includes(c))).toEqual([]);
    for (const c of defined) {
      const page = explainPage(c);
      expect(page?.title.length, c).toBeGreaterThan(3);
      expect(page?.meaning.length, c).toBeGreaterThan(20);
      expect(page?.fix.length, c).toBeGreaterThan(10);
      if (c.startsWith("BC5")) expect(page?.command, c).toMatch(/batchc /);
    }
  });

  it("prints a page: meaning, example with what check says, fix", async () => {
    const r = await runCli(["explain", "bc2003"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^BC2003: unknown parameter\n\nA run's/);
    expect(r.stdout).toContain("Example (BC2003.batch):\n\n    defaults {\n");
    expect(r.stdout).toContain("    error[BC2003]: unknown parameter `sampel`\n");
    expect(r.stdout).toContain("    help: did you mean `sample`?\n");
    expect(r.stdout).toMatch(/\nFix: .+\n$/);
    const s3 = await runCli(["explain", "BC5504"]);
    expect(s3.stdout).toContain("A command that fails with it:\n\n    batchc compile cohort.batch --s3-endpoint-url http://127.0.0.1:9\n");
  });

  it("refuses a code that does not exist, with a suggestion for a near miss", async () => {
    expect(await runCli(["explain", "BC9999"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: `BC9999` is not a batchc diagnostic code\nhelp: codes look like `BC2003`; docs/errors.md lists them all\n",
    });
    expect((await runCli(["explain", "BC200"])).stderr).toMatch(/help: did you mean `BC\d{4}`\?/);
  });
});

describe("the examples (test/diagnostics/, run by its corpus.test.ts)", () => {
  it("has examples of every range of codes, each page's own", () => {
    const programs = [...corpus()];
    expect(programs.length).toBeGreaterThan(100);
    for (const range of ["BC1", "BC2", "BC3", "BC4"]) expect(programs.some(([c]) => c.startsWith(range)), range).toBe(true);
    for (const [code] of programs) expect(defined).toContain(code);
  });
});

describe("generated files", () => {
  it("examples.generated.ts and docs/errors.md are up to date (`pnpm errors`)", async () => {
    for (const file of await generatedFiles()) {
      if (readFileSync(path.join(root, file.path), "utf8") !== file.text) expect.fail(`${file.path} is stale: run \`pnpm errors\``);
    }
    const docs = readFileSync(path.join(root, "docs/errors.md"), "utf8");
    for (const c of defined) expect(docs).toContain(`\n## ${c}: `);
  });
});
