// Where the cursor is, read from the tokens before it (the text being typed rarely parses):
// the blocks it is inside, from the outermost, and whether it is at the start of an entry,
// after `key =`, or after `expr.`.
import { SourceFile, tokenize } from "@batchc/language";

/** One open `{`: what it opens. */
export interface OpenBlock {
  kind: "batch" | "defaults" | "params" | "run" | "for" | "if" | "map" | "record" | "interpolation" | "other";
  /** For a map block (`runTags {`, `params {` in a run), its key. */
  key?: string;
  /** Offset of the `{`. */
  start: number;
}

export interface CursorContext {
  /** The open blocks around the cursor, outermost first. */
  blocks: OpenBlock[];
  /** The partial word before the cursor (`stor` in `stor|`). */
  prefix: string;
  /** `entry`: a key may go here; `value`: after `key =`; `member`: after `expr.`; `expression`: elsewhere. */
  position: "entry" | "value" | "member" | "expression";
  /** With `value`: the key before `=`. */
  key?: string;
  /** With `member`: the offsets of the expression before the `.` (`s` or `s.a`). */
  object?: { start: number; end: number };
}

/** The context at `offset` of `text`. */
export function contextAt(text: string, offset: number): CursorContext {
  const before = text.slice(0, offset);
  const prefix = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before)?.[0] ?? "";
  const { tokens } = tokenize(new SourceFile("context.batch", before));
  const blocks: OpenBlock[] = [];
  let statementStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (name === "LBrace") {
      const block = classify(tokens.slice(statementStart, i).map((x) => ({ type: x.tokenType.name, image: x.image })), t.startOffset);
      // `params {` declares parameters at the top level and sets them inside a block.
      if (block.kind === "map" && block.key === "params" && blocks.length === 0) blocks.push({ kind: "params", start: block.start });
      else blocks.push(block);
      statementStart = i + 1;
    } else if (name === "RBrace") {
      // The `}` of a `${...}` goes back into the string: the statement goes on.
      if (blocks.pop()?.kind !== "interpolation") statementStart = i + 1;
    } else if (name === "InterpolationStart") {
      blocks.push({ kind: "interpolation", start: t.startOffset });
    } else if (i > 0 && onNewLine(text, tokens[i - 1]!.startOffset + tokens[i - 1]!.image.length, t.startOffset)) {
      statementStart = i;
    }
  }
  // What the line before the cursor (after the last entry start) holds.
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.slice(lineStart, offset - prefix.length);
  const member = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.$/.exec(line);
  if (member) {
    const end = offset - prefix.length - 1;
    return { blocks, prefix, position: "member", object: { start: end - member[1]!.length, end } };
  }
  const assign = /^\s*("?[A-Za-z_][\w-]*"?)\s*[=:]\s*("[^"]*)?$/.exec(line);
  if (assign) {
    const key = assign[1]!.replace(/"/g, "");
    return { blocks, prefix: assign[2] !== undefined ? assign[2].slice(1) : prefix, position: "value", key };
  }
  const afterBrace = /\{\s*$/.test(line) || /^\s*$/.test(line) || /,\s*$/.test(line);
  return { blocks, prefix, position: afterBrace ? "entry" : "expression" };
}

function onNewLine(text: string, from: number, to: number): boolean {
  return /[\n\r]/.test(text.slice(from, to));
}

/** What a `{` opens, from the tokens of its statement before it. */
function classify(head: readonly { type: string; image: string }[], start: number): OpenBlock {
  const first = head[0];
  const last = head[head.length - 1];
  if (first === undefined) return { kind: "record", start };
  if (last !== undefined && (last.type === "Equals" || last.type === "Colon" || last.type === "Comma" || last.type === "LParen" || last.type === "LBracket")) {
    return { kind: "record", start };
  }
  switch (first.type) {
    case "Batch":
      return { kind: "batch", start };
    case "Defaults":
      return { kind: "defaults", start };
    case "Run":
      return { kind: "run", start };
    case "For":
      return { kind: "for", start };
    case "If":
    case "Else":
      return { kind: "if", start };
    case "Params":
      if (head.length === 1) return { kind: "map", key: "params", start };
      return { kind: "params", start };
    default:
      if (head.length === 1) return { kind: "map", key: first.image.replace(/"/g, ""), start };
      return { kind: "other", start };
  }
}
