// Shared first steps of the commands: read the .batch file, hand it to the compiler's front
// end, and print diagnostics (text, or JSON with --format json).
import {
  at,
  type Diagnostic,
  type FrontEndResult,
  SourceFile,
  codes,
  hasErrors,
  InvalidUtf8,
  nodeHost,
  renderDiagnostics,
  sortDiagnostics,
} from "@batchc/language";
import { analyseProgram, checkAllRuns } from "@batchc/compiler";
import * as path from "node:path";
import { CommandError, type Io, useColor } from "./io.js";
import { diagnosticsDocument, diagnosticsLines, sarifLog } from "./machine-output.js";
import { withS3Listings, type S3GlobAccess } from "./s3-glob.js";

export interface LoadedProgram {
  file: string;
  frontEnd: FrontEndResult;
  /** Front-end diagnostics (syntax, types, expansion set-up). */
  diagnostics: Diagnostic[];
}

/** Parses `--var NAME=VALUE` options; a malformed one is a usage error. */
export function parseVars(list: unknown): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const item of (list as string[] | undefined) ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new CommandError(`\`--var ${item}\` is not of the form NAME=VALUE`, 2, "write it as `--var sheet=samples.csv`");
    vars[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return vars;
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** A short reason for a failed read: the system error's meaning, else its message. */
export function readFailure(err: unknown): string {
  const code = err instanceof Error && "code" in err ? String(err.code) : undefined;
  if (code !== undefined && READ_FAILURES[code] !== undefined) return READ_FAILURES[code] as string;
  return err instanceof Error ? err.message : String(err);
}

/** The folders of `--allow-read PATH` (repeatable), resolved against the working folder. */
export function allowedReads(options: Record<string, unknown>, io: Io): string[] {
  return ((options["allow-read"] as string[] | undefined) ?? []).map((p) => path.resolve(io.cwd, p));
}

/**
 * Reads and front-ends the program. Data files are read only in the program's folder and in
 * `allowRead`; S3 is listed for its `s3_glob` calls through `s3`. Diagnostics are returned, not printed.
 */
export async function loadProgram(
  file: string,
  io: Io,
  vars: Record<string, string>,
  allowRead: readonly string[] = [],
  s3?: S3GlobAccess,
): Promise<LoadedProgram> {
  let text: string;
  try {
    text = (io.host ?? nodeHost).readFile(file);
  } catch (err) {
    if (err instanceof InvalidUtf8) return badBytes(file, err);
    const reason = readFailure(err);
    const msg = codes.cli.cannotReadProgram(file, reason);
    const d: Diagnostic = { code: msg.code, severity: "error", file, message: msg.message, span: { start: 0, end: 0 } };
    if (msg.help) d.help = msg.help;
    const frontEnd: FrontEndResult = { source: new SourceFile(file, ""), checked: undefined, expansion: undefined, diagnostics: [d] };
    return { file, frontEnd, diagnostics: [d] };
  }
  const base = io.host ?? nodeHost;
  const host = s3 !== undefined ? await withS3Listings(base, file, text, io, s3) : base;
  const frontEnd = analyseProgram(file, text, { host, vars, allowRead });
  return { file, frontEnd, diagnostics: frontEnd.diagnostics };
}

/** A program that is not UTF-8: one error at the first bad byte, shown as U+FFFD. */
function badBytes(file: string, err: InvalidUtf8): LoadedProgram {
  const source = new SourceFile(file, err.text);
  const d = at(file, { start: err.textOffset, end: err.textOffset + 1 }, codes.syntax.invalidUtf8(err.line, err.column));
  const frontEnd: FrontEndResult = { source, checked: undefined, expansion: undefined, diagnostics: [d] };
  return { file, frontEnd, diagnostics: [d] };
}

/** With `--deny-warnings`, every warning counts as an error (and is shown as one). */
export function applyDenyWarnings(list: readonly Diagnostic[], options: Record<string, unknown>): Diagnostic[] {
  if (options["deny-warnings"] !== true) return [...list];
  return list.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));
}

/**
 * Every problem `check` finds (without `--live`): the front end's and, when the program expanded
 * (also despite type errors), its runs' and data files'; warnings denied as `--deny-warnings`
 * asks. `count` is the number of runs checked, when it expanded.
 */
export function checkedDiagnostics(loaded: LoadedProgram, options: Record<string, unknown>): { list: Diagnostic[]; count: number | undefined } {
  const runs = loaded.frontEnd.expansion ? checkAllRuns(loaded.frontEnd) : undefined;
  return { list: applyDenyWarnings(sortDiagnostics([...loaded.diagnostics, ...(runs?.diagnostics ?? [])]), options), count: runs?.count };
}

/** How diagnostics are printed: text on stderr, or data on stdout (see machine-output.ts). */
export type DiagnosticsFormat = "text" | "json" | "jsonl" | "sarif";

/** Prints diagnostics to stderr (text) or stdout (data); returns true when any is an error. */
export function reportDiagnostics(list: readonly Diagnostic[], loaded: LoadedProgram, io: Io, format: DiagnosticsFormat): boolean {
  // A program that could not be read has no text to frame: its errors show only the file name.
  const source = loaded.frontEnd.source;
  const sources = new Map<string, SourceFile>(loaded.frontEnd.checked || source.text !== "" ? [[source.name, source]] : []);
  if (format === "json") {
    io.stdout.write(diagnosticsDocument(loaded.file, !hasErrors(list), list, sources));
  } else if (format === "jsonl") {
    io.stdout.write(diagnosticsLines(list, sources));
  } else if (format === "sarif") {
    io.stdout.write(sarifLog(list, sources, () => undefined));
  } else if (list.length > 0) {
    io.stderr.write(renderDiagnostics(list, sources, { color: useColor(io, io.stderr) }));
  }
  return hasErrors(list);
}

