// Invariant: each workflow parameter is declared once, with a type (which may be omitted only
// after `params from`), and, after `params from "t.json"`, only for names in the template,
// which must be readable and well-formed.
// Counterexample: `params from "wf.json" { theads: int }` where the template has `threads`.
import { similarFile } from "../../similar-file.js";
import * as path from "node:path";
import type { ParamDeclaration, ParamsBlock } from "../../ast/nodes.js";
import { nameLabels, names } from "../../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import type { ParamInfo, ParamSchema } from "../checked-program.js";
import type { CheckContext } from "../context.js";
import { parseParameterTemplate, readFailureReason, type TemplateParam } from "../param-template.js";
import type { TypeResolver } from "../resolve-type.js";
import { ANY, ERROR } from "../types.js";

function loadTemplate(ctx: CheckContext, block: ParamsBlock): Map<string, TemplateParam> | undefined {
  const from = block.from;
  if (from === undefined) return undefined;
  let text: string;
  const abs = path.join(ctx.baseDir, from.value);
  try {
    text = ctx.host.readFile(abs);
  } catch (err) {
    const reason = readFailureReason(err);
    ctx.report(names.templateUnreadable(from.value, reason, reason === "no such file" ? similarFile(ctx.host, abs, from.value) : undefined), from.span);
    return undefined;
  }
  const parsed = parseParameterTemplate(text);
  if (!parsed.ok) {
    ctx.report(names.templateInvalid(from.value, parsed.reason), from.span);
    return undefined;
  }
  for (const u of parsed.unchecked ?? []) ctx.report(names.patternNotChecked(u.name, from.value, u.pattern, u.reason), from.span);
  return parsed.params;
}

/**
 * Builds the closed parameter schema of the program's `params` statement. Returns undefined
 * (parameters unchecked, no cascades) when its template cannot be used.
 */
export function buildParamSchema(ctx: CheckContext, types: TypeResolver, block: ParamsBlock): ParamSchema | undefined {
  const template = loadTemplate(ctx, block);
  if (block.from !== undefined && template === undefined) {
    for (const d of block.declarations) types.resolve(d.type);
    return undefined;
  }
  const params = new Map<string, ParamInfo>();
  if (template !== undefined && block.from !== undefined) {
    for (const [name, t] of template) {
      const info: ParamInfo = { name, type: t.type ?? ANY, optional: t.optional, default: undefined, span: block.from.span, declaration: undefined };
      if (t.description !== undefined) info.description = t.description;
      if (t.pattern !== undefined) info.pattern = t.pattern;
      if (t.path === true) info.path = true;
      params.set(name, info);
    }
  }
  const seen = new Map<string, ParamDeclaration>();
  for (const d of block.declarations) {
    const name = d.key.name;
    const type = d.type === undefined ? (template !== undefined ? (template.get(name)?.type ?? ANY) : ERROR) : types.resolve(d.type);
    if (name === "") continue;
    if (d.type === undefined && template === undefined) ctx.report(names.missingParamType(name), d.key.span);
    const prev = seen.get(name);
    if (prev !== undefined) {
      ctx.report(names.duplicateParam(name), d.key.span, { labels: [{ span: prev.key.span, text: nameLabels.firstDeclared }] });
      continue;
    }
    seen.set(name, d);
    if (template !== undefined && block.from !== undefined && !template.has(name)) {
      ctx.report(names.notInTemplate(name, block.from.value, didYouMean(name, template.keys())), d.key.span);
      continue;
    }
    const base = params.get(name);
    const info: ParamInfo = {
      name,
      type,
      optional: d.optional || (base?.optional ?? false),
      default: d.default,
      span: d.span,
      declaration: d,
    };
    if (base?.description !== undefined) info.description = base.description;
    if (base?.pattern !== undefined) info.pattern = base.pattern;
    if (base?.path === true) info.path = true;
    params.set(name, info);
  }
  const schema: ParamSchema = { params };
  if (block.from !== undefined) schema.template = block.from.value;
  return schema;
}
