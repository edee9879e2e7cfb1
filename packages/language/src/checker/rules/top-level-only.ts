// Invariant: `batch`, `defaults`, `params` and `type` statements appear only at the top level.
// Counterexample: `for s in samples { defaults { workflowId = s.wf } }`.
import type { Program, Statement } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

/** Reports every such statement nested in a `for` or `if` body. */
export function checkTopLevelOnly(ctx: CheckContext, program: Program): void {
  const visit = (statements: readonly Statement[], nested: boolean): void => {
    for (const s of statements) {
      switch (s.kind) {
        case "BatchBlock":
          if (nested) ctx.report(names.notTopLevel("batch"), s.keyword);
          break;
        case "DefaultsBlock":
          if (nested) ctx.report(names.notTopLevel("defaults"), s.keyword);
          break;
        case "ParamsBlock":
          if (nested) ctx.report(names.notTopLevel("params"), s.keyword);
          break;
        case "TypeAlias":
          // the node has no keyword span: `type` is the first four characters of the statement
          if (nested) ctx.report(names.notTopLevel("type"), { start: s.span.start, end: s.span.start + 4 });
          break;
        case "ForStatement":
          visit(s.body, true);
          break;
        case "IfStatement":
          visit(s.then, true);
          if (s.otherwise) visit(s.otherwise, true);
          break;
        default:
          break;
      }
    }
  };
  visit(program.statements, false);
}
