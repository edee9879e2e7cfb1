// AST -> source text in the canonical layout: two-space indents, one entry per line,
// `=` aligned within a run of fields, parameter types aligned, short map blocks and
// literals on one line, a blank line between top-level statements (but not between
// consecutive `let`s and `type`s), and the fewest parentheses that keep the meaning.
// Given the source's comments (`formatProgram`), it keeps each of them (see comments.ts)
// and keeps one empty line where the source has any between two entries or statements;
// a run of aligned fields ends at an empty line, and trailing comments on consecutive
// lines are aligned. Printing a parsed program and parsing the result gives the same AST
// (spans aside).
import type { Span } from "../source.js";
import { Comments } from "./comments.js";
import type * as A from "./nodes.js";
import { ExpressionPrinter, INDENT, printExpression, printKey, printTypeExpression, quote, WIDTH } from "./print-expression.js";

export { printExpression, printTypeExpression } from "./print-expression.js";

/** Pretty-prints a program in the canonical layout (ends with a newline unless empty). */
export function printProgram(program: A.Program): string {
  return new Printer(Comments.none()).program(program);
}

/**
 * Formats a parsed program: the canonical layout with every comment of `text` (the source
 * it was parsed from; `comments` as `parse` returns them) kept.
 */
export function formatProgram(program: A.Program, text: string, comments: readonly Span[]): string {
  return new Printer(new Comments(text, comments)).program(program);
}

/** One output line: its text and the comment that ends it, if any. */
interface Line {
  text: string;
  comment?: string;
}

const BLANK: Line = { text: "" };
const isBinding = (s: A.Statement): boolean => s.kind === "LetStatement" || s.kind === "TypeAlias";

class Printer {
  private readonly expressions: ExpressionPrinter;

  constructor(private readonly comments: Comments) {
    this.expressions = new ExpressionPrinter(comments);
  }

  program(program: A.Program): string {
    const lines = this.sequence(program.statements, 0, Number.POSITIVE_INFINITY, (s) => this.statement(s, 0), (a, b) => !(isBinding(a) && isBinding(b)));
    return lines.length === 0 ? "" : `${render(lines)}\n`;
  }

  /**
   * Items one after another, each with the comments before it and the one after it; then
   * the comments before `end`. An empty line where `blank(previous, item)` asks for one or
   * where the source has one (never first).
   */
  private sequence<T extends A.Node>(
    items: readonly T[],
    level: number,
    end: number,
    print: (item: T) => Line[],
    blank: (previous: T, item: T) => boolean = () => false,
  ): Line[] {
    const pad = INDENT.repeat(level);
    const out: Line[] = [];
    let previous: T | undefined;
    const ownLines = (offset: number, forced: boolean): void => {
      let needBlank = forced;
      for (const c of this.comments.takeBefore(offset)) {
        if (out.length > 0 && (needBlank || c.blankBefore)) out.push(BLANK);
        out.push({ text: `${pad}${c.text}` });
        needBlank = false;
      }
      if (out.length > 0 && (needBlank || this.comments.blankBefore(offset))) out.push(BLANK);
    };
    for (const item of items) {
      ownLines(item.span.start, previous !== undefined && blank(previous, item));
      const lines = print(item);
      const trailing = this.comments.takeTrailing(item.span.end);
      const last = lines[lines.length - 1];
      if (trailing !== undefined && last !== undefined) lines[lines.length - 1] = { text: last.text, comment: trailing };
      out.push(...lines);
      previous = item;
    }
    for (const c of this.comments.takeBefore(end)) {
      if (out.length > 0 && c.blankBefore) out.push(BLANK);
      out.push({ text: `${pad}${c.text}` });
    }
    return out;
  }

