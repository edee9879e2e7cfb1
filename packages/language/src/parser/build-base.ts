// The base of the CST -> AST builder (build-ast.ts): span and token helpers, and the ways a
// missing child becomes an error node, shared by the expression and statement builders.
import type { CstNode, IToken } from "chevrotain";
import { at, type Diagnostic } from "../diagnostics/diagnostic.js";
import type * as A from "../ast/nodes.js";
import type { SourceFile, Span } from "../source.js";
import type * as C from "./cst.generated.js";
import { parser } from "./parser.js";

export const BaseVisitor = parser.getBaseCstVisitorConstructor<Span, unknown>();

/** The first element of an optional child list. */
export function first<T>(list: readonly T[] | undefined): T | undefined {
  return list === undefined ? undefined : list[0];
}

/** A real token (not one invented by recovery). */
export function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

export function spanFrom(a: Span, b: Span): Span {
  return { start: a.start, end: Math.max(a.start, b.end) };
}

/** The first real token of a CST node. */
export function firstToken(node: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const list of Object.values(node.children)) {
    for (const child of list) {
      const t = "children" in child ? firstToken(child) : real(child) ? child : undefined;
      if (t !== undefined && (best === undefined || t.startOffset < best.startOffset)) best = t;
    }
  }
  return best;
}

/** Where a CST node starts (for ordering children of different rules). */
export function startOf(node: CstNode | IToken): number {
  if ("children" in node) return node.location?.startOffset ?? NaN;
  return node.startOffset;
}

export type Suffix = C.FieldSuffixCstNode | C.IndexSuffixCstNode | C.CallSuffixCstNode;
export type StringPiece = IToken | C.InterpolationCstNode;

export const BINARY: ReadonlySet<string> = new Set(["or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"]);

/** The builder's state and helpers; the rule methods are in its subclasses. */
export abstract class BuilderBase extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly source: SourceFile;

  constructor(source: SourceFile) {
    super();
    this.source = source;
  }

  // The rules the helpers visit, defined by the subclasses.
  abstract expression(ctx: C.ExpressionCstChildren, span: Span): A.Expression;
  abstract type(ctx: C.TypeCstChildren, span: Span): A.TypeExpression;
  abstract value(ctx: C.ValueCstChildren, span: Span): A.Expression;
  abstract key(ctx: C.KeyCstChildren, span: Span, where?: string): A.Key;
  abstract statement(ctx: C.StatementCstChildren, span: Span): A.Statement | undefined;
  abstract blockItem(ctx: C.BlockItemCstChildren, span: Span): A.BlockEntry | undefined;
  abstract forSource(ctx: C.ForSourceCstChildren, span: Span): A.ForSource;
  protected abstract checkAssign(token: IToken | undefined, wanted: "=" | ":", after?: string): void;

  protected report(span: Span, msg: Parameters<typeof at>[2]): void {
    this.diagnostics.push(at(this.source.name, span, msg));
  }

  /** The span of a CST node, or an empty span at `fallback` when it holds no real token. */
  protected span(node: CstNode, fallback: number): Span {
    const loc = node.location;
    if (loc === undefined || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset)) {
      return { start: fallback, end: fallback };
    }
    return { start: loc.startOffset, end: Math.max(loc.startOffset, (loc.endOffset as number) + 1) };
  }

  protected errorExpression(at: number): A.ErrorExpression {
    return { kind: "ErrorExpression", span: { start: at, end: at } };
  }

  protected identifier(token: IToken | undefined, fallback: number): A.Identifier {
    if (!real(token)) return { kind: "Identifier", name: "", span: { start: fallback, end: fallback } };
    return { kind: "Identifier", name: token.image, span: tokenSpan(token) };
  }

  /** End of the last real token among `tokens`, or `fallback`. */
  protected after(fallback: number, ...tokens: (IToken | undefined)[]): number {
    let end = fallback;
    for (const t of tokens) if (real(t)) end = Math.max(end, t.startOffset + t.image.length);
    return end;
  }

  protected expr(node: C.ExpressionCstNode | undefined, fallback: number): A.Expression {
    if (node === undefined) return this.errorExpression(fallback);
    return this.expression(node.children, this.span(node, fallback));
  }

  protected entryValue(node: C.ValueCstNode | undefined, fallback: number): A.Expression {
    if (node === undefined) return this.errorExpression(fallback);
    return this.value(node.children, this.span(node, fallback));
  }

  protected typeOf(node: C.TypeCstNode | undefined, fallback: number): A.TypeExpression {
    if (node === undefined) return { kind: "ErrorType", span: { start: fallback, end: fallback } };
    return this.type(node.children, this.span(node, fallback));
  }

  protected keyOf(node: C.KeyCstNode | undefined, fallback: number, where: string): A.Key {
    if (node === undefined) return { kind: "Key", name: "", quoted: false, span: { start: fallback, end: fallback } };
    return this.key(node.children, this.span(node, fallback), where);
  }

  protected statements(nodes: C.StatementCstNode[] | undefined, fallback: number): A.Statement[] {
    const out: A.Statement[] = [];
    for (const n of nodes ?? []) {
      const s = this.statement(n.children, this.span(n, fallback));
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  protected blockEntries(nodes: C.BlockItemCstNode[] | undefined, fallback: number): A.BlockEntry[] {
    const out: A.BlockEntry[] = [];
    for (const n of nodes ?? []) {
      const entry = this.blockItem(n.children, this.span(n, fallback));
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  /** Folds `a op b op c` left-associatively; a missing operand becomes an ErrorExpression. */
  protected leftAssoc<N extends CstNode>(
    operands: N[] | undefined,
    operators: IToken[] | undefined,
    span: Span,
    visit: (n: N, fallback: number) => A.Expression,
  ): A.Expression {
    const list = operands ?? [];
    const head = list[0];
    let left = head === undefined ? this.errorExpression(span.start) : visit(head, span.start);
    (operators ?? []).forEach((op, i) => {
      const opEnd = this.after(left.span.end, op);
      const next = list[i + 1];
      const right = next === undefined ? this.errorExpression(opEnd) : visit(next, opEnd);
      const operator = op.image;
      if (!BINARY.has(operator)) return;
      left = {
        kind: "BinaryExpression",
        operator: operator as A.BinaryOperator,
        operatorSpan: real(op) ? tokenSpan(op) : { start: left.span.end, end: left.span.end },
        left,
        right,
        span: spanFrom(left.span, right.span),
      };
    });
    return left;
  }

  // ---- Statements ----
}
