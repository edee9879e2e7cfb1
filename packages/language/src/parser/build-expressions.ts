// CST -> AST for types and expressions: precedence levels, postfix chains, literals, strings
// with interpolation, and the syntax errors the grammar accepts on purpose to explain them
// better (chained comparisons, calls of non-names, numbers out of range).
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../ast/nodes.js";
import { syntax } from "../diagnostics/codes/syntax.js";
import { ESCAPES } from "../lexer/lex.js";
import type { Span } from "../source.js";
import type * as C from "./cst.generated.js";
import { BINARY, BuilderBase, first, real, spanFrom, startOf, tokenSpan, type StringPiece, type Suffix } from "./build-base.js";

/** The expression and type rules of the builder. */
export abstract class ExpressionBuilder extends BuilderBase {
  type(ctx: C.TypeCstChildren, span: Span): A.TypeExpression {
    const members: A.TypeExpression[] = [];
    let fallback = span.start;
    for (const n of ctx.primaryType ?? []) {
      const t = this.primaryType(n.children, this.span(n, fallback));
      members.push(t);
      fallback = t.span.end;
    }
    // `"a" |` with the member missing: keep the hole visible.
    const pipes = (ctx.Pipe ?? []).length;
    while (members.length < pipes + 1) members.push({ kind: "ErrorType", span: { start: span.end, end: span.end } });
    if (members.length === 1) return members[0] as A.TypeExpression;
    return { kind: "UnionType", members, span };
  }

  primaryType(ctx: C.PrimaryTypeCstChildren, span: Span): A.TypeExpression {
    const id = first(ctx.Identifier);
    if (real(id)) return { kind: "NamedType", name: this.identifier(id, span.start), span };
    const str = first(ctx.string);
    if (str !== undefined) {
      const s = this.string(str.children, span);
      if (s.kind === "StringLiteral") return { kind: "LiteralType", value: s.value, span };
      this.report(s.span, syntax.interpolationNotAllowed("a string type"));
      return { kind: "ErrorType", span };
    }
    const list = first(ctx.listType);
    if (list !== undefined) return this.listType(list.children, span);
    const record = first(ctx.recordType);
    if (record !== undefined) return this.recordType(record.children, span);
    return { kind: "ErrorType", span };
  }

  listType(ctx: C.ListTypeCstChildren, span: Span): A.ListType {
    const element = this.typeOf(first(ctx.type), this.after(span.start, first(ctx.LBracket)));
    return { kind: "ListType", element, span };
  }

  recordType(ctx: C.RecordTypeCstChildren, span: Span): A.RecordType {
    const fields = (ctx.recordTypeField ?? []).map((n) => this.recordTypeField(n.children, this.span(n, span.end)));
    return { kind: "RecordType", fields, span };
  }

  recordTypeField(ctx: C.RecordTypeFieldCstChildren, span: Span): A.RecordTypeField {
    const key = this.keyOf(first(ctx.key), span.start, "a field name");
    const question = first(ctx.Question);
    const type = this.typeOf(first(ctx.type), this.after(key.span.end, question, first(ctx.Colon)));
    return { kind: "RecordTypeField", key, optional: real(question), type, span };
  }

  // ---- Expressions ----

  expression(ctx: C.ExpressionCstChildren, span: Span): A.Expression {
    const cond = first(ctx.conditional);
    if (cond !== undefined) return this.conditional(cond.children, this.span(cond, span.start));
    const or = first(ctx.orExpression);
    if (or !== undefined) return this.orExpression(or.children, this.span(or, span.start));
    return this.errorExpression(span.start);
  }