  private statement(s: A.Statement, level: number): Line[] {
    const pad = INDENT.repeat(level);
    switch (s.kind) {
      case "BatchBlock": {
        // A name that starts with `{` would read as the block: it keeps parentheses.
        const printed = s.name === undefined ? "" : printExpression(s.name);
        const name = s.name === undefined ? "" : ` ${printed.startsWith("{") ? `(${printed})` : printed}`;
        return this.block(`${pad}batch${name}`, s, s.entries, (end) => this.entries(s.entries, level + 1, end));
      }
      case "DefaultsBlock":
        return this.block(`${pad}defaults`, s, s.entries, (end) => this.entries(s.entries, level + 1, end));
      case "ParamsBlock": {
        const from = s.from === undefined ? "" : ` from ${quote(s.from.value)}`;
        if (!s.block) return [{ text: `${pad}params${from}` }];
        return this.block(`${pad}params${from}`, s, s.declarations, (end) => this.params(s.declarations, level + 1, end));
      }
      case "TypeAlias":
        return [{ text: `${pad}type ${s.name.name} = ${printTypeExpression(s.type)}` }];
      case "LetStatement": {
        const type = s.type === undefined ? "" : `: ${printTypeExpression(s.type)}`;
        return [{ text: `${pad}let ${s.name.name}${type} = ${this.expressions.print(s.value, 0, level)}` }];
      }
      case "ForStatement": {
        const sources = s.sources
          .map((src) => {
            const names = src.destructure ? `(${src.names.map((n) => n.name).join(", ")})` : src.names.map((n) => n.name).join(", ");
            return `${names} in ${this.expressions.print(src.iterable, 1, level)}`;
          })
          .join(", ");
        const where = s.where === undefined ? "" : ` where ${this.expressions.print(s.where, 1, level)}`;
        return this.block(`${pad}for ${sources}${where}`, s, s.body, (end) => this.statements(s.body, level + 1, end));
      }
      case "IfStatement":
        return this.ifStatement(s, level, `${pad}if`);
      case "RunStatement":
        return this.block(`${pad}run ${this.expressions.print(s.id, 1, level)}`, s, s.entries, (end) => this.entries(s.entries, level + 1, end));
    }
  }

  private statements(body: readonly A.Statement[], level: number, end: number): Line[] {
    return this.sequence(body, level, end, (s) => this.statement(s, level));
  }

  private ifStatement(s: A.IfStatement, level: number, head: string): Line[] {
    const pad = INDENT.repeat(level);
    const thenStart = s.then[0]?.span.start;
    const lastThen = s.then[s.then.length - 1];
    // The `}` that closes the `then` part: the AST does not keep it; the source has it.
    const close =
      (s.otherwise === undefined ? s.span.end - 1 : undefined) ??
      this.comments.closingBrace(lastThen?.span.end ?? s.condition.span.end, lastThen === undefined) ??
      s.otherwise?.[0]?.span.start ??
      s.span.end;
    const lines = this.braced(`${head} ${this.expressions.print(s.condition, 1, level)}`, thenStart ?? close, () => this.statements(s.then, level + 1, close), pad);
    if (s.otherwise === undefined) return lines;
    const last = lines.pop() as Line; // the closing `}` (or the whole `if c {}`)
    const only = s.otherwise[0];
    if (s.otherwise.length === 1 && only?.kind === "IfStatement") {
      return [...lines, ...this.ifStatement(only, level, `${last.text} else if`)];
    }
    const otherwise = s.otherwise;
    return [...lines, ...this.braced(`${last.text} else`, otherwise[0]?.span.start ?? s.span.end - 1, () => this.statements(otherwise, level + 1, s.span.end - 1), pad)];
  }

  /** A block node: `head {`, its body up to the `}` that ends `node`, `}`. */
  private block(head: string, node: A.Node, children: readonly A.Node[], body: (end: number) => Line[]): Line[] {
    const close = node.span.end - 1;
    return this.braced(head, children[0]?.span.start ?? close, () => body(close), head.slice(0, head.length - head.trimStart().length));
  }

  /** `head {` (with a comment after the `{` kept there), body, `}`; or `head {}` when empty. */
  private braced(head: string, firstChild: number, body: () => Line[], pad: string): Line[] {
    const afterBrace = this.comments.takeAfterBrace(firstChild);
    const lines = body();
    if (lines.length === 0 && afterBrace === undefined) return [{ text: `${head} {}` }];
    return [{ text: `${head} {`, ...(afterBrace === undefined ? {} : { comment: afterBrace }) }, ...lines, { text: `${pad}}` }];
  }

