// Where the formatter puts each `#` comment. Comments are not in the AST; the lexer keeps
// their spans and the printer takes them in source order: the ones before a statement or an
// entry go on their own lines above it, one after it on the same line stays at the end of
// that line, one after a `{` stays on the line of the `{`. A comment in a place the layout
// has no line for (inside a one-line expression) goes on its own line before the next
// statement or entry: it may move, but it is never lost.
import type { Span } from "../source.js";

/** A comment printed on its own line, and whether a blank line came before it. */
export interface OwnLineComment {
  text: string;
  blankBefore: boolean;
}

/** The comments of one source text, taken once each, in order. */
export class Comments {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly spans: readonly Span[],
  ) {}

  /** No comments (printing an AST without its source). */
  static none(): Comments {
    return new Comments("", []);
  }

  /** The comments not yet taken that start before `offset`. */
  takeBefore(offset: number): OwnLineComment[] {
    const out: OwnLineComment[] = [];
    for (let c = this.spans[this.next]; c !== undefined && c.start < offset; c = this.spans[this.next]) {
      out.push({ text: this.textOf(c), blankBefore: this.blankBefore(c.start) });
      this.next++;
    }
    return out;
  }

  /** The next comment, when only spaces and commas separate it from `end` (the end of a node). */
  takeTrailing(end: number): string | undefined {
    const c = this.spans[this.next];
    if (c === undefined || c.start < end) return undefined;
    for (let i = end; i < c.start; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch !== 32 && ch !== 9 && ch !== 44) return undefined;
    }
    this.next++;
    return this.textOf(c);
  }

  /** The next comment, when it starts before `before` on the line of an opening `{`. */
  takeAfterBrace(before: number): string | undefined {
    const c = this.spans[this.next];
    if (c === undefined || c.start >= before) return undefined;
    let i = c.start - 1;
    while (i >= 0 && (this.text[i] === " " || this.text[i] === "\t")) i--;
    if (this.text[i] !== "{") return undefined;
    this.next++;
    return this.textOf(c);
  }

  /** Whether a comment not yet taken starts inside `span`. */
  within(span: Span): boolean {
    for (let i = this.next; i < this.spans.length; i++) {
      const c = this.spans[i] as Span;
      if (c.start >= span.end) return false;
      if (c.start >= span.start) return true;
    }
    return false;
  }

  /** Whether the source has an empty line between `from` and `to`. */
  blankLineBetween(from: number, to: number): boolean {
    return /\n[ \t\r]*\n|\r[ \t]*\r/.test(this.text.slice(from, to));
  }

  /** Whether the line before the one `offset` is on is empty (and `offset` starts its line). */
  blankBefore(offset: number): boolean {
    let newlines = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const ch = this.text[i];
      if (ch === "\n") newlines++;
      else if (ch !== " " && ch !== "\t" && ch !== "\r") return newlines >= 2;
    }
    return false;
  }

  /** The offset of the first `}` at or after `from`, skipping whitespace, comments and one `{`. */
  closingBrace(from: number, skipOpen: boolean): number | undefined {
    let i = from;
    let open = skipOpen;
    while (i < this.text.length) {
      const ch = this.text[i];
      if (ch === "#") {
        while (i < this.text.length && this.text[i] !== "\n" && this.text[i] !== "\r") i++;
      } else if (ch === "{" && open) {
        open = false;
        i++;
      } else if (ch === "}") {
        return i;
      } else if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
        i++;
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  private textOf(c: Span): string {
    return this.text.slice(c.start, c.end).trimEnd();
  }
}
