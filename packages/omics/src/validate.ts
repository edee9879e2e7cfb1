// Fast checks of the batch, the defaults and every run (up to 100,000 per batch) against the
// model table in `model.ts` — the same constraints as the zod schemas in `schema.ts`, without
// zod and without allocating on the happy path — plus the rules the model cannot express
// (the StartRunBatch rules the model cannot express): an `s3://` output for every run, at most 50 run tags and 51,200 bytes of
// parameters per run after merging, no `READY2RUN`, no `cacheBehavior` without `cacheId`.
import { api, quote, type DiagnosticMessage, type PatternKind } from "./codes.js";
import { isS3Uri, s3UriProblem } from "@batchc/model";
import { inlineOutputOrder, runSettingFields, shapeSpec, shapes, type Bounds, type MemberSpec, type ShapeName } from "./model.js";
import { closest } from "./suggest.js";
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

/** Code points of `s` (what Smithy's `length` counts), without allocating. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
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
  // One generated function per structure: each member is read by its literal name, so the
  // loads stay monomorphic on the hot path (one call per run). Names come from the model
  // table and are inserted with JSON.stringify.
  let body = `if (typeof obj !== "object" || obj === null || Array.isArray(obj)) { notRecord(obj); return; }
for (const k in obj) if (!known.has(k)) unknownKey(k);
let v;
`;
  members.forEach((m, i) => {
    body += `v = obj[${JSON.stringify(m.name)}]; if (v === undefined) { ${m.required ? `missing(M[${i}]);` : ""} } else M[${i}].check(v, M[${i}].path, undefined);\n`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function("M", "known", "notRecord", "unknownKey", "missing", `"use strict"; return function check(obj) { ${body} };`);
  return make(members, known, notRecord, unknownKey, missing) as (obj: unknown) => void;
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

// ---------------------------------------------------------------------------------------------
// The hot path: check and encode one run at once.

/** A string shape's longest length, and whether it has the printable pattern and a minimum of at most 1. */
function fastBounds(shape: ShapeName): { min: number; max: number; printable: boolean } {
  const spec = shapeSpec(shape);
  if (spec?.type !== "string" || spec.enum !== undefined) return { min: -1, max: -1, printable: false };
  return { min: spec.length?.min ?? 0, max: spec.length?.max ?? -1, printable: spec.pattern === PRINTABLE };
}

const RUN_MEMBERS = new Set(shapes.InlineSetting.members.map((m: MemberSpec) => m.name));
/** The members in the order a request writes them. */
const RUN_ORDER: readonly string[] = inlineOutputOrder;
const ID_BOUNDS = fastBounds("RunSettingId");
const NAME_BOUNDS = fastBounds("RunName");
const URI_BOUNDS = fastBounds("RunOutputUri");
const TAG_KEY = fastBounds("TagKey");
const TAG_VALUE = fastBounds("TagValue");
const PRIORITY_RANGE: Bounds = ((): Bounds => {
  const target = (shapes.InlineSetting.members as readonly MemberSpec[]).find((m) => m.name === "priority")?.target;
  const spec = target === undefined ? undefined : shapeSpec(target);
  return spec?.type === "integer" ? (spec.range ?? {}) : {};
})();
const ACCOUNT_ID = /^[0-9]{12}$/;

/**
 * The fast path is written against these traits of the model; should the model table change
 * them, every run takes the full checks instead.
 */
const FAST_PATH = ((): boolean => {
  const targets = new Map(shapes.InlineSetting.members.map((m: MemberSpec) => [m.name, m.target]));
  const expected: [string, string][] = [
    ["runSettingId", "RunSettingId"],
    ["name", "RunName"],
    ["outputUri", "RunOutputUri"],
    ["priority", "InlineSettingPriorityInteger"],
    ["outputBucketOwnerId", "AwsAccountId"],
    ["parameters", "RunParameters"],
    ["runTags", "TagMap"],
    ["engineSettings", "EngineSettings"],
  ];
  const account = shapeSpec("AwsAccountId");
  const tagMap = shapeSpec("TagMap");
  return (
    targets.size === expected.length &&
    expected.every(([name, target]) => targets.get(name) === target) &&
    shapes.InlineSetting.members.every((m: MemberSpec) => (m.required === true) === (m.name === "runSettingId")) &&
    [ID_BOUNDS, NAME_BOUNDS, URI_BOUNDS].every((b) => b.printable && b.min <= 1 && b.max > 0) &&
    !TAG_KEY.printable && TAG_KEY.min <= 1 && TAG_KEY.max > 0 && shapeSpec("TagKey")?.type === "string" && (shapeSpec("TagKey") as { pattern?: string }).pattern === undefined &&
    TAG_VALUE.min === 0 && TAG_VALUE.max >= 0 && (shapeSpec("TagValue") as { pattern?: string }).pattern === undefined &&
    tagMap?.type === "map" && tagMap.length === undefined && tagMap.key === "TagKey" && tagMap.value === "TagValue" &&
    account?.type === "string" && account.length?.min === 12 && account.length.max === 12 && account.pattern === "^[0-9]+$" &&
    shapeSpec("RunParameters")?.type === "document" &&
    typeof PRIORITY_RANGE.min === "number" && typeof PRIORITY_RANGE.max === "number"
  );
})();

