// The lexer (text -> tokens): Chevrotain's multi-mode lexer, then one pass that turns the
// problems it leaves into BC1xxx diagnostics. Unknown characters are dropped, a string cut
// by a line break (or the end of the file) is closed with a zero-width `StringEnd`, and
// unknown escapes are reported but kept, so the parser always sees well-formed strings.
import { createTokenInstance, Lexer, type ILexerErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { at, type Diagnostic } from "../diagnostics/diagnostic.js";
import { syntax } from "../diagnostics/codes/syntax.js";
import { shipped } from "../shipped.js";
import type { SourceFile, Span } from "../source.js";
import { COMMENTS, InterpolationStart, LBrace, lexerDefinition, RBrace, StringEnd, StringEscape, StringNewline, StringStart } from "./tokens.js";

/** The result of `tokenize`: tokens for the parser (trivia removed) and lexical errors. */
export interface TokenizeResult {
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /** Where each `#` comment is (from `#` to the end of its line), in order. */
  comments: Span[];
}

// Chevrotain reports two kinds of lexing errors; the text only says which one.
const UNEXPECTED = "unexpected";
const UNABLE_TO_POP = "pop";
const lexerMessages: ILexerErrorMessageProvider = {
  buildUnexpectedCharactersMessage: () => UNEXPECTED,
  buildUnableToPopLexerModeMessage: () => UNABLE_TO_POP,
};

const lexer = new Lexer(lexerDefinition, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  errorMessageProvider: lexerMessages,
  skipValidations: shipped,
});

/** The escapes a string may contain, and what they stand for. */
export const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["n", "\n"],
  ["t", "\t"],
  ["$", "$"],
]);

/**
 * Splits a source file into tokens. Never throws; problems become diagnostics.
 *
 * A string that is still open past the end of the line it starts on (an unclosed `${`
 * swallowed the line break) is cut at the end of that line, closed there, and the rest of
 * the file is lexed again from that point, so one broken string costs one diagnostic, not
 * the rest of the file. (An interpolation may span lines inside a string that is closed.)
 */
/** Appends `items` to `out` one by one (a spread of 100,000+ arguments overflows the stack). */
function append<T>(out: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i] as T);
}

export function tokenize(source: SourceFile): TokenizeResult {
  const text = source.text;
  const tokens: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const comments: Span[] = [];
  let offset = 0;
  for (;;) {
    const segment = lexSegment(source, offset);
    const replayed = replay(source, segment.tokens);
    if (replayed.openString === undefined) {
      append(tokens, replayed.tokens);
      append(diagnostics, segment.diagnostics);
      append(diagnostics, replayed.diagnostics);
      append(comments, segment.comments);
      break;
    }
    const cut = lineEnd(text, replayed.openString);
    append(comments, segment.comments.filter((c) => c.start < cut));
    const before = replay(source, segment.tokens.filter((t) => t.startOffset < cut));
    append(tokens, before.tokens);
    append(diagnostics, segment.diagnostics.filter((d) => d.span.start < cut));
    append(diagnostics, before.diagnostics);
    diagnostics.push(at(source.name, { start: replayed.openString, end: cut }, syntax.unterminatedString()));
    // Close what is open at the cut, innermost first, down to the outermost string.
    const stack = before.stack;
    const outermost = stack.findIndex((o) => o.kind === "string");
    for (let i = stack.length - 1; i >= Math.max(outermost, 0); i--) {
      tokens.push(synthetic((stack[i] as Open).kind === "string" ? StringEnd : RBrace, cut));
    }
    offset = cut;
  }
  return { tokens, diagnostics, comments };
}

/** An open string (with the offset of its `"`) or an open brace, in the lexer's mode stack. */
type Open = { kind: "string"; start: number } | { kind: "brace" };

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Runs Chevrotain's lexer on the text from `offset` (in main mode), with true offsets. */
function lexSegment(source: SourceFile, offset: number): TokenizeResult {
  const text = offset === 0 ? source.text : source.text.slice(offset);
  const lexed = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of lexed.errors) {
    // An unmatched `}` is left to the parser, which reports it in context.
    if (e.message !== UNEXPECTED) continue;
    const start = offset + e.offset;
    diagnostics.push(at(source.name, { start, end: start + e.length }, syntax.unexpectedCharacter(text.slice(e.offset, e.offset + e.length))));
  }
  for (const token of lexed.tokens) {
    token.startOffset += offset;
    // Offset-only tracking leaves `endOffset` unset; the parser's node locations need it.
    token.endOffset = token.startOffset + token.image.length - 1;
  }
  const comments = (lexed.groups[COMMENTS] ?? []).map((c) => ({ start: offset + c.startOffset, end: offset + c.startOffset + c.image.length }));
  return { tokens: lexed.tokens, diagnostics, comments };
}

interface Replayed extends Omit<TokenizeResult, "comments"> {
  /** The lexer's mode stack after the last token (main mode at the bottom is implicit). */
  stack: Open[];
  /** Offset of the outermost string still open at the end, if any. */
  openString: number | undefined;
}

/**
 * Replays the lexer's mode stack over its tokens: a line break inside a string becomes a
 * diagnostic and a zero-width `StringEnd`; unknown escapes are reported.
 */
function replay(source: SourceFile, input: readonly IToken[]): Replayed {
  const stack: Open[] = [];
  const tokens: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const token of input) {
    const type = token.tokenType;
    if (type === StringStart) {
      stack.push({ kind: "string", start: token.startOffset });
    } else if (type === LBrace || type === InterpolationStart) {
      stack.push({ kind: "brace" });
    } else if (type === RBrace || type === StringEnd) {
      if (stack.length > 0) stack.pop();
    } else if (type === StringNewline) {
      // An interpolation ran over a line break: treat it like a string open at the end.
      const outer = stack.find((o): o is Extract<Open, { kind: "string" }> => o.kind === "string");
      if (outer !== undefined && lineEnd(source.text, outer.start) < token.startOffset) {
        return { tokens, diagnostics, stack, openString: outer.start };
      }
      const open = stack.pop();
      if (open?.kind === "string") diagnostics.push(at(source.name, { start: open.start, end: token.startOffset }, syntax.unterminatedString()));
      tokens.push(synthetic(StringEnd, token.startOffset));
      continue;
    } else if (type === StringEscape) {
      const escaped = token.image.slice(1);
      // A lone `\` before a line break or the end belongs to an unterminated string.
      if (escaped !== "" && !ESCAPES.has(escaped)) {
        diagnostics.push(
          at(source.name, { start: token.startOffset, end: token.startOffset + token.image.length }, syntax.unknownEscape(token.image)),
        );
      }
    }
    tokens.push(token);
  }
  const outer = stack.find((o): o is Extract<Open, { kind: "string" }> => o.kind === "string");
  return { tokens, diagnostics, stack, openString: outer?.start };
}

/** A zero-width token at `offset`, closing what the source leaves open. */
function synthetic(type: TokenType, offset: number): IToken {
  return createTokenInstance(type, "", offset, offset - 1, NaN, NaN, NaN, NaN);
}
