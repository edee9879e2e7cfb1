// Fast checks of the batch, the defaults and every run (up to 100,000 per batch) against the
// model table in `model.ts` — the same constraints as the zod schemas in `schema.ts`, without
// zod and without allocating on the happy path — plus the rules the model cannot express
// (the StartRunBatch rules the model cannot express): an `s3://` output for every run, at most 50 run tags and 51,200 bytes of
// parameters per run after merging, no `READY2RUN`, no `cacheBehavior` without `cacheId`.
import { api, quote, type DiagnosticMessage, type PatternKind } from "./codes.js";
import { isS3Uri, s3UriProblem } from "@batchc/model";
import { inlineOutputOrder, runSettingFields, shapeSpec, shapes, type Bounds, type MemberSpec, type ShapeName } from "./model.js";
import { closest, codePointLength } from "@batchc/text";
import type { BatchInput, EffectiveRun, RunSettingInput } from "./types.js";

/** Where a violation is, relative to the validated object: `["name"]`, `["runTags", "sample"]`. */
export type Path = (string | number)[];

/** One broken constraint. */
export interface Violation {
  path: Path;
  message: DiagnosticMessage;
}

/** Most tags a run may carry after merging (StartRun's limit). */
export const MAX_RUN_TAGS = 50;
/** Most bytes of UTF-8 JSON a run's merged parameters may take (50 KB). */
export const MAX_PARAMETER_BYTES = 51_200;

const NONE: readonly Violation[] = Object.freeze([]);
const ROOT: Path = [];

// Violations of the check in progress. Checks are synchronous, so one collector is enough;
// every public function resets it first.
let found: Violation[] | undefined;

function report(base: Path, key: string | number | undefined, message: DiagnosticMessage): void {
  const path = key === undefined ? base.slice() : [...base, key];
  (found ??= []).push({ path, message });
}

function collect(): readonly Violation[] {
  const out = found;
  found = undefined;
  return out ?? NONE;
}

/** `runTags.sample`, `parameters.reads[0]`: a path for messages. */
export function displayPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else {
      const shown = [...p].length > 40 ? `${[...p].slice(0, 39).join("")}…` : p;
      s += s === "" ? shown : `.${shown}`;
    }
  }
  return s;
}

/** The subject of a message about the value at `base` + `key`: `` `runTags.sample` ``. */
function show(base: Path, key: string | number | undefined): string {
  return quote(displayPath(key === undefined ? base : [...base, key]));
}

/** The subject of a message about a map's key: "the key `k` of `runTags`", "a key of `runTags`". */
function showKey(base: Path, key: string | number | undefined): string {
  const k = String(key);
  const shown = [...k].length > 40 ? `${[...k].slice(0, 39).join("")}…` : k;
  return k === "" ? `a key of ${quote(displayPath(base))}` : `the key ${quote(shown)} of ${quote(displayPath(base))}`;
}

/** `a number`, `a list`, `null`: a value's JSON type for messages. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  switch (typeof v) {
    case "string":
      return "a string";
    case "number":
      return Number.isFinite(v) ? "a number" : String(v);
    case "boolean":
      return "a boolean";
    case "undefined":
      return "undefined";
    case "object":
      return "a record";
    case "bigint":
      return "a bigint";
    case "function":
      return "a function";
    default:
      return "a symbol";
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A plain object as zod's `record` sees one (`{}`, `Object.create(null)`; not arrays, dates, maps). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  // The common case at once: an object literal (its constructor is `Object`).
  if (Object.getPrototypeOf(v) === Object.prototype && !hasOwn(v, "constructor")) return true;
  if (Array.isArray(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  if (typeof proto !== "object" || proto === null || Array.isArray(proto)) return false;
  return Object.prototype.hasOwnProperty.call(proto, "isPrototypeOf");
}

/** An S3 URI, by the one grammar of `@batchc/model` (checked without allocating). */
export { isS3Uri };

// ---------------------------------------------------------------------------------------------
// Checkers compiled once from the model table.

type Check = (v: unknown, base: Path, key: string | number | undefined) => void;

const NOUNS: Partial<Record<ShapeName, string>> = {
  BatchName: "a batch name",
  BatchRequestId: "a request id",
  TagKey: "a tag key",
  TagValue: "a tag value",
  WorkflowId: "a workflow id",
  RunRoleArn: "a role ARN",
  RunName: "a run name",
  NumericIdInArn: "a cache id",
  RunGroupId: "a run group id",
  RunOutputUri: "an output URI",
  WorkflowOwnerId: "a workflow owner id",
  AwsAccountId: "an AWS account id",
  WorkflowVersionName: "a workflow version name",
  ConfigurationName: "a configuration name",
  RunSettingId: "a run setting id",
  S3UriSettings: "a settings URI",
};

