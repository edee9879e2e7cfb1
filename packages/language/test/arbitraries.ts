// Random ASTs for the printer's and the formatter's properties (test code, not built).
import fc from "fast-check";
import type * as A from "../src/ast/nodes.js";

const span = { start: 0, end: 0 };
const KEYWORDS = new Set(["batch", "defaults", "params", "run", "for", "in", "where", "if", "then", "else", "let", "type", "and", "or", "not", "true", "false", "null", "from"]);
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/).filter((n) => !KEYWORDS.has(n));
const fieldName = fc.oneof(name, fc.constantFrom("type", "in", "from"));
const identifier = (n: fc.Arbitrary<string>): fc.Arbitrary<A.Identifier> => n.map((s) => ({ kind: "Identifier" as const, name: s, span }));
const text = fc.string({ maxLength: 6, unit: fc.constantFrom("a", " ", "$", "{", "}", '"', "\\", "\n", "\t", "é") });
const key = fc.oneof(
  name.map((s): A.Key => ({ kind: "Key", name: s, quoted: false, span })),
  text.map((s): A.Key => ({ kind: "Key", name: s, quoted: true, span })),
);
const number = fc.oneof(
  fc.nat({ max: 10_000 }).map((n): A.NumberLiteral => ({ kind: "NumberLiteral", value: n, integer: true, raw: String(n), span })),
  fc.nat({ max: 999 }).map((n): A.NumberLiteral => ({ kind: "NumberLiteral", value: n + 0.5, integer: false, raw: `${n}.5`, span })),
);
const binaryOperator = fc.constantFrom<A.BinaryOperator>("or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%");

export const { expression } = fc.letrec<{ expression: A.Expression }>((tie) => {
  const sub = tie("expression");
  return {
    expression: fc.oneof(
      { depthSize: "medium", withCrossShrink: true },
      number,
      text.map((s): A.Expression => ({ kind: "StringLiteral", value: s, span })),
      fc.boolean().map((b): A.Expression => ({ kind: "BooleanLiteral", value: b, span })),
      fc.constant<A.Expression>({ kind: "NullLiteral", span }),
      identifier(name).map((n): A.Expression => ({ kind: "NameExpression", name: n, span })),
      fc
        .array(fc.tuple(text.filter((s) => s !== ""), sub), { minLength: 1, maxLength: 3 })
        .map((pairs): A.Expression => ({
          kind: "TemplateString",
          parts: pairs.flatMap(([t, e]): A.TemplatePart[] => [{ kind: "TemplateText", value: t, span }, e]),
          span,
        })),
      fc.array(sub, { maxLength: 3 }).map((elements): A.Expression => ({ kind: "ListLiteral", elements, span })),
      fc.array(fc.tuple(key, sub), { maxLength: 3 }).map(
        (fields): A.Expression => ({ kind: "RecordLiteral", fields: fields.map(([k, v]) => ({ kind: "RecordLiteralField", key: k, value: v, span })), span }),
      ),
      fc.tuple(sub, identifier(fieldName)).map(([object, field]): A.Expression => ({ kind: "FieldAccess", object, field, span })),
      fc.tuple(sub, sub).map(([object, index]): A.Expression => ({ kind: "IndexAccess", object, index, span })),
      fc.tuple(identifier(name), fc.array(sub, { maxLength: 3 })).map(([callee, args]): A.Expression => ({ kind: "CallExpression", callee, args, span })),
      fc.tuple(fc.constantFrom<A.UnaryOperator>("-", "not"), sub).map(([operator, operand]): A.Expression => ({ kind: "UnaryExpression", operator, operand, span })),
      {
        // Operators are where parentheses matter: make them common.
        weight: 6,
        arbitrary: fc
          .tuple(binaryOperator, sub, sub)
          .map(([operator, left, right]): A.Expression => ({ kind: "BinaryExpression", operator, operatorSpan: span, left, right, span })),
      },
      fc.tuple(sub, sub).map(([start, end]): A.Expression => ({ kind: "RangeExpression", start, end, span })),
      fc.tuple(sub, sub, sub).map(([condition, then, otherwise]): A.Expression => ({ kind: "ConditionalExpression", condition, then, otherwise, span })),
    ),
  };
});

// ---- Programs ----

