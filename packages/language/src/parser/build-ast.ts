// CST -> AST (the step after parsing). A Chevrotain CST visitor with one method per grammar
// rule. It never assumes a child exists: error recovery leaves partial nodes, so a missing
// expression becomes an `ErrorExpression`, a missing name an `Identifier` named "", a
// missing type an `ErrorType`. It also reports the few syntax errors the grammar accepts
// on purpose to explain them better (chained comparisons, calls of non-names, `${}` in keys,
// numbers out of range).
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../ast/nodes.js";
import { syntax } from "../diagnostics/codes/syntax.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile, Span } from "../source.js";
import { first, firstToken, real, spanFrom, startOf, tokenSpan } from "./build-base.js";
import { ExpressionBuilder } from "./build-expressions.js";
import type * as C from "./cst.generated.js";
import { describeToken } from "./messages.js";

/** The result of `buildAst`. */
export interface BuildResult {
  program: A.Program;
  diagnostics: Diagnostic[];
}

/** Builds the AST of a `program` CST node. Never throws on partial (recovered) trees. */
export function buildAst(cst: CstNode, source: SourceFile): BuildResult {
  const builder = new AstBuilder(source);
  const program = builder.program((cst as C.ProgramCstNode).children ?? {}, { start: 0, end: source.text.length });
  return { program, diagnostics: builder.diagnostics };
}

/** The statement and block rules of the builder: the whole visitor. */
class AstBuilder extends ExpressionBuilder {
  constructor(source: SourceFile) {
    super(source);
    this.validateVisitor();
  }

  program(ctx: C.ProgramCstChildren, span: Span): A.Program {
    return { kind: "Program", statements: this.statements(ctx.statement, span.start), span };
  }

  statement(ctx: C.StatementCstChildren, span: Span): A.Statement | undefined {
    const f = span.start;
    if (ctx.batchBlock?.[0]) return this.batchBlock(ctx.batchBlock[0].children, this.span(ctx.batchBlock[0], f));
    if (ctx.defaultsBlock?.[0]) return this.defaultsBlock(ctx.defaultsBlock[0].children, this.span(ctx.defaultsBlock[0], f));
    if (ctx.paramsBlock?.[0]) {
      const c = ctx.paramsBlock[0].children;
      // `params` with neither `from` nor `{` is reported; it declares nothing (an empty schema would reject every parameter).
      if (c.From === undefined && c.paramsBody === undefined) return undefined;
      return this.paramsBlock(c, this.span(ctx.paramsBlock[0], f));
    }
    if (ctx.typeAlias?.[0]) return this.typeAlias(ctx.typeAlias[0].children, this.span(ctx.typeAlias[0], f));
    if (ctx.letStatement?.[0]) return this.letStatement(ctx.letStatement[0].children, this.span(ctx.letStatement[0], f));
    if (ctx.forStatement?.[0]) return this.forStatement(ctx.forStatement[0].children, this.span(ctx.forStatement[0], f));
    if (ctx.ifStatement?.[0]) return this.ifStatement(ctx.ifStatement[0].children, this.span(ctx.ifStatement[0], f));
    if (ctx.runStatement?.[0]) return this.runStatement(ctx.runStatement[0].children, this.span(ctx.runStatement[0], f));
    return undefined;
  }

  batchBlock(ctx: C.BatchBlockCstChildren, span: Span): A.BatchBlock {
    const kw = first(ctx.Batch);
    const keyword = real(kw) ? tokenSpan(kw) : { start: span.start, end: span.start };
    const nameNode = first(ctx.expression);
    const name = nameNode === undefined ? undefined : this.expr(nameNode, keyword.end);
    return { kind: "BatchBlock", keyword, name, entries: this.blockEntries(ctx.blockItem, span.end), span };
  }

  defaultsBlock(ctx: C.DefaultsBlockCstChildren, span: Span): A.DefaultsBlock {
    const kw = first(ctx.Defaults);
    const keyword = real(kw) ? tokenSpan(kw) : { start: span.start, end: span.start };
    return { kind: "DefaultsBlock", keyword, entries: this.blockEntries(ctx.blockItem, span.end), span };
  }

  paramsBlock(ctx: C.ParamsBlockCstChildren, span: Span): A.ParamsBlock {
    const kw = first(ctx.Params);
    const keyword = real(kw) ? tokenSpan(kw) : { start: span.start, end: span.start };
    let from: A.StringLiteral | undefined;
    const path = first(ctx.string);
    if (path !== undefined) {
      const s = this.string(path.children, this.span(path, keyword.end));
      if (s.kind === "StringLiteral") from = s;
      else this.report(s.span, syntax.interpolationNotAllowed("the template path of `params from`"));
    }
    const body = first(ctx.paramsBody);
    const declarations = body === undefined ? [] : this.paramsBody(body.children, this.span(body, span.end));
    return { kind: "ParamsBlock", keyword, from, block: body !== undefined, declarations, span };
  }

