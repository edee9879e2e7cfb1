// Generic traversal of the AST: the direct children of any node, in source order, and a
// pre-order walk over a whole subtree. Later phases use it for checks that look at every
// node of some kind (e.g. every `NameExpression`), without a switch of their own.
import type * as A from "./nodes.js";

/** Calls `fn` on each direct child of `node`, in source order. */
export function forEachChild(node: A.Node, fn: (child: A.Node) => void): void {
  switch (node.kind) {
    case "Program":
      node.statements.forEach(fn);
      return;
    case "BatchBlock":
      if (node.name) fn(node.name);
      node.entries.forEach(fn);
      return;
    case "DefaultsBlock":
    case "RunStatement":
      if (node.kind === "RunStatement") fn(node.id);
      node.entries.forEach(fn);
      return;
    case "ParamsBlock":
      if (node.from) fn(node.from);
      node.declarations.forEach(fn);
      return;
    case "ParamDeclaration":
      fn(node.key);
      if (node.type) fn(node.type);
      if (node.default) fn(node.default);
      return;
    case "FieldAssignment":
      fn(node.key);
      fn(node.value);
      return;
    case "MapBlock":
      fn(node.key);
      node.entries.forEach(fn);
      return;
    case "TypeAlias":
      fn(node.name);
      fn(node.type);
      return;
    case "LetStatement":
      fn(node.name);
      if (node.type) fn(node.type);
      fn(node.value);
      return;
    case "ForStatement":
      node.sources.forEach(fn);
      if (node.where) fn(node.where);
      node.body.forEach(fn);
      return;
    case "ForSource":
      node.names.forEach(fn);
      fn(node.iterable);
      return;
    case "IfStatement":
      fn(node.condition);
      node.then.forEach(fn);
      node.otherwise?.forEach(fn);
      return;
    case "NamedType":
      fn(node.name);
      return;
    case "ListType":
      fn(node.element);
      return;
    case "RecordType":
      node.fields.forEach(fn);
      return;
    case "RecordTypeField":
      fn(node.key);
      fn(node.type);
      return;
    case "UnionType":
      node.members.forEach(fn);
      return;
    case "TemplateString":
      node.parts.forEach(fn);
      return;
    case "ListLiteral":
      node.elements.forEach(fn);
      return;
    case "ListComprehension":
      fn(node.element);
      node.sources.forEach(fn);
      if (node.where) fn(node.where);
      return;
    case "RecordLiteral":
      node.fields.forEach(fn);
      return;
    case "RecordLiteralField":
      fn(node.key);
      fn(node.value);
      return;
    case "NameExpression":
      fn(node.name);
      return;
    case "FieldAccess":
      fn(node.object);
      fn(node.field);
      return;
    case "IndexAccess":
      fn(node.object);
      fn(node.index);
      return;
    case "CallExpression":
      fn(node.callee);
      node.args.forEach(fn);
      return;
    case "UnaryExpression":
      fn(node.operand);
      return;
    case "BinaryExpression":
      fn(node.left);
      fn(node.right);
      return;
    case "RangeExpression":
      fn(node.start);
      fn(node.end);
      return;
    case "ConditionalExpression":
      fn(node.condition);
      fn(node.then);
      fn(node.otherwise);
      return;
    case "Identifier":
    case "Key":
    case "LiteralType":
    case "ErrorType":
    case "StringLiteral":
    case "TemplateText":
    case "NumberLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "ErrorExpression":
      return;
  }
}

/**
 * Visits `node` and everything below it, parents before children, in source order.
 * Returning `false` from `visit` skips the children of that node.
 */
export function walk(node: A.Node, visit: (node: A.Node, parent: A.Node | undefined) => boolean | void): void {
  const go = (n: A.Node, parent: A.Node | undefined): void => {
    if (visit(n, parent) === false) return;
    forEachChild(n, (c) => go(c, n));
  };
  go(node, undefined);
}
