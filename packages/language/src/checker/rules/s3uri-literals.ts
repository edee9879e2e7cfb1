// Invariant: a literal where an `s3uri` is expected starts with `s3://` and a bucket name; for a
// template, its leading text must allow that (the rest is checked by value during expansion).
// Counterexample: `outputUri = "s3:/lab-results/out/"`.
// The grammar is the one of `@batchc/model` (`s3-uri.ts`), shared with every other route.
import { mayBeginS3Uri, s3UriProblem } from "@batchc/model";
import type { StringLiteral, TemplateString } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

/** Checks a plain literal. */
export function checkS3UriLiteral(ctx: CheckContext, e: StringLiteral): void {
  const why = s3UriProblem(e.value);
  if (why !== undefined) ctx.report(names.invalidS3Uri(e.value, why), e.span);
}

/** Checks the leading text of a template (nothing when it starts with `${...}`). */
export function checkS3UriTemplate(ctx: CheckContext, e: TemplateString): void {
  const first = e.parts[0];
  if (first === undefined || first.kind !== "TemplateText") return;
  if (mayBeginS3Uri(first.value)) return;
  const shown = e.parts.map((p) => (p.kind === "TemplateText" ? p.value : `\${${ctx.text(p.span)}}`)).join("");
  ctx.report(names.invalidS3Uri(shown), e.span);
}
