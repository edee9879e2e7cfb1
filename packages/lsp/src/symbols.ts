// The names of one program and where they are used: `let`s, loop variables, `type` aliases
// and declared parameters, each with its declaration, the range of text that sees it, and
// every reference (the declaration included). Built from the AST alone, so it works on
// the recovered tree of a file with syntax errors too.
import type { Expression, Identifier, Key, Node, Program, Span, Statement, TypeExpression, BlockEntry } from "@batchc/language";
import { forEachChild } from "@batchc/language";

export type SymbolKind = "let" | "loop" | "alias" | "param";

export interface Definition {
  kind: SymbolKind;
  name: string;
  /** The name at its declaration. */
  span: Span;
  /** The statement that declares it (the `for` for a loop variable). */
  node: Node;
  /** The text that sees it: `[start, end)`. */
  visible: Span;
  /** Every use, the declaration first. */
  references: Span[];
}

export class SymbolTable {
  readonly definitions: Definition[] = [];

  /** The definition whose declaration or a use covers `offset`. */
  at(offset: number): Definition | undefined {
    for (const d of this.definitions) if (d.references.some((r) => r.start <= offset && offset <= r.end)) return d;
    return undefined;
  }

  /** The value names (`let`s and loop variables) visible at `offset`, innermost first. */
  visibleAt(offset: number): Definition[] {
    const seen = new Set<string>();
    const out: Definition[] = [];
    const candidates = this.definitions
      .filter((d) => (d.kind === "let" || d.kind === "loop") && d.visible.start <= offset && offset <= d.visible.end)
      .sort((a, b) => b.visible.start - a.visible.start);
    for (const d of candidates) {
      if (seen.has(d.name)) continue;
      seen.add(d.name);
      out.push(d);
    }
    return out;
  }

  aliases(): Definition[] {
    return this.definitions.filter((d) => d.kind === "alias");
  }

  params(): Definition[] {
    return this.definitions.filter((d) => d.kind === "param");
  }
}

/** Resolves every name of `program`. */
export function buildSymbols(program: Program, textLength: number): SymbolTable {
  return new Resolver(textLength).resolve(program);
}

/** Walks a program once, defining each name and recording each reference to it. */
class Resolver {
  readonly table = new SymbolTable();
  private readonly aliases = new Map<string, Definition>();
  private readonly params = new Map<string, Definition>();
  private readonly values: Definition[] = [];

  constructor(private readonly textLength: number) {}

  resolve(program: Program): SymbolTable {
    const textLength = this.textLength;
    // Aliases and parameters are seen everywhere: declare them first.
    for (const s of program.statements) {
      if (s.kind === "TypeAlias" && s.name.name !== "") {
        const d = define(this.table, "alias", s.name, s, { start: 0, end: textLength });
        this.aliases.set(d.name, d);
      } else if (s.kind === "ParamsBlock") {
        for (const decl of s.declarations) {
          if (decl.key.name === "") continue;
          const d = define(this.table, "param", decl.key, decl, { start: 0, end: textLength });
          this.params.set(d.name, d);
        }
      }
    }

    this.block(program.statements, textLength);
    return this.table;
  }

