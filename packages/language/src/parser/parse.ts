// The front of the pipeline: text -> tokens -> CST -> AST, with every syntax diagnostic.
// Lexing problems, parse errors (with Chevrotain's recovery) and the builder's own checks
// are gathered in one list; a parse error caused by characters the lexer already reported
// is dropped so that one mistake gives one diagnostic.
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import { buildAst } from "./build-ast.js";
import type { Node, Program, Statement } from "../ast/nodes.js";
import { forEachChild } from "../ast/walk.js";
import { at, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { syntax } from "../diagnostics/codes/syntax.js";
import { tokenize } from "../lexer/lex.js";
import { InterpolationStart, LBrace, LBracket, LParen, RBrace, RBracket, RParen } from "../lexer/tokens.js";
import type { SourceFile, Span } from "../source.js";
import { clearMessages, describeToken, messageFor } from "./messages.js";
import { parser, parseTokens } from "./parser.js";

/** The result of `parse`: the AST (partial where recovery happened) and all syntax diagnostics. */
export interface ParseResult {
  program: Program;
  diagnostics: Diagnostic[];
  /** Where each `#` comment is, in order (the formatter keeps them). */
  comments: Span[];
}

/** Deepest bracket nesting accepted (the parser recurses about a dozen frames per level). */
export const MAX_BRACKET_DEPTH = 100;
/** Deepest AST accepted (later phases walk it recursively). */
export const MAX_TREE_DEPTH = 1000;

/** Parses a `.batch` file. Never throws on bad input; the AST always exists. */
export function parse(source: SourceFile): ParseResult {
  const lexed = tokenize(source);
  const empty: Program = { kind: "Program", statements: [], span: { start: 0, end: source.text.length } };
  const tooDeep = (span: Span): ParseResult => ({
    program: empty,
    comments: lexed.comments,
    diagnostics: sortDiagnostics([...lexed.diagnostics, at(source.name, span, syntax.tooDeeplyNested(MAX_BRACKET_DEPTH))]),
  });

  const deepBracket = findDeepBracket(lexed.tokens);
  if (deepBracket !== undefined) return tooDeep(deepBracket);

  clearMessages();
  let program: Program;
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  try {
    const cst = parseTokens(lexed.tokens, source.text);
    diagnostics.push(...recognitionDiagnostics(source, parser.errors, lexed.diagnostics));
    for (const { previous, next } of parser.missingValues) {
      const end = realOffset(previous) ? previous.startOffset + previous.image.length : 0;
      diagnostics.push(at(source.name, { start: end, end }, syntax.expectedConstruct("an expression", describeToken(next))));
    }
    const built = buildAst(cst, source);
    program = built.program;
    diagnostics.push(...built.diagnostics);
  } catch (e) {
    // Long chains of prefix operators can still exhaust the stack: report, never crash.
    if (!(e instanceof RangeError)) throw e;
    parser.input = [];
    return tooDeep({ start: 0, end: 0 });
  }

  // Later phases recurse over the tree: drop statements that are too deep for them.
  const kept: Statement[] = [];
  for (const s of program.statements) {
    const deepest = deepestNode(s);
    if (deepest.depth > MAX_TREE_DEPTH) {
      diagnostics.push(at(source.name, deepest.node.span, syntax.tooDeeplyNested(MAX_TREE_DEPTH)));
    } else {
      kept.push(s);
    }
  }
  if (kept.length !== program.statements.length) program = { ...program, statements: kept };
  return { program, diagnostics: sortDiagnostics(diagnostics), comments: lexed.comments };
}

/** The span of the first bracket opened beyond `MAX_BRACKET_DEPTH`, if any. */
function findDeepBracket(tokens: readonly IToken[]): Span | undefined {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LParen || type === LBracket || type === LBrace || type === InterpolationStart) {
      depth++;
      if (depth > MAX_BRACKET_DEPTH) return { start: t.startOffset, end: t.startOffset + t.image.length };
    } else if ((type === RParen || type === RBracket || type === RBrace) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The deepest node under `root` and its depth (iteratively: the tree may be very deep). */
function deepestNode(root: Node): { node: Node; depth: number } {
  let best = { node: root, depth: 1 };
  const stack: { node: Node; depth: number }[] = [best];
  while (stack.length > 0) {
    const item = stack.pop() as { node: Node; depth: number };
    if (item.depth > best.depth) best = item;
    forEachChild(item.node, (child) => stack.push({ node: child, depth: item.depth + 1 }));
  }
  return best;
}

function realOffset(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && Number.isFinite(token.startOffset) && !token.isInsertedInRecovery;
}

function previousOf(e: IRecognitionException): IToken | undefined {
  return (e as IRecognitionException & { previousToken?: IToken }).previousToken;
}

/**
 * Where a parse error is shown: on the offending token; but when something is missing and
 * the offending token is on a later line (or is the end of the file), right after the
 * previous token, where the missing piece belongs.
 */
function errorSpan(source: SourceFile, e: IRecognitionException, onFoundToken: boolean): Span {
  const token = e.token;
  const previous = previousOf(e);
  const afterPrevious = realOffset(previous) ? previous.startOffset + previous.image.length : undefined;
  if (realOffset(token)) {
    const onLaterLine = afterPrevious !== undefined && /[\r\n]/.test(source.text.slice(afterPrevious, token.startOffset));
    if (onFoundToken || !onLaterLine || afterPrevious === undefined) {
      return { start: token.startOffset, end: token.startOffset + token.image.length };
    }
    return { start: afterPrevious, end: afterPrevious };
  }
  const end = afterPrevious ?? source.text.length;
  return { start: end, end };
}

function recognitionDiagnostics(source: SourceFile, errors: IRecognitionException[], lexical: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const built = messageFor(e.message);
    const span = errorSpan(source, e, built?.onFoundToken ?? true);
    // One diagnostic per place: recovery can fail twice at the same token.
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    // A zero-width token closes a string the lexer reported as unterminated: that report
    // explains this error already.
    if (e.token !== undefined && e.token.image === "" && realOffset(e.token)) continue;
    // Characters the lexer dropped just before this token explain the error already.
    const previous = previousOf(e);
    const gapStart = realOffset(previous) ? previous.startOffset + previous.image.length : 0;
    const tokenStart = realOffset(e.token) ? e.token.startOffset : source.text.length;
    if (lexical.some((d) => d.code === "BC1001" && d.span.start >= gapStart && d.span.end <= tokenStart)) continue;
    const msg = built?.message ?? syntax.expectedConstruct("something else", describeFallback(e.token));
    out.push(at(source.name, span, msg));
  }
  return out;
}

function describeFallback(token: IToken | undefined): string {
  return realOffset(token) ? `\`${token.image}\`` : "end of file";
}
