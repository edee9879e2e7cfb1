// Invariant: each type alias name is declared once and is not a built-in type name.
// Counterexample: `type Row = { id: string }` followed by `type Row = [string]`.
import type { Program, Statement, TypeAlias } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";
import { BUILTIN_TYPES } from "../resolve-type.js";

/**
 * Collects the program's type aliases by name (the first of each name), reporting duplicates
 * and built-in names. Aliases in nested blocks are collected too (they are reported by
 * `top-level-only`), so their uses do not cascade into unknown-type errors. Also returns the
 * aliases that were not registered (their bodies are still resolved, for their own errors).
 */
export function collectTypeAliases(ctx: CheckContext, program: Program): { declared: Map<string, TypeAlias>; rejected: TypeAlias[] } {
  const declared = new Map<string, TypeAlias>();
  const rejected: TypeAlias[] = [];
  const visit = (statements: readonly Statement[]): void => {
    for (const s of statements) {
      if (s.kind === "TypeAlias") {
        const name = s.name.name;
        if (name === "") rejected.push(s);
        else if (BUILTIN_TYPES.has(name)) {
          ctx.report(names.builtinTypeName(name), s.name.span);
          rejected.push(s);
        } else {
          const first = declared.get(name);
          if (first !== undefined) {
            ctx.report(names.duplicateAlias(name), s.name.span, { labels: [{ span: first.name.span, text: nameLabels.firstDeclared }] });
            rejected.push(s);
          } else declared.set(name, s);
        }
      } else if (s.kind === "ForStatement") visit(s.body);
      else if (s.kind === "IfStatement") {
        visit(s.then);
        if (s.otherwise) visit(s.otherwise);
      }
    }
  };
  visit(program.statements);
  return { declared, rejected };
}
