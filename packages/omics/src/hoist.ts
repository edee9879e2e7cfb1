// Hoisting: the per-run values identical in every run of a batch, which the request can carry
// once in `defaultRunSetting` instead (the effective runs do not change).
import { runSettingFields } from "./model.js";
import type { JsonValue } from "./schema.js";
import type { DefaultsInput, RunSettingInput } from "./types.js";
import { isPlainObject } from "./validate.js";

/** The per-run members a run's value replaces the default's of (the rest merge key by key). */
export const SCALARS = runSettingFields.filter((f) => f.perRun && f.merge === "replace").map((f) => f.name) as readonly Scalar[];
export type Scalar = Exclude<keyof RunSettingInput, "runSettingId" | "parameters" | "runTags">;

/** Deep equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Values found identical in every run seen so far. */
export class HoistScan {
  private seen = 0;
  readonly scalars = new Map<Scalar, unknown>();
  parameters = new Map<string, JsonValue>();
  runTags = new Map<string, string>();

  constructor(private readonly defaults: DefaultsInput) {}

  add(run: RunSettingInput): void {
    if (typeof run !== "object" || run === null) {
      // Not a run at all (reported by validation): nothing is common to every run.
      this.scalars.clear();
      this.parameters.clear();
      this.runTags.clear();
      this.seen++;
      return;
    }
    if (this.seen++ === 0) {
      for (const f of SCALARS) if (run[f] !== undefined) this.scalars.set(f, run[f]);
      // Key-wise hoisting needs records on both sides (the merge is key by key only then).
      if (isPlainObject(run.parameters) && (this.defaults.parameters === undefined || isPlainObject(this.defaults.parameters))) {
        for (const [k, v] of Object.entries(run.parameters)) this.parameters.set(k, v);
      }
      if (isPlainObject(run.runTags)) for (const [k, v] of Object.entries(run.runTags)) this.runTags.set(k, v);
      return;
    }
    for (const [f, v] of this.scalars) if (!jsonEqual(run[f], v)) this.scalars.delete(f);
    for (const [k, v] of this.parameters) {
      const p = run.parameters as Record<string, unknown> | undefined;
      if (!isPlainObject(p) || !Object.prototype.hasOwnProperty.call(p, k) || !jsonEqual(p[k], v)) this.parameters.delete(k);
    }
    for (const [k, v] of this.runTags) {
      const t = run.runTags;
      if (!isPlainObject(t) || !Object.prototype.hasOwnProperty.call(t, k) || t[k] !== v) this.runTags.delete(k);
    }
  }

  get empty(): boolean {
    return this.scalars.size === 0 && this.parameters.size === 0 && this.runTags.size === 0;
  }

  /** `name`, `parameters.ref`, ...: what moves, for the result. */
  describe(): string[] {
    return [
      ...[...this.scalars.keys()],
      ...[...this.parameters.keys()].map((k) => `parameters.${k}`),
      ...[...this.runTags.keys()].map((k) => `runTags.${k}`),
    ];
  }
}