const PRINTABLE = "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$";
/**
 * A fast subset of PRINTABLE: printable ASCII (U+0020 to U+007E) is all letters, numbers,
 * punctuation, symbols and the space. Most values are ASCII, and a plain regex tests them
 * several times faster than the Unicode-property one.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

function patternKind(pattern: string, length: { min?: number; max?: number } | undefined): PatternKind {
  if (pattern === PRINTABLE) return "printable";
  if (pattern === "^[0-9]+$") return length?.min === 12 && length.max === 12 ? "account-id" : "digits";
  if (pattern === "^[0-9]{12}$") return "account-id";
  if (pattern === "^arn:.+$") return "arn";
  if (pattern === "^[A-Za-z0-9][A-Za-z0-9\\-\\._]*$") return "version-name";
  return "other";
}

const CHAR_NAMES: Record<number, string> = {
  0x00: "NUL",
  0x09: "tab",
  0x0a: "line feed",
  0x0d: "carriage return",
  0x200b: "zero width space",
  0x200d: "zero width joiner",
  0xfeff: "byte order mark",
};

/** For a printable-pattern failure: which character is not allowed, and where. */
function firstBadCharacter(s: string, re: RegExp): string | undefined {
  let i = 0;
  for (const ch of s) {
    i++;
    if (!re.test(ch)) {
      const cp = ch.codePointAt(0)!;
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
      const name = CHAR_NAMES[cp] ?? (cp >= 0xd800 && cp <= 0xdfff ? "a lone surrogate" : undefined);
      return `${hex}${name !== undefined ? ` (${name})` : ""} at character ${i} is not allowed`;
    }
  }
  return undefined;
}

function stringCheck(name: string, subject: (base: Path, key: string | number | undefined) => string = show): Check {
  const spec = shapeSpec(name);
  if (spec?.type !== "string") throw new Error(`not a string shape: ${name}`);
  const noun = NOUNS[name as ShapeName] ?? "this value";
  if (spec.enum !== undefined) {
    const values = spec.enum;
    const set = new Set(values);
    return (v, base, key) => {
      if (typeof v !== "string") report(base, key, api.wrongType(subject(base, key), "a string", typeName(v)));
      // Every enum value fits the shape's length trait, so membership decides alone.
      else if (!set.has(v)) report(base, key, api.notInEnum(subject(base, key), v, values, closest(v, values)));
    };
  }
  const { min, max } = spec.length ?? {};
  const pattern = spec.pattern;
  const re = pattern === undefined ? undefined : new RegExp(pattern, "u");
  const kind = pattern === undefined ? "other" : patternKind(pattern, spec.length);
  return (v, base, key) => {
    if (typeof v !== "string") {
      report(base, key, api.wrongType(subject(base, key), "a string", typeName(v)));
      return;
    }
    const len = v.length;
    // Code points lie between len/2 and len: count them only when a bound is in doubt.
    if (max !== undefined && len > max) {
      const n = codePointLength(v);
      if (n > max) {
        report(base, key, api.tooLong(subject(base, key), noun, max, n));
        return;
      }
    }
    if (min !== undefined && len < 2 * min) {
      const n = codePointLength(v);
      if (n < min) {
        report(base, key, api.tooShort(subject(base, key), noun, min, n, "character", min === max));
        return;
      }
    }
    if (re !== undefined && !(kind === "printable" && PRINTABLE_ASCII.test(v)) && !re.test(v)) {
      const detail = kind === "printable" ? firstBadCharacter(v, new RegExp(PRINTABLE, "u")) : undefined;
      report(base, key, api.patternMismatch(subject(base, key), noun, kind, pattern!, detail));
    }
  };
}

function integerCheck(range: { min?: number; max?: number } | undefined): Check {
  const min = range?.min ?? Number.MIN_SAFE_INTEGER;
  const max = range?.max ?? Number.MAX_SAFE_INTEGER;
  return (v, base, key) => {
    if (typeof v !== "number") report(base, key, api.wrongType(show(base, key), "an integer", typeName(v)));
    else if (!Number.isSafeInteger(v)) report(base, key, api.notAnInteger(show(base, key), v));
    else if (v < min || v > max) report(base, key, api.outOfRange(show(base, key), min, max, v));
  };
}

// The path below the document's root while walking it; grows once, reused.
const walkPath: (string | number)[] = [];

