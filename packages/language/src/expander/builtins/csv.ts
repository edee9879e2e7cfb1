// `csv(path)` and `tsv(path)`: a small RFC 4180 reader (quoted cells, `""` escapes, CRLF, a
// leading BOM) that remembers where every cell starts, and the conversion of rows to records
// of a declared type. Reading is one pass over the text; conversion is one closure per column.
//
// Choices where RFC 4180 and docs/language.md are silent:
// - Line breaks are `\n`, `\r\n` or a lone `\r`. Empty lines, and lines of only spaces
//   (unquoted), are skipped anywhere (not only at the end); a line with only a quoted empty cell
//   (`""`) is a row.
// - Text after a closing quote (`"ab"c`) is kept as part of the cell (as most readers do).
// - TSV uses the same reader with a tab delimiter, so TSV cells may be quoted too.
// - With a declared row type, cells of non-`string` columns are trimmed before conversion;
//   `string` cells are kept exactly. Columns the type does not declare stay as strings.
// - Columns are 1-based and count code points; the header is line 1.
import { expand as codes } from "../../diagnostics/codes/expand.js";

import { suggestionList } from "@batchc/text";
import type { Type } from "../../checker/types.js";
import { printType } from "../../checker/types.js";
import type { RecordValue, Value } from "../../values.js";
import { mismatch, isS3Uri, s3UriProblem } from "../coerce.js";
import { names } from "../../diagnostics/codes/names.js";
import { BuiltinError } from "../errors.js";
import { setKey } from "../records.js";

/** True when text[from, to) holds only spaces and carriage returns (a blank line; tabs are cells in TSV). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 13) return false;
  }
  return true;
}


/** One row of a table: its cells and where each starts. */
export interface TableRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
  /** 1-based line of each cell (differs from `line` after a quoted line break). */
  lines: number[];
  /** 1-based column (code points) where each cell starts. */
  columns: number[];
}

/** The result of reading a delimited file: rows in order (the header is the first), or an error. */
export type TableResult = { ok: true; rows: TableRow[] } | { ok: false; line: number; column: number };

/** Reads delimited text into rows of cells with their positions. */
export function readTable(text: string, delimiter: string): TableResult {
  const rows: TableRow[] = [];
  const r = scanTable(text, delimiter, (row) => {
    rows.push({ line: row.line, cells: [...row.cells], lines: [...row.lines], columns: [...row.columns] });
  });
  return r.ok ? { ok: true, rows } : r;
}

/**
 * Reads delimited text row by row, calling `visit` with each non-blank row. The row object and
 * its arrays are reused for the next row (copy what you keep), so reading allocates only cells.
 */
export function scanTable(
  text: string,
  delimiter: string,
  visit: (row: TableRow) => void,
): { ok: true } | { ok: false; line: number; column: number } {
  if (!NOT_PLAIN.test(text)) {
    scanPlain(text, delimiter, visit);
    return { ok: true };
  }
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let col = 1;
  const row: TableRow = { line, cells: [], lines: [], columns: [] };
  let rowHasQuote = false;
  for (;;) {
    // One cell starts at i.
    const cellLine = line;
    const cellCol = col;
    let value: string;
    if (i < n && text.charCodeAt(i) === 34) {
      rowHasQuote = true;
      i++;
      col++;
      let buf = "";
      let from = i;
      for (;;) {
        if (i >= n) return { ok: false, line: cellLine, column: cellCol };
        const c = text.charCodeAt(i);
        if (c === 34) {
          buf += text.slice(from, i);
          if (text.charCodeAt(i + 1) === 34) {
            buf += '"';
            i += 2;
            col += 2;
            from = i;
            continue;
          }
          i++;
          col++;
          break;
        }
        if (c === 10 || c === 13) {
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          i++;
          line++;
          col = 1;
          continue;
        }
        if (c < 0xdc00 || c > 0xdfff) col++;
        i++;
      }
      // Text after the closing quote, up to the delimiter or line end, belongs to the cell.
      const rest = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        if (c < 0xdc00 || c > 0xdfff) col++;
        i++;
      }
      value = rest === i ? buf : buf + text.slice(rest, i);
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        if (c < 0xdc00 || c > 0xdfff) col++;
        i++;
      }
      value = text.slice(start, i);
    }
    row.cells.push(value);
    row.lines.push(cellLine);
    row.columns.push(cellCol);
    if (i < n && text.charCodeAt(i) === d) {
      i++;
      col++;
      continue;
    }
    // End of the row: a line break or the end of the text.
    const blank = row.cells.length === 1 && !rowHasQuote && isBlank(value, 0, value.length);
    if (!blank) visit(row);
    if (i >= n) break;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
    line++;
    col = 1;
    row.line = line;
    row.cells.length = 0;
    row.lines.length = 0;
    row.columns.length = 0;
    rowHasQuote = false;
  }
  return { ok: true };
}

