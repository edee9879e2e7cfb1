// `pnpm grammar`: regenerates the files derived from the parser's grammar —
// `grammar/diagrams.html` (railroad diagrams) and
// `packages/language/src/parser/cst.generated.d.ts` (CST types used by the AST builder).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cstTypesText, diagramsHtmlText } from "../packages/language/src/parser/artifacts.js";

/** One generated file: where it lives and its fresh text. */
export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  text: string;
}

/** Every generated file with its text as the current grammar produces it. */
export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "grammar/diagrams.html", text: diagramsHtmlText() },
    { path: "packages/language/src/parser/cst.generated.d.ts", text: cstTypesText() },
  ];
}

/** The committed text of a generated file ("" when missing). */
export function committedText(path: string): string {
  try {
    return readFileSync(new URL(path, new URL("..", import.meta.url)), "utf8");
  } catch {
    return "";
  }
}

/** Writes every generated file; returns the paths that changed. */
export function writeGeneratedFiles(): string[] {
  const changed: string[] = [];
  for (const f of generatedFiles()) {
    if (committedText(f.path) === f.text) continue;
    writeFileSync(new URL(f.path, new URL("..", import.meta.url)), f.text);
    changed.push(f.path);
  }
  return changed;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const changed = writeGeneratedFiles();
  console.log(changed.length === 0 ? "grammar files are up to date" : `wrote ${changed.join(", ")}`);
}
