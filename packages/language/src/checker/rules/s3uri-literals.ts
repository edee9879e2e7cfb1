// Invariant: a literal where an `s3uri` is expected starts with `s3://` and a bucket name; for a
// template, its leading text must allow that (the rest is checked by value during expansion).
// Counterexample: `outputUri = "s3:/lab-results/out/"`.
import type { StringLiteral, TemplateString } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { CheckContext } from "../context.js";

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const BUCKET_START = /^([a-z0-9][a-z0-9.-]*)?$/;

/** Whether a whole string is an S3 URI: `s3://` + a bucket name (3-63 of `a-z 0-9 . -`) + optional `/path`. */
export function isS3Uri(s: string): boolean {
  if (!s.startsWith("s3://")) return false;
  const rest = s.slice(5);
  const slash = rest.indexOf("/");
  return BUCKET.test(slash < 0 ? rest : rest.slice(0, slash));
}

/** Whether a template whose static prefix is `prefix` can still produce an S3 URI. */
export function isS3UriPrefix(prefix: string): boolean {
  if (!prefix.startsWith("s3://")) return "s3://".startsWith(prefix);
  const rest = prefix.slice(5);
  const slash = rest.indexOf("/");
  return slash < 0 ? BUCKET_START.test(rest) : BUCKET.test(rest.slice(0, slash));
}

/** Checks a plain literal. */
export function checkS3UriLiteral(ctx: CheckContext, e: StringLiteral): void {
  if (!isS3Uri(e.value)) ctx.report(names.invalidS3Uri(e.value), e.span);
}

/** Checks the leading text of a template (nothing when it starts with `${...}`). */
export function checkS3UriTemplate(ctx: CheckContext, e: TemplateString): void {
  const first = e.parts[0];
  if (first === undefined || first.kind !== "TemplateText") return;
  if (isS3UriPrefix(first.value)) return;
  const shown = e.parts.map((p) => (p.kind === "TemplateText" ? p.value : `\${${ctx.text(p.span)}}`)).join("");
  ctx.report(names.invalidS3Uri(shown), e.span);
}
