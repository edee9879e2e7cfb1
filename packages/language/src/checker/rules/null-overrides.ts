// Warning: a run that sets to `null` a parameter, tag or field that `defaults` (or a declared
// parameter default) sets still gets the default: the API merges `defaultRunSetting.parameters`
// and `runTags` into every run and cannot remove a key (docs/language.md §8a). The value is
// flagged where it is written `null`, literally or as a branch of `if … then … else …`.
// Counterexample: `defaults { params { intervals = bed } }` and, in a run,
// `params { intervals = if wgs then null else bed }`.
import type { BlockEntry, DefaultsBlock, Expression, RunStatement } from "../../ast/nodes.js";
import { names } from "../../diagnostics/codes/names.js";
import type { DefaultKeys, ParamSchema } from "../checked-program.js";
import type { CheckContext } from "../context.js";

/**
 * The keys set by the `defaults` block and by declared parameter defaults: the one definition of
 * what a run's `null` inherits, for this warning, BC3048 (its run-time half) and whether a
 * required parameter may be `null` (the expander).
 */
export function defaultKeys(defaults: DefaultsBlock | undefined, schema: ParamSchema | undefined): DefaultKeys {
  const fields = new Set<string>();
  const params = new Set<string>();
  const tags = new Set<string>();
  for (const e of defaults?.entries ?? []) {
    if (e.kind === "FieldAssignment") fields.add(e.key.name);
    else if (e.key.name === "params" || e.key.name === "parameters") for (const p of e.entries) params.add(p.key.name);
    else if (e.key.name === "runTags") for (const t of e.entries) tags.add(t.key.name);
  }
  for (const p of schema?.params.values() ?? []) if (p.default !== undefined) params.add(p.name);
  return { fields, params, tags };
}

/**
 * True when the value is written `null`, or has a `null` branch: where this warning is given (the
 * expander does not warn again about such a value when it is `null` at run time).
 */
export function writtenNull(e: Expression): boolean {
  if (e.kind === "NullLiteral") return true;
  return e.kind === "ConditionalExpression" && (writtenNull(e.then) || writtenNull(e.otherwise));
}

/** Warns about each entry of a run that sets to `null` what the defaults set. */
export function checkNullOverrides(ctx: CheckContext, run: RunStatement, keys: DefaultKeys): void {
  const visit = (entries: readonly BlockEntry[]): void => {
    for (const e of entries) {
      if (e.kind === "FieldAssignment") {
        if (keys.fields.has(e.key.name) && writtenNull(e.value)) ctx.report(names.nullInheritsDefault(`field \`${e.key.name}\``), e.value.span);
        continue;
      }
      const isParams = e.key.name === "params" || e.key.name === "parameters";
      const set = isParams ? keys.params : e.key.name === "runTags" ? keys.tags : undefined;
      if (set === undefined) continue;
      for (const x of e.entries) {
        if (set.has(x.key.name) && writtenNull(x.value)) ctx.report(names.nullInheritsDefault(`${isParams ? "parameter" : "tag"} \`${x.key.name}\``), x.value.span);
      }
    }
  };
  visit(run.entries);
}
