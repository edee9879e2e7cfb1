// The front-end pipeline: text -> tokens -> CST -> AST -> checked program -> expansion.
// Every phase's diagnostics are gathered in one list; expansion starts only on an
// error-free program (the checker still runs after syntax errors, on the recovered AST).
import * as path from "node:path";
import { type Diagnostic, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
import { check } from "./checker/check.js";
import type { CheckedProgram } from "./checker/checked-program.js";
import { expand, type Expansion } from "./expander/expand.js";
import type { Host } from "./host.js";
import { parse } from "./parser/parse.js";
import { confineHost } from "./read-policy.js";
import { SourceFile } from "./source.js";

export interface FrontEndOptions {
  host: Host;
  /** Values for `var("name")`, from `--var name=value`. */
  vars?: Readonly<Record<string, string>>;
  /**
   * Folders data files may also be read from (`--allow-read`), besides the folder of the
   * `.batch` file and below.
   */
  allowRead?: readonly string[];
}

export interface FrontEndResult {
  source: SourceFile;
  checked: CheckedProgram | undefined;
  /** Present when the program parsed and checked without errors (or only errors that leave it typed). */
  expansion: Expansion | undefined;
  /** Diagnostics of parsing, checking and expansion set-up (sorted). */
  diagnostics: Diagnostic[];
}

/**
 * Errors that leave every expression of the program typed: a parameter template that cannot be
 * read or is not one (its parameters are then taken as undeclared, `any`), or a refinement of a
 * parameter it lacks. The program still expands, so the problems of its data files and runs
 * (and their number) are reported in the same run as these.
 */
const EXPANDS_DESPITE = new Set(["BC2038", "BC2039", "BC2040"]);

function expandsDespite(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((d) => d.severity !== "error" || EXPANDS_DESPITE.has(d.code));
}

/**
 * Parses, checks and prepares expansion of one `.batch` file. `fileName` is both the display
 * name in diagnostics and the path data files are resolved against.
 */
export function compileFile(fileName: string, text: string, options: FrontEndOptions): FrontEndResult {
  const source = new SourceFile(fileName, text);
  const baseDir = path.dirname(fileName);
  const host = confineHost(options.host, { roots: [baseDir, ...(options.allowRead ?? [])] });
  const parsed = parse(source);
  const checkedResult = check(parsed.program, source, { host, baseDir, syntax: parsed.diagnostics });
  const diagnostics = [...parsed.diagnostics, ...checkedResult.diagnostics];
  if (hasErrors(diagnostics) && !expandsDespite(diagnostics)) {
    return { source, checked: checkedResult.checked, expansion: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const expansion = expand(checkedResult.checked, { host, baseDir, vars: options.vars ?? {} });
  return { source, checked: checkedResult.checked, expansion, diagnostics: sortDiagnostics([...diagnostics]) };
}