  conditional(ctx: C.ConditionalCstChildren, span: Span): A.ConditionalExpression {
    const thenKw = first(ctx.Then);
    const elseKw = first(ctx.Else);
    const exprs = ctx.expression ?? [];
    // Recovery may drop any of the three: place each by where it starts.
    let cond: C.ExpressionCstNode | undefined;
    let then: C.ExpressionCstNode | undefined;
    let otherwise: C.ExpressionCstNode | undefined;
    if (exprs.length === 3) [cond, then, otherwise] = exprs;
    else {
      for (const e of exprs) {
        const s = startOf(e);
        if (!real(thenKw) || s < thenKw.startOffset) cond ??= e;
        else if (!real(elseKw) || s < elseKw.startOffset) then ??= e;
        else otherwise ??= e;
      }
    }
    const c = this.expr(cond, this.after(span.start, first(ctx.If)));
    const t = this.expr(then, this.after(c.span.end, thenKw));
    const o = this.expr(otherwise, this.after(t.span.end, elseKw));
    return { kind: "ConditionalExpression", condition: c, then: t, otherwise: o, span };
  }

  orExpression(ctx: C.OrExpressionCstChildren, span: Span): A.Expression {
    return this.leftAssoc(ctx.andExpression, ctx.Or, span, (n, f) => this.andExpression(n.children, this.span(n, f)));
  }

  andExpression(ctx: C.AndExpressionCstChildren, span: Span): A.Expression {
    return this.leftAssoc(ctx.notExpression, ctx.And, span, (n, f) => this.notExpression(n.children, this.span(n, f)));
  }

  notExpression(ctx: C.NotExpressionCstChildren, span: Span): A.Expression {
    const neg = first(ctx.negation);
    if (neg !== undefined) return this.negation(neg.children, this.span(neg, span.start));
    const cmp = first(ctx.comparison);
    if (cmp !== undefined) return this.comparison(cmp.children, this.span(cmp, span.start));
    return this.errorExpression(span.start);
  }

  negation(ctx: C.NegationCstChildren, span: Span): A.UnaryExpression {
    const kw = first(ctx.Not);
    const operand = (() => {
      const n = first(ctx.notExpression);
      const f = this.after(span.start, kw);
      return n === undefined ? this.errorExpression(f) : this.notExpression(n.children, this.span(n, f));
    })();
    return { kind: "UnaryExpression", operator: "not", operand, span: spanFrom(span, operand.span) };
  }

  comparison(ctx: C.ComparisonCstChildren, span: Span): A.Expression {
    const ops = ctx.ComparisonOperator ?? [];
    const second = ops[1];
    if (real(second)) this.report(tokenSpan(second), syntax.chainedComparison(second.image));
    return this.leftAssoc(ctx.range, ops, span, (n, f) => this.range(n.children, this.span(n, f)));
  }

  range(ctx: C.RangeCstChildren, span: Span): A.Expression {
    const operands = ctx.additive ?? [];
    const head = operands[0];
    const start = head === undefined ? this.errorExpression(span.start) : this.additive(head.children, this.span(head, span.start));
    const dots = first(ctx.DotDot);
    if (dots === undefined) return start;
    const tail = operands[1];
    const f = this.after(start.span.end, dots);
    const end = tail === undefined ? this.errorExpression(f) : this.additive(tail.children, this.span(tail, f));
    return { kind: "RangeExpression", start, end, span: spanFrom(start.span, end.span) };
  }

  additive(ctx: C.AdditiveCstChildren, span: Span): A.Expression {
    return this.leftAssoc(ctx.multiplicative, ctx.AdditiveOperator, span, (n, f) => this.multiplicative(n.children, this.span(n, f)));
  }

  multiplicative(ctx: C.MultiplicativeCstChildren, span: Span): A.Expression {
    return this.leftAssoc(ctx.unary, ctx.MultiplicativeOperator, span, (n, f) => this.unary(n.children, this.span(n, f)));
  }

  unary(ctx: C.UnaryCstChildren, span: Span): A.Expression {
    const neg = first(ctx.negative);
    if (neg !== undefined) return this.negative(neg.children, this.span(neg, span.start));
    const post = first(ctx.postfix);
    if (post !== undefined) return this.postfix(post.children, this.span(post, span.start));
    return this.errorExpression(span.start);
  }