/**
 * Printable ASCII other than `"` and `\`: such text passes the printable pattern, needs no
 * JSON escape, and its UTF-8 bytes are its characters.
 */
const SAFE_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** ASCII only (JSON.stringify's output for a nested value, which it has escaped). */
const ASCII = /^[\x00-\x7f]*$/;

/** Whether `jsonWalk` accepts a nested value (a list or record of JSON values). */
function isJsonTree(v: unknown): boolean {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v);
    case "object":
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!isJsonTree(v[i])) return false;
        return true;
      }
      if (!isPlainObject(v)) return false;
      for (const k in v) if (hasOwn(v, k) && !isJsonTree(v[k])) return false;
      return true;
    default:
      return false;
  }
}

// Keys found plain (`SAFE_TEXT`), so they are tested once, not in every run; a few hundred at most.
const plainKeys = new Set<string>();
// The keys of the last run, by position: the next run's usually are the same strings.
const lastKeys: (string | undefined)[] = new Array<string | undefined>(64).fill(undefined);

/** Whether the parameter or tag key at position `i` (of both, counted together) is plain text; remembered. */
function plainKey(k: string, i: number): boolean {
  if (lastKeys[i] === k) return true;
  if (!plainKeys.has(k)) {
    if (!SAFE_TEXT.test(k)) return false;
    if (plainKeys.size < 1000) plainKeys.add(k);
  }
  if (i < 64) lastKeys[i] = k;
  return true;
}

// `jsonByteBound` of the last defaults' parameters (the defaults are the same for every run).
let boundOf: unknown = {};
let boundValue = 0;
// The number of run tags of the last defaults.
let tagsOf: unknown = {};
let tagsValue = 0;

/** A record with Object.prototype (or none) for a prototype: JSON.stringify writes its own keys. */
function isLiteralRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !hasOwn(v, "constructor");
}

/**
 * One run checked and encoded in a single pass. Returns the run's JSON text, exactly
 * `JSON.stringify` of the run in the request's key order (`runSettingId, name, outputUri,
 * priority, outputBucketOwnerId, parameters, runTags`), when a fast sufficient test shows that
 * `validateRunSetting(run)` and `validateMergedRun(defaults, run)` would both report nothing;
 * otherwise undefined, and the caller runs those checks. The test: known members of the right
 * types within their bounds, every string (and key) printable ASCII other than `"` and `\`,
 * and size bounds of the merged tags and parameters. The text is ASCII, so its UTF-8 bytes
 * are its characters. Allocates only the text.
 */
