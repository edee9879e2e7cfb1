// One line of progress on a terminal (stderr), redrawn in place: each draw returns to the start
// of the line, clears it and writes the new text, cut to the terminal's width so that it never
// wraps (a wrapped line could not be redrawn and would leave a trail of lines). Not on other
// streams or with TERM=dumb: there, commands print plain lines instead.
import type { Io } from "./io.js";

const CLEAR = "\r\u001b[2K";

export class ProgressLine {
  private drawn = false;

  private constructor(
    private readonly io: Io,
    private readonly width: number,
  ) {}

  /** A progress line when stderr is a terminal, else undefined. */
  static open(io: Io): ProgressLine | undefined {
    if (io.stderr.isTTY !== true || io.env.TERM === "dumb") return undefined;
    const columns = io.stderr.columns;
    return new ProgressLine(io, columns !== undefined && columns > 0 ? columns : 80);
  }

  /**
   * Draws `left + middle + right`; when it is wider than the terminal, `middle` is shortened:
   * in its middle (`cut: "middle"`, for a URI whose both ends tell) or at its end (a sentence),
   * then the whole cut at the width. The last column stays empty, so the cursor never moves to
   * a new line.
   */
  draw(left: string, middle = "", right = "", cut: "middle" | "end" = "middle"): void {
    this.io.stderr.write(`${CLEAR}${fit(left, middle, right, this.width - 1, cut)}`);
    this.drawn = true;
  }

  /** Clears the line (when something was drawn). */
  clear(): void {
    if (this.drawn) this.io.stderr.write(CLEAR);
    this.drawn = false;
  }

  /** Replaces the line with `text` and a newline: the last state, kept on screen. */
  finish(text: string): void {
    this.io.stderr.write(`${CLEAR}${text}\n`);
    this.drawn = false;
  }
}

/** `left + middle + right` in at most `width` code points. */
export function fit(left: string, middle: string, right: string, width: number, cut: "middle" | "end" = "middle"): string {
  const len = (s: string): number => [...s].length;
  const total = len(left) + len(middle) + len(right);
  if (total <= width) return left + middle + right;
  const room = width - len(left) - len(right);
  if (room >= 5) {
    const chars = [...middle];
    const head = cut === "end" ? room - 1 : Math.ceil((room - 1) / 2);
    const tail = room - 1 - head;
    return `${left}${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(chars.length - tail).join("") : ""}${right}`;
  }
  return [...(left + middle + right)].slice(0, Math.max(0, width)).join("");
}