  negative(ctx: C.NegativeCstChildren, span: Span): A.UnaryExpression {
    const f = this.after(span.start, first(ctx.Minus));
    const n = first(ctx.unary);
    const operand = n === undefined ? this.errorExpression(f) : this.unary(n.children, this.span(n, f));
    return { kind: "UnaryExpression", operator: "-", operand, span: spanFrom(span, operand.span) };
  }

  postfix(ctx: C.PostfixCstChildren, span: Span): A.Expression {
    const head = first(ctx.primary);
    let object: A.Expression = head === undefined ? this.errorExpression(span.start) : this.primary(head.children, this.span(head, span.start));
    // Suffixes of different kinds are kept in separate lists: restore source order.
    const suffixes: Suffix[] = [...(ctx.fieldSuffix ?? []), ...(ctx.indexSuffix ?? []), ...(ctx.callSuffix ?? [])];
    suffixes.sort((a, b) => startOf(a) - startOf(b));
    for (const s of suffixes) {
      const sSpan = this.span(s, object.span.end);
      const whole = spanFrom(object.span, sSpan);
      switch (s.name) {
        case "fieldSuffix":
          object = { kind: "FieldAccess", object, field: this.fieldSuffix(s.children, sSpan), span: whole };
          break;
        case "indexSuffix":
          object = { kind: "IndexAccess", object, index: this.indexSuffix(s.children, sSpan), span: whole };
          break;
        case "callSuffix": {
          const args = this.callSuffix(s.children, sSpan);
          if (object.kind === "NameExpression") {
            object = { kind: "CallExpression", callee: object.name, args, span: whole };
          } else {
            if (object.kind !== "ErrorExpression") this.report(object.span, syntax.calleeNotName());
            object = { kind: "ErrorExpression", span: whole };
          }
          break;
        }
      }
    }
    return object;
  }

  fieldSuffix(ctx: C.FieldSuffixCstChildren, span: Span): A.Identifier {
    return this.identifier(first(ctx.Name), this.after(span.start, first(ctx.Dot)));
  }

  indexSuffix(ctx: C.IndexSuffixCstChildren, span: Span): A.Expression {
    return this.expr(first(ctx.expression), this.after(span.start, first(ctx.LBracket)));
  }

  callSuffix(ctx: C.CallSuffixCstChildren, span: Span): A.Expression[] {
    return (ctx.expression ?? []).map((n) => this.expr(n, span.end));
  }

  primary(ctx: C.PrimaryCstChildren, span: Span): A.Expression {
    const num = first(ctx.NumberLiteral);
    if (real(num)) return this.number(num);
    const str = first(ctx.string);
    if (str !== undefined) return this.string(str.children, this.span(str, span.start));
    if (real(first(ctx.True))) return { kind: "BooleanLiteral", value: true, span };
    if (real(first(ctx.False))) return { kind: "BooleanLiteral", value: false, span };
    if (real(first(ctx.Null))) return { kind: "NullLiteral", span };
    const list = first(ctx.listLiteral);
    if (list !== undefined) return this.listLiteral(list.children, this.span(list, span.start));
    const record = first(ctx.recordLiteral);
    if (record !== undefined) return this.recordLiteral(record.children, this.span(record, span.start));
    const paren = first(ctx.parenthesized);
    if (paren !== undefined) return this.parenthesized(paren.children, this.span(paren, span.start));
    const id = first(ctx.Identifier);
    if (real(id)) return { kind: "NameExpression", name: this.identifier(id, span.start), span: tokenSpan(id) };
    return this.errorExpression(span.start);
  }

  protected number(token: IToken): A.NumberLiteral {
    const raw = token.image;
    const value = Number(raw);
    const integer = /^\d+$/.test(raw);
    const span = tokenSpan(token);
    if (!Number.isFinite(value) || (integer && beyondExactIntegers(raw))) this.report(span, syntax.numberOutOfRange(raw, integer));
    return { kind: "NumberLiteral", value, integer, raw, span };
  }

