// Where a run's `null` came from in a data file, for the warning about a `null` over a default
// (BC3048): a value read as `r.key`, where the loop variable `r` is a row of `csv`/`tsv` with an
// empty cell for `key` (an optional column), or an element of a `json` list whose `key` is
// `null` or absent. The cell is found again only for a warning given, once per file.
import { isRecordValue } from "../values.js";
import type { ExpandContext } from "./builtins/context.js";
import { resolvePath } from "./builtins/files.js";
import { readTable, type TableRow } from "./builtins/table-scan.js";
import { cellNote, type DataCell } from "./data-cell.js";
import type { Binding } from "./run-spec.js";
import type { NullOverDefault } from "./statement-ir.js";

/** The note naming the data-file cell a `null` read as `read.name`.`read.key` came from, if any. */
export function nullCellNotes(ctx: ExpandContext, bindings: readonly Binding[], read: NullOverDefault["read"]): { labels: []; notes: string[] } {
  const cell = read === undefined ? undefined : nullCell(ctx, bindings, read);
  return { labels: [], notes: cell === undefined ? [] : [cellNote(cell)] };
}

function nullCell(ctx: ExpandContext, bindings: readonly Binding[], read: { name: string; key: string }): DataCell | undefined {
  const b = bindings.find((x) => x.name === read.name);
  if (b?.origin === undefined || !isRecordValue(b.value)) return undefined;
  const v = Object.hasOwn(b.value, read.key) ? b.value[read.key] : undefined;
  if (v !== undefined && v !== null) return undefined;
  const { file, line } = b.origin;
  const delimiter = delimiterOf(ctx, file);
  if (delimiter === undefined) return { file, line };
  const rows = table(ctx, file, delimiter);
  const column = rows?.[0]?.cells.indexOf(read.key) ?? -1;
  const row = column < 0 ? undefined : rows?.find((r) => r.line === line);
  if (row === undefined || row.columns[column] === undefined) return { file, line };
  return { file, line: row.lines[column] as number, column: row.columns[column] as number };
}

/** The delimiter `file` was read with by `csv` or `tsv`; undefined for other files. */
function delimiterOf(ctx: ExpandContext, file: string): string | undefined {
  for (const o of ctx.listOrigins.values()) if (o.file === file && o.delimiter !== undefined) return o.delimiter;
  return undefined;
}

/** The rows of a delimited file (the header first), read again once per expansion. */
function table(ctx: ExpandContext, file: string, delimiter: string): readonly TableRow[] | undefined {
  const cache = ctx.dataTables;
  const key = `${delimiter}\0${file}`;
  if (cache.has(key)) return cache.get(key);
  let rows: readonly TableRow[] | undefined;
  try {
    const text = ctx.host.readFile(resolvePath(ctx.baseDir, file));
    // the reader skips a leading byte order mark
    const r = readTable(text, delimiter);
    rows = r.ok ? r.rows : undefined;
  } catch {
    rows = undefined;
  }
  cache.set(key, rows);
  return rows;
}
