// Machine-readable output. Every `--format json` document is an object whose first member is
// `"formatVersion": 1` (raised when a member changes meaning or goes away; new members may come
// without it); `--format jsonl` stays one plain object per line. The schemas are in docs/schema/.
// Diagnostics also come as SARIF 2.1.0, for code-scanning tools.
import { type Diagnostic, diagnosticToJson, type SourceFile } from "@batchc/language";
import { VERSION } from "./version.js";

export const FORMAT_VERSION = 1;

/** A `--format json` document: `formatVersion` first, then `body`, pretty-printed. */
export function jsonDocument(body: Record<string, unknown>): string {
  return `${JSON.stringify({ formatVersion: FORMAT_VERSION, ...body }, null, 2)}\n`;
}

/** A note of a diagnostic; one that names a place in a file (a data-file cell) has its position. */
export interface JsonNote {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

// The ways notes name a place: `in samples.csv, line 3, column 5`, and `samples.csv:3` or
// `samples.csv:3:5` (in parentheses or after `at`). The last place a note names is its position.
const IN_FILE = /^in (.+), line (\d+)(?:, column (\d+))?$/;
const FILE_LINE = /(?:^|[\s(])([^\s(),:]+\.[A-Za-z0-9]+):(\d+)(?::(\d+))?(?=$|[\s),])/g;

export function noteToJson(message: string): JsonNote {
  const note: JsonNote = { message };
  const whole = IN_FILE.exec(message);
  const m = whole ?? [...message.matchAll(FILE_LINE)].pop();
  if (m) {
    note.file = m[1] as string;
    note.line = Number(m[2]);
    if (m[3] !== undefined) note.column = Number(m[3]);
  }
  return note;
}

/** One diagnostic as JSON data: place, message, notes with their positions, help. */
export function diagnosticJson(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): Record<string, unknown> {
  const out = diagnosticToJson(d, sources);
  if (d.notes) out.notes = d.notes.map(noteToJson);
  return out;
}

/** `check --format json` (and compile's diagnostics with `--format json`). */
export function diagnosticsDocument(file: string, ok: boolean, list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): string {
  return jsonDocument({ file, ok, diagnostics: list.map((d) => diagnosticJson(d, sources)) });
}

/** `--format jsonl`: one diagnostic per line. */
export function diagnosticsLines(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): string {
  return list.map((d) => `${JSON.stringify(diagnosticJson(d, sources))}\n`).join("");
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * A SARIF 2.1.0 log of one run of batchc: a rule per code that occurs (its help text says
 * `batchc explain CODE`), a result per diagnostic with its region (1-based lines and columns).
 */
export function sarifLog(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, ruleTitle: (code: string) => string | undefined): string {
  const codes = [...new Set(list.map((d) => d.code))].sort();
  const rules = codes.map((id) => {
    const title = ruleTitle(id);
    return {
      id,
      ...(title !== undefined ? { shortDescription: { text: title } } : {}),
      help: { text: `Run \`batchc explain ${id}\` for what it means, an example and the fix.` },
    };
  });
  const results = list.map((d) => {
    const src = sources.get(d.file);
    const start = src?.position(d.span.start);
    const end = src?.position(d.span.end);
    const text = [d.message, ...(d.notes ?? []).map((n) => `note: ${n}`), ...(d.help !== undefined ? [`help: ${d.help}`] : [])].join("\n");
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: d.file } };
    if (start && end) {
      physicalLocation.region = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
    }
    return {
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: d.severity === "error" ? "error" : "warning",
      message: { text },
      locations: [{ physicalLocation }],
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "batchc", version: VERSION, semanticVersion: VERSION, rules } }, results, columnKind: "unicodeCodePoints" }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
