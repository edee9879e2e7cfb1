// Generic traversal of the AST: the direct children of any node, in source order, and a
// pre-order walk over a whole subtree. Later phases use it for checks that look at every
// node of some kind (e.g. every `NameExpression`), without a switch of their own.
import type * as A from "./nodes.js";

/** Calls `fn` on each direct child of `node`, in source order. */
export function forEachChild(node: A.Node, fn: (child: A.Node) => void): void {
  if (!blockChildren(node, fn)) expressionChildren(node, fn);
}

/** The children of blocks, statements and types (union types aside); false for other nodes. */
function blockChildren(node: A.Node, fn: (child: A.Node) => void): boolean {
  switch (node.kind) {
    case "Program":
      node.statements.forEach(fn);
      return true;
    case "BatchBlock":
      if (node.name) fn(node.name);
      node.entries.forEach(fn);
      return true;
    case "DefaultsBlock":
    case "RunStatement":
      if (node.kind === "RunStatement") fn(node.id);
      node.entries.forEach(fn);
      return true;
    case "ParamsBlock":
      if (node.from) fn(node.from);
      node.declarations.forEach(fn);
      return true;
    case "ParamDeclaration":
      fn(node.key);
      if (node.type) fn(node.type);
      if (node.default) fn(node.default);
      return true;
    case "FieldAssignment":
      fn(node.key);
      fn(node.value);
      return true;
    case "MapBlock":
      fn(node.key);
      node.entries.forEach(fn);
      return true;
    case "TypeAlias":
      fn(node.name);
      fn(node.type);
      return true;
    case "LetStatement":
      fn(node.name);
      if (node.type) fn(node.type);
      fn(node.value);
      return true;
    case "ForStatement":
      node.sources.forEach(fn);
      if (node.where) fn(node.where);
      node.body.forEach(fn);
      return true;
    case "ForSource":
      node.names.forEach(fn);
      fn(node.iterable);
      return true;
    case "IfStatement":
      fn(node.condition);
      node.then.forEach(fn);
      node.otherwise?.forEach(fn);
      return true;
    case "NamedType":
      fn(node.name);
      return true;
    case "ListType":
      fn(node.element);
      return true;
    case "RecordType":
      node.fields.forEach(fn);
      return true;
    case "RecordTypeField":
      fn(node.key);
      fn(node.type);
      return true;
    default:
      return false;
  }
}

/** The children of expressions, union types and leaves; false for none. */
function expressionChildren(node: A.Node, fn: (child: A.Node) => void): boolean {
  switch (node.kind) {
    case "UnionType":
      node.members.forEach(fn);
      return true;
    case "TemplateString":
      node.parts.forEach(fn);
      return true;
    case "ListLiteral":
      node.elements.forEach(fn);
      return true;
    case "ListComprehension":
      fn(node.element);
      node.sources.forEach(fn);
      if (node.where) fn(node.where);
      return true;
    case "RecordLiteral":
      node.fields.forEach(fn);
      return true;
    case "RecordLiteralField":
      fn(node.key);
      fn(node.value);
      return true;
    case "NameExpression":
      fn(node.name);
      return true;
    case "FieldAccess":
      fn(node.object);
      fn(node.field);
      return true;
    case "IndexAccess":
      fn(node.object);
      fn(node.index);
      return true;
    case "CallExpression":
      fn(node.callee);
      node.args.forEach(fn);
      return true;
    case "UnaryExpression":
      fn(node.operand);
      return true;
    case "BinaryExpression":
      fn(node.left);
      fn(node.right);
      return true;
    case "RangeExpression":
      fn(node.start);
      fn(node.end);
      return true;
    case "ConditionalExpression":
      fn(node.condition);
      fn(node.then);
      fn(node.otherwise);
      return true;
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
      return true;
    default:
      return false;
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