function jsonWalk(v: unknown, base: Path, key: string | number | undefined): boolean {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      if (Number.isFinite(v)) return true;
      break;
    case "object":
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          walkPath.push(i);
          const ok = jsonWalk(v[i], base, key);
          walkPath.pop();
          if (!ok) return false;
        }
        return true;
      }
      if (isPlainObject(v)) {
        for (const k in v) {
          if (!hasOwn(v, k)) continue;
          walkPath.push(k);
          const ok = jsonWalk(v[k], base, key);
          walkPath.pop();
          if (!ok) return false;
        }
        return true;
      }
      break;
  }
  const path = [...(key === undefined ? base : [...base, key]), ...walkPath];
  const what = typeof v === "number" ? String(v) : typeof v === "object" ? "an object that is not a plain record" : typeName(v);
  (found ??= []).push({ path, message: api.notJson(quote(displayPath(path)), what) });
  return false;
}

const documentCheck: Check = (v, base, key) => {
  // The common case without walking: a record of strings, finite numbers, bools and nulls.
  if (isPlainObject(v)) {
    let flat = true;
    for (const k in v) {
      if (!hasOwn(v, k)) continue;
      const x = v[k];
      if (typeof x === "string" || typeof x === "boolean" || x === null || (typeof x === "number" && Number.isFinite(x))) continue;
      flat = false;
      break;
    }
    if (flat) return;
  }
  walkPath.length = 0;
  jsonWalk(v, base, key);
  walkPath.length = 0;
};

function mapCheck(name: string): Check {
  const spec = shapeSpec(name);
  if (spec?.type !== "map") throw new Error(`not a map shape: ${name}`);
  const keyCheck = stringCheck(spec.key, showKey);
  const valueCheck = stringCheck(spec.value);
  const length = spec.length;
  return (v, base, key) => {
    if (!isPlainObject(v)) {
      report(base, key, api.wrongType(show(base, key), "a record of strings", typeName(v)));
      return;
    }
    const here = key === undefined ? base : [...base, key];
    let n = 0;
    for (const k in v) {
      if (!hasOwn(v, k)) continue;
      n++;
      keyCheck(k, here, k);
      valueCheck(v[k], here, k);
    }
    if (length?.max !== undefined && n > length.max) report(base, key, api.tooLong(show(base, key), "this map", length.max, n, "entry"));
    if (length?.min !== undefined && n < length.min) report(base, key, api.tooShort(show(base, key), "this map", length.min, n, "entry"));
  };
}

function memberCheck(m: MemberSpec): Check {
  const spec = shapeSpec(m.target);
  if (spec?.type === "integer") return integerCheck(spec.range);
  switch (spec?.type) {
    case "string":
      return stringCheck(m.target);
    case "map":
      return mapCheck(m.target);
    case "document":
      return documentCheck;
    default:
      throw new Error(`no fast check for member ${m.name} (${m.target})`);
  }
}

interface CompiledMember {
  name: string;
  required: boolean;
  check: Check;
  path: Path;
}

function structCheck(name: "DefaultRunSetting" | "InlineSetting", where: string): (obj: unknown) => void {
  const members: CompiledMember[] = shapes[name].members.map((m: MemberSpec) => ({
    name: m.name,
    required: m.required === true,
    check: memberCheck(m),
    path: [m.name],
  }));
  const names = members.map((m) => m.name);
  const known = new Set(names);
  const notRecord = (obj: unknown): void => report(ROOT, undefined, api.wrongType(where, "a record", typeName(obj)));
  // `for...in` also sees inherited keys, as zod's strict objects do.
  const unknownKey = (k: string): void => report(ROOT, k, api.unknownField(k, where, closest(k, names)));
  const missing = (m: CompiledMember): void => report(m.path, undefined, api.missingField(m.name, where));
  return (obj) => {
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
      notRecord(obj);
      return;
    }
    for (const k in obj) if (!known.has(k)) unknownKey(k);
    for (const m of members) {
      const v = (obj as Record<string, unknown>)[m.name];
      if (v !== undefined) m.check(v, m.path, undefined);
      else if (m.required) missing(m);
    }
  };
}

const checkDefaultsShape = structCheck("DefaultRunSetting", "`defaultRunSetting`");
const checkRunShape = structCheck("InlineSetting", "the run setting");
const checkBatchName = stringCheck("BatchName");
const checkRequestId = stringCheck("BatchRequestId");
const checkTagMap = mapCheck("TagMap");
const checkSettingsUri = stringCheck("S3UriSettings");

// ---------------------------------------------------------------------------------------------
// Sizes and counts after merging, without building the merged objects.

