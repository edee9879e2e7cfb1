// Reading delimited text into rows of cells, each with its place: the general reader (quotes,
// `""` escapes, CRLF, a leading BOM) and a faster scan of plain text (no quotes, no carriage
// returns, no surrogates). See csv.ts for the choices where RFC 4180 is silent.
/** True when text[from, to) holds only spaces and carriage returns (a blank line; tabs are cells in TSV). */
export function isBlank(text: string, from: number, to: number): boolean {
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

/** Where the general reader is: offset, line and column (code points). */
interface Cursor {
  i: number;
  line: number;
  col: number;
}

/** Moves past the rest of a cell, up to the delimiter `d` or the line end; columns count code points. */
function skipToCellEnd(text: string, d: number, at: Cursor): void {
  const n = text.length;
  while (at.i < n) {
    const c = text.charCodeAt(at.i);
    if (c === d || c === 10 || c === 13) break;
    if (c < 0xdc00 || c > 0xdfff) at.col++;
    at.i++;
  }
}

/**
 * Reads a quoted cell starting at its opening quote (`""` is a quote; line breaks are kept),
 * and the text after the closing quote up to the delimiter or line end; undefined when the
 * closing quote is missing.
 */
function quotedCell(text: string, d: number, at: Cursor): string | undefined {
  const n = text.length;
  at.i++;
  at.col++;
  let buf = "";
  let from = at.i;
  for (;;) {
    if (at.i >= n) return undefined;
    const c = text.charCodeAt(at.i);
    if (c === 34) {
      buf += text.slice(from, at.i);
      if (text.charCodeAt(at.i + 1) === 34) {
        buf += '"';
        at.i += 2;
        at.col += 2;
        from = at.i;
        continue;
      }
      at.i++;
      at.col++;
      break;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(at.i + 1) === 10) at.i++;
      at.i++;
      at.line++;
      at.col = 1;
      continue;
    }
    if (c < 0xdc00 || c > 0xdfff) at.col++;
    at.i++;
  }
  // Text after the closing quote, up to the delimiter or line end, belongs to the cell.
  const rest = at.i;
  skipToCellEnd(text, d, at);
  return rest === at.i ? buf : buf + text.slice(rest, at.i);
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
  const at: Cursor = { i: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1, col: 1 };
  const row: TableRow = { line: 1, cells: [], lines: [], columns: [] };
  let rowHasQuote = false;
  for (;;) {
    // One cell starts at `at`.
    const cellLine = at.line;
    const cellCol = at.col;
    let value: string;
    if (at.i < n && text.charCodeAt(at.i) === 34) {
      rowHasQuote = true;
      const quoted = quotedCell(text, d, at);
      if (quoted === undefined) return { ok: false, line: cellLine, column: cellCol };
      value = quoted;
    } else {
      const start = at.i;
      skipToCellEnd(text, d, at);
      value = text.slice(start, at.i);
    }
    row.cells.push(value);
    row.lines.push(cellLine);
    row.columns.push(cellCol);
    if (at.i < n && text.charCodeAt(at.i) === d) {
      at.i++;
      at.col++;
      continue;
    }
    // End of the row: a line break or the end of the text.
    const blank = row.cells.length === 1 && !rowHasQuote && isBlank(value, 0, value.length);
    if (!blank) visit(row);
    if (at.i >= n) break;
    if (text.charCodeAt(at.i) === 13 && text.charCodeAt(at.i + 1) === 10) at.i++;
    at.i++;
    at.line++;
    at.col = 1;
    row.line = at.line;
    row.cells.length = 0;
    row.lines.length = 0;
    row.columns.length = 0;
    rowHasQuote = false;
  }
  return { ok: true };
}

/** What only the general reader handles: quotes, carriage returns, and surrogates (columns count code points). */
export const NOT_PLAIN = /["\r\ud800-\udfff]/;

/**
 * `scanTable` for text without quotes, carriage returns and surrogates (most sample sheets):
 * lines end at `\n` and cells at the delimiter, found with `indexOf`, and a column is the
 * offset in the line. Same rows, cells and places as the general reader. It starts at offset
 * `from` (the start of line `line`; by default the text's start, after a BOM), stops after
 * `maxRows` rows, and returns where the next line starts.
 */
export function scanPlain(
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

