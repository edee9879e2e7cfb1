// Where a value of a run came from, for `--live` findings about S3 objects: the source of the
// parameter (the run's `params` entry, else the defaults, else the declared default; see
// source-map.ts), the iteration, and, when the value is a cell of a data-file row the loop
// walks, that cell as `file, line, column`. The data file is read again only for the values
// reported, once per file.
import * as path from "node:path";
import {
  at,
  cellNote,
  cellOf,
  iterationText,
  nodeHost,
  type Binding,
  type DataCell,
  type DataLines,
  type Diagnostic,
  type DiagnosticMessage,
  type FrontEndResult,
  type Host,
  type RunStatement,
} from "@batchc/language";
import { SourceLocator } from "@batchc/compiler";

/** The first run that used a value: enough to place a finding about it. */
export interface ValueSource {
  statement: RunStatement;
  /** The API path of the value: `["parameters", NAME]`, `["outputUri"]`. */
  path: readonly string[];
  bindings: readonly Binding[];
  /** How many runs use the value. */
  runs: number;
}

export class Placer {
  private readonly locator: SourceLocator;
  private readonly file: string;
  private readonly baseDir: string;
  private readonly source: FrontEndResult["source"];
  private readonly lines: DataLines = new Map();

  constructor(
    frontEnd: FrontEndResult,
    private readonly host: Host = nodeHost,
  ) {
    if (!frontEnd.checked) throw new Error("Placer needs a checked program");
    this.locator = new SourceLocator(frontEnd.checked);
    this.file = frontEnd.source.name;
    this.source = frontEnd.source;
    this.baseDir = path.dirname(frontEnd.source.name);
  }

  /**
   * `msg` at the source of `value`, with the cell, the iteration and the other runs as notes
   * (`detail: false` leaves them out: `more` says where, for a folded group).
   */
  place(msg: DiagnosticMessage, value: string, source: ValueSource, more: readonly string[] = [], detail = true): Diagnostic {
    const span = this.locator.forRun(source.statement, source.path);
    const d = at(this.file, span, msg);
    const notes = [...(d.notes ?? [])];
    const cell = detail ? this.cellOf(value, source.bindings) : undefined;
    if (cell !== undefined) notes.push(cellNote(cell));
    // The iteration tells only about a value the run statement itself computes.
    const inRun = span.start >= source.statement.span.start && span.end <= source.statement.span.end;
    if (detail && inRun && source.bindings.length > 0) notes.push(`in iteration ${iterationText(source.bindings)}`);
    if (detail && source.runs > 1) notes.push(`used by ${source.runs.toLocaleString("en-US")} runs`);
    notes.push(...more);
    if (notes.length > 0) d.notes = notes;
    return d;
  }

  /** `file:line:column` of the cell holding `value`, or the `.batch` line, for a list of examples. */
  where(value: string, source: ValueSource): string {
    const cell = this.cellOf(value, source.bindings);
    if (cell !== undefined) return `${cell.file}:${cell.line}${cell.column !== undefined ? `:${cell.column}` : ""}`;
    const pos = this.source.position(this.locator.forRun(source.statement, source.path).start);
    return `${this.file}:${pos.line}:${pos.column}`;
  }

  /** The data-file cell of a loop variable that holds `value`. */
  private cellOf(value: string, bindings: readonly Binding[]): DataCell | undefined {
    return cellOf(this.host, this.baseDir, bindings, value, this.lines);
  }
}
