// Traversal tests: children in source order for every node kind, pre-order walking, and
// skipping a subtree.
import { describe, expect, it } from "vitest";
import { parse } from "../parser/parse.js";
import { SourceFile } from "../source.js";
import type { Node } from "./nodes.js";
import { forEachChild, walk } from "./walk.js";

const TEXT = `batch "b" { tags { k = 1 } }
defaults { workflowId = "w" }
params from "t.json" { p?: [string] = ["a"] }
type T = { a: int } | "x"
let l: T = if not a then -b else c.d[0]
for (i, x) in f(1..2), y in [] where i < 2 { if x { run "\${x}" { name = { k: null } } } else { let z = true } }
`;

const parsed = parse(new SourceFile("t", TEXT));
const program = parsed.program;
const slice = (n: Node): string => TEXT.slice(n.span.start, n.span.end);

function kinds(root: Node): string[] {
  const out: string[] = [];
  walk(root, (n) => {
    out.push(n.kind);
  });
  return out;
}

describe("walk", () => {
  it("works on a valid program", () => {
    expect(parsed.diagnostics).toEqual([]);
  });

  it("visits every node, parents first, in source order", () => {
    const [batch, defaults, params, alias, let_] = program.statements;
    expect(kinds(batch as Node)).toEqual(["BatchBlock", "StringLiteral", "MapBlock", "Key", "FieldAssignment", "Key", "NumberLiteral"]);
    expect(kinds(defaults as Node)).toEqual(["DefaultsBlock", "FieldAssignment", "Key", "StringLiteral"]);
    expect(kinds(params as Node)).toEqual(["ParamsBlock", "StringLiteral", "ParamDeclaration", "Key", "ListType", "NamedType", "Identifier", "ListLiteral", "StringLiteral"]);
    expect(kinds(alias as Node)).toEqual(["TypeAlias", "Identifier", "UnionType", "RecordType", "RecordTypeField", "Key", "NamedType", "Identifier", "LiteralType"]);
    expect(kinds(let_ as Node)).toEqual([
      "LetStatement", "Identifier", "NamedType", "Identifier", "ConditionalExpression", "UnaryExpression", "NameExpression", "Identifier",
      "UnaryExpression", "NameExpression", "Identifier", "IndexAccess", "FieldAccess", "NameExpression", "Identifier", "Identifier", "NumberLiteral",
    ]);
  });

  it("walks loops, conditions, runs and templates", () => {
    const loop = program.statements[5] as Node;
    expect(kinds(loop)).toEqual([
      "ForStatement", "ForSource", "Identifier", "Identifier", "CallExpression", "Identifier", "RangeExpression", "NumberLiteral", "NumberLiteral",
      "ForSource", "Identifier", "ListLiteral", "BinaryExpression", "NameExpression", "Identifier", "NumberLiteral",
      "IfStatement", "NameExpression", "Identifier", "RunStatement", "TemplateString", "NameExpression", "Identifier",
      "FieldAssignment", "Key", "RecordLiteral", "RecordLiteralField", "Key", "NullLiteral",
      "LetStatement", "Identifier", "BooleanLiteral",
    ]);
  });

  it("skips the children of a node when the visitor returns false", () => {
    const names: string[] = [];
    walk(program, (n) => {
      if (n.kind === "RunStatement") return false;
      if (n.kind === "Identifier") names.push(n.name);
      return undefined;
    });
    expect(names).toEqual(["string", "T", "int", "l", "T", "a", "b", "c", "d", "i", "x", "f", "y", "i", "x", "z"]);
  });

  it("passes each node's parent", () => {
    const parents: string[] = [];
    walk(program.statements[4] as Node, (n, parent) => {
      if (n.kind === "Identifier") parents.push(`${slice(n)} in ${parent?.kind}`);
    });
    expect(parents).toEqual(["l in LetStatement", "T in NamedType", "a in NameExpression", "b in NameExpression", "c in NameExpression", "d in FieldAccess"]);
  });
});

describe("forEachChild", () => {
  it("gives direct children only", () => {
    const children: string[] = [];
    forEachChild(program, (c) => children.push(c.kind));
    expect(children).toEqual(["BatchBlock", "DefaultsBlock", "ParamsBlock", "TypeAlias", "LetStatement", "ForStatement"]);
  });

  it("gives nothing for leaves", () => {
    const leaf: Node = { kind: "NullLiteral", span: { start: 0, end: 4 } };
    let count = 0;
    forEachChild(leaf, () => count++);
    expect(count).toBe(0);
  });
});
