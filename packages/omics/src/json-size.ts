// Sizes and counts after merging, computed without building the merged objects: the UTF-8 bytes
// of a value's JSON, a cheap upper bound of them, and the run tags after merging.
import { hasOwn, isPlainObject } from "./violations.js";

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
export function jsonByteBound(v: unknown): number {
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
export function mergedParametersOver(defaults: unknown, run: unknown, limit: number): number | undefined {
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

export function countKeys(o: unknown): number {
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