  /** Block entries, with `=` aligned over each run of consecutive fields. */
  private entries(entries: readonly A.BlockEntry[], level: number, end: number): Line[] {
    const widths = alignmentWidths(entries, this.comments, (e) => (e.kind === "FieldAssignment" ? printKey(e.key).length : undefined));
    const pad = INDENT.repeat(level);
    return this.sequence(entries, level, end, (e) => {
      if (e.kind === "MapBlock") return this.mapBlock(e, level);
      const key = printKey(e.key).padEnd(widths.get(e) ?? 0);
      return [{ text: `${pad}${key} = ${this.expressions.print(e.value, 0, level)}` }];
    });
  }

  private mapBlock(m: A.MapBlock, level: number): Line[] {
    const pad = INDENT.repeat(level);
    const head = `${pad}${printKey(m.key)}`;
    if (!this.comments.within(m.span)) {
      if (m.entries.length === 0) return [{ text: `${head} {}` }];
      const inline = `${head} { ${m.entries.map((f) => `${printKey(f.key)} = ${printExpression(f.value)}`).join(", ")} }`;
      if (inline.length <= WIDTH) return [{ text: inline }];
    }
    return this.block(head, m, m.entries, (end) => this.entries(m.entries, level + 1, end));
  }

  /** Parameter declarations, with the types aligned after the longest `name?:` of each run. */
  private params(decls: readonly A.ParamDeclaration[], level: number, end: number): Line[] {
    const pad = INDENT.repeat(level);
    const label = (d: A.ParamDeclaration): string => `${printKey(d.key)}${d.optional ? "?" : ""}`;
    const widths = alignmentWidths(decls, this.comments, (d) => (d.type === undefined ? undefined : label(d).length + 1));
    return this.sequence(decls, level, end, (d) => {
      let text = `${pad}${label(d)}`;
      if (d.type !== undefined) text = `${pad}${`${label(d)}:`.padEnd(widths.get(d) ?? 0)} ${printTypeExpression(d.type)}`;
      if (d.default !== undefined) text += ` = ${this.expressions.print(d.default, 0, level)}`;
      return [{ text }];
    });
  }
}

/**
 * The width each item is padded to: the widest of its run (items with a width, not
 * separated by an item without one or by an empty line in the source).
 */
function alignmentWidths<T extends A.Node>(items: readonly T[], comments: Comments, width: (item: T) => number | undefined): Map<T, number> {
  const out = new Map<T, number>();
  let run: T[] = [];
  const flush = (): void => {
    const w = Math.max(0, ...run.map((x) => width(x) as number));
    for (const x of run) out.set(x, w);
    run = [];
  };
  let previous: T | undefined;
  for (const item of items) {
    if (width(item) === undefined || (previous !== undefined && comments.blankLineBetween(previous.span.end, item.span.start))) flush();
    if (width(item) !== undefined) run.push(item);
    previous = item;
  }
  flush();
  return out;
}

/** The lines as text; trailing comments on consecutive lines of one indentation line up. */
function render(lines: readonly Line[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.comment === undefined || line.text.includes("\n")) {
      out.push(line.comment === undefined ? line.text : `${line.text}  ${line.comment}`);
      i++;
      continue;
    }
    const indent = indentOf(line.text);
    let j = i;
    while (j < lines.length) {
      const l = lines[j] as Line;
      if (l.comment === undefined || l.text.includes("\n") || indentOf(l.text) !== indent) break;
      j++;
    }
    const column = Math.max(...lines.slice(i, j).map((l) => l.text.length)) + 2;
    for (const l of lines.slice(i, j)) out.push(`${l.text.padEnd(column)}${l.comment as string}`);
    i = j;
  }
  return out.join("\n");
}

const indentOf = (text: string): number => text.length - text.trimStart().length;
