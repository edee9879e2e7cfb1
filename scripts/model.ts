// Generates `packages/model/src/model.generated.ts` from AWS's botocore model of HealthOmics
// (`packages/model/aws/`): the shapes a StartRunBatch request reaches, with their lengths,
// ranges, anchored patterns and enum values, and the fact table of the members a batch sets.
// `pnpm model` writes it; `packages/model/src/model.generated.test.ts` fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The committed AWS model file, relative to the repository. */
export const MODEL_FILE = "packages/model/aws/omics-batch.botocore-1.43.107.json";
/** The generated module, relative to the repository. */
export const GENERATED_FILE = "packages/model/src/model.generated.ts";
const SOURCE = "botocore 1.43.107, botocore/data/omics/2022-11-28/service-2.json (Apache-2.0)";

/**
 * How a run's value combines with the default's. The model has no trait for it; the API
 * reference says `parameters` and `runTags` are merged into each run's settings and that a run's
 * other members override the default's.
 */
const MERGED = new Set(["parameters", "runTags"]);

interface BotoMember {
  shape: string;
}
interface BotoShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, BotoMember>;
  member?: BotoMember;
  key?: BotoMember;
  value?: BotoMember;
  document?: boolean;
  union?: boolean;
}

const root = new URL("..", import.meta.url);

