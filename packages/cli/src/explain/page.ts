// The pages of `batchc explain CODE`, one per diagnostic code, and their text. The same text
// makes docs/errors.md (scripts/errors.ts); a test checks that every code of the catalogs has
// a page and that the example of each page yields its code.
import { API_PAGES } from "./pages-api.js";
import { EXAMPLES, type Example } from "./examples.generated.js";
import { LANGUAGE_PAGES } from "./pages-language.js";
import type { PageText } from "./page-text.js";

export type { PageText } from "./page-text.js";


export interface Page extends PageText {
  code: string;
  /** A minimal program that yields the code, with what `batchc check` prints for it. */
  example?: Example;
}

const TEXTS: Readonly<Record<string, PageText>> = { ...LANGUAGE_PAGES, ...API_PAGES };

/** Every code with a page, in order. */
export function pageCodes(): string[] {
  return Object.keys(TEXTS).sort();
}

export function explainPage(code: string): Page | undefined {
  const text = TEXTS[code.toUpperCase()];
  if (text === undefined) return undefined;
  const example = EXAMPLES[code.toUpperCase()];
  return { code: code.toUpperCase(), ...text, ...(example !== undefined ? { example } : {}) };
}

const indent = (text: string): string =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => (l === "" ? "" : `    ${l}`))
    .join("\n");

/** The page as plain text, for the terminal. */
export function pageText(page: Page): string {
  const out = [`${page.code}: ${page.title}`, "", page.meaning, ""];
  if (page.example) {
    page.example.files.forEach((file, i) => out.push(i === 0 ? `Example (${file.name}):` : `with ${file.name}:`, "", indent(file.text), ""));
    out.push(`\`batchc ${page.example.command}\` says:`, "", indent(page.example.output), "");
  }
  if (page.command !== undefined) out.push("A command that fails with it:", "", indent(page.command), "");
  out.push(`Fix: ${page.fix}`);
  return `${out.join("\n")}\n`;
}

/** The page as a Markdown section, for docs/errors.md. */
export function pageMarkdown(page: Page): string {
  const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
  const out = [`## ${page.code}: ${page.title}`, "", page.meaning, ""];
  if (page.example) {
    page.example.files.forEach((file, i) => out.push(`${i === 0 ? "Example" : "with"} \`${file.name}\`:`, "", fence(file.name.endsWith(".batch") ? "" : "text", file.text), ""));
    out.push(`\`batchc ${page.example.command}\` prints:`, "", fence("text", page.example.output), "");
  }
  if (page.command !== undefined) out.push("A command that fails with it:", "", fence("sh", page.command), "");
  out.push(`**Fix:** ${page.fix}`, "");
  return out.join("\n");
}