  paramsBody(ctx: C.ParamsBodyCstChildren, span: Span): A.ParamDeclaration[] {
    return (ctx.paramDeclaration ?? []).map((n) => this.paramDeclaration(n.children, this.span(n, span.end)));
  }

  paramDeclaration(ctx: C.ParamDeclarationCstChildren, span: Span): A.ParamDeclaration {
    const key = this.keyOf(first(ctx.key), span.start, "a parameter name");
    const colon = first(ctx.Colon);
    const equals = first(ctx.Equals);
    const type = colon === undefined ? undefined : this.typeOf(first(ctx.type), this.after(span.end, colon));
    const dflt = equals === undefined ? undefined : this.entryValue(first(ctx.value), this.after(span.end, equals));
    return { kind: "ParamDeclaration", key, optional: real(first(ctx.Question)), type, default: dflt, span };
  }

  /** A field or map block; a misplaced statement is reported and dropped (undefined). */
  blockItem(ctx: C.BlockItemCstChildren, span: Span): A.BlockEntry | undefined {
    const entry = first(ctx.blockEntry);
    if (entry !== undefined) return this.blockEntry(entry.children, this.span(entry, span.start));
    const misplaced = first(ctx.misplacedStatement);
    if (misplaced !== undefined) this.misplacedStatement(misplaced.children, this.span(misplaced, span.start));
    return undefined;
  }

  misplacedStatement(ctx: C.MisplacedStatementCstChildren, span: Span): void {
    const node = first(ctx.statement);
    const keyword = node === undefined ? undefined : firstToken(node);
    if (keyword !== undefined) this.report(tokenSpan(keyword), syntax.statementInBlock(keyword.image));
    // The statement itself is parsed (so its own errors are reported) but not kept.
    if (node !== undefined) this.statement(node.children, this.span(node, span.start));
  }

  blockEntry(ctx: C.BlockEntryCstChildren, span: Span): A.BlockEntry {
    const key = this.keyOf(first(ctx.key), span.start, "a key");
    const map = first(ctx.mapBody);
    if (map !== undefined) {
      const entries = this.mapBody(map.children, this.span(map, key.span.end));
      return { kind: "MapBlock", key, entries, span };
    }
    const field = first(ctx.fieldValue);
    const bare = first(ctx.missingEquals);
    let value: A.Expression;
    if (field !== undefined) value = this.fieldValue(field.children, this.span(field, key.span.end));
    else if (bare !== undefined) value = this.missingEquals(bare.children, this.span(bare, key.span.end));
    else value = this.errorExpression(key.span.end);
    return { kind: "FieldAssignment", key, value, span };
  }

  /** A value written without its `=`: reported, then kept as the field's value. */
  missingEquals(ctx: C.MissingEqualsCstChildren, span: Span): A.Expression {
    const node = first(ctx.expression);
    const token = node === undefined ? undefined : firstToken(node);
    if (token !== undefined) this.report(tokenSpan(token), syntax.expectedToken("`=` after the field name", describeToken(token)));
    return this.expr(node, span.start);
  }

  fieldValue(ctx: C.FieldValueCstChildren, span: Span): A.Expression {
    const assign = first(ctx.Assign);
    this.checkAssign(assign, "=", "the field name");
    return this.entryValue(first(ctx.value), this.after(span.end, assign));
  }

  /** Reports `:` written for `=` (fields) or `=` for `:` (record fields). */
  protected checkAssign(token: IToken | undefined, wanted: "=" | ":", after = "the key"): void {
    if (!real(token) || token.image === wanted) return;
    this.report(
      tokenSpan(token),
      wanted === "="
        ? syntax.expectedToken(`\`=\` after ${after}`, "`:`", "fields are written `name = value`")
        : syntax.expectedToken("`:` after the key", "`=`", "record fields are written `key: value`"),
    );
  }

  value(ctx: C.ValueCstChildren, span: Span): A.Expression {
    return this.expr(first(ctx.expression), span.start);
  }

  mapBody(ctx: C.MapBodyCstChildren, span: Span): A.FieldAssignment[] {
    return (ctx.mapEntry ?? []).map((n) => this.mapEntry(n.children, this.span(n, span.end)));
  }

