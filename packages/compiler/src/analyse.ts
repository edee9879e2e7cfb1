// The front end, as the pipeline's first stages: the program's text parsed into an AST,
// checked (types, names, blocks), and its expansion prepared (`batch`, `defaults`, `params`
// and top-level `let`s evaluated; the runs not yet).
import { compileFile, type FrontEndResult, type Host } from "@batchc/language";

export interface ProgramOptions {
  /** All file access (data files) goes through it. */
  host: Host;
  /** Values for `var("name")`, from `--var name=value`. */
  vars?: Readonly<Record<string, string>>;
  /** Folders data files may also be read from, besides the program's own. */
  allowRead?: readonly string[];
}

/** Parses and checks `text` (the program `file`) and prepares its expansion. */
export function analyseProgram(file: string, text: string, options: ProgramOptions): FrontEndResult {
  return compileFile(file, text, { host: options.host, vars: options.vars ?? {}, allowRead: options.allowRead ?? [] });
}
