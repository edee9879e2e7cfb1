// Reads the parameters of a workflow's JSON Schema for `params from "nextflow_schema.json"`
// (docs/language.md §7b): nf-core / nf-schema files, draft-07 `definitions` or 2020-12 `$defs`
// groups (joined by `allOf`) and top-level `properties`. Each property becomes a typed
// declaration; a schema `default` makes it optional and is never emitted.
import { ANY, BOOL, FLOAT, INT, STRING, enumOf, type Type } from "./types.js";
import type { TemplateParam, TemplateParse, UncheckedPattern } from "./template-param.js";
import { compileSchemaPattern } from "./schema-pattern.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** True when a JSON object looks like a JSON Schema rather than a HealthOmics template. */
export function isJsonSchema(data: Record<string, unknown>): boolean {
  return "$schema" in data || isObject(data.definitions) || isObject(data.$defs) || (isObject(data.properties) && data.type === "object");
}

/** The language type of one schema property. */
function typeOf(spec: Record<string, unknown>): Type {
  if (spec.anyOf !== undefined || spec.oneOf !== undefined || Array.isArray(spec.type)) return ANY;
  switch (spec.type) {
    case "string": {
      const e = spec.enum;
      if (Array.isArray(e)) return e.length > 0 && e.every((x) => typeof x === "string") ? enumOf(e as string[]) : ANY;
      return STRING;
    }
    case "integer":
      return Array.isArray(spec.enum) ? ANY : INT;
    case "number":
      return Array.isArray(spec.enum) ? ANY : FLOAT;
    case "boolean":
      return BOOL;
    default:
      return ANY;
  }
}

/** A string parameter's pattern: kept when RE2 can match it (schema-pattern.ts), else why not. */
function patternOf(spec: Record<string, unknown>): { pattern: string } | { skipped: string; reason: string } | undefined {
  if (spec.type !== "string" || typeof spec.pattern !== "string") return undefined;
  const compiled = compileSchemaPattern(spec.pattern);
  return compiled.ok ? { pattern: spec.pattern } : { skipped: spec.pattern, reason: compiled.reason };
}

/** The parameters of a schema, in the order of its groups and properties. */
export function schemaParams(data: Record<string, unknown>): TemplateParse {
  const groups: Record<string, unknown>[] = [];
  const defs = isObject(data.definitions) ? data.definitions : isObject(data.$defs) ? data.$defs : {};
  const used = new Set<string>();
  for (const part of Array.isArray(data.allOf) ? data.allOf : []) {
    if (!isObject(part)) continue;
    const ref = typeof part.$ref === "string" ? /^#\/(?:definitions|\$defs)\/(.+)$/.exec(part.$ref)?.[1] : undefined;
    if (ref !== undefined) {
      const g = defs[ref];
      if (!isObject(g)) return { ok: false, reason: `\`${part.$ref as string}\` names no group of the schema` };
      groups.push(g);
      used.add(ref);
    } else groups.push(part);
  }
  for (const [name, g] of Object.entries(defs)) if (!used.has(name) && isObject(g)) groups.push(g);
  groups.push(data);
  const params = new Map<string, TemplateParam>();
  const unchecked: UncheckedPattern[] = [];
  for (const g of groups) {
    if (!isObject(g.properties)) continue;
    const required = new Set(Array.isArray(g.required) ? g.required.filter((x): x is string => typeof x === "string") : []);
    for (const [name, spec] of Object.entries(g.properties)) {
      if (!isObject(spec) || params.has(name)) continue;
      const p: TemplateParam = { optional: !required.has(name) || "default" in spec, type: typeOf(spec) };
      const pattern = patternOf(spec);
      if (pattern !== undefined && "pattern" in pattern) p.pattern = pattern.pattern;
      else if (pattern !== undefined) unchecked.push({ name, pattern: pattern.skipped, reason: pattern.reason });
      if (spec.format === "file-path") p.path = true;
      params.set(name, p);
    }
  }
  return { ok: true, params, unchecked };
}
