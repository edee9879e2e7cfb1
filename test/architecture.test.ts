// House rules of the source, kept by test (docs/architecture.md): no non-test source file over
// 500 lines (generated files and the parser's grammar class excepted), no function over 80
// lines (measured with the TypeScript compiler), no import cycle between modules, the package
// import rules, and no code made from strings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 80;
/** The parser's grammar class: one file, as chevrotain and graphql-js keep theirs. */
const GRAMMAR_CLASS = "packages/language/src/parser/parser.ts";

/** Every non-test TypeScript source file of the packages, relative to the root. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) visit(rel);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")) out.push(rel);
    }
  };
  for (const pkg of readdirSync(path.join(root, "packages"))) {
    if (statSync(path.join(root, "packages", pkg, "src"), { throwIfNoEntry: false })?.isDirectory()) visit(`packages/${pkg}/src`);
  }
  return out.sort();
}

const FILES = sourceFiles();
const generated = (f: string): boolean => f.includes(".generated.");
const lineCount = (text: string): number => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

/** Every function-like node with a body: its name (or `(anonymous)`), first line and length in lines. */
function functions(file: string): { name: string; line: number; lines: number }[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = "name" in node && node.name !== undefined ? (node.name as ts.Node).getText(sf) : "(anonymous)";
      found.push({ name, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The modules a file imports (relative imports resolved to files; `import type` counted too: a type-only cycle still ties the modules together). */
function moduleImports(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?:type\s+)?(?:[^;]*?\s+from\s+)?"(\.[^"]+)";/gms)) {
    const target = path.posix.join(path.posix.dirname(file), (m[1] as string).replace(/\.js$/, ".ts"));
    if (known.has(target)) out.push(target);
  }
  return out;
}

/** The import cycles of a graph: its strongly connected components of more than one module, or one importing itself. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) strong(v);
  return out;
}

describe("house rules of the source", () => {
  it("finds the sources", () => {
    expect(FILES.length).toBeGreaterThan(150);
    expect(FILES).toContain(GRAMMAR_CLASS);
  });

  it(`no non-test source file is over ${MAX_FILE_LINES} lines (generated files and the grammar class excepted)`, () => {
    const long = FILES.filter((f) => !generated(f) && f !== GRAMMAR_CLASS)
      .map((f) => `${f}: ${lineCount(readFileSync(path.join(root, f), "utf8"))} lines`)
      .filter((s) => Number(s.split(": ")[1]?.split(" ")[0]) > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = FILES.filter((f) => !generated(f)).flatMap((f) =>
      functions(f)
        .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
        .map((fn) => `${f}:${fn.line} ${fn.name} (${fn.lines} lines)`),
    );
    expect(long).toEqual([]);
  });

  it("measures functions as the TypeScript compiler sees them", () => {
    const sample = "packages/language/src/expander/run-builder.ts";
    const fns = functions(sample);
    expect(fns.map((f) => f.name)).toContain("runBuilder");
    expect(fns.every((f) => f.lines >= 1 && f.lines < 80)).toBe(true);
  });

  it("no import cycle between modules", () => {
    const known = new Set(FILES);
    const graph = new Map(FILES.map((f) => [f, moduleImports(f, known)] as const));
    expect(cycles(graph)).toEqual([]);
    // The detector finds a cycle when there is one.
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
  });

  it("language and omics never import each other; the compiler imports both; the CLI only package indexes", () => {
    const imports = (pkg: string): Set<string> =>
      new Set(
        FILES.filter((f) => f.startsWith(`packages/${pkg}/src/`)).flatMap((f) =>
          [...readFileSync(path.join(root, f), "utf8").matchAll(/from\s+"(@batchc\/[^"]+)"/g)].map((m) => m[1] as string),
        ),
      );
    expect([...imports("language")].filter((p) => p.startsWith("@batchc/omics") || p.startsWith("@batchc/compiler"))).toEqual([]);
    expect([...imports("omics")].filter((p) => p.startsWith("@batchc/language") || p.startsWith("@batchc/compiler"))).toEqual([]);
    expect(imports("compiler")).toEqual(new Set(["@batchc/language", "@batchc/omics"]));
    expect([...imports("cli")].filter((p) => p.split("/").length > 2)).toEqual([]);
  });

  it("no code is made from strings (no `new Function`, `eval`, or a worker given code)", () => {
    const offenders = FILES.filter((f) => /\bnew Function\s*\(|\beval\s*\(|\beval:\s*true/.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
