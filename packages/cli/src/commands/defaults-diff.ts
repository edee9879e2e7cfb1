// Which fields of a batch's `defaultRunSetting` differ between two requests: what the original
// batch of a chain ran with (GetBatch) and what the file gives now, both as sent to the API (after
// hoisting values shared by every run into the defaults). `parameters` and `runTags` are compared
// key by key, as the service merges them with each run's.
import { jsonEqual } from "@batchc/omics";

/** The differing fields, such as `workflowId` or `parameters.reference`, in a stable order. */
export function defaultsDifferences(original: Readonly<Record<string, unknown>>, file: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const key of unionKeys(original, file)) {
    const a = original[key];
    const b = file[key];
    if ((key === "parameters" || key === "runTags") && isRecord(a ?? {}) && isRecord(b ?? {})) {
      const ra = (a ?? {}) as Record<string, unknown>;
      const rb = (b ?? {}) as Record<string, unknown>;
      for (const sub of unionKeys(ra, rb)) if (!jsonEqual(ra[sub], rb[sub])) out.push(`${key}.${sub}`);
      continue;
    }
    if (!jsonEqual(a, b)) out.push(key);
  }
  return out;
}

/** The keys of `a`, then those only `b` has; undefined values count as absent. */
function unionKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  const keys = [...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined);
  return [...new Set(keys)];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