  private lookup(name: Identifier): void {
    let best: Definition | undefined;
    for (const d of this.values) {
      if (d.name === name.name && d.visible.start <= name.span.start && name.span.end <= d.visible.end && (!best || d.visible.start > best.visible.start)) best = d;
    }
    best?.references.push(name.span);
  }
  private expression(e: Node): void {
    if (e.kind === "NameExpression") {
      this.lookup(e.name);
      return;
    }
    if (e.kind === "NamedType") {
      this.aliases.get(e.name.name)?.references.push(e.name.span);
      return;
    }
    if (e.kind === "ListComprehension") {
      // Its variables are seen inside the brackets only.
      for (const src of e.sources) {
        this.expression(src.iterable);
        for (const n of src.names) if (n.name !== "") this.values.push(define(this.table, "loop", n, e, { start: n.span.end, end: e.span.end }));
      }
      if (e.where) this.expression(e.where);
      this.expression(e.element);
      return;
    }
    forEachChild(e, (c) => this.expression(c));
  }
  private type(t: TypeExpression | undefined): void {
    if (t) this.expression(t);
  }
  private entries(list: readonly BlockEntry[]): void {
    for (const e of list) {
      if (e.kind === "FieldAssignment") {
        this.expression(e.value);
        continue;
      }
      for (const f of e.entries) {
        if (e.key.name === "params") this.params.get(f.key.name)?.references.push(keySpan(f.key));
        this.expression(f.value);
      }
    }
  }
  private block(statements: readonly Statement[], end: number): void {
    for (const s of statements) {
      switch (s.kind) {
        case "LetStatement": {
          this.type(s.type);
          this.expression(s.value);
          if (s.name.name !== "") this.values.push(define(this.table, "let", s.name, s, { start: s.span.end, end }));
          break;
        }
        case "TypeAlias":
          this.type(s.type);
          break;
        case "ParamsBlock":
          for (const d of s.declarations) {
            this.type(d.type);
            if (d.default) this.expression(d.default);
          }
          break;
        case "ForStatement":
          for (const src of s.sources) {
            this.expression(src.iterable);
            for (const n of src.names) if (n.name !== "") this.values.push(define(this.table, "loop", n, s, { start: n.span.end, end: s.span.end }));
          }
          if (s.where) this.expression(s.where);
          this.block(s.body, s.span.end);
          break;
        case "IfStatement":
          this.expression(s.condition);
          this.block(s.then, s.span.end);
          if (s.otherwise) this.block(s.otherwise, s.span.end);
          break;
        case "RunStatement":
          this.expression(s.id);
          this.entries(s.entries);
          break;
        case "BatchBlock":
          if (s.name) this.expression(s.name);
          this.entries(s.entries);
          break;
        case "DefaultsBlock":
          this.entries(s.entries);
          break;
      }
    }
  }
}

function define(table: SymbolTable, kind: SymbolKind, name: Identifier | Key, node: Node, visible: Span): Definition {
  const span = name.kind === "Key" ? keySpan(name) : name.span;
  const d: Definition = { kind, name: name.name, span, node, visible, references: [span] };
  table.definitions.push(d);
  return d;
}

/** A key's name without its quotes. */
function keySpan(k: Key): Span {
  return k.quoted ? { start: k.span.start + 1, end: k.span.end - 1 } : k.span;
}

/** The innermost expression of `root` that covers `offset` (for hover). */
export function expressionAt(root: Node, offset: number): Expression | undefined {
  let found: Expression | undefined;
  const visit = (n: Node): void => {
    if (n.span.start > offset || offset > n.span.end) return;
    if (isExpression(n)) found = n;
    forEachChild(n, visit);
  };
  visit(root);
  return found;
}

/** The outermost expression of `root` with exactly `span` (the `s.a` before a `.`). */
export function expressionWithSpan(root: Node, span: Span): Expression | undefined {
  let found: Expression | undefined;
  const visit = (n: Node): void => {
    if (found !== undefined || n.span.start > span.start || n.span.end < span.end) return;
    if (isExpression(n) && n.span.start === span.start && n.span.end === span.end) {
      found = n;
      return;
    }
    forEachChild(n, visit);
  };
  visit(root);
  return found;
}

const EXPRESSION_KINDS = new Set([
  "StringLiteral", "TemplateString", "NumberLiteral", "BooleanLiteral", "NullLiteral", "ListLiteral", "ListComprehension", "RecordLiteral", "NameExpression",
  "FieldAccess", "IndexAccess", "CallExpression", "UnaryExpression", "BinaryExpression", "RangeExpression", "ConditionalExpression",
]);

export function isExpression(n: Node): n is Expression {
  return EXPRESSION_KINDS.has(n.kind);
}
