// The diagnostics corpus (README.md in this folder): each `BCnnnn*.batch` program is run with
// the commands of its `.out` file (by default `batchc check`, and `batchc compile --dry-run` for
// BC4xxx), and the transcript must equal the `.out` file. `BATCHC_UPDATE=1` rewrites the files.
// A meta-test asks every BC1xxx–BC4xxx code of the catalogs for a case that yields it, or an
// exemption with its reason in EXEMPT.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, caseCommands, commandLine, corpusCases, runInCorpus } from "../../scripts/errors.js";

const root = path.resolve(import.meta.dirname, "../..");
const UPDATE = process.env.BATCHC_UPDATE === "1";
const CATALOGS = [
  "packages/language/src/diagnostics/codes/syntax.ts",
  "packages/language/src/diagnostics/codes/names.ts",
  "packages/language/src/diagnostics/codes/expand.ts",
  "packages/omics/src/codes.ts",
];

/** What the commands print: each command line, its stdout and stderr, and its exit code. */
async function transcript(argvs: string[][]): Promise<string> {
  const out: string[] = [];
  for (const argv of argvs) {
    const r = await runInCorpus(argv);
    out.push(`$ batchc ${commandLine(argv)}\n`);
    if (r.stdout !== "") out.push(`--- stdout\n${r.stdout}${r.stdout.endsWith("\n") ? "" : "\n"}`);
    if (r.stderr !== "") out.push(`--- stderr\n${r.stderr}${r.stderr.endsWith("\n") ? "" : "\n"}`);
    out.push(`--- exit ${r.code}\n`);
  }
  return out.join("");
}

const cases = corpusCases();

describe("diagnostics corpus", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const outFile = path.join(CORPUS, `${c.name}.out`);
    const expected = existsSync(outFile) ? readFileSync(outFile, "utf8") : undefined;
    const actual = await transcript(caseCommands(c));
    if (UPDATE) {
      if (actual !== expected) writeFileSync(outFile, actual);
    } else {
      if (expected === undefined) expect.fail(`${c.name}.out is missing: run the test with BATCHC_UPDATE=1`);
      expect(actual).toBe(expected);
    }
    // The case shows its code, and nothing machine-specific or coloured.
    expect(actual).toMatch(new RegExp(`(error|warning)\\[${c.code}\\]`));
    expect(actual).not.toContain(root);
    expect(actual).not.toMatch(/\x1b/);
  });
});

/** `BCnnnn reason` lines of EXEMPT (`#` starts a comment). */
function exemptions(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path.join(CORPUS, "EXEMPT"), "utf8").split("\n")) {
    const m = /^(BC\d{4})\s+(\S.*)$/.exec(line);
    if (m) out.set(m[1] as string, m[2] as string);
    else if (line.trim() !== "" && !line.startsWith("#")) throw new Error(`EXEMPT: cannot read the line ${JSON.stringify(line)}`);
  }
  return out;
}

describe("the corpus covers the catalog", () => {
  const defined = [
    ...new Set(CATALOGS.flatMap((c) => [...readFileSync(path.join(root, c), "utf8").matchAll(/"(BC[1-4]\d{3})"/g)].map((m) => m[1] as string))),
  ].sort();
  const exempt = exemptions();

  /** The codes some expected output shows (`error[BCnnnn]` or `warning[BCnnnn]`). */
  const covered = new Set(
    cases.flatMap((c) => {
      const out = path.join(CORPUS, `${c.name}.out`);
      return existsSync(out) ? [...readFileSync(out, "utf8").matchAll(/(?:error|warning)\[(BC\d{4})\]/g)].map((m) => m[1] as string) : [];
    }),
  );

  it("has a case for every BC1xxx–BC4xxx code, or a written exemption", () => {
    expect(defined.length).toBeGreaterThan(120);
    expect(defined.filter((c) => !covered.has(c) && !exempt.has(c))).toEqual([]);
  });

  it("exempts only codes the catalog defines and the corpus does not cover, each with a reason", () => {
    for (const [code, reason] of exempt) {
      expect(defined, code).toContain(code);
      expect(covered.has(code), `${code} has a case: remove its exemption`).toBe(false);
      expect(reason.length, code).toBeGreaterThan(20);
    }
  });

  it("names every file for a case (no stray files)", () => {
    const known = new Set(["README.md", "EXEMPT", "corpus.test.ts"]);
    for (const c of cases) for (const f of [...c.files, `${c.name}.out`]) known.add(f.split("/")[0] as string);
    expect(readdirSync(CORPUS).filter((f) => !known.has(f))).toEqual([]);
  });
});