/** What only the general reader handles: quotes, carriage returns, and surrogates (columns count code points). */
const NOT_PLAIN = /["\r\ud800-\udfff]/;

/**
 * `scanTable` for text without quotes, carriage returns and surrogates (most sample sheets):
 * lines end at `\n` and cells at the delimiter, found with `indexOf`, and a column is the
 * offset in the line. Same rows, cells and places as the general reader. It starts at offset
 * `from` (the start of line `line`; by default the text's start, after a BOM), stops after
 * `maxRows` rows, and returns where the next line starts.
 */
function scanPlain(
  text: string,
  delimiter: string,
  visit: (row: TableRow) => void,
  from = text.charCodeAt(0) === 0xfeff ? 1 : 0,
  line = 1,
  maxRows = Infinity,
): { at: number; line: number } {
  const n = text.length;
  let i = from;
  let rows = 0;
  const row: TableRow = { line, cells: [], lines: [], columns: [] };
  // The next delimiter at or after the current cell (-1: none left), found once per delimiter.
  let next = text.indexOf(delimiter, i);
  while (i <= n) {
    let end = text.indexOf("\n", i);
    if (end < 0) end = n;
    // An empty line, or one of only spaces and tabs, is blank: skipped.
    if (end > i && !isBlank(text, i, end)) {
      row.line = line;
      row.cells.length = 0;
      row.lines.length = 0;
      row.columns.length = 0;
      let start = i;
      for (;;) {
        if (next !== -1 && next < start) next = text.indexOf(delimiter, start);
        const stop = next !== -1 && next < end ? next : end;
        row.cells.push(text.slice(start, stop));
        row.lines.push(line);
        row.columns.push(start - i + 1);
        if (stop === end) break;
        start = stop + 1;
      }
      visit(row);
      rows++;
    }
    i = end + 1;
    line++;
    if (rows >= maxRows) break;
  }
  return { at: i, line };
}

/**
 * Reads plain text (see `scanPlain`) into `t`: the header the usual way, then the rows with a
 * reader made for the header's columns (`TableConverter.plainReader`), which takes the
 * lines whose cells all fit and hands any other line to the usual way, one by one. The same
 * records, lines and problems as `scanPlain` into `t.visit`.
 */
function readPlain(text: string, delimiter: string, t: TableConverter): void {
  const visit = (row: TableRow): void => t.visit(row);
  const body = scanPlain(text, delimiter, visit, undefined, undefined, 1);
  const read = t.plainReader(delimiter);
  if (read === undefined) scanPlain(text, delimiter, visit, body.at, body.line);
  else read(text, body.at, body.line, (from, line) => scanPlain(text, delimiter, visit, from, line, 1));
}

/**
 * Reads the rows of plain text from offset `from` (the start of line `line`) into the table;
 * `slow` takes a line the reader does not (a wrong number of cells, a cell that does not convert).
 */
type PlainReader = (text: string, from: number, line: number, slow: (from: number, line: number) => void) => void;

/** Converts one trimmed cell to a column type; returns the value or an error reason. */
type CellConverter = (cell: string) => Value | CellProblem;

class CellProblem {
  /** `s3uri`: the grammar's reason, reported as BC2022 like every other value that is not an S3 URI. */
  constructor(
    readonly help: string | undefined,
    readonly s3uri?: string,
  ) {}
}

/** `bool` cells (matched case-insensitively), shared with `var()`. */
export const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
  ["1", true],
  ["0", false],
]);
/** Integer and float syntax of cells and `--var` values. */
export const INT = /^-?\d+$/;
export const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function converterFor(type: Type): CellConverter | undefined {
  switch (type.kind) {
    case "string":
    case "any":
    case "error":
      return undefined;
    case "int":
      return (cell) => {
        const s = cell.trim();
        if (!INT.test(s)) return new CellProblem("an `int` is written as digits with an optional `-`");
        const v = Number(s);
        return Number.isSafeInteger(v) ? v : new CellProblem("integers are exact only up to 2^53");
      };
    case "float":
      return (cell) => {
        const s = cell.trim();
        if (!FLOAT.test(s)) return new CellProblem("a `float` is written like `1.5`, `-3` or `2e3`");
        const v = Number(s);
        return Number.isFinite(v) ? v : new CellProblem("the number is too large");
      };
    case "bool":
      return (cell) => {
        const v = BOOL_WORDS.get(cell) ?? BOOL_WORDS.get(cell.trim().toLowerCase());
        return v === undefined ? new CellProblem("use true, false, yes, no, 1 or 0") : v;
      };
    case "s3uri":
      return (cell) => {
        const s = cell.trim();
        return isS3Uri(s) ? s : new CellProblem(undefined, s3UriProblem(s));
      };
    case "enum": {
      const values = type.values;
      return (cell) => {
        const s = cell.trim();
        if (values.includes(s)) return s;
        const best = suggestionList(s, values)[0];
        return new CellProblem(
          best === undefined ? `use one of ${values.map((x) => JSON.stringify(x)).join(", ")}` : `did you mean ${JSON.stringify(best)}?`,
        );
      };
    }
    default:
      // Lists and records in a cell are written as JSON.
      return (cell) => {
        let v: Value;
        try {
          v = JSON.parse(cell) as Value;
        } catch {
          return new CellProblem(`write a \`${printType(type)}\` cell as JSON`);
        }
        return mismatch(v, type) === undefined ? v : new CellProblem(`write a \`${printType(type)}\` cell as JSON`);
      };
  }
}

