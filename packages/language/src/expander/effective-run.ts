// A run's effective settings: the defaults overlaid with the run, member by member as the
// model says (docs/language.md §8.2).
import { inlineOutputOrder, runSettingFields } from "@batchc/model";
import type { RecordValue, Value } from "../values.js";
import { setKey } from "./records.js";
import type { DefaultSettings, EffectiveRun, RunSpec } from "./run-spec.js";

/** The per-run members in output order, with how each merges (from the model). */
const PER_RUN = inlineOutputOrder.flatMap((name) => runSettingFields.filter((f) => f.perRun && f.name === name));

/**
 * The effective settings of a run (docs/language.md §8.2), member by member as the model says:
 * `parameters` and `runTags` merge key by key with the run winning; the others (`engineSettings`
 * too) are replaced by the run's. Keys come in the output order; absent fields are omitted.
 */
export function effectiveRun(defaults: DefaultSettings, run: RunSpec): EffectiveRun {
  const f = run.fields as Record<string, Value | undefined>;
  const d = defaults as Record<string, Value | undefined>;
  const out: Record<string, Value> = { runSettingId: run.runSettingId };
  for (const fact of PER_RUN) {
    const v = fact.merge === "merge" ? merge(d[fact.name] as RecordValue | undefined, f[fact.name] as RecordValue | undefined) : (f[fact.name] ?? d[fact.name]);
    if (v !== undefined) out[fact.name] = v;
  }
  return out as unknown as EffectiveRun;
}

export function merge<T extends Record<string, unknown>>(base: T | undefined, over: T | undefined): T | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  const out = { ...base };
  for (const k of Object.keys(over)) setKey(out as RecordValue, k, over[k] as Value);
  return out;
}