export function encodeRun(defaults: { outputUri?: unknown; runTags?: unknown; parameters?: unknown }, run: RunSettingInput): string | undefined {
  if (!FAST_PATH || typeof run !== "object" || run === null || Array.isArray(run)) return undefined;
  // The members in the request's order (as compile builds them) pass by identity.
  let m = 0;
  for (const k in run) {
    if (k === RUN_ORDER[m]) m++;
    else if (!RUN_MEMBERS.has(k)) return undefined;
  }
  // A run's engine settings take the full way.
  if ((run as { engineSettings?: unknown }).engineSettings !== undefined) return undefined;
  const id = run.runSettingId as unknown;
  if (typeof id !== "string" || id.length === 0 || id.length > ID_BOUNDS.max) return undefined;
  let safe: string = id;
  let text = `{"runSettingId":"${id}"`;
  const name = run.name as unknown;
  if (name !== undefined) {
    if (typeof name !== "string" || name.length === 0 || name.length > NAME_BOUNDS.max) return undefined;
    safe += name;
    text += `,"name":"${name}"`;
  }
  const uri = run.outputUri as unknown;
  if (uri !== undefined) {
    if (typeof uri !== "string" || uri.length > URI_BOUNDS.max || !isS3Uri(uri)) return undefined;
    safe += uri;
    text += `,"outputUri":"${uri}"`;
  } else if (defaults.outputUri === undefined) return undefined;
  const priority = run.priority as unknown;
  if (priority !== undefined) {
    if (typeof priority !== "number" || !Number.isSafeInteger(priority) || priority < PRIORITY_RANGE.min! || priority > PRIORITY_RANGE.max!) return undefined;
    text += `,"priority":${priority}`;
  }
  const owner = run.outputBucketOwnerId as unknown;
  if (owner !== undefined) {
    if (typeof owner !== "string" || !ACCOUNT_ID.test(owner)) return undefined;
    text += `,"outputBucketOwnerId":"${owner}"`;
  }
  // Every value is tested at once, at the end: `safe` gathers them. Keys repeat from run to
  // run, so each is tested once (`plainKey`).
  let keyIndex = 0;
  const params = run.parameters as unknown;
  if (params !== undefined) {
    if (!isLiteralRecord(params)) return undefined;
    if (boundOf !== defaults.parameters) {
      boundOf = defaults.parameters;
      boundValue = jsonByteBound(defaults.parameters);
    }
    let bound = boundValue + 2;
    let sep = `,"parameters":{"`;
    for (const k in params) {
      if (!hasOwn(params, k)) continue;
      if (!plainKey(k, keyIndex++)) return undefined;
      const v = params[k];
      bound += 4 + 6 * k.length;
      if (typeof v === "string") {
        safe += v;
        bound += 2 + 6 * v.length;
        text += `${sep}${k}":"${v}"`;
      } else {
        let value: string;
        if (typeof v === "number") {
          if (!Number.isFinite(v)) return undefined;
          bound += 24;
          value = `${v}`;
        } else if (typeof v === "boolean") {
          bound += 5;
          value = v ? "true" : "false";
        } else if (v === null) {
          bound += 4;
          value = "null";
        } else {
          if (typeof v !== "object" || !isJsonTree(v)) return undefined;
          bound += jsonByteBound(v);
          value = JSON.stringify(v);
          if (!ASCII.test(value)) return undefined;
        }
        text += `${sep}${k}":${value}`;
      }
      sep = `,"`;
    }
    if (bound > MAX_PARAMETER_BYTES) return undefined;
    text += sep === `,"` ? "}" : `,"parameters":{}`;
  }
  const tags = run.runTags as unknown;
  if (tags !== undefined) {
    if (!isLiteralRecord(tags)) return undefined;
    const dt = defaults.runTags;
    const byDefaults = isPlainObject(dt) ? dt : undefined;
    if (tagsOf !== dt) {
      tagsOf = dt;
      tagsValue = countKeys(dt);
    }
    let n = tagsValue;
    let sep = `,"runTags":{"`;
    for (const k in tags) {
      if (!hasOwn(tags, k)) continue;
      const v = tags[k];
      if (typeof v !== "string" || k.length === 0 || k.length > TAG_KEY.max || v.length > TAG_VALUE.max || !plainKey(k, keyIndex++)) return undefined;
      if (byDefaults === undefined || !hasOwn(byDefaults, k)) n++;
      safe += v;
      text += `${sep}${k}":"${v}"`;
      sep = `,"`;
    }
    if (n > MAX_RUN_TAGS) return undefined;
    text += sep === `,"` ? "}" : `,"runTags":{}`;
  }
  if (!SAFE_TEXT.test(safe)) return undefined;
  return `${text}}`;
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

/** The scalar members a run may set, in the request's order. */
export type RunScalar = "name" | "outputUri" | "priority" | "outputBucketOwnerId";
const SCALAR_ORDER: readonly RunScalar[] = ["name", "outputUri", "priority", "outputBucketOwnerId"];

/** Which members a kind of run sets, known before any run: what `runEncoder` specialises on. */
export interface RunShape {
  /** The scalar members set, in the request's order. */
  scalars: readonly RunScalar[];
  /** The parameter keys, in order, when the runs set parameters. */
  parameters?: readonly string[];
  /** The tag keys, in order, when the runs set tags. */
  runTags?: readonly string[];
  /**
   * The caller knows that every `outputUri` string is an S3 URI (say, from a template that
   * starts with `s3://bucket/`), so the encoder does not test it.
   */
  outputUriIsS3Uri?: boolean;
}

/**
 * Checks and encodes one run of a `RunShape`: its values are read from `source` by the
 * shape's readers. Returns what `encodeRun` returns for the run `{ runSettingId, ...members }`,
 * or undefined when the fast test does not pass or a reader throws (the caller then builds
 * the run and takes the full checks).
 */
export type RunEncoder<S> = (runSettingId: string, source: S) => string | undefined;

/**
 * `encodeRun` specialised to one shape of run (and one `defaults`), as generated code: the key
 * tests, the key text and the counts that do not depend on the values are done once, here.
 * `read` has one reader per value, in order: the scalars, then the parameters, then the tags.
 * Undefined when the shape cannot take the fast path at all. Its output and its acceptance
 * are `encodeRun`'s (which stays the reference), except that it also falls back when a value
 * is `null` or `undefined` (a member or key left unset), a list or a record.
 */
export function runEncoder<S>(
  defaults: { outputUri?: unknown; runTags?: unknown; parameters?: unknown },
  shape: RunShape,
  read: readonly ((source: S) => unknown)[],
): RunEncoder<S> | undefined {
  if (!FAST_PATH) return undefined;
  const scalars = shape.scalars;
  const kinds: number[] = [];
  for (const s of scalars) {
    const k = SCALAR_ORDER.indexOf(s);
    if (k < 0 || (kinds.length > 0 && k <= (kinds[kinds.length - 1] as number))) return undefined;
    kinds.push(k);
  }
  if (!kinds.includes(1) && defaults.outputUri === undefined) return undefined;
  const params = shape.parameters ?? [];
  const tags = shape.runTags ?? [];
  if ((shape.parameters !== undefined && params.length === 0) || (shape.runTags !== undefined && tags.length === 0)) return undefined;
  if (read.length !== kinds.length + params.length + tags.length) return undefined;
  // Keys in the given order, as a record would list them: so no array-index keys (a record
  // lists those first), and none that a record treats apart.
  const plain = (keys: readonly string[]): boolean =>
    new Set(keys).size === keys.length &&
    keys.every((k) => SAFE_TEXT.test(k) && !/^(?:0|[1-9][0-9]*)$/.test(k) && k !== "__proto__" && k !== "constructor");
  if (!plain(params) || !plain(tags)) return undefined;
  let paramBase = 0;
  if (params.length > 0) {
    paramBase = jsonByteBound(defaults.parameters) + 2;
    for (const k of params) paramBase += 4 + 6 * k.length;
    if (paramBase > MAX_PARAMETER_BYTES) return undefined;
  }
  if (tags.length > 0) {
    const dt = defaults.runTags;
    const byDefaults = isPlainObject(dt) ? dt : undefined;
    let n = countKeys(dt);
    for (const k of tags) {
      if (k.length === 0 || k.length > TAG_KEY.max) return undefined;
      if (byDefaults === undefined || !hasOwn(byDefaults, k)) n++;
    }
    if (n > MAX_RUN_TAGS) return undefined;
  }
  // The generated body reads and tests each value, then joins the text in one expression
  // (`parts`: literal key text and the values, in order). The strings are tested all at once,
  // by a pattern of the whole text (`whole`): a string's place in it admits only `SAFE_TEXT`
  // characters, none of which (no `"`) can end it early, so the text passes exactly when every
  // string is `SAFE_TEXT`. Testing the text also flattens it, once, for its copy to the file.
  const lit = (s: string): string => JSON.stringify(s);
  const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  const str = `"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*"`;
  const parts: string[] = [lit('{"runSettingId":"'), "id", lit('"')];
  let whole = `^${re('{"runSettingId":')}${str}`;
  let body = `if (id.length === 0 || id.length > ${ID_BOUNDS.max}) return undefined;\n`;
  let i = 0;
  for (const k of kinds) {
    const v = `v${i++}`;
    const head = `,"${SCALAR_ORDER[k] as string}":`;
    body += `const ${v} = R[${i - 1}](src);\n`;
    switch (k) {
      case 0:
        body += `if (typeof ${v} !== "string" || ${v}.length === 0 || ${v}.length > ${NAME_BOUNDS.max}) return undefined;\n`;
        break;
      case 1:
        body += `if (typeof ${v} !== "string" || ${v}.length > ${URI_BOUNDS.max}${shape.outputUriIsS3Uri === true ? "" : ` || !isS3Uri(${v})`}) return undefined;\n`;
        break;
      case 2:
        body += `if (typeof ${v} !== "number" || !Number.isSafeInteger(${v}) || ${v} < ${PRIORITY_RANGE.min as number} || ${v} > ${PRIORITY_RANGE.max as number}) return undefined;\n`;
        parts.push(lit(head), v);
        whole += `${re(head)}-?[0-9]+`;
        continue;
      default:
        body += `if (typeof ${v} !== "string" || !ACCOUNT_ID.test(${v})) return undefined;\n`;
    }
    parts.push(lit(`${head}"`), v, lit('"'));
    whole += `${re(head)}${str}`;
  }
  // With parameters, two texts: `parts` for any parameter values, and `stringParts` (quotes
  // in the literal text) for the usual case of string values only, taken when `allStrings`.
  let stringParts: string[] | undefined;
  if (params.length > 0) {
    const vs = params.map(() => `v${i++}`);
    body += vs.map((v, j) => `const ${v} = R[${i - params.length + j}](src);\n`).join("");
    body += `const allStrings = ${vs.map((v) => `typeof ${v} === "string"`).join(" && ")};\n`;
    body += `let bound = ${paramBase};\nlet ${vs.map((v) => `p${v}`).join(", ")};\n`;
    body += `if (allStrings) bound += ${2 * params.length} + 6 * (${vs.map((v) => `${v}.length`).join(" + ")});\nelse {\n`;
    stringParts = [...parts];
    params.forEach((k, j) => {
      const v = vs[j] as string;
      const head = `${j === 0 ? `,"parameters":{` : ","}"${k}":`;
      body += `if (typeof ${v} === "string") { bound += 2 + 6 * ${v}.length; p${v} = '"' + ${v} + '"'; }
else if (typeof ${v} === "number") { if (!Number.isFinite(${v})) return undefined; bound += 24; p${v} = "" + ${v}; }
else if (typeof ${v} === "boolean") { bound += 5; p${v} = ${v} ? "true" : "false"; }
else return undefined;\n`;
      parts.push(lit(head), `p${v}`);
      stringParts?.push(lit(`${head}"`), v, lit('"'));
      whole += `${re(head)}(?:${str}|[-+.0-9eE]+|true|false)`;
    });
    body += `}\nif (bound > ${MAX_PARAMETER_BYTES}) return undefined;\n`;
    parts.push(lit("}"));
    stringParts.push(lit("}"));
    whole += "\\}";
  }
  if (tags.length > 0) {
    tags.forEach((k, j) => {
      const v = `v${i++}`;
      const head = `${j === 0 ? `,"runTags":{` : ","}"${k}":`;
      body += `const ${v} = R[${i - 1}](src);
if (typeof ${v} !== "string" || ${v}.length > ${TAG_VALUE.max}) return undefined;\n`;
      parts.push(lit(`${head}"`), v, lit('"'));
      stringParts?.push(lit(`${head}"`), v, lit('"'));
      whole += `${re(head)}${str}`;
    });
    parts.push(lit("}"));
    stringParts?.push(lit("}"));
    whole += "\\}";
  }
  parts.push(lit("}"));
  stringParts?.push(lit("}"));
  whole += "\\}$";
  // One concatenation, adjacent literals joined into one.
  const concat = (list: readonly string[]): string => {
    const joined: string[] = [];
    for (const p of list) {
      const last = joined[joined.length - 1];
      if (p.startsWith('"') && last !== undefined && last.startsWith('"')) joined[joined.length - 1] = lit((JSON.parse(last) as string) + (JSON.parse(p) as string));
      else joined.push(p);
    }
    return joined.join(" + ");
  };
  body += `const t = ${stringParts === undefined ? concat(parts) : `allStrings ? ${concat(stringParts)} : ${concat(parts)}`};\nreturn WHOLE.test(t) ? t : undefined;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(
    "R",
    "isS3Uri",
    "ACCOUNT_ID",
    "WHOLE",
    `"use strict"; return function encodeRunOfShape(id, src) { try {\n${body}\n} catch { return undefined; } };`,
  ) as (...args: unknown[]) => RunEncoder<S>;
  return make(read, isS3Uri, ACCOUNT_ID, new RegExp(whole));
}
