// Type expressions (AST) to semantic types: built-in names, aliases (declared anywhere, resolved
// lazily, cycles reported once), lists, records and string-literal unions.
import type { Identifier, TypeAlias, TypeExpression } from "../ast/nodes.js";
import type { Span } from "../source.js";
import { nameLabels, names } from "../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { CheckContext } from "./context.js";
import { reportAliasCycle } from "./rules/acyclic-aliases.js";
import { ANY, BOOL, ERROR, FLOAT, INT, S3URI, STRING, enumOf, listOf, type RecordFieldInfo, type Type } from "./types.js";

/** The built-in type names. */
export const BUILTIN_TYPES: ReadonlyMap<string, Type> = new Map([
  ["string", STRING],
  ["int", INT],
  ["float", FLOAT],
  ["bool", BOOL],
  ["s3uri", S3URI],
  ["any", ANY],
]);

/** Resolves type expressions against the program's aliases, recording `annotations` and `aliases`. */
export class TypeResolver {
  private readonly ctx: CheckContext;
  private readonly declarations: ReadonlyMap<string, TypeAlias>;
  private readonly state = new Map<string, "resolving" | "done">();
  private readonly stack: string[] = [];
  private readonly cyclic = new Set<string>();

  constructor(ctx: CheckContext, declarations: ReadonlyMap<string, TypeAlias>) {
    this.ctx = ctx;
    this.declarations = declarations;
  }

  /** Resolves every alias, in source order (so a cycle is reported at its first member). */
  resolveAll(): void {
    const ordered = [...this.declarations.values()].sort((a, b) => a.span.start - b.span.start);
    for (const d of ordered) this.resolveDependenciesFirst(d.name.name);
  }

  /** The aliases a declaration's type names, in order. */
  private dependencies(name: string): string[] {
    const decl = this.declarations.get(name);
    const out: string[] = [];
    const todo: TypeExpression[] = decl === undefined ? [] : [decl.type];
    for (let t = todo.pop(); t !== undefined; t = todo.pop()) {
      if (t.kind === "NamedType") {
        if (this.declarations.has(t.name.name)) out.push(t.name.name);
      } else if (t.kind === "ListType") todo.push(t.element);
      else if (t.kind === "RecordType") for (let i = t.fields.length - 1; i >= 0; i--) todo.push((t.fields[i] as { type: TypeExpression }).type);
      else if (t.kind === "UnionType") for (let i = t.members.length - 1; i >= 0; i--) todo.push(t.members[i] as TypeExpression);
    }
    return out;
  }

  /**
   * Resolves `root` after every alias it depends on, walking the dependencies with an explicit
   * stack, so each `resolveAlias` finds its aliases done: chains and cycles of any length are
   * resolved without deep recursion. A cycle is reported once, at the member reached first.
   */
  private resolveDependenciesFirst(root: string): void {
    if (this.state.has(root)) return;
    const onPath = new Map<string, number>();
    const path: { name: string; deps: string[]; next: number }[] = [];
    const enter = (name: string): void => {
      onPath.set(name, path.length);
      path.push({ name, deps: this.dependencies(name), next: 0 });
    };
    enter(root);
    while (path.length > 0) {
      const top = path[path.length - 1] as { name: string; deps: string[]; next: number };
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++] as string;
        if (this.state.has(dep)) continue;
        const at = onPath.get(dep);
        if (at === undefined) enter(dep);
        else {
          const members = path.slice(at).map((p) => p.name);
          if (!members.some((m) => this.cyclic.has(m))) {
            reportAliasCycle(this.ctx, members.map((m) => this.declarations.get(m)).filter((d): d is TypeAlias => d !== undefined));
          }
          for (const m of members) {
            this.cyclic.add(m);
            // Done (as an error) at once: the other members then resolve without recursing.
            this.state.set(m, "done");
            this.ctx.aliases.set(m, ERROR);
          }
        }
        continue;
      }
      path.pop();
      onPath.delete(top.name);
      if (this.cyclic.has(top.name)) this.resolve(this.declarations.get(top.name)?.type);
      else this.resolveAlias(top.name);
    }
  }

  /** The type an alias stands for (`error` for unknown or cyclic ones). */
  resolveAlias(name: string): Type {
    const state = this.state.get(name);
    if (state === "done") return this.ctx.aliases.get(name) ?? ERROR;
    const decl = this.declarations.get(name);
    if (decl === undefined) return ERROR;
    if (state === "resolving") {
      const from = this.stack.indexOf(name);
      const members = this.stack.slice(from);
      if (!members.some((m) => this.cyclic.has(m))) {
        reportAliasCycle(
          this.ctx,
          members.map((m) => this.declarations.get(m)).filter((d): d is TypeAlias => d !== undefined),
        );
      }
      for (const m of members) this.cyclic.add(m);
      return ERROR;
    }
    this.state.set(name, "resolving");
    this.stack.push(name);
    let t = this.resolve(decl.type);
    this.stack.pop();
    if (this.cyclic.has(name)) t = ERROR;
    else if (t.kind === "record" && t.name === undefined) t = { ...t, name };
    this.state.set(name, "done");
    this.ctx.aliases.set(name, t);
    return t;
  }

  /** Resolves a type expression (memoised per node, so each problem is reported once). */
  resolve(t: TypeExpression | undefined): Type {
    if (t === undefined) return ERROR;
    const known = this.ctx.annotations.get(t);
    if (known !== undefined) return known;
    const out = this.resolveUncached(t);
    this.ctx.annotations.set(t, out);
    return out;
  }

  private resolveUncached(t: TypeExpression): Type {
    switch (t.kind) {
      case "NamedType":
        return this.resolveName(t.name);
      case "ListType":
        return listOf(this.resolve(t.element));
      case "RecordType": {
        const fields = new Map<string, RecordFieldInfo>();
        const first = new Map<string, { span: Span }>();
        for (const f of t.fields) {
          const name = f.key.name;
          const type = this.resolve(f.type);
          if (name === "") continue;
          const prev = first.get(name);
          if (prev !== undefined) {
            this.ctx.report(names.duplicateRecordField(name), f.key.span, {
              labels: [{ span: prev.span, text: nameLabels.firstDeclared }],
            });
            continue;
          }
          first.set(name, f.key);
          fields.set(name, { type, optional: f.optional });
        }
        return { kind: "record", fields };
      }
      case "LiteralType":
        return enumOf([t.value]);
      case "UnionType": {
        const values: string[] = [];
        let failed = false;
        for (const m of t.members) {
          const r = this.resolve(m);
          if (r.kind === "enum") values.push(...r.values);
          else {
            if (r.kind !== "error") this.ctx.report(names.unionMember(), m.span);
            failed = true;
          }
        }
        return failed ? ERROR : enumOf(values);
      }
      case "ErrorType":
        return ERROR;
    }
  }

  private resolveName(id: Identifier): Type {
    const name = id.name;
    if (name === "") return ERROR;
    const builtin = BUILTIN_TYPES.get(name);
    if (builtin !== undefined) return builtin;
    if (this.declarations.has(name)) return this.resolveAlias(name);
    this.ctx.report(names.unknownType(name, didYouMean(name, [...BUILTIN_TYPES.keys(), ...this.declarations.keys()])), id.span);
    return ERROR;
  }
}