  mapEntry(ctx: C.MapEntryCstChildren, span: Span): A.FieldAssignment {
    const key = this.keyOf(first(ctx.key), span.start, "a key");
    const assign = first(ctx.Assign);
    this.checkAssign(assign, "=");
    const value = this.entryValue(first(ctx.value), this.after(key.span.end, assign));
    return { kind: "FieldAssignment", key, value, span };
  }

  /** `where` names the construct for the message when the key is a template. */
  key(ctx: C.KeyCstChildren, span: Span, where = "a key"): A.Key {
    const name = first(ctx.Name);
    if (real(name)) return { kind: "Key", name: name.image, quoted: false, span };
    const str = first(ctx.string);
    if (str !== undefined) {
      const s = this.string(str.children, span);
      if (s.kind === "StringLiteral") return { kind: "Key", name: s.value, quoted: true, span };
      this.report(s.span, syntax.interpolationNotAllowed(where));
      return { kind: "Key", name: "", quoted: true, span };
    }
    return { kind: "Key", name: "", quoted: false, span };
  }

  typeAlias(ctx: C.TypeAliasCstChildren, span: Span): A.TypeAlias {
    const kwEnd = this.after(span.start, first(ctx.Type));
    const name = this.identifier(first(ctx.Identifier), kwEnd);
    const type = this.typeOf(first(ctx.type), this.after(name.span.end, first(ctx.Equals)));
    return { kind: "TypeAlias", name, type, span };
  }

  letStatement(ctx: C.LetStatementCstChildren, span: Span): A.LetStatement {
    const kwEnd = this.after(span.start, first(ctx.Let));
    const name = this.identifier(first(ctx.Identifier), kwEnd);
    const colon = first(ctx.Colon);
    const type = colon === undefined ? undefined : this.typeOf(first(ctx.type), this.after(name.span.end, colon));
    const value = this.expr(first(ctx.expression), this.after(type?.span.end ?? name.span.end, first(ctx.Equals)));
    return { kind: "LetStatement", name, type, value, span };
  }

  forStatement(ctx: C.ForStatementCstChildren, span: Span): A.ForStatement {
    const kwEnd = this.after(span.start, first(ctx.For));
    const sources = (ctx.forSource ?? []).map((n) => this.forSource(n.children, this.span(n, kwEnd)));
    const whereKw = first(ctx.Where);
    const lastSource = sources[sources.length - 1];
    const where = whereKw === undefined ? undefined : this.expr(first(ctx.expression), this.after(lastSource?.span.end ?? kwEnd, whereKw));
    return { kind: "ForStatement", sources, where, body: this.statements(ctx.statement, span.end), span };
  }

  forSource(ctx: C.ForSourceCstChildren, span: Span): A.ForSource {
    const pattern = first(ctx.namePattern);
    let names: A.Identifier[];
    let destructure = false;
    if (pattern !== undefined) {
      names = this.namePattern(pattern.children, this.span(pattern, span.start));
      destructure = true;
    } else {
      names = [this.identifier(first(ctx.Identifier), span.start)];
    }
    const lastName = names[names.length - 1];
    const iterable = this.expr(first(ctx.expression), this.after(lastName?.span.end ?? span.start, first(ctx.In)));
    return { kind: "ForSource", names, destructure, iterable, span };
  }

  namePattern(ctx: C.NamePatternCstChildren, _span: Span): A.Identifier[] {
    return (ctx.Identifier ?? []).filter(real).map((t) => this.identifier(t, t.startOffset));
  }

  ifStatement(ctx: C.IfStatementCstChildren, span: Span): A.IfStatement {
    const condition = this.expr(first(ctx.expression), this.after(span.start, first(ctx.If)));
    const then = this.statements(ctx.statement, span.end);
    let otherwise: A.Statement[] | undefined;
    if (first(ctx.Else) !== undefined) {
      const nested = first(ctx.ifStatement);
      const block = first(ctx.elseBlock);
      if (nested !== undefined) otherwise = [this.ifStatement(nested.children, this.span(nested, span.end))];
      else if (block !== undefined) otherwise = this.elseBlock(block.children, this.span(block, span.end));
      else otherwise = [];
    }
    return { kind: "IfStatement", condition, then, otherwise, span };
  }

  elseBlock(ctx: C.ElseBlockCstChildren, span: Span): A.Statement[] {
    return this.statements(ctx.statement, span.end);
  }

  runStatement(ctx: C.RunStatementCstChildren, span: Span): A.RunStatement {
    const kw = first(ctx.Run);
    const keyword = real(kw) ? tokenSpan(kw) : { start: span.start, end: span.start };
    const id = this.expr(first(ctx.expression), keyword.end);
    return { kind: "RunStatement", keyword, id, entries: this.blockEntries(ctx.blockItem, span.end), span };
  }

  // ---- Types ----
}
