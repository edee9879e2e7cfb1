// The diagnostic data model shared by every phase.
import type { Span } from "../source.js";

export type Severity = "error" | "warning";

/** A secondary span with a short label, shown under the main one. */
export interface Label {
  span: Span;
  text: string;
  /** Display name of the file the span is in, when it is not the diagnostic's own file. */
  file?: string;
}

/**
 * One problem found in a program. Messages start lowercase, have no final period and
 * put names in `backticks`; the fix goes in `help`.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Display name of the file the span is in. */
  file: string;
  message: string;
  /** The smallest span that still shows the problem. */
  span: Span;
  /** Text printed after the caret on the main span. */
  label?: string;
  labels?: Label[];
  /** Context lines: the loop iteration, the data-file cell, a count of repeats. */
  notes?: string[];
  /** The fix; did-you-mean goes here. */
  help?: string;
}

/** What one catalog entry builds: everything but the place. */
export interface DiagnosticMessage {
  code: string;
  severity: Severity;
  message: string;
  label?: string;
  help?: string;
  notes?: string[];
}

/** Places a catalog message at a span of a file. */
export function at(file: string, span: Span, msg: DiagnosticMessage, extra?: Partial<Diagnostic>): Diagnostic {
  const d: Diagnostic = { code: msg.code, severity: msg.severity, file, message: msg.message, span };
  if (msg.label !== undefined) d.label = msg.label;
  if (msg.help !== undefined) d.help = msg.help;
  if (msg.notes !== undefined) d.notes = [...msg.notes];
  return extra ? { ...d, ...extra } : d;
}

/** Sorts by file, then position, then code, and drops exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  const out: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (const d of sorted) {
    if (
      last &&
      last.file === d.file &&
      last.span.start === d.span.start &&
      last.span.end === d.span.end &&
      last.code === d.code &&
      last.message === d.message
    ) {
      continue;
    }
    out.push(d);
    last = d;
  }
  return out;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
