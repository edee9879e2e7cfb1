// The sandbox's configuration file (`--config FILE`, JSON): the workflows its GetWorkflow and
// GetWorkflowVersion know and StartRunBatch accepts. Without one, the sandbox knows workflow
// 1234567, the id the bundled examples use.
//
//   { "workflows": { "1234567": { "name": "germline",
//       "parameterTemplate": { "sample_id": { "description": "sample", "optional": false } },
//       "versions": { "v2": { "parameterTemplate": { … } } } } } }
import { readFileSync } from "node:fs";
import type { WorkflowParameter, WorkflowSpec } from "./records.js";

/** What the configuration file holds. */
export interface SandboxConfig {
  workflows: Record<string, WorkflowSpec>;
}

/** The configuration without a file. */
export const DEFAULT_CONFIG: SandboxConfig = { workflows: { "1234567": { name: "example-workflow" } } };

/** Why a configuration file cannot be used (the message names the place). */
export class ConfigError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function template(value: unknown, at: string): Record<string, WorkflowParameter> {
  if (!isObject(value)) throw new ConfigError(`${at} must be an object of parameters`);
  for (const [name, p] of Object.entries(value)) {
    if (!isObject(p)) throw new ConfigError(`${at}.${name} must be an object ({ "description": …, "optional": … })`);
    if (p.description !== undefined && typeof p.description !== "string") throw new ConfigError(`${at}.${name}.description must be a string`);
    if (p.optional !== undefined && typeof p.optional !== "boolean") throw new ConfigError(`${at}.${name}.optional must be true or false`);
    const unknown = Object.keys(p).find((k) => k !== "description" && k !== "optional");
    if (unknown !== undefined) throw new ConfigError(`${at}.${name} has an unknown member \`${unknown}\``);
  }
  return value as Record<string, WorkflowParameter>;
}

/** Checks a parsed configuration. */
export function parseConfig(value: unknown): SandboxConfig {
  if (!isObject(value) || !isObject(value.workflows)) throw new ConfigError('the configuration must be an object with `workflows`: { "workflows": { "1234567": {} } }');
  const unknown = Object.keys(value).find((k) => k !== "workflows");
  if (unknown !== undefined) throw new ConfigError(`unknown member \`${unknown}\` (the configuration has only \`workflows\`)`);
  const workflows: Record<string, WorkflowSpec> = {};
  for (const [id, w] of Object.entries(value.workflows)) {
    const at = `workflows.${id}`;
    if (!/^[0-9]{1,18}$/.test(id)) throw new ConfigError(`${at}: a workflow id is 1 to 18 digits`);
    if (!isObject(w)) throw new ConfigError(`${at} must be an object`);
    const spec: WorkflowSpec = {};
    for (const k of Object.keys(w)) if (!["name", "parameterTemplate", "versions"].includes(k)) throw new ConfigError(`${at} has an unknown member \`${k}\``);
    if (w.name !== undefined) {
      if (typeof w.name !== "string") throw new ConfigError(`${at}.name must be a string`);
      spec.name = w.name;
    }
    if (w.parameterTemplate !== undefined) spec.parameterTemplate = template(w.parameterTemplate, `${at}.parameterTemplate`);
    if (w.versions !== undefined) {
      if (!isObject(w.versions)) throw new ConfigError(`${at}.versions must be an object of versions`);
      spec.versions = {};
      for (const [name, v] of Object.entries(w.versions)) {
        if (!isObject(v)) throw new ConfigError(`${at}.versions.${name} must be an object`);
        spec.versions[name] = v.parameterTemplate === undefined ? {} : { parameterTemplate: template(v.parameterTemplate, `${at}.versions.${name}.parameterTemplate`) };
      }
    }
    workflows[id] = spec;
  }
  return { workflows };
}

/** Reads and checks a configuration file. */
export function readConfig(file: string): SandboxConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf-8");
  } catch (err) {
    throw new ConfigError(`cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`not valid JSON: ${(err as Error).message}`);
  }
  return parseConfig(value);
}
