// Reads the parameters for `params from "FILE.json"`: a HealthOmics workflow `parameterTemplate`
// (a JSON object `{ NAME: { "description"?: string, "optional"?: bool } }`), the whole output of
// `aws omics get-workflow` (its `parameterTemplate`), or a workflow's JSON Schema
// (`nextflow_schema.json`, see nextflow-schema.ts).
import { isJsonSchema, schemaParams } from "./nextflow-schema.js";
import type { TemplateParam, TemplateParse } from "./template-param.js";

export type { TemplateParam, TemplateParse, UncheckedPattern } from "./template-param.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses the text of a template file. */
export function parseParameterTemplate(text: string): TemplateParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  if (!isObject(data)) return { ok: false, reason: "expected a JSON object of parameters" };
  // the saved output of `aws omics get-workflow`
  if (isObject(data.parameterTemplate) && (typeof data.arn === "string" || typeof data.id === "string")) data = data.parameterTemplate;
  if (!isObject(data)) return { ok: false, reason: "expected a JSON object of parameters" };
  if (isJsonSchema(data)) return schemaParams(data);
  const params = new Map<string, TemplateParam>();
  for (const [name, entry] of Object.entries(data)) {
    if (!isObject(entry)) {
      const hint = name === "arn" || name === "id" ? " (for the output of `aws omics get-workflow`, keep its `parameterTemplate`)" : "";
      return { ok: false, reason: `\`${name}\` must be an object${hint}` };
    }
    const { description, optional } = entry;
    if (description !== undefined && typeof description !== "string") return { ok: false, reason: `\`${name}.description\` must be a string` };
    if (optional !== undefined && typeof optional !== "boolean") return { ok: false, reason: `\`${name}.optional\` must be true or false` };
    const p: TemplateParam = { optional: optional === true };
    if (description !== undefined) p.description = description;
    params.set(name, p);
  }
  return { ok: true, params };
}

/** A short reason for a failed read, without the host's path (`no such file`). */
export function readFailureReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/ENOENT/.test(msg)) return "no such file";
  if (/EISDIR/.test(msg)) return "it is a folder";
  if (/EACCES|EPERM/.test(msg)) return "permission denied";
  return msg;
}
