// The front-end pipeline: text -> tokens -> CST -> AST -> checked program -> expansion.
// Every phase's diagnostics are gathered in one list; expansion starts on any program that
// parsed, going around its checker errors (the checker still runs after syntax errors, on the
// recovered AST, but nothing is expanded then).
import * as path from "node:path";
import { type Diagnostic, sortDiagnostics } from "./diagnostics/diagnostic.js";
import { check } from "./checker/check.js";
import type { CheckedProgram } from "./checker/checked-program.js";
import { expand, type Expansion } from "./expander/expand.js";
import type { Host } from "./host.js";
import { parse } from "./parser/parse.js";
import { confineHost } from "./read-policy.js";
import { SourceFile, type Span } from "./source.js";

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
  /**
   * Present when the program parsed without errors: its checker errors are faults the expansion
   * goes around (expander/faults.ts). Callers emit nothing while `diagnostics` has errors.
   */
  expansion: Expansion | undefined;
  /** Diagnostics of parsing, checking and expansion set-up (sorted). */
  diagnostics: Diagnostic[];
}

/**
 * Errors that leave every expression of the program typed: a parameter template that cannot be
 * read or is not one (its parameters are then taken as undeclared, `any`), or a refinement of a
 * parameter it lacks. They are not faults: the runs are given and checked as usual.
 */
const LEAVES_TYPED = new Set(["BC2038", "BC2039", "BC2040"]);

/**
 * The places of the checker's errors in the program, or undefined when the program cannot be
 * expanded: it has syntax errors (BC1xxx; the recovered tree is a guess). Every other error is
 * a fault the expansion goes around (expander/faults.ts), so the problems of the data files and
 * runs, and the number of runs, are reported with the static ones.
 */
function faultsOf(diagnostics: readonly Diagnostic[], file: string): Span[] | undefined {
  const faults: Span[] = [];
  for (const d of diagnostics) {
    if (d.severity !== "error") continue;
    if (d.code.startsWith("BC1")) return undefined;
    if (!LEAVES_TYPED.has(d.code)) faults.push(d.file === file ? d.span : { start: 0, end: Number.MAX_SAFE_INTEGER });
  }
  return faults;
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
  const faults = faultsOf(diagnostics, source.name);
  if (faults === undefined) {
    return { source, checked: checkedResult.checked, expansion: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const expansion = expand(checkedResult.checked, { host, baseDir, vars: options.vars ?? {}, faults });
  return { source, checked: checkedResult.checked, expansion, diagnostics: sortDiagnostics([...diagnostics]) };
}
