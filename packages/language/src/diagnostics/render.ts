// Renders diagnostics in the Rust/Elm shape:
//
//   error[BC2003]: unknown parameter `fastq_r3`
//     --> wgs-cohort.batch:31:7
//      |
//   31 |       fastq_r3  = s.r2
//      |       ^^^^^^^^ not declared in `params`
//      = note: in iteration s = S000123
//   help: did you mean `fastq_r2`?
import { displayWidth, safeText } from "@batchc/text";
import type { SourceFile } from "../source.js";
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  color?: boolean;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Messages, labels, notes and help may quote data (CSV cells, JSON values, names, service
 * text): printed on one line, control characters escaped, secrets masked, cut past 2,000 characters.
 */
const safe = (s: string): string => safeText(s);

/** Renders one diagnostic; `sources` maps display file names to their text. */
export function renderDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>, options: RenderOptions = {}): string {
  const color = options.color === true;
  const sev = d.severity === "error" ? paint(color, "1;31", `error[${d.code}]`) : paint(color, "1;33", `warning[${d.code}]`);
  const out: string[] = [`${sev}: ${paint(color, "1", safe(d.message))}`];
  const source = sources.get(d.file);
  if (!source) {
    out.push(`  --> ${d.file}`);
  } else {
    const start = source.position(d.span.start);
    const gutterWidth = String(start.line).length + 1;
    const pad = " ".repeat(gutterWidth);
    const bar = paint(color, "1;34", "|");
    out.push(`${pad.slice(1)}${paint(color, "1;34", "-->")} ${d.file}:${start.line}:${start.column}`);
    out.push(`${pad}${bar}`);
    out.push(...frame(source, d.span, d.label === undefined ? undefined : safe(d.label), gutterWidth, color, d.severity === "error" ? "1;31" : "1;33"));
    for (const l of d.labels ?? []) {
      const src = l.file ? sources.get(l.file) : source;
      if (!src) {
        out.push(`${pad}= note: ${safe(l.text)} (${l.file})`);
        continue;
      }
      const p = src.position(l.span.start);
      out.push(`${pad}${paint(color, "1;34", "::")} ${src.name}:${p.line}:${p.column}`);
      out.push(...frame(src, l.span, safe(l.text), gutterWidth, color, "1;34"));
    }
    for (const n of d.notes ?? []) out.push(`${pad}= note: ${safe(n)}`);
  }
  if (!source) for (const n of d.notes ?? []) out.push(`  = note: ${safe(n)}`);
  if (d.help) out.push(`${paint(color, "1;36", "help")}: ${safe(d.help)}`);
  return out.join("\n");
}

/** Longest source line shown; longer lines are cut to a window around the caret. */
const MAX_LINE = 120;

function frame(source: SourceFile, span: { start: number; end: number }, label: string | undefined, width: number, color: boolean, caretColor: string): string[] {
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  let chars = [...source.lineText(start.line).replace(/\t/g, " ")];
  let caretStart = Math.min(start.column - 1, chars.length);
  let caretEnd = end.line === start.line ? Math.max(end.column - 1, caretStart + 1) : Math.max(chars.length, caretStart + 1);
  if (chars.length > MAX_LINE) {
    // Keep the caret in view: a window that starts a little before it, with … at cut ends.
    const from = Math.max(0, Math.min(caretStart - 20, chars.length - MAX_LINE));
    const to = Math.min(chars.length, from + MAX_LINE);
    const head = from > 0 ? ["…"] : [];
    chars = [...head, ...chars.slice(from, to), ...(to < chars.length ? ["…"] : [])];
    caretStart = caretStart - from + head.length;
    caretEnd = Math.min(caretEnd - from + head.length, chars.length);
  }
  // The line is shown with its control characters escaped (a source or data line may hold an
  // ESC or a bidi control); carets are placed by the terminal columns of what is printed.
  const shown = chars.map((c) => safeText(c));
  const columns = (from: number, to: number): number => {
    let w = 0;
    for (let i = from; i < to; i++) w += displayWidth(shown[i] ?? " ");
    return w;
  };
  const text = shown.join("");
  const lineNo = String(start.line).padStart(width - 1);
  const bar = paint(color, "1;34", "|");
  const carets = "^".repeat(Math.max(1, columns(caretStart, caretEnd)));
  const under = `${" ".repeat(columns(0, caretStart))}${paint(color, caretColor, carets + (label ? ` ${label}` : ""))}`;
  return [`${paint(color, "1;34", lineNo)} ${bar} ${text}`, `${" ".repeat(width)}${bar} ${under}`];
}

/** Renders a list of diagnostics separated by blank lines, with a closing count. */
export function renderDiagnostics(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, options: RenderOptions = {}): string {
  if (list.length === 0) return "";
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.length - errors;
  const parts = list.map((d) => renderDiagnostic(d, sources, options));
  const counts: string[] = [];
  if (errors) counts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) counts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return `${parts.join("\n\n")}\n\n${counts.join(", ")}\n`;
}

/** The JSON form of a diagnostic (`--format json`): the same data with 1-based positions. */
export function diagnosticToJson(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): Record<string, unknown> {
  const src = sources.get(d.file);
  const start = src?.position(d.span.start);
  const end = src?.position(d.span.end);
  const out: Record<string, unknown> = {
    code: d.code,
    severity: d.severity,
    file: d.file,
    message: d.message,
  };
  if (start && end) {
    out.line = start.line;
    out.column = start.column;
    out.endLine = end.line;
    out.endColumn = end.column;
  }
  out.span = { start: d.span.start, end: d.span.end };
  if (d.label !== undefined) out.label = d.label;
  if (d.labels) out.labels = d.labels.map((l) => ({ ...l }));
  if (d.notes) out.notes = d.notes;
  if (d.help !== undefined) out.help = d.help;
  return out;
}
