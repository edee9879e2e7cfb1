// Source text and positions. Offsets are 0-based UTF-16 indices into the text;
// lines and columns are 1-based and only computed here, for display.
import { codePointLength } from "@batchc/text";

/** A half-open range `[start, end)` of UTF-16 offsets into a source file. */
export interface Span {
  start: number;
  end: number;
}

/** A line/column position, both 1-based (columns count code points). */
export interface Position {
  line: number;
  column: number;
}

/** One source file: its display name, its text and a table of line starts. */
export class SourceFile {
  readonly name: string;
  readonly text: string;
  private lineStarts: number[] | undefined;

  constructor(name: string, text: string) {
    this.name = name;
    this.text = text;
  }

  /** Offsets at which each line starts (line 1 starts at 0). */
  get lines(): readonly number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** The 1-based line and column of an offset (clamped into the file). */
  position(offset: number): Position {
    const lines = this.lines;
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = lines[lo] as number;
    return { line: lo + 1, column: codePointLength(this.text.slice(start, at)) + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const lines = this.lines;
    const start = lines[line - 1];
    if (start === undefined) return "";
    const next = lines[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
