// `batchc fmt` and the language server's formatting: the canonical layout of a file with
// its comments kept. A file with syntax errors is not formatted (its AST is partial).
import { formatProgram } from "./ast/print.js";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { parse } from "./parser/parse.js";
import type { SourceFile } from "./source.js";

/** The formatted text, or the syntax errors that prevent formatting. */
export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Formats a `.batch` file; never throws on bad input. */
export function formatSource(source: SourceFile): FormatResult {
  const { program, diagnostics, comments } = parse(source);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, text: formatProgram(program, source.text, comments) };
}
