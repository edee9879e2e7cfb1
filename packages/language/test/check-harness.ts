// Shared test harness for the checker's tests (after graphql-js `validation/__tests__/harness.ts`):
// source text -> parse() -> check() on in-memory files, and exact comparisons of diagnostics.
import { deepStrictEqual } from "node:assert/strict";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { memoryHost } from "../src/host.js";
import { parse } from "../src/parser/parse.js";
import { SourceFile } from "../src/source.js";
import { check, type CheckResult } from "../src/checker/check.js";

/** The folder the test program lives in; data files are given relative to it. */
export const TEST_DIR = "/project";
export const TEST_FILE = "test.batch";

/** A diagnostic as tests write it: 1-based line and column of the main span. */
export interface ExpectedDiagnostic {
  code: string;
  line: number;
  col: number;
  message: string;
  /** Compared when given (`undefined` asserts there is none). */
  help?: string | undefined;
  /** Compared when given. */
  label?: string | undefined;
  /** Secondary labels, compared when given. */
  labels?: { line: number; col: number; text: string }[];
}

/** The checker's result plus the parser's diagnostics and the source. */
export type SourceCheck = CheckResult & { syntax: Diagnostic[]; source: SourceFile };

/** The unused-name warning, which most tests (whose programs are fragments) leave out. */
export const UNUSED = "BC2052";

/**
 * Parses and checks a program (as `compile` does); `files` are paths relative to the program's
 * folder. Unused-name warnings are dropped unless `unused` is set.
 */
export function checkSource(src: string, files: Record<string, string> = {}, unused = false): SourceCheck {
  const source = new SourceFile(TEST_FILE, src);
  const parsed = parse(source);
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${TEST_DIR}/${k}`, v])));
  const result = check(parsed.program, source, { host, baseDir: TEST_DIR, syntax: parsed.diagnostics });
  const diagnostics = unused ? result.diagnostics : result.diagnostics.filter((d) => d.code !== UNUSED);
  return { ...result, diagnostics, syntax: parsed.diagnostics, source };
}

/** A diagnostic in the tests' shape, with exactly the keys `like` has. */
function shape(source: SourceFile, d: Diagnostic, like: ExpectedDiagnostic): ExpectedDiagnostic {
  const p = source.position(d.span.start);
  const out: ExpectedDiagnostic = { code: d.code, line: p.line, col: p.column, message: d.message };
  if ("help" in like) out.help = d.help;
  if ("label" in like) out.label = d.label;
  if ("labels" in like) {
    out.labels = (d.labels ?? []).map((l) => {
      const q = source.position(l.span.start);
      return { line: q.line, col: q.column, text: l.text };
    });
  }
  return out;
}

/** Asserts that a syntactically valid program gives exactly these checker diagnostics, in order. */
export function expectErrors(src: string, expected: ExpectedDiagnostic[], files: Record<string, string> = {}, unused = false): SourceCheck {
  const result = checkSource(src, files, unused);
  deepStrictEqual(result.syntax.map((d) => d.message), [], "the test program has syntax errors");
  const actual = result.diagnostics.map((d, i) => shape(result.source, d, expected[i] ?? { code: "", line: 0, col: 0, message: "" }));
  deepStrictEqual(actual, expected);
  return result;
}

/** Asserts that a program parses and checks without any diagnostic. */
export function expectValid(src: string, files: Record<string, string> = {}): SourceCheck {
  return expectErrors(src, [], files);
}