/** Whether a regular expression has a `|` outside brackets and groups. */
function hasTopLevelBar(p: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/** A botocore pattern (matched anywhere in the value) as one that must match the whole value. */
export function anchor(p: string): string {
  const body = p.startsWith("^") ? p.slice(1) : p;
  const inner = body.endsWith("$") && !body.endsWith("\\$") ? body.slice(0, -1) : body;
  return hasTopLevelBar(inner) ? `^(?:${inner})$` : `^${inner}$`;
}

const lit = (v: unknown): string => JSON.stringify(v);
const bounds = (s: BotoShape): string | undefined =>
  s.min === undefined && s.max === undefined
    ? undefined
    : `{ ${[s.min === undefined ? "" : `min: ${s.min}`, s.max === undefined ? "" : `max: ${s.max}`].filter(Boolean).join(", ")} }`;

/** The generated module's text for a botocore model's text. */
export function generateModelModule(text: string): string {
  const model = JSON.parse(text) as { shapes: Record<string, BotoShape> };
  const all = model.shapes;
  const get = (name: string): BotoShape => {
    const s = all[name];
    if (s === undefined) throw new Error(`the model has no shape ${name}`);
    return s;
  };
  // Every shape the request reaches, in the order a walk of it meets them.
  const order: string[] = [];
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    order.push(name);
    const s = get(name);
    if (s.document === true) return;
    for (const m of Object.values(s.members ?? {})) visit(m.shape);
    for (const m of [s.member, s.key, s.value]) if (m !== undefined) visit(m.shape);
  };
  visit("StartRunBatchRequest");
  const lines: string[] = [];
  for (const name of order) {
    const s = get(name);
    const parts: string[] = [];
    switch (s.type) {
      case "string": {
        parts.push(`type: "string"`);
        const b = bounds(s);
        if (b !== undefined) parts.push(`length: ${b}`);
        if (s.pattern !== undefined) parts.push(`pattern: ${lit(anchor(s.pattern))}`);
        if (s.enum !== undefined) parts.push(`enum: ${lit(s.enum)}`);
        break;
      }
      case "integer": {
        parts.push(`type: "integer"`);
        const b = bounds(s);
        if (b !== undefined) parts.push(`range: ${b}`);
        break;
      }
      case "structure": {
        if (s.document === true) {
          parts.push(`type: "document"`);
          break;
        }
        const required = new Set(s.required ?? []);
        parts.push(`type: ${s.union === true ? `"union"` : `"structure"`}`);
        const members = Object.entries(s.members ?? {}).map(
          ([m, spec]) => `      { name: ${lit(m)}, target: ${lit(spec.shape)}${required.has(m) ? ", required: true" : ""} },`,
        );
        parts.push(`members: [\n${members.join("\n")}\n    ]`);
        break;
      }
      case "list": {
        parts.push(`type: "list"`);
        const b = bounds(s);
        if (b !== undefined) parts.push(`length: ${b}`);
        parts.push(`member: ${lit(s.member!.shape)}`);
        break;
      }
      case "map": {
        parts.push(`type: "map"`);
        const b = bounds(s);
        if (b !== undefined) parts.push(`length: ${b}`);
        parts.push(`key: ${lit(s.key!.shape)}`, `value: ${lit(s.value!.shape)}`);
        break;
      }
      default:
        throw new Error(`shape ${name}: type ${s.type} is not supported by the generator`);
    }
    lines.push(`  ${name}: { ${parts.join(", ")} },`);
  }
  const kind = (target: string): string => {
    const s = get(target);
    if (s.type === "string") return s.enum === undefined ? "string" : "enum";
    if (s.type === "integer") return "integer";
    if (s.type === "map") return "map";
    if (s.type === "structure" && s.document === true) return "document";
    throw new Error(`no field kind for shape ${target} (${s.type})`);
  };
  const request = get("StartRunBatchRequest");
  const defaults = get("DefaultRunSetting");
  const inline = get("InlineSetting");
  const fact = (name: string, target: string, required: boolean, perRun: boolean): string =>
    `  { name: ${lit(name)}, target: ${lit(target)}, kind: ${lit(kind(target))}, required: ${required}, perRun: ${perRun}, merge: ${lit(MERGED.has(name) ? "merge" : "replace")} },`;
  const requestFacts = Object.entries(request.members ?? {})
    .filter(([, m]) => { const s = get(m.shape); return !(s.type === "structure" && s.document !== true); })
    .map(([n, m]) => fact(n, m.shape, (request.required ?? []).includes(n), false));
  const inlineMembers = inline.members ?? {};
  for (const [n, m] of Object.entries(inlineMembers)) {
    if (n === "runSettingId") continue;
    const d = defaults.members?.[n];
    if (d === undefined) throw new Error(`InlineSetting.${n} is not a member of DefaultRunSetting`);
    if (d.shape !== m.shape && kind(d.shape) !== kind(m.shape)) throw new Error(`InlineSetting.${n} and DefaultRunSetting.${n} differ in kind`);
  }
  const runFacts = Object.entries(defaults.members ?? {}).map(([n, m]) =>
    fact(n, m.shape, (defaults.required ?? []).includes(n), Object.prototype.hasOwnProperty.call(inlineMembers, n)),
  );
  // A run's members are written with its values first, then its records, each in model order.
  const isRecord = (target: string): boolean => ["map", "document"].includes(kind(target));
  const inlineOrder = Object.entries(inlineMembers)
    .map(([n, m], i) => ({ n, i, late: n !== "runSettingId" && isRecord(m.shape) }))
    .sort((a, b) => Number(a.late) - Number(b.late) || a.i - b.i)
    .map((x) => x.n);
  return `// Generated by \`pnpm model\` (scripts/model.ts) from aws/${MODEL_FILE.split("/").pop()}: do not edit.
// The shapes a StartRunBatch request reaches, and the members a batch sets.
import type { FieldFact, ShapeSpec } from "./spec.js";

/** Where the model comes from. */
export const MODEL_SOURCE = ${lit(SOURCE)};

/** Every shape the request reaches, by its model name, in the order a walk of the request meets them. */
export const shapes = {
${lines.join("\n")}
} as const satisfies Record<string, ShapeSpec>;

/** The members of the request itself that are values (\`batchName\`, \`requestId\`, \`tags\`), in output order. */
export const requestFields = [
${requestFacts.join("\n")}
] as const satisfies readonly FieldFact[];

/** The members of \`DefaultRunSetting\`, in output order; \`perRun\` when \`InlineSetting\` has them too. */
export const runSettingFields = [
${runFacts.join("\n")}
] as const satisfies readonly FieldFact[];

/** The order a run's members are written in (\`InlineSetting\`'s values, then its records). */
export const inlineOutputOrder = ${lit(inlineOrder)} as const;
`;
}

/** The generated module's text from the committed model file. */
export function generatedText(): string {
  return generateModelModule(readFileSync(new URL(MODEL_FILE, root), "utf8"));
}

/** The committed generated module's text ("" when there is none). */
export function committedText(): string {
  try {
    return readFileSync(new URL(GENERATED_FILE, root), "utf8");
  } catch {
    return "";
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const text = generatedText();
  if (committedText() === text) console.log(`${GENERATED_FILE} is up to date`);
  else {
    writeFileSync(new URL(GENERATED_FILE, root), text);
    console.log(`wrote ${GENERATED_FILE}`);
  }
}
