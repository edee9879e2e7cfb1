// Invariant: a string literal where a union of strings is expected is one of its members
// (a non-literal `string` value is accepted here and checked during expansion).
// Counterexample: `caller = "gatkk"` where `params { caller: "deepvariant" | "gatk" }`.
import type { Span } from "../../source.js";
import { names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { CheckContext } from "../context.js";
import { printType } from "../types.js";

/** Checks one literal against the union's values; true when it is a member. */
export function checkEnumLiteral(ctx: CheckContext, value: string, span: Span, values: readonly string[]): boolean {
  if (values.includes(value)) return true;
  const help = didYouMean(value, values, (s) => `\`${JSON.stringify(s)}\``);
  ctx.report(names.notEnumMember(value, printType({ kind: "enum", values }), help), span);
  return false;
}