const small = fc.letrec<{ expression: A.Expression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    number,
    text.map((s): A.Expression => ({ kind: "StringLiteral", value: s, span })),
    identifier(name).map((n): A.Expression => ({ kind: "NameExpression", name: n, span })),
    fc.array(tie("expression"), { maxLength: 4 }).map((elements): A.Expression => ({ kind: "ListLiteral", elements, span })),
    fc.array(fc.tuple(key, tie("expression")), { maxLength: 3 }).map(
      (fields): A.Expression => ({ kind: "RecordLiteral", fields: fields.map(([k, v]) => ({ kind: "RecordLiteralField", key: k, value: v, span })), span }),
    ),
    fc.tuple(tie("expression"), identifier(fieldName)).map(([object, field]): A.Expression => ({ kind: "FieldAccess", object, field, span })),
    fc
      .tuple(binaryOperator, tie("expression"), tie("expression"))
      .map(([operator, left, right]): A.Expression => ({ kind: "BinaryExpression", operator, operatorSpan: span, left, right, span })),
    fc
      .array(fc.tuple(text.filter((s) => s !== ""), tie("expression")), { minLength: 1, maxLength: 2 })
      .map((pairs): A.Expression => ({
        kind: "TemplateString",
        parts: pairs.flatMap(([t, e]): A.TemplatePart[] => [{ kind: "TemplateText", value: t, span }, e]),
        span,
      })),
    fc
      .tuple(tie("expression"), tie("expression"), tie("expression"))
      .map(([condition, then, otherwise]): A.Expression => ({ kind: "ConditionalExpression", condition, then, otherwise, span })),
  ),
})).expression;

const { type } = fc.letrec<{ type: A.TypeExpression }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("string", "int", "s3uri", "T").map((n): A.TypeExpression => ({ kind: "NamedType", name: { kind: "Identifier", name: n, span }, span })),
    tie("type").map((element): A.TypeExpression => ({ kind: "ListType", element, span })),
    fc.array(fc.tuple(key, fc.boolean(), tie("type")), { maxLength: 3 }).map(
      (fields): A.TypeExpression => ({ kind: "RecordType", fields: fields.map(([k, optional, t]) => ({ kind: "RecordTypeField", key: k, optional, type: t, span })), span }),
    ),
    fc
      .uniqueArray(fc.constantFrom("a", "b", "c"), { minLength: 2, maxLength: 3 })
      .map((vs): A.TypeExpression => ({ kind: "UnionType", members: vs.map((value) => ({ kind: "LiteralType" as const, value, span })), span })),
  ),
}));

const field = fc.tuple(key, small).map(([k, value]): A.FieldAssignment => ({ kind: "FieldAssignment", key: k, value, span }));
const entries = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: field },
    fc.tuple(key, fc.array(field, { maxLength: 4 })).map(([k, fields]): A.BlockEntry => ({ kind: "MapBlock", key: k, entries: fields, span })),
  ),
  { maxLength: 5 },
);
const declaration = fc
  .tuple(key, fc.boolean(), fc.option(type, { nil: undefined }), fc.option(small, { nil: undefined }))
  .map(([k, optional, t, d]): A.ParamDeclaration => ({ kind: "ParamDeclaration", key: k, optional, type: t, default: d, span }));

export const { statement } = fc.letrec<{ statement: A.Statement }>((tie) => {
  const body = fc.array(tie("statement"), { maxLength: 3 });
  return {
    statement: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(fc.option(small, { nil: undefined }), entries).map(([n, es]): A.Statement => ({ kind: "BatchBlock", keyword: span, name: n, entries: es, span })),
      entries.map((es): A.Statement => ({ kind: "DefaultsBlock", keyword: span, entries: es, span })),
      fc
        .tuple(fc.option(text, { nil: undefined }), fc.array(declaration, { maxLength: 5 }), fc.boolean())
        .map(([from, ds, bare]): A.Statement => ({
          kind: "ParamsBlock",
          keyword: span,
          from: from === undefined ? undefined : { kind: "StringLiteral", value: from, span },
          block: from === undefined || ds.length > 0 || bare === false,
          declarations: ds,
          span,
        })),
      fc.tuple(identifier(name), type).map(([n, t]): A.Statement => ({ kind: "TypeAlias", name: n, type: t, span })),
      fc.tuple(identifier(name), fc.option(type, { nil: undefined }), small).map(([n, t, v]): A.Statement => ({ kind: "LetStatement", name: n, type: t, value: v, span })),
      fc
        .tuple(fc.array(fc.tuple(fc.array(identifier(name), { minLength: 1, maxLength: 2 }), small), { minLength: 1, maxLength: 2 }), fc.option(small, { nil: undefined }), body)
        .map(([sources, where, b]): A.Statement => ({
          kind: "ForStatement",
          sources: sources.map(([names, iterable]) => ({ kind: "ForSource", names, destructure: names.length > 1, iterable, span })),
          where,
          body: b,
          span,
        })),
      fc
        .tuple(small, body, fc.option(body, { nil: undefined }))
        .map(([condition, then, otherwise]): A.Statement => ({ kind: "IfStatement", condition, then, otherwise, span })),
      fc.tuple(small, entries).map(([id, es]): A.Statement => ({ kind: "RunStatement", keyword: span, id, entries: es, span })),
    ),
  };
});

export const program = fc.array(statement, { maxLength: 6 }).map((statements): A.Program => ({ kind: "Program", statements, span }));