/** The row type of a declared `[Row]`, or undefined when cells stay strings. */
function rowTypeOf(expected: Type | undefined): (Type & { kind: "record" }) | undefined {
  if (expected === undefined || expected.kind !== "list") return undefined;
  const e = expected.element;
  return e.kind === "record" ? e : undefined;
}

interface ColumnPlan {
  name: string;
  /** False for the key `__proto__`, which needs defineProperty. */
  plainKey: boolean;
  optional: boolean;
  type: string;
  convert: CellConverter | undefined;
  /** The first bad cell, and how many more. */
  firstError?: BuiltinError;
  more: number;
}

/**
 * Turns rows (header first) into records keyed by the header. With a declared `[Row]` type the
 * cells are converted. Problems are collected (one per column, with a count), never thrown.
 */
class TableConverter {
  readonly value: RecordValue[] = [];
  readonly errors: BuiltinError[] = [];
  private plans: ColumnPlan[] | undefined;
  /** Set when the header is unusable: later rows are ignored. */
  private broken = false;
  private countError: BuiltinError | undefined;
  private countMore = 0;

  constructor(
    private readonly file: string,
    private readonly expected: Type | undefined,
    /** Receives the line of each record kept, in order. */
    readonly lines: number[] | undefined,
  ) {}

  visit(row: TableRow): void {
    if (this.broken) return;
    if (this.plans === undefined) this.header(row);
    else this.row(row, this.plans);
  }

  private header(header: TableRow): void {
    const { file, errors } = this;
    const names = [...header.cells];
    const seen = new Set<string>();
    for (let c = 0; c < names.length; c++) {
      const name = names[c] as string;
      if (seen.has(name)) errors.push(new BuiltinError(codes.duplicateColumn(file, name, header.columns[c] as number), undefined, `dup:${name}`));
      seen.add(name);
    }
    // One plan per header column, in header order.
    const plans: ColumnPlan[] = names.map((name) => ({ name, plainKey: name !== "__proto__", optional: false, type: "string", convert: undefined, more: 0 }));
    const rowType = rowTypeOf(this.expected);
    if (rowType !== undefined) {
      for (const [name, field] of rowType.fields) {
        const index = names.indexOf(name);
        if (index < 0) {
          if (!field.optional) errors.push(new BuiltinError(codes.missingColumn(file, name, names), undefined, `missing:${name}`));
          continue;
        }
        const plan = plans[index] as ColumnPlan;
        plan.optional = field.optional;
        plan.type = printType(field.type);
        plan.convert = converterFor(field.type);
      }
    }
    if (errors.length > 0) this.broken = true;
    this.plans = plans;
  }

  private row(row: TableRow, plans: readonly ColumnPlan[]): void {
    const cells = row.cells;
    const width = plans.length;
    if (cells.length !== width) {
      if (this.countError === undefined) {
        this.countError = new BuiltinError(codes.cellCount(this.file, row.line, cells.length, width), undefined, "cells");
      } else this.countMore++;
      return;
    }
    const rec: RecordValue = {};
    let bad = false;
    for (let c = 0; c < width; c++) {
      const plan = plans[c] as ColumnPlan;
      const cell = cells[c] as string;
      let v: Value | CellProblem = cell;
      if (plan.optional && (cell === "" || cell.trim() === "")) continue;
      if (plan.convert !== undefined) {
        v = plan.convert(cell);
        if (v instanceof CellProblem) {
          bad = true;
          if (plan.firstError === undefined) {
            const line = row.lines[c] as number;
            const column = row.columns[c] as number;
            const msg =
              v.s3uri !== undefined
                ? { ...names.invalidS3Uri(cell.trim(), v.s3uri, `in column \`${plan.name}\` at ${this.file}:${line}:${column}`), notes: [`in ${this.file}, line ${line}, column ${column}`] }
                : codes.badCell(this.file, line, column, plan.name, plan.type, JSON.stringify(cell), v.help);
            plan.firstError = new BuiltinError(msg, undefined, `cell:${plan.name}`);
          } else plan.more++;
          continue;
        }
      }
      if (plan.plainKey) rec[plan.name] = v;
      else setKey(rec, plan.name, v);
    }
    if (bad) return;
    this.lines?.push(row.line);
    this.value.push(rec);
  }

