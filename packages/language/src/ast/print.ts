// AST -> source text in the canonical layout: two-space indents, one entry per line,
// `=` aligned within a run of fields, parameter types aligned, short map blocks and
// literals on one line, a blank line between top-level statements (but not between
// consecutive `let`s and `type`s), and the fewest parentheses that keep the meaning.
// Printing a parsed program and parsing the result gives the same AST (spans aside).
import type * as A from "./nodes.js";

/** Width beyond which map blocks, lists and records are broken over several lines. */
const WIDTH = 80;
const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Pretty-prints a program in the canonical layout (ends with a newline unless empty). */
export function printProgram(program: A.Program): string {
  const out: string[] = [];
  let previous: A.Statement | undefined;
  for (const s of program.statements) {
    if (previous !== undefined && !(isBinding(previous) && isBinding(s))) out.push("");
    out.push(...printStatement(s, 0));
    previous = s;
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

const isBinding = (s: A.Statement): boolean => s.kind === "LetStatement" || s.kind === "TypeAlias";

function printStatement(s: A.Statement, level: number): string[] {
  const pad = INDENT.repeat(level);
  switch (s.kind) {
    case "BatchBlock": {
      const name = s.name === undefined ? "" : ` ${s.name.kind === "RecordLiteral" ? `(${printExpression(s.name)})` : printExpression(s.name)}`;
      return block(`${pad}batch${name}`, printEntries(s.entries, level + 1), pad);
    }
    case "DefaultsBlock":
      return block(`${pad}defaults`, printEntries(s.entries, level + 1), pad);
    case "ParamsBlock": {
      const from = s.from === undefined ? "" : ` from ${quote(s.from.value)}`;
      return block(`${pad}params${from}`, printParams(s.declarations, level + 1), pad);
    }
    case "TypeAlias":
      return [`${pad}type ${s.name.name} = ${printTypeExpression(s.type)}`];
    case "LetStatement": {
      const type = s.type === undefined ? "" : `: ${printTypeExpression(s.type)}`;
      return [`${pad}let ${s.name.name}${type} = ${printExpr(s.value, 0, level)}`];
    }
    case "ForStatement": {
      const sources = s.sources
        .map((src) => {
          const names = src.destructure ? `(${src.names.map((n) => n.name).join(", ")})` : src.names.map((n) => n.name).join(", ");
          return `${names} in ${printExpr(src.iterable, 1, level)}`;
        })
        .join(", ");
      const where = s.where === undefined ? "" : ` where ${printExpr(s.where, 1, level)}`;
      return block(`${pad}for ${sources}${where}`, s.body.flatMap((b) => printStatement(b, level + 1)), pad);
    }
    case "IfStatement":
      return printIf(s, level, `${pad}if`);
    case "RunStatement":
      return block(`${pad}run ${printExpr(s.id, 1, level)}`, printEntries(s.entries, level + 1), pad);
  }
}

function printIf(s: A.IfStatement, level: number, head: string): string[] {
  const pad = INDENT.repeat(level);
  const lines = block(`${head} ${printExpr(s.condition, 1, level)}`, s.then.flatMap((b) => printStatement(b, level + 1)), pad);
  if (s.otherwise === undefined) return lines;
  const last = lines.pop() as string; // the closing `}` (or the whole `if c {}`)
  const only = s.otherwise[0];
  if (s.otherwise.length === 1 && only?.kind === "IfStatement") {
    return [...lines, ...printIf(only, level, `${last} else if`)];
  }
  return [...lines, ...block(`${last} else`, s.otherwise.flatMap((b) => printStatement(b, level + 1)), pad)];
}

/** `head {` body `}`, or `head {}` when empty. */
function block(head: string, body: string[], pad: string): string[] {
  if (body.length === 0) return [`${head} {}`];
  return [`${head} {`, ...body, `${pad}}`];
}

/** Block entries, with `=` aligned over each run of consecutive fields. */
function printEntries(entries: readonly A.BlockEntry[], level: number): string[] {
  const pad = INDENT.repeat(level);
  const out: string[] = [];
  let i = 0;
  while (i < entries.length) {
    const e = entries[i] as A.BlockEntry;
    if (e.kind === "MapBlock") {
      out.push(...printMapBlock(e, level));
      i++;
      continue;
    }
    let j = i;
    while (j < entries.length && (entries[j] as A.BlockEntry).kind === "FieldAssignment") j++;
    const run = entries.slice(i, j) as A.FieldAssignment[];
    const width = Math.max(...run.map((f) => printKey(f.key).length));
    for (const f of run) out.push(`${pad}${printKey(f.key).padEnd(width)} = ${printExpr(f.value, 0, level)}`);
    i = j;
  }
  return out;
}

function printMapBlock(m: A.MapBlock, level: number): string[] {
  const pad = INDENT.repeat(level);
  const head = `${pad}${printKey(m.key)}`;
  if (m.entries.length === 0) return [`${head} {}`];
  const inline = `${head} { ${m.entries.map((f) => `${printKey(f.key)} = ${printExpression(f.value)}`).join(", ")} }`;
  if (inline.length <= WIDTH && !inline.includes("\n")) return [inline];
  return block(head, printEntries(m.entries, level + 1), pad);
}

/** Parameter declarations, with the types aligned after the longest `name?:`. */
function printParams(decls: readonly A.ParamDeclaration[], level: number): string[] {
  const pad = INDENT.repeat(level);
  const label = (d: A.ParamDeclaration): string => `${printKey(d.key)}${d.optional ? "?" : ""}`;
  const typed = decls.filter((d) => d.type !== undefined);
  const width = typed.length === 0 ? 0 : Math.max(...typed.map((d) => label(d).length + 1));
  return decls.map((d) => {
    let line = `${pad}${label(d)}`;
    if (d.type !== undefined) line = `${pad}${`${label(d)}:`.padEnd(width)} ${printTypeExpression(d.type)}`;
    if (d.default !== undefined) line += ` = ${printExpr(d.default, 0, level)}`;
    return line;
  });
}

function printKey(k: A.Key): string {
  return k.quoted || !IDENTIFIER.test(k.name) ? quote(k.name) : k.name;
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
  return printExpr(e, 0, -1);
}

/**
 * Prints `e` in a slot that needs at least precedence `min`. `level` is the indentation of
 * the line it is on; -1 keeps everything on one line.
 */
function printExpr(e: A.Expression, min: number, level: number): string {
  const text = printBare(e, level);
  return precedence(e) < min ? `(${text})` : text;
}

function printBare(e: A.Expression, level: number): string {
  switch (e.kind) {
    case "StringLiteral":
      return quote(e.value);
    case "TemplateString":
      return `"${e.parts.map((p) => (p.kind === "TemplateText" ? escape(p.value) : `\${${printExpr(p, 0, -1)}}`)).join("")}"`;
    case "NumberLiteral":
      return e.raw;
    case "BooleanLiteral":
      return String(e.value);
    case "NullLiteral":
      return "null";
    case "ListLiteral":
      return broken(
        e.elements.map((x) => printExpr(x, 0, -1)),
        e.elements.map((x) => printExpr(x, 0, level + 1)),
        "[",
        "]",
        level,
      );
    case "RecordLiteral":
      return broken(
        e.fields.map((f) => `${printKey(f.key)}: ${printExpr(f.value, 0, -1)}`),
        e.fields.map((f) => `${printKey(f.key)}: ${printExpr(f.value, 0, level + 1)}`),
        "{",
        "}",
        level,
      );
    case "NameExpression":
      return e.name.name;
    case "FieldAccess":
      return `${printExpr(e.object, 9, level)}.${e.field.name}`;
    case "IndexAccess":
      return `${printExpr(e.object, 9, level)}[${printExpr(e.index, 0, level)}]`;
    case "CallExpression":
      return `${e.callee.name}(${e.args.map((a) => printExpr(a, 0, level)).join(", ")})`;
    case "UnaryExpression":
      return e.operator === "not" ? `not ${printExpr(e.operand, 3, level)}` : `-${printExpr(e.operand, 8, level)}`;
    case "BinaryExpression": {
      const p = BINARY_PRECEDENCE[e.operator];
      // Comparisons do not chain: both sides must bind tighter.
      const leftMin = p === 4 ? 5 : p;
      return `${printExpr(e.left, leftMin, level)} ${e.operator} ${printExpr(e.right, p + 1, level)}`;
    }
    case "RangeExpression":
      return `${printExpr(e.start, 6, level)}..${printExpr(e.end, 6, level)}`;
    case "ConditionalExpression":
      return `if ${printExpr(e.condition, 1, level)} then ${printExpr(e.then, 1, level)} else ${printExpr(e.otherwise, 0, level)}`;
    case "ErrorExpression":
      return "<error>";
  }
}

/**
 * A list or record: `[a, b]` / `{ k: v }` when it fits, else one element per line with a
 * trailing comma. `level` -1 means it must stay on one line.
 */
function broken(inline: string[], nested: string[], open: string, close: string, level: number): string {
  if (inline.length === 0) return `${open}${close}`;
  const pad = open === "{" ? " " : "";
  const one = `${open}${pad}${inline.join(", ")}${pad}${close}`;
  if (level < 0 || INDENT.length * level + one.length <= WIDTH) return one;
  const inner = INDENT.repeat(level + 1);
  return `${open}\n${nested.map((x) => `${inner}${x},`).join("\n")}\n${INDENT.repeat(level)}${close}`;
}

/** A string literal with the language's escapes. */
function quote(s: string): string {
  return `"${escape(s)}"`;
}

function escape(s: string): string {
  return s.replace(/[\\"\n\t]|\$(?=\{)/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`));
}
