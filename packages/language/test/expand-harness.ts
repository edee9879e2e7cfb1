// Test helpers for the expander: parse + check + expand a `.batch` text over in-memory files,
// and render diagnostics compactly (`BC3001 3:7 message`) for exact assertions.
import { check } from "../src/checker/check.js";
import { compileFile } from "../src/compile.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { memoryHost } from "../src/host.js";
import { parse } from "../src/parser/parse.js";
import { SourceFile } from "../src/source.js";
import { expand, type Expansion } from "../src/expander/expand.js";
import type { RunSpec } from "../src/expander/run-spec.js";

export const BASE = "/proj";

export interface Expanded {
  source: SourceFile;
  expansion: Expansion;
  /** Front-end (parse and check) diagnostics, which tests expect to be empty. */
  frontEnd: Diagnostic[];
}

/** Parses, checks and expands `text` as `/proj/test.batch`; data files are relative to `/proj`. */
export function expandText(text: string, files: Record<string, string> = {}, vars: Record<string, string> = {}): Expanded {
  const source = new SourceFile("test.batch", text);
  const parsed = parse(source);
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${BASE}/${k}`, v])));
  const checked = check(parsed.program, source, { host, baseDir: BASE });
  // warnings (unused names in test fragments, `null` over a default) do not stop expansion
  const frontEnd = [...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
  if (frontEnd.length > 0) {
    throw new Error(`front-end diagnostics:\n${frontEnd.map((d) => short(source, d)).join("\n")}`);
  }
  return { source, expansion: expand(checked.checked, { host, baseDir: BASE, vars }), frontEnd };
}

/** All runs of a program, plus every diagnostic after iterating. */
export function runAll(text: string, files: Record<string, string> = {}, vars: Record<string, string> = {}): {
  runs: RunSpec[];
  diagnostics: string[];
  raw: Diagnostic[];
  expansion: Expansion;
} {
  const { source, expansion } = expandText(text, files, vars);
  const runs = [...expansion.runs()];
  return { runs, diagnostics: expansion.diagnostics.map((d) => short(source, d)), raw: expansion.diagnostics, expansion };
}

/** `BC3001 3:7 message` for one diagnostic. */
export function short(source: SourceFile, d: Diagnostic): string {
  const p = source.position(d.span.start);
  return `${d.code} ${p.line}:${p.column} ${d.message}`;
}

/**
 * Everything a diagnostic says, on one line: `BC3001 2:39-2:44 message | label 1:5 text |
 * note: ... | help: ...` (the main label is left out).
 */
export function full(source: SourceFile, d: Diagnostic): string {
  const p = source.position(d.span.start);
  const e = source.position(d.span.end);
  const parts = [`${d.code} ${p.line}:${p.column}-${e.line}:${e.column} ${d.message}`];
  for (const l of d.labels ?? []) {
    const q = source.position(l.span.start);
    parts.push(`label ${q.line}:${q.column} ${l.text}`);
  }
  for (const n of d.notes ?? []) parts.push(`note: ${n}`);
  if (d.help !== undefined) parts.push(`help: ${d.help}`);
  return parts.join(" | ");
}

/** Ids of runs, then every diagnostic in full, after iterating all runs. */
export function outcome(text: string, files: Record<string, string> = {}, vars: Record<string, string> = {}): { ids: string[]; diagnostics: string[] } {
  const { source, expansion } = expandText(text, files, vars);
  const runs = [...expansion.runs()];
  return { ids: runs.map((r) => r.runSettingId), diagnostics: expansion.diagnostics.map((d) => full(source, d)) };
}

/** Ids of runs. */
export function ids(runs: readonly RunSpec[]): string[] {
  return runs.map((r) => r.runSettingId);
}

/**
 * Everything one `check` of `text` (as `/p/t.batch`, data files under `/p`) sees of the front end
 * and the expansion: the codes and diagnostics in order, the ids given, the runs counted, the set-up.
 */
export function checkAll(text: string, files: Record<string, string> = {}) {
  const r = compileFile("/p/t.batch", text, { host: memoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/p/${k}`, v]))) });
  const e = r.expansion;
  const ids = e === undefined ? undefined : [...e.runs()].map((x) => x.runSettingId);
  const all = [...r.diagnostics, ...(e?.diagnostics ?? [])];
  return {
    codes: all.map((d) => d.code),
    lines: all.map((d) => full(r.source, d)),
    ids,
    counted: e?.attemptedRuns(),
    setupComplete: e?.setupComplete,
  };
}