function utf8JsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // JSON.stringify escapes a lone surrogate as \udxxx
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Bytes of `JSON.stringify(v)` in UTF-8, computed without building the string. */
export function jsonByteLength(v: unknown): number {
  switch (typeof v) {
    case "string":
      return utf8JsonStringBytes(v);
    case "number":
      return Number.isFinite(v) ? String(v).length : 4;
    case "boolean":
      return v ? 4 : 5;
    case "object": {
      if (v === null) return 4;
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (const x of v) n += x === undefined || typeof x === "function" ? 4 : jsonByteLength(x);
        return n;
      }
      let n = 2;
      let first = true;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (!hasOwn(v, k) || x === undefined || typeof x === "function") continue;
        n += (first ? 0 : 1) + utf8JsonStringBytes(k) + 1 + jsonByteLength(x);
        first = false;
      }
      return n;
    }
    default:
      return 0;
  }
}

/**
 * An upper bound of `jsonByteLength` without reading the characters: 6 bytes per UTF-16 unit
 * covers the longest escape (`\u001f`) and any UTF-8 sequence; a number prints in at most 24.
 */
function jsonByteBound(v: unknown): number {
  switch (typeof v) {
    case "string":
      return 2 + 6 * v.length;
    case "number":
      return 24;
    case "boolean":
      return 5;
    case "object": {
      if (v === null) return 4;
      let n = 2;
      if (Array.isArray(v)) {
        for (const x of v) n += 1 + jsonByteBound(x);
        return n;
      }
      for (const k in v) n += 4 + 6 * k.length + jsonByteBound((v as Record<string, unknown>)[k]);
      return n;
    }
    default:
      return 4;
  }
}

/** Whether the merged parameters are over `limit` bytes; exact only when the cheap bound is over. */
function mergedParametersOver(defaults: unknown, run: unknown, limit: number): number | undefined {
  if (jsonByteBound(defaults) + jsonByteBound(run) <= limit) return undefined;
  const bytes = mergedParameterBytes(defaults, run);
  return bytes > limit ? bytes : undefined;
}

/** Bytes of the merged parameters (`{...defaults, ...run}` when both are records; else the run's). */
export function mergedParameterBytes(defaults: unknown, run: unknown): number {
  if (run === undefined) return defaults === undefined ? 0 : jsonByteLength(defaults);
  if (!isPlainObject(defaults) || !isPlainObject(run)) return jsonByteLength(run);
  let n = 2;
  let first = true;
  const add = (k: string, x: unknown): void => {
    if (x === undefined || typeof x === "function") return;
    n += (first ? 0 : 1) + utf8JsonStringBytes(k) + 1 + jsonByteLength(x);
    first = false;
  };
  for (const k in defaults) if (hasOwn(defaults, k) && !hasOwn(run, k)) add(k, defaults[k]);
  for (const k in run) if (hasOwn(run, k)) add(k, run[k]);
  return n;
}

function countKeys(o: unknown): number {
  if (!isPlainObject(o)) return 0;
  let n = 0;
  for (const k in o) if (hasOwn(o, k)) n++;
  return n;
}

/** Number of run tags after merging the defaults' `runTags` with the run's (shared keys once). */
export function mergedTagCount(defaults: unknown, run: unknown): number {
  let n = countKeys(defaults);
  if (!isPlainObject(run)) return n;
  const d = isPlainObject(defaults) ? defaults : undefined;
  for (const k in run) if (hasOwn(run, k) && (d === undefined || !hasOwn(d, k))) n++;
  return n;
}

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

// ---------------------------------------------------------------------------------------------
// The public checks.

/** Whether the check in progress already reported something at top-level member `key`. */
function reportedAt(key: string): boolean {
  return found !== undefined && found.some((v) => v.path[0] === key);
}

function checkParametersRecord(v: unknown): void {
  if (v !== undefined && !isPlainObject(v) && !reportedAt("parameters")) report(ROOT, "parameters", api.parametersNotObject("parameters", typeName(v)));
}

function checkOutputScheme(v: unknown): void {
  if (typeof v === "string" && !isS3Uri(v) && !reportedAt("outputUri")) report(ROOT, "outputUri", api.notS3Uri("outputUri", v));
}

/**
 * Checks `defaultRunSetting`: every model constraint (required `workflowId` and `roleArn`,
 * lengths, patterns, ranges, enums, no unknown fields), then the batch rules: no `READY2RUN`,
 * no `cacheBehavior` without `cacheId`, an `s3://` `outputUri`, `parameters` as a record, at
 * most 50 `runTags` and 51,200 bytes of `parameters`.
 */
