// The one aligned table (the `--dry-run` preview, `runs`, `list`): every cell made safe to print
// (control characters escaped, secrets masked), cut at MAX_CELL columns, and columns padded by
// display width, so wide characters (`r-東京サンプル`) line up.
import { safeCell } from "./safe-text.js";
import { displayWidth, padToWidth } from "./width.js";

/** The widest a cell is shown, in terminal columns; longer cells end in `…`. */
export const MAX_CELL = 60;

/** The lines of a table (header first), two spaces between columns, no trailing spaces. */
export function renderTable(rows: readonly (readonly string[])[]): string[] {
  const cells = rows.map((row) => row.map((c) => safeCell(c, MAX_CELL)));
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return cells.map((row) => row.map((c, i) => (i === row.length - 1 ? c : padToWidth(c, widths[i] as number))).join("  ").trimEnd());
}
