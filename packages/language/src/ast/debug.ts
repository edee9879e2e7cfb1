// One-line S-expression forms of AST nodes, for parser tests and debugging:
// `(+ 1 (* 2 3))`, `(call csv "a.csv")`, `(. s sample_id)`, `(let x: [int] (.. 1 4))`.
// Spans are not shown; types are shown in source form (`[Sample]`, `"a" | "b"`).
import type * as A from "./nodes.js";

const q = (s: string): string => JSON.stringify(s);

/** The debug form of an expression. */
export function debugExpr(e: A.Expression): string {
  switch (e.kind) {
    case "StringLiteral":
      return q(e.value);
    case "TemplateString":
      return `(tpl ${e.parts.map((p) => (p.kind === "TemplateText" ? q(p.value) : debugExpr(p))).join(" ")})`;
    case "NumberLiteral":
      return e.raw;
    case "BooleanLiteral":
      return String(e.value);
    case "NullLiteral":
      return "null";
    case "ListLiteral":
      return e.elements.length === 0 ? "(list)" : `(list ${e.elements.map(debugExpr).join(" ")})`;
    case "ListComprehension": {
      const sources = e.sources.map((s) => `(${s.destructure ? `(${s.names.map(debugName).join(" ")})` : debugName(s.names[0] ?? { kind: "Identifier", name: "", span: e.span })} ${debugExpr(s.iterable)})`);
      return `(for ${debugExpr(e.element)} ${sources.join(" ")}${e.where === undefined ? "" : ` (where ${debugExpr(e.where)})`})`;
    }
    case "RecordLiteral":
      return e.fields.length === 0 ? "(record)" : `(record ${e.fields.map((f) => `(${debugKey(f.key)} ${debugExpr(f.value)})`).join(" ")})`;
    case "NameExpression":
      return debugName(e.name);
    case "FieldAccess":
      return `(. ${debugExpr(e.object)} ${debugName(e.field)})`;
    case "IndexAccess":
      return `(index ${debugExpr(e.object)} ${debugExpr(e.index)})`;
    case "CallExpression":
      return `(call ${[debugName(e.callee), ...e.args.map(debugExpr)].join(" ")})`;
    case "UnaryExpression":
      return `(${e.operator} ${debugExpr(e.operand)})`;
    case "BinaryExpression":
      return `(${e.operator} ${debugExpr(e.left)} ${debugExpr(e.right)})`;
    case "RangeExpression":
      return `(.. ${debugExpr(e.start)} ${debugExpr(e.end)})`;
    case "ConditionalExpression":
      return `(if ${debugExpr(e.condition)} ${debugExpr(e.then)} ${debugExpr(e.otherwise)})`;
    case "ErrorExpression":
      return "<error>";
  }
}

/** The debug form of a type: its source form. */
export function debugType(t: A.TypeExpression): string {
  switch (t.kind) {
    case "NamedType":
      return debugName(t.name);
    case "ListType":
      return `[${debugType(t.element)}]`;
    case "RecordType":
      return `{${t.fields.map((f) => `${debugKey(f.key)}${f.optional ? "?" : ""}: ${debugType(f.type)}`).join(", ")}}`;
    case "LiteralType":
      return q(t.value);
    case "UnionType":
      return t.members.map(debugType).join(" | ");
    case "ErrorType":
      return "<error>";
  }
}

/** The debug form of a statement. */
export function debugStatement(s: A.Statement): string {
  switch (s.kind) {
    case "BatchBlock":
      return list("batch", s.name === undefined ? undefined : debugExpr(s.name), ...s.entries.map(debugEntry));
    case "DefaultsBlock":
      return list("defaults", ...s.entries.map(debugEntry));
    case "ParamsBlock":
      return list(
        "params",
        s.from === undefined ? undefined : `from ${q(s.from.value)}`,
        ...s.declarations.map((d) =>
          list(
            "param",
            `${debugKey(d.key)}${d.optional ? "?" : ""}${d.type === undefined ? "" : `: ${debugType(d.type)}`}`,
            d.default === undefined ? undefined : `= ${debugExpr(d.default)}`,
          ),
        ),
      );
    case "TypeAlias":
      return list("type", debugName(s.name), debugType(s.type));
    case "LetStatement":
      return list("let", `${debugName(s.name)}${s.type === undefined ? "" : `: ${debugType(s.type)}`}`, debugExpr(s.value));
    case "ForStatement":
      return list(
        "for",
        `(${s.sources
          .map((src) => `(${src.destructure ? `(${src.names.map(debugName).join(" ")})` : src.names.map(debugName).join(" ")} ${debugExpr(src.iterable)})`)
          .join(" ")})`,
        s.where === undefined ? undefined : `(where ${debugExpr(s.where)})`,
        ...s.body.map(debugStatement),
      );
    case "IfStatement":
      return list(
        "if",
        debugExpr(s.condition),
        list("then", ...s.then.map(debugStatement)),
        s.otherwise === undefined ? undefined : list("else", ...s.otherwise.map(debugStatement)),
      );
    case "RunStatement":
      return list("run", debugExpr(s.id), ...s.entries.map(debugEntry));
  }
}

/** The debug form of a whole program: one statement per line. */
export function debugProgram(p: A.Program): string {
  return p.statements.map(debugStatement).join("\n");
}

function debugEntry(e: A.BlockEntry): string {
  if (e.kind === "FieldAssignment") return `(= ${debugKey(e.key)} ${debugExpr(e.value)})`;
  return list(debugKey(e.key), ...e.entries.map(debugEntry));
}

function debugKey(k: A.Key): string {
  return k.quoted ? q(k.name) : k.name === "" ? "<missing>" : k.name;
}

function debugName(id: A.Identifier): string {
  return id.name === "" ? "<missing>" : id.name;
}

function list(head: string, ...items: (string | undefined)[]): string {
  const parts = [head, ...items.filter((i): i is string => i !== undefined)];
  return `(${parts.join(" ")})`;
}
