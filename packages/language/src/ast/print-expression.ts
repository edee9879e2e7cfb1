// Expressions and types in source form: the fewest parentheses that keep the meaning, and
// lists and records broken one element per line (trailing comma) when they do not fit in
// the width or hold comments.
import { Comments } from "./comments.js";
import type * as A from "./nodes.js";

/** Width beyond which map blocks, lists and records are broken over several lines. */
export const WIDTH = 80;
export const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function printKey(k: A.Key): string {
  return k.quoted || !IDENTIFIER.test(k.name) ? quote(k.name) : k.name;
}

/** A string literal with the language's escapes. */
export function quote(s: string): string {
  return `"${escape(s)}"`;
}

function escape(s: string): string {
  return s.replace(/[\\"\n\t]|\$(?=\{)/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`));
}

// ---- Types ----

/** Prints a type in source form. */
export function printTypeExpression(t: A.TypeExpression): string {
  switch (t.kind) {
    case "NamedType":
      return t.name.name;
    case "ListType":
      return `[${printTypeExpression(t.element)}]`;
    case "RecordType":
      if (t.fields.length === 0) return "{}";
      return `{ ${t.fields.map((f) => `${printKey(f.key)}${f.optional ? "?" : ""}: ${printTypeExpression(f.type)}`).join(", ")} }`;
    case "LiteralType":
      return quote(t.value);
    case "UnionType":
      return t.members.map(printTypeExpression).join(" | ");
    case "ErrorType":
      return "<error>";
  }
}

// ---- Expressions ----

/** Binding strength, loosest first; a child weaker than its slot needs parentheses. */
function precedence(e: A.Expression): number {
  switch (e.kind) {
    case "ConditionalExpression":
      return 0;
    case "BinaryExpression":
      return BINARY_PRECEDENCE[e.operator];
    case "UnaryExpression":
      return e.operator === "not" ? 3 : 8;
    case "RangeExpression":
      return 5;
    case "FieldAccess":
    case "IndexAccess":
    case "CallExpression":
      return 9;
    default:
      return 10;
  }
}

const BINARY_PRECEDENCE: Record<A.BinaryOperator, number> = {
  or: 1,
  and: 2,
  "==": 4,
  "!=": 4,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 6,
  "-": 6,
  "*": 7,
  "/": 7,
  "%": 7,
};

/** Prints an expression on one line (lists and records never break). */
export function printExpression(e: A.Expression): string {
  return new ExpressionPrinter(Comments.none()).print(e, 0, -1);
}

/** Prints expressions; lists and records that hold comments keep them (one element a line). */
export class ExpressionPrinter {
  constructor(readonly comments: Comments) {}

  /**
   * Prints `e` in a slot that needs at least precedence `min`. `level` is the indentation of
   * the line it is on; -1 keeps everything on one line.
   */
  print(e: A.Expression, min: number, level: number): string {
    const text = this.bare(e, level);
    return precedence(e) < min ? `(${text})` : text;
  }

  private bare(e: A.Expression, level: number): string {
    switch (e.kind) {
      case "StringLiteral":
        return quote(e.value);
      case "TemplateString":
        return `"${e.parts.map((p) => (p.kind === "TemplateText" ? escape(p.value) : `\${${this.print(p, 0, -1)}}`)).join("")}"`;
      case "NumberLiteral":
        return e.raw;
      case "BooleanLiteral":
        return String(e.value);
      case "NullLiteral":
        return "null";
      case "ListLiteral":
        return this.broken(e, e.elements, (x, l) => this.print(x, 0, l), "[", "]", level);
      case "ListComprehension": {
        const sources = e.sources.map((s) => `${s.destructure ? `(${s.names.map((n) => n.name).join(", ")})` : (s.names[0]?.name ?? "")} in ${this.print(s.iterable, 0, -1)}`);
        return `[${this.print(e.element, 0, -1)} for ${sources.join(", ")}${e.where === undefined ? "" : ` where ${this.print(e.where, 0, -1)}`}]`;
      }
      case "RecordLiteral":
        return this.broken(e, e.fields, (f, l) => `${printKey(f.key)}: ${this.print(f.value, 0, l)}`, "{", "}", level);
      case "NameExpression":
        return e.name.name;
      case "FieldAccess":
        return `${this.print(e.object, 9, level)}.${e.field.name}`;
      case "IndexAccess":
        return `${this.print(e.object, 9, level)}[${this.print(e.index, 0, level)}]`;
      case "CallExpression":
        return `${e.callee.name}(${e.args.map((a) => this.print(a, 0, level)).join(", ")})`;
      case "UnaryExpression":
        return e.operator === "not" ? `not ${this.print(e.operand, 3, level)}` : `-${this.print(e.operand, 8, level)}`;
      case "BinaryExpression": {
        const p = BINARY_PRECEDENCE[e.operator];
        // Comparisons do not chain: both sides must bind tighter.
        const leftMin = p === 4 ? 5 : p;
        return `${this.print(e.left, leftMin, level)} ${e.operator} ${this.print(e.right, p + 1, level)}`;
      }
      case "RangeExpression":
        return `${this.print(e.start, 6, level)}..${this.print(e.end, 6, level)}`;
      case "ConditionalExpression":
        return `if ${this.print(e.condition, 1, level)} then ${this.print(e.then, 1, level)} else ${this.print(e.otherwise, 0, level)}`;
      case "ErrorExpression":
        return "<error>";
    }
  }

  /**
   * A list or record: `[a, b]` / `{ k: v }` when it fits and holds no comment, else one
   * element per line with a trailing comma. `level` -1 means it must stay on one line.
   */
  private broken<T extends A.Node>(
    node: A.Node,
    items: readonly T[],
    print: (item: T, level: number) => string,
    open: string,
    close: string,
    level: number,
  ): string {
    const hasComments = level >= 0 && this.comments.within(node.span);
    if (items.length === 0 && !hasComments) return `${open}${close}`;
    const pad = open === "{" ? " " : "";
    if (!hasComments) {
      const one = `${open}${pad}${items.map((x) => print(x, -1)).join(", ")}${pad}${close}`;
      if (level < 0 || INDENT.length * level + one.length <= WIDTH) return one;
    }
    const inner = INDENT.repeat(level + 1);
    const lines: string[] = [];
    const ownLines = (offset: number): void => {
      for (const c of this.comments.takeBefore(offset)) {
        if (c.blankBefore && lines.length > 0) lines.push("");
        lines.push(`${inner}${c.text}`);
      }
    };
    for (const x of items) {
      ownLines(x.span.start);
      const text = `${inner}${print(x, level + 1)},`;
      const trailing = this.comments.takeTrailing(x.span.end);
      lines.push(trailing === undefined ? text : `${text}  ${trailing}`);
    }
    ownLines(node.span.end - 1);
    return `${open}\n${lines.join("\n")}\n${INDENT.repeat(level)}${close}`;
  }
}