  listLiteral(ctx: C.ListLiteralCstChildren, span: Span): A.ListLiteral | A.ListComprehension {
    const comprehension = first(ctx.comprehension);
    if (comprehension !== undefined) {
      const element = this.expr(first(ctx.expression), span.end);
      return this.comprehension(comprehension.children, element, span);
    }
    const elements = (ctx.expression ?? []).map((n) => this.expr(n, span.end));
    return { kind: "ListLiteral", elements, span };
  }

  comprehension(ctx: C.ComprehensionCstChildren, element: A.Expression, span: Span): A.ListComprehension {
    const kwEnd = this.after(element.span.end, first(ctx.For));
    const sources = (ctx.forSource ?? []).map((n) => this.forSource(n.children, this.span(n, kwEnd)));
    const lastSource = sources[sources.length - 1];
    const filterKw = first(ctx.Where) ?? first(ctx.If);
    const ifKw = first(ctx.If);
    if (real(ifKw)) this.report(tokenSpan(ifKw), syntax.expectedToken("`where` to filter a comprehension", "`if`", "a comprehension filters with `where`: `[x for x in xs where c]`"));
    const where = filterKw === undefined ? undefined : this.expr(first(ctx.expression), this.after(lastSource?.span.end ?? kwEnd, filterKw));
    return { kind: "ListComprehension", element, sources, where, span };
  }

  recordLiteral(ctx: C.RecordLiteralCstChildren, span: Span): A.RecordLiteral {
    const fields = (ctx.recordField ?? []).map((n) => this.recordField(n.children, this.span(n, span.end)));
    return { kind: "RecordLiteral", fields, span };
  }

  recordField(ctx: C.RecordFieldCstChildren, span: Span): A.RecordLiteralField {
    const key = this.keyOf(first(ctx.key), span.start, "a record key");
    const assign = first(ctx.Assign);
    this.checkAssign(assign, ":");
    const value = this.entryValue(first(ctx.value), this.after(key.span.end, assign));
    return { kind: "RecordLiteralField", key, value, span };
  }

  parenthesized(ctx: C.ParenthesizedCstChildren, span: Span): A.Expression {
    return this.expr(first(ctx.expression), this.after(span.start, first(ctx.LParen)));
  }

  /** A string: a `StringLiteral` without `${}`, else a `TemplateString`. */
  string(ctx: C.StringCstChildren, span: Span): A.StringLiteral | A.TemplateString {
    const pieces: StringPiece[] = [...(ctx.StringText ?? []), ...(ctx.StringEscape ?? []), ...(ctx.interpolation ?? [])];
    pieces.sort((a, b) => startOf(a) - startOf(b));
    const parts: A.TemplatePart[] = [];
    let text: A.TemplateText | undefined;
    let interpolated = false;
    for (const p of pieces) {
      if ("children" in p) {
        interpolated = true;
        text = undefined;
        parts.push(this.interpolation(p.children, this.span(p, span.end)));
        continue;
      }
      if (!real(p)) continue;
      const value = p.tokenType.name === "StringEscape" ? decodeEscape(p.image) : p.image;
      if (text === undefined) {
        text = { kind: "TemplateText", value, span: tokenSpan(p) };
        parts.push(text);
      } else {
        text.value += value;
        text.span = { start: text.span.start, end: p.startOffset + p.image.length };
      }
    }
    if (!interpolated) {
      const only = parts[0] as A.TemplateText | undefined;
      return { kind: "StringLiteral", value: only?.value ?? "", span };
    }
    return { kind: "TemplateString", parts, span };
  }

  interpolation(ctx: C.InterpolationCstChildren, span: Span): A.Expression {
    return this.expr(first(ctx.expression), this.after(span.start, first(ctx.InterpolationStart)));
  }
}

/** True for a digit string above 2^53 (compared as text: `Number()` would round it). */
function beyondExactIntegers(digits: string): boolean {
  const d = digits.replace(/^0+(?=\d)/, "");
  const max = "9007199254740992";
  return d.length > max.length || (d.length === max.length && d > max);
}

/** The character an escape stands for; an unknown escape (already reported) stays as written. */
function decodeEscape(image: string): string {
  return ESCAPES.get(image.slice(1)) ?? image;
}
