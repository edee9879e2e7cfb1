// Where a value of a run came from in a data file: the cell of the row (or the line of
// `lines()`) a loop variable is bound to that holds the value, as file, line and column. The
// file is read again only for values reported, once per file (`lines` caches it).
import * as path from "node:path";
import type { Host } from "../host.js";
import { isRecordValue, shownFields, type Value } from "../values.js";
import type { Binding } from "./run-spec.js";

/** A data-file cell: 1-based line and column (column absent when the text is not on the row's line). */
export interface DataCell {
  file: string;
  line: number;
  column?: number;
}

/** The lines of the data files read so far, by file (undefined: unreadable). */
export type DataLines = Map<string, readonly string[] | undefined>;

/** The cell of a loop variable (a row, or a line of `lines()`) that holds `value`, if any. */
export function cellOf(host: Host, baseDir: string, bindings: readonly Binding[], value: string, lines: DataLines): DataCell | undefined {
  for (const b of bindings) {
    if (b.origin === undefined || !holds(b.value, value)) continue;
    const column = columnOf(host, path.isAbsolute(b.origin.file) ? b.origin.file : path.join(baseDir, b.origin.file), b.origin.file, b.origin.line, value, lines);
    return column === undefined ? { file: b.origin.file, line: b.origin.line } : { file: b.origin.file, line: b.origin.line, column };
  }
  return undefined;
}

/** `in FILE, line N, column C`: the note naming a cell. */
export function cellNote(cell: DataCell): string {
  return `in ${cell.file}, line ${cell.line}${cell.column !== undefined ? `, column ${cell.column}` : ""}`;
}

/** The 1-based column (in code points) where `value` starts on `line` of `file`, if it is there. */
function columnOf(host: Host, abs: string, file: string, line: number, value: string, cache: DataLines): number | undefined {
  let lines = cache.get(file);
  if (!cache.has(file)) {
    try {
      lines = host.readFile(abs).split("\n");
    } catch {
      lines = undefined;
    }
    cache.set(file, lines);
  }
  const text = lines?.[line - 1];
  if (text === undefined || value === "") return undefined;
  const i = text.indexOf(value);
  return i < 0 ? undefined : [...text.slice(0, i)].length + 1;
}

/** Whether a loop variable's value is `value`, or a record or list that holds it (one level down). */
function holds(v: Value, value: string): boolean {
  if (v === value) return true;
  if (Array.isArray(v)) return v.some((x) => x === value || (Array.isArray(x) && x.includes(value)));
  if (isRecordValue(v)) return shownFields(v).some(([, x]) => x === value || (Array.isArray(x) && x.includes(value)));
  return false;
}
