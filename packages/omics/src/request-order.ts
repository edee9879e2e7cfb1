// The request's fixed key order (the model's), the settings file's name and the derived
// request id: what makes the same input give byte-identical output.
import { createHash } from "node:crypto";
import { inlineOutputOrder, runSettingFields } from "./model.js";
import type { DefaultRunSetting, InlineSetting, StartRunBatchRequest, TagMap } from "./schema.js";
import type { BatchInput, DefaultsInput, RunSettingInput } from "./types.js";
import { isPlainObject } from "./validate.js";
import { SCALARS, type HoistScan, type Scalar } from "./hoist.js";

const DEFAULT_KEYS = runSettingFields.map((f) => f.name) as readonly (keyof DefaultRunSetting)[];

export function orderedDefaults(d: DefaultsInput, hoist: HoistScan | undefined): DefaultRunSetting {
  const out: Record<string, unknown> = {};
  for (const k of DEFAULT_KEYS) {
    let v: unknown = d[k];
    if (hoist !== undefined) {
      if ((SCALARS as readonly string[]).includes(k) && hoist.scalars.has(k as Scalar)) v = hoist.scalars.get(k as Scalar);
      else if (k === "parameters" && hoist.parameters.size > 0) v = { ...(v as object | undefined), ...Object.fromEntries(hoist.parameters) };
      else if (k === "runTags" && hoist.runTags.size > 0) v = { ...(v as object | undefined), ...Object.fromEntries(hoist.runTags) };
    }
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as DefaultRunSetting;
}

/** `m` without the keys in `drop`; every kept key stays an own property, `__proto__` included. */
function without<T>(m: Record<string, T>, drop: Map<string, unknown>): Record<string, T> | undefined {
  const kept: [string, T][] = [];
  for (const k of Object.keys(m)) if (!drop.has(k)) kept.push([k, m[k]!]);
  return kept.length > 0 ? (Object.fromEntries(kept) as Record<string, T>) : undefined;
}

/** A run in the model's output order (`inlineOutputOrder`), less what was hoisted. */
export function orderedRun(r: RunSettingInput, hoist: HoistScan | undefined): InlineSetting {
  const o: Record<string, unknown> = { runSettingId: r.runSettingId };
  for (const k of inlineOutputOrder) {
    if (k === "runSettingId") continue;
    const v = r[k];
    if (v === undefined) continue;
    if (k === "parameters") {
      const p = hoist !== undefined && hoist.parameters.size > 0 && isPlainObject(v) ? without(v, hoist.parameters) : v;
      if (p !== undefined) o.parameters = p;
    } else if (k === "runTags") {
      const t = hoist !== undefined && hoist.runTags.size > 0 ? without(v as TagMap, hoist.runTags) : v;
      if (t !== undefined) o.runTags = t;
    } else if (!hoist?.scalars.has(k)) o[k] = v;
  }
  return o as InlineSetting;
}

/** The request in its fixed key order: `batchName, requestId, tags, defaultRunSetting, batchRunSettings`. */
export function orderedRequest(
  batch: BatchInput,
  requestId: string | undefined,
  defaultRunSetting: DefaultRunSetting,
  batchRunSettings: StartRunBatchRequest["batchRunSettings"],
): StartRunBatchRequest {
  const r: Record<string, unknown> = {};
  if (batch.batchName !== undefined) r.batchName = batch.batchName;
  if (requestId !== undefined) r.requestId = requestId;
  if (batch.tags !== undefined) r.tags = batch.tags;
  r.defaultRunSetting = defaultRunSetting;
  r.batchRunSettings = batchRunSettings;
  return r as unknown as StartRunBatchRequest;
}

/** `<prefix>/`: the settings prefix with exactly one trailing slash. */
export function normalizePrefix(prefix: string): string {
  return prefix.endsWith("/") ? prefix : `${prefix}/`;
}

/** The file-name stem from the batch name: `[A-Za-z0-9._-]` runs joined by `-`, at most 64; `batch` if none. */
export function settingsFileStem(batchName: string | undefined): string {
  const stem = (batchName ?? "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 64)
    .replace(/^[-.]+|[-.]+$/g, "");
  return stem === "" ? "batch" : stem;
}

/** `batchc-` + 32 hex digits of the sha256 of the request without `requestId` (and of the settings file). */
export function deriveRequestId(canonicalWithoutRequestId: string, settingsSha256?: string): string {
  const h = createHash("sha256").update(canonicalWithoutRequestId);
  if (settingsSha256 !== undefined) h.update(`\n${settingsSha256}`);
  return `batchc-${h.digest("hex").slice(0, 32)}`;
}


/** The settings file's S3 URI: `<prefix>/<batch name or "batch">-<8 hex of its sha256>.json`. */
export function settingsFileUri(batch: BatchInput, sha256: string): string {
  return `${normalizePrefix(batch.settings as string)}${settingsFileStem(batch.batchName)}-${sha256.slice(0, 8)}.json`;
}

/** The request in its fixed order, its `requestId` derived from its content unless the batch gives one. */
export function finalRequest(
  batch: BatchInput,
  defaultRunSetting: DefaultRunSetting,
  batchRunSettings: StartRunBatchRequest["batchRunSettings"],
  settingsSha256: string | undefined,
): StartRunBatchRequest {
  let requestId = batch.requestId;
  if (requestId === undefined) {
    const canonical = JSON.stringify(orderedRequest(batch, undefined, defaultRunSetting, batchRunSettings));
    requestId = deriveRequestId(canonical, settingsSha256);
  }
  return orderedRequest(batch, requestId, defaultRunSetting, batchRunSettings);
}
