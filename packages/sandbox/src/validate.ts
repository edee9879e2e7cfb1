// Request validation for the sandbox's HealthOmics endpoint, with its OWN reading of AWS's model
// file (the botocore JSON committed in packages/model/aws), not the product's validators, so it checks
// the product instead of agreeing with it. Everything a service checks is checked: required
// members, unknown members, types, lengths in code points, integer ranges, enum values, unions
// with exactly one member, and patterns matched against the WHOLE value (botocore's patterns are
// unanchored, and botocore's own validator checks neither patterns, enums, ranges nor maximum
// lengths). A failure becomes the text of a `ValidationException`, in the service's
// "N validation errors detected: Value '…' at '…' failed to satisfy constraint: …" form.
import awsModel from "@batchc/model/aws/omics-batch.botocore-1.43.107.json" with { type: "json" };

/** The outcome of a validation: ok, or the summary a `ValidationException` carries. */
export type Validation = { ok: true } | { ok: false; message: string };

interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  document?: boolean;
}

const model = awsModel as unknown as { shapes: Record<string, BotocoreShape> };
const patterns = new Map<string, RegExp>();

/** The whole-value regular expression of a model pattern (Java syntax; the `u` flag reads `\p{L}`). */
function whole(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, re);
  }
  return re;
}

/** One broken constraint, as the service words it. */
interface Problem {
  path: string;
  value: unknown;
  constraint: string;
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

const codePoints = (s: string): number => [...s].length;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function check(shapeName: string, value: unknown, path: string, out: Problem[]): void {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`the model has no shape ${shapeName}`);
  const bad = (constraint: string): void => void out.push({ path, value, constraint });
  if (shape.document) return; // any JSON value
  switch (shape.type) {
    case "string": {
      if (typeof value !== "string") return bad("Member must be a string");
      const n = codePoints(value);
      if (shape.min !== undefined && n < shape.min) bad(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && n > shape.max) bad(`Member must have length less than or equal to ${shape.max}`);
      if (shape.enum && !shape.enum.includes(value)) bad(`Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
      if (shape.pattern !== undefined && !whole(shape.pattern).test(value)) bad(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      return;
    }
    case "integer":
    case "long": {
      if (typeof value !== "number" || !Number.isInteger(value)) return bad("Member must be an integer");
      if (shape.min !== undefined && value < shape.min) bad(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) bad(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") bad("Member must be a boolean");
      return;
    case "timestamp":
      if (typeof value !== "string" && typeof value !== "number") bad("Member must be a timestamp");
      return;
    case "list": {
      if (!Array.isArray(value)) return bad("Member must be a list");
      if (shape.min !== undefined && value.length < shape.min) bad(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) bad(`Member must have length less than or equal to ${shape.max}`);
      value.forEach((item, i) => check(shape.member!.shape, item, `${path}.${i + 1}.member`, out));
      return;
    }
    case "map": {
      if (!isObject(value)) return bad("Member must be a map");
      const keys = Object.keys(value);
      if (shape.min !== undefined && keys.length < shape.min) bad(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && keys.length > shape.max) bad(`Member must have length less than or equal to ${shape.max}`);
      for (const k of keys) {
        check(shape.key!.shape, k, `${path}.key`, out);
        check(shape.value!.shape, value[k], `${path}.${k}`, out);
      }
      return;
    }
    case "structure": {
      if (!isObject(value)) return bad("Member must be a structure");
      const members = shape.members ?? {};
      const at = (name: string): string => (path === "" ? name : `${path}.${name}`);
      for (const name of Object.keys(value)) {
        if (!Object.hasOwn(members, name)) out.push({ path: at(name), value: value[name], constraint: "Member is not part of the model" });
      }
      const set = Object.keys(members).filter((name) => value[name] !== undefined && value[name] !== null);
      if (shape.union && set.length !== 1) {
        out.push({ path, value, constraint: `Member must set exactly one of [${Object.keys(members).join(", ")}]` });
      }
      for (const name of shape.required ?? []) {
        if (value[name] === undefined || value[name] === null) out.push({ path: at(name), value: null, constraint: "Member must not be null" });
      }
      for (const name of set) check(members[name]!.shape, value[name], at(name), out);
      return;
    }
    default:
      throw new Error(`the sandbox does not know the shape type ${shape.type}`);
  }
}

function summarize(problems: Problem[]): Validation {
  if (problems.length === 0) return { ok: true };
  const parts = problems.map((p) =>
    p.value === null ? `Value null at '${p.path}' failed to satisfy constraint: ${p.constraint}` : `Value '${shown(p.value)}' at '${p.path}' failed to satisfy constraint: ${p.constraint}`,
  );
  return { ok: false, message: `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${parts.join("; ")}` };
}

/** Validates a `StartRunBatch` request body against the model's `StartRunBatchRequest`. */
export function validateStartRunBatch(body: unknown): Validation {
  const problems: Problem[] = [];
  check("StartRunBatchRequest", body, "", problems);
  return summarize(problems);
}

/** Validates the entries of an `s3UriSettings` file: a list of `InlineSetting`s. */
export function validateInlineSettings(entries: unknown): Validation {
  if (!Array.isArray(entries)) return summarize([{ path: "(file)", value: entries, constraint: "Member must be a list" }]);
  const problems: Problem[] = [];
  entries.forEach((entry, i) => check("InlineSetting", entry, `${i + 1}`, problems));
  return summarize(problems);
}
