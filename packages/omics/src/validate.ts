// The checks of the batch, the defaults and every run (up to 100,000 per batch) against the
// model (model-checks.ts), plus the StartRunBatch rules the model cannot express: an `s3://`
// output for every run, at most 50 run tags and 51,200 bytes of parameters per run after
// merging, no `READY2RUN`, no `cacheBehavior` without `cacheId`.
import { api, quote } from "./codes.js";
import { isS3Uri, s3UriProblem } from "@batchc/model";
import { inlineOutputOrder, runSettingFields } from "./model.js";
import { checkBatchName, checkDefaultsShape, checkRequestId, checkRunShape, checkSettingsUri, checkTagMap } from "./model-checks.js";
import { countKeys, jsonByteLength, mergedParametersOver, mergedTagCount } from "./json-size.js";
import type { BatchInput, EffectiveRun, RunSettingInput } from "./types.js";
import { codePointLength } from "@batchc/text";
import { Found, isPlainObject, typeName, type Path, type Violation } from "./violations.js";

export { displayPath, isPlainObject, typeName, type Path, type Violation } from "./violations.js";
export { jsonByteLength, mergedParameterBytes, mergedTagCount } from "./json-size.js";
/** An S3 URI, by the one grammar of `@batchc/model` (checked without allocating). */
export { isS3Uri };

/** Most tags a run may carry after merging (StartRun's limit). */
export const MAX_RUN_TAGS = 50;
/** Most bytes of UTF-8 JSON a run's merged parameters may take (50 KB). */
export const MAX_PARAMETER_BYTES = 51_200;

const ROOT: Path = [];

/** The per-run members in output order. */
const PER_RUN = inlineOutputOrder.flatMap((name) => runSettingFields.filter((f) => f.perRun && f.name === name));

/**
 * The effective settings of a run: the defaults overlaid with it (docs/language.md §8.2), member
 * by member as the model says: `merge` members key by key when both are records (the run
 * winning), the others replaced by the run's.
 */
export function effectiveRun(defaults: { [K in keyof EffectiveRun]?: unknown }, run: RunSettingInput): EffectiveRun {
  const e: Record<string, unknown> = { runSettingId: run.runSettingId };
  for (const f of PER_RUN) {
    const r = (run as Record<string, unknown>)[f.name];
    const d = (defaults as Record<string, unknown>)[f.name];
    const v = r === undefined ? d : f.merge === "merge" && isPlainObject(d) && isPlainObject(r) ? { ...d, ...r } : r;
    if (v !== undefined) e[f.name] = v;
  }
  return e as EffectiveRun;
}

function checkParametersRecord(v: unknown, out: Found): void {
  if (v !== undefined && !isPlainObject(v) && !out.reportedAt("parameters")) out.report(ROOT, "parameters", api.parametersNotObject("parameters", typeName(v)));
}

function checkOutputScheme(v: unknown, out: Found): void {
  if (typeof v === "string" && !isS3Uri(v) && !out.reportedAt("outputUri")) out.report(ROOT, "outputUri", api.notS3Uri("outputUri", v));
}

/**
 * Checks `defaultRunSetting`: every model constraint (required `workflowId` and `roleArn`,
 * lengths, patterns, ranges, enums, no unknown fields), then the batch rules: no `READY2RUN`,
 * no `cacheBehavior` without `cacheId`, an `s3://` `outputUri`, `parameters` as a record, at
 * most 50 `runTags` and 51,200 bytes of `parameters`.
 */
export function validateDefaults(d: unknown): readonly Violation[] {
  const out = new Found();
  checkDefaultsShape(d, out);
  if (typeof d === "object" && d !== null && !Array.isArray(d)) {
    const o = d as Record<string, unknown>;
    if (o.workflowType === "READY2RUN") out.report(ROOT, "workflowType", api.ready2RunNotSupported());
    if (o.cacheBehavior !== undefined && o.cacheId === undefined) out.report(ROOT, "cacheBehavior", api.cacheBehaviorWithoutCacheId());
    checkOutputScheme(o.outputUri, out);
    checkParametersRecord(o.parameters, out);
    const tags = countKeys(o.runTags);
    if (tags > MAX_RUN_TAGS) out.report(ROOT, "runTags", api.tooManyRunTags(tags));
    if (o.parameters !== undefined && !out.reportedAt("parameters")) {
      const bytes = jsonByteLength(o.parameters);
      if (bytes > MAX_PARAMETER_BYTES) out.report(ROOT, "parameters", api.parametersTooLarge(bytes));
    }
  }
  return out.result();
}

