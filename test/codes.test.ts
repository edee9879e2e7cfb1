// Every diagnostic code of every catalog is triggered by at least one test (a test file, or an
// expected output of the diagnostics corpus in test/diagnostics/), no two catalogs define the
// same code (codes are stable: never reused), and the docs name no code that does not exist.
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const CATALOGS = [
  "packages/language/src/diagnostics/codes/syntax.ts",
  "packages/language/src/diagnostics/codes/names.ts",
  "packages/language/src/diagnostics/codes/expand.ts",
  "packages/language/src/diagnostics/codes/cli.ts",
  "packages/omics/src/codes.ts",
];

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if ((name.endsWith(".test.ts") && name !== "codes.test.ts") || (name.endsWith(".out") && dir.endsWith("diagnostics"))) out.push(p);
  }
  return out;
}

/** Every code the catalogs define, once per catalog. */
function definedCodes(): string[] {
  const defined: string[] = [];
  for (const c of CATALOGS) {
    const text = readFileSync(path.join(root, c), "utf8");
    // A definition is a code passed to the catalog's builder: error("BC1234", ...); one builder
    // may use its code in several branches.
    defined.push(...new Set([...text.matchAll(/(?:\(\s*|code: )"(BC\d{4})"/g)].map((m) => m[1] as string)));
  }
  return defined;
}

it("defines each code in one catalog and tests every one", () => {
  const defined = definedCodes();
  expect(defined.length).toBeGreaterThan(100);
  expect(defined.filter((c, i) => defined.indexOf(c) !== i)).toEqual([]);
  const tests = [...files(path.join(root, "packages")), ...files(path.join(root, "test"))].map((f) => readFileSync(f, "utf8")).join("\n");
  const untested = defined.filter((c) => !tests.includes(c));
  expect(untested).toEqual([]);
});

it("names in docs/*.md and README.md only codes a catalog defines", () => {
  const defined = new Set(definedCodes());
  const docs = [...readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`), "README.md"];
  const named = docs.flatMap((f) => [...readFileSync(path.join(root, f), "utf8").matchAll(/BC\d{4}/g)].map((m) => `${f} ${m[0]}`));
  expect(named.length).toBeGreaterThan(100);
  expect(named.filter((n) => !defined.has(n.slice(n.indexOf(" ") + 1)))).toEqual([]);
});