  /**
   * A reader of plain rows for this table's columns (the cells found with `indexOf`, each
   * converted, the record built with the header's keys in order), or undefined when the header
   * is missing or unusable, or names `__proto__`.
   */
  plainReader(delimiter: string): PlainReader | undefined {
    const plans = this.plans;
    if (plans === undefined || this.broken || plans.length === 0 || plans.some((p) => !p.plainKey)) return undefined;
    const n = plans.length;
    const starts = new Array<number>(n).fill(0);
    const ends = new Array<number>(n).fill(0);
    const out = this.value;
    const lines = this.lines;
    // Cell c spans starts[c]..ends[c]: each delimiter is found once (`next`), as in
    // `scanPlain`; false for a line with fewer or more cells, or a cell that does not convert.
    let next = -1;
    const readRow = (text: string, i: number, end: number): boolean => {
      if (next !== -1 && next < i) next = text.indexOf(delimiter, i);
      starts[0] = i;
      for (let c = 1; c < n; c++) {
        if (next === -1 || next >= end) return false;
        ends[c - 1] = next;
        starts[c] = next + 1;
        next = text.indexOf(delimiter, next + 1);
      }
      if (next !== -1 && next < end) return false;
      ends[n - 1] = end;
      const record: RecordValue = {};
      for (let c = 0; c < n; c++) {
        const plan = plans[c] as ColumnPlan;
        const cell = text.slice(starts[c], ends[c]);
        if (plan.optional && (cell === "" || cell.trim() === "")) continue;
        const v = plan.convert === undefined ? cell : plan.convert(cell);
        if (v instanceof CellProblem) return false;
        record[plan.name] = v;
      }
      out.push(record);
      return true;
    };
    return (text, i, line, slow) => {
      const len = text.length;
      next = text.indexOf(delimiter, i);
      while (i < len) {
        let end = text.indexOf("\n", i);
        if (end < 0) end = len;
        if (end > i && !isBlank(text, i, end)) {
          if (readRow(text, i, end)) lines?.push(line);
          else slow(i, line);
        }
        i = end + 1;
        line++;
      }
    };
  }

  /** Closes the table: an empty one has no header; repeated problems get a count. */
  finish(): { value: RecordValue[]; errors: BuiltinError[] } {
    const { file, errors } = this;
    if (this.plans === undefined) return { value: [], errors: [new BuiltinError(codes.emptyTable(file), undefined, file)] };
    if (this.broken) return { value: [], errors };
    const s = (k: number): string => (k === 1 ? "" : "s");
    if (this.countError !== undefined) {
      const more = this.countMore;
      errors.push(withMore(this.countError, more, `and ${more} more row${s(more)} with the wrong number of cells`));
    }
    for (const plan of this.plans) {
      if (plan.firstError) errors.push(withMore(plan.firstError, plan.more, `and ${plan.more} more bad cell${s(plan.more)} in this column`));
    }
    return { value: errors.length > 0 ? [] : this.value, errors };
  }
}

/**
 * Turns table rows (header first) into records keyed by the header. With a declared `[Row]`
 * type the cells are converted; every problem is returned (one per column, with a count).
 * `lines`, when given, receives the line of each record, in order.
 */
export function tableToRecords(
  rows: readonly TableRow[],
  file: string,
  expected: Type | undefined,
  lines?: number[],
): { value: RecordValue[]; errors: BuiltinError[] } {
  const t = new TableConverter(file, expected, lines);
  for (const row of rows) t.visit(row);
  return t.finish();
}

function withMore(e: BuiltinError, more: number, note: string): BuiltinError {
  if (more === 0) return e;
  const notes = [...(e.message.notes ?? []), note];
  return new BuiltinError({ ...e.message, notes }, e.argIndex, e.key);
}

/**
 * Reads a csv (`,`) or tsv (`\t`) text into records: every cell a string, or converted to the
 * declared `[Row]` type. `file` is the display name used in messages; `lines`, when given,
 * receives the line of each record, in order.
 */
export function parseDelimited(
  text: string,
  file: string,
  delimiter: "," | "\t",
  expected?: Type,
  lines?: number[],
): { value: RecordValue[]; errors: BuiltinError[] } {
  const t = new TableConverter(file, expected, lines);
  if (!NOT_PLAIN.test(text)) {
    readPlain(text, delimiter, t);
    return t.finish();
  }
  const scan = scanTable(text, delimiter, (row) => t.visit(row));
  if (!scan.ok) return { value: [], errors: [new BuiltinError(codes.unterminatedQuote(file, scan.line, scan.column), undefined, "quote")] };
  return t.finish();
}