/**
 * Checks one per-run setting (`InlineSetting`) as given, not merged: every model constraint,
 * then an `s3://` `outputUri` and `parameters` as a record.
 */
export function validateRunSetting(s: unknown): readonly Violation[] {
  const out = new Found();
  checkRunShape(s, out);
  if (typeof s === "object" && s !== null && !Array.isArray(s)) {
    const o = s as Record<string, unknown>;
    checkOutputScheme(o.outputUri, out);
    checkParametersRecord(o.parameters, out);
  }
  return out.result();
}

/**
 * The rules on one run that need the defaults, without building the merged run: it ends up
 * with an `outputUri`, at most 50 run tags, at most 51,200 bytes of parameters. A limit the
 * defaults break on their own is left to `validateDefaults`, so it is reported once.
 */
export function validateMergedRun(defaults: { outputUri?: unknown; runTags?: unknown; parameters?: unknown }, run: RunSettingInput): readonly Violation[] {
  const out = new Found();
  if (run.outputUri === undefined && defaults.outputUri === undefined) out.report(ROOT, "outputUri", api.missingOutputUri(run.runSettingId));
  if (run.runTags !== undefined) {
    const n = mergedTagCount(defaults.runTags, run.runTags);
    if (n > MAX_RUN_TAGS) out.report(ROOT, "runTags", api.tooManyRunTags(n, { defaults: countKeys(defaults.runTags), run: countKeys(run.runTags) }));
  }
  if (run.parameters !== undefined) {
    const bytes = mergedParametersOver(defaults.parameters, run.parameters, MAX_PARAMETER_BYTES);
    if (bytes !== undefined) out.report(ROOT, "parameters", api.parametersTooLarge(bytes));
  }
  return out.result();
}

/**
 * The rules the model cannot express, on an effective (merged) run: an `s3://` `outputUri`,
 * at most 50 run tags, at most 51,200 bytes of parameters.
 */
export function validateEffectiveRun(e: EffectiveRun): readonly Violation[] {
  const out = new Found();
  if (e.outputUri === undefined) out.report(ROOT, "outputUri", api.missingOutputUri(e.runSettingId));
  else checkOutputScheme(e.outputUri, out);
  const tags = countKeys(e.runTags);
  if (tags > MAX_RUN_TAGS) out.report(ROOT, "runTags", api.tooManyRunTags(tags));
  if (e.parameters !== undefined) {
    const bytes = mergedParametersOver(undefined, e.parameters, MAX_PARAMETER_BYTES);
    if (bytes !== undefined) out.report(ROOT, "parameters", api.parametersTooLarge(bytes));
  }
  return out.result();
}

/** Why a settings prefix is not an S3 URI (the one grammar), or undefined when it is one. */
export function settingsPrefixProblem(prefix: string): string | undefined {
  return s3UriProblem(prefix);
}

/**
 * Checks the batch-level settings: `batchName`, `requestId` and `tags` against the model, and
 * the settings prefix (`s3://bucket/...`).
 */
export function validateBatch(b: BatchInput): readonly Violation[] {
  const out = new Found();
  if (b.batchName !== undefined) checkBatchName(b.batchName, ROOT, "batchName", out);
  if (b.requestId !== undefined) checkRequestId(b.requestId, ROOT, "requestId", out);
  if (b.tags !== undefined) checkTagMap(b.tags, ROOT, "tags", out);
  if (b.settings !== undefined) {
    if (typeof b.settings !== "string") out.report(ROOT, "settings", api.wrongType(quote("settings"), "a string", typeName(b.settings)));
    else {
      const why = settingsPrefixProblem(b.settings);
      if (why !== undefined) out.report(ROOT, "settings", api.badSettingsPrefix(b.settings, why));
      else {
        // Leave room for the file name (`<name up to 64>-<8 hex>.json`) under the 750 limit.
        const n = codePointLength(b.settings);
        if (n > 750 - 78) out.report(ROOT, "settings", api.tooLong(quote("settings"), "a settings prefix", 750 - 78, n));
        else checkSettingsUri(b.settings, ROOT, "settings", out);
      }
    }
  }
  return out.result();
}

/** The same as `validateBatch` (the name the command line uses). */
export const validateBatchSettings = validateBatch;

