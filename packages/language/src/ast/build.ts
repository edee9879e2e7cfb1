// CST -> AST (the step after parsing). A Chevrotain CST visitor with one method per grammar
// rule. It never assumes a child exists: error recovery leaves partial nodes, so a missing
// expression becomes an `ErrorExpression`, a missing name an `Identifier` named "", a
// missing type an `ErrorType`. It also reports the few syntax errors the grammar accepts
// on purpose to explain them better (chained comparisons, calls of non-names, `${}` in keys,
// numbers out of range).
import type { CstNode, IToken } from "chevrotain";
import { at, type Diagnostic } from "../diagnostics/diagnostic.js";
import { syntax } from "../diagnostics/codes/syntax.js";
import { ESCAPES } from "../lexer/lex.js";
import { describeToken } from "../parser/messages.js";
import { parser } from "../parser/parser.js";
import type * as C from "../parser/cst.generated.js";
import type { SourceFile, Span } from "../source.js";
import type * as A from "./nodes.js";

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

const BaseVisitor = parser.getBaseCstVisitorConstructor<Span, unknown>();

/** The first element of an optional child list. */
function first<T>(list: readonly T[] | undefined): T | undefined {
  return list === undefined ? undefined : list[0];
}

/** A real token (not one invented by recovery). */
function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function spanFrom(a: Span, b: Span): Span {
  return { start: a.start, end: Math.max(a.start, b.end) };
}

/** The first real token of a CST node. */
function firstToken(node: CstNode): IToken | undefined {
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
function startOf(node: CstNode | IToken): number {
  if ("children" in node) return node.location?.startOffset ?? NaN;
  return node.startOffset;
}

type Suffix = C.FieldSuffixCstNode | C.IndexSuffixCstNode | C.CallSuffixCstNode;
type StringPiece = IToken | C.InterpolationCstNode;

const BINARY: ReadonlySet<string> = new Set(["or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"]);

class AstBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];
  private readonly source: SourceFile;

  constructor(source: SourceFile) {
    super();
    this.source = source;
    this.validateVisitor();
  }

  // ---- Helpers ----

  private report(span: Span, msg: Parameters<typeof at>[2]): void {
    this.diagnostics.push(at(this.source.name, span, msg));
  }

  /** The span of a CST node, or an empty span at `fallback` when it holds no real token. */
  private span(node: CstNode, fallback: number): Span {
    const loc = node.location;
    if (loc === undefined || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset)) {
      return { start: fallback, end: fallback };
    }
    return { start: loc.startOffset, end: Math.max(loc.startOffset, (loc.endOffset as number) + 1) };
  }

  private errorExpression(at: number): A.ErrorExpression {
    return { kind: "ErrorExpression", span: { start: at, end: at } };
  }

  private identifier(token: IToken | undefined, fallback: number): A.Identifier {
    if (!real(token)) return { kind: "Identifier", name: "", span: { start: fallback, end: fallback } };
    return { kind: "Identifier", name: token.image, span: tokenSpan(token) };
  }

  /** End of the last real token among `tokens`, or `fallback`. */
  private after(fallback: number, ...tokens: (IToken | undefined)[]): number {
    let end = fallback;
    for (const t of tokens) if (real(t)) end = Math.max(end, t.startOffset + t.image.length);
    return end;
  }

  private expr(node: C.ExpressionCstNode | undefined, fallback: number): A.Expression {
    if (node === undefined) return this.errorExpression(fallback);
    return this.expression(node.children, this.span(node, fallback));
  }

  private entryValue(node: C.ValueCstNode | undefined, fallback: number): A.Expression {
    if (node === undefined) return this.errorExpression(fallback);
    return this.value(node.children, this.span(node, fallback));
  }

  private typeOf(node: C.TypeCstNode | undefined, fallback: number): A.TypeExpression {
    if (node === undefined) return { kind: "ErrorType", span: { start: fallback, end: fallback } };
    return this.type(node.children, this.span(node, fallback));
  }

  private keyOf(node: C.KeyCstNode | undefined, fallback: number, where: string): A.Key {
    if (node === undefined) return { kind: "Key", name: "", quoted: false, span: { start: fallback, end: fallback } };
    return this.key(node.children, this.span(node, fallback), where);
  }

  private statements(nodes: C.StatementCstNode[] | undefined, fallback: number): A.Statement[] {
    const out: A.Statement[] = [];
    for (const n of nodes ?? []) {
      const s = this.statement(n.children, this.span(n, fallback));
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  private blockEntries(nodes: C.BlockItemCstNode[] | undefined, fallback: number): A.BlockEntry[] {
    const out: A.BlockEntry[] = [];
    for (const n of nodes ?? []) {
      const entry = this.blockItem(n.children, this.span(n, fallback));
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  /** Folds `a op b op c` left-associatively; a missing operand becomes an ErrorExpression. */
  private leftAssoc<N extends CstNode>(
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

  program(ctx: C.ProgramCstChildren, span: Span): A.Program {
    return { kind: "Program", statements: this.statements(ctx.statement, span.start), span };
  }

  statement(ctx: C.StatementCstChildren, span: Span): A.Statement | undefined {
    const f = span.start;
    if (ctx.batchBlock?.[0]) return this.batchBlock(ctx.batchBlock[0].children, this.span(ctx.batchBlock[0], f));
    if (ctx.defaultsBlock?.[0]) return this.defaultsBlock(ctx.defaultsBlock[0].children, this.span(ctx.defaultsBlock[0], f));
    if (ctx.paramsBlock?.[0]) return this.paramsBlock(ctx.paramsBlock[0].children, this.span(ctx.paramsBlock[0], f));
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
    const declarations = (ctx.paramDeclaration ?? []).map((n) => this.paramDeclaration(n.children, this.span(n, span.end)));
    return { kind: "ParamsBlock", keyword, from, declarations, span };
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
  private checkAssign(token: IToken | undefined, wanted: "=" | ":", after = "the key"): void {
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

  private number(token: IToken): A.NumberLiteral {
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
