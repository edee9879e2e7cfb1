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
import type { Type } from "../../checker/types.js";
import type { RecordValue } from "../../values.js";
import { BuiltinError } from "../errors.js";
import { readPlain, TableConverter } from "./table-records.js";
import { NOT_PLAIN, scanTable } from "./table-scan.js";

export { readTable, type TableResult, type TableRow } from "./table-scan.js";
export { tableToRecords } from "./table-records.js";
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