export function validateDefaults(d: unknown): readonly Violation[] {
  found = undefined;
  checkDefaultsShape(d);
  if (typeof d === "object" && d !== null && !Array.isArray(d)) {
    const o = d as Record<string, unknown>;
    if (o.workflowType === "READY2RUN") report(ROOT, "workflowType", api.ready2RunNotSupported());
    if (o.cacheBehavior !== undefined && o.cacheId === undefined) report(ROOT, "cacheBehavior", api.cacheBehaviorWithoutCacheId());
    checkOutputScheme(o.outputUri);
    checkParametersRecord(o.parameters);
    const tags = countKeys(o.runTags);
    if (tags > MAX_RUN_TAGS) report(ROOT, "runTags", api.tooManyRunTags(tags));
    if (o.parameters !== undefined && !reportedAt("parameters")) {
      const bytes = jsonByteLength(o.parameters);
      if (bytes > MAX_PARAMETER_BYTES) report(ROOT, "parameters", api.parametersTooLarge(bytes));
    }
  }
  return collect();
}

/**
 * Checks one per-run setting (`InlineSetting`) as given, not merged: every model constraint,
 * then an `s3://` `outputUri` and `parameters` as a record.
 */
export function validateRunSetting(s: unknown): readonly Violation[] {
  found = undefined;
  checkRunShape(s);
  if (typeof s === "object" && s !== null && !Array.isArray(s)) {
    const o = s as Record<string, unknown>;
    checkOutputScheme(o.outputUri);
    checkParametersRecord(o.parameters);
  }
  return collect();
}

/**
 * The rules on one run that need the defaults, without building the merged run: it ends up
 * with an `outputUri`, at most 50 run tags, at most 51,200 bytes of parameters. A limit the
 * defaults break on their own is left to `validateDefaults`, so it is reported once.
 */
export function validateMergedRun(defaults: { outputUri?: unknown; runTags?: unknown; parameters?: unknown }, run: RunSettingInput): readonly Violation[] {
  found = undefined;
  if (run.outputUri === undefined && defaults.outputUri === undefined) report(ROOT, "outputUri", api.missingOutputUri(run.runSettingId));
  if (run.runTags !== undefined) {
    const n = mergedTagCount(defaults.runTags, run.runTags);
    if (n > MAX_RUN_TAGS) report(ROOT, "runTags", api.tooManyRunTags(n, { defaults: countKeys(defaults.runTags), run: countKeys(run.runTags) }));
  }
  if (run.parameters !== undefined) {
    const bytes = mergedParametersOver(defaults.parameters, run.parameters, MAX_PARAMETER_BYTES);
    if (bytes !== undefined) report(ROOT, "parameters", api.parametersTooLarge(bytes));
  }
  return collect();
}

/**
 * The rules the model cannot express, on an effective (merged) run: an `s3://` `outputUri`,
 * at most 50 run tags, at most 51,200 bytes of parameters.
 */
export function validateEffectiveRun(e: EffectiveRun): readonly Violation[] {
  found = undefined;
  if (e.outputUri === undefined) report(ROOT, "outputUri", api.missingOutputUri(e.runSettingId));
  else checkOutputScheme(e.outputUri);
  const tags = countKeys(e.runTags);
  if (tags > MAX_RUN_TAGS) report(ROOT, "runTags", api.tooManyRunTags(tags));
  if (e.parameters !== undefined) {
    const bytes = mergedParametersOver(undefined, e.parameters, MAX_PARAMETER_BYTES);
    if (bytes !== undefined) report(ROOT, "parameters", api.parametersTooLarge(bytes));
  }
  return collect();
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
  found = undefined;
  if (b.batchName !== undefined) checkBatchName(b.batchName, ROOT, "batchName");
  if (b.requestId !== undefined) checkRequestId(b.requestId, ROOT, "requestId");
  if (b.tags !== undefined) checkTagMap(b.tags, ROOT, "tags");
  if (b.settings !== undefined) {
    if (typeof b.settings !== "string") report(ROOT, "settings", api.wrongType(quote("settings"), "a string", typeName(b.settings)));
    else {
      const why = settingsPrefixProblem(b.settings);
      if (why !== undefined) report(ROOT, "settings", api.badSettingsPrefix(b.settings, why));
      else {
        // Leave room for the file name (`<name up to 64>-<8 hex>.json`) under the 750 limit.
        const n = codePointLength(b.settings);
        if (n > 750 - 78) report(ROOT, "settings", api.tooLong(quote("settings"), "a settings prefix", 750 - 78, n));
        else checkSettingsUri(b.settings, ROOT, "settings");
      }
    }
  }
  return collect();
}

/** The same as `validateBatch` (the name the command line uses). */
export const validateBatchSettings = validateBatch;

