// A check's findings: each broken constraint with its path, collected by the check that found
// it (`Found`), and the words messages use for paths, values and keys.
import { quote, type DiagnosticMessage } from "./codes.js";

/** Where a violation is, relative to the validated object: `["name"]`, `["runTags", "sample"]`. */
export type Path = (string | number)[];

/** One broken constraint. */
export interface Violation {
  path: Path;
  message: DiagnosticMessage;
}

const NONE: readonly Violation[] = Object.freeze([]);

/** The violations one check finds; none allocated while none is found. */
export class Found {
  private list: Violation[] | undefined;

  report(base: Path, key: string | number | undefined, message: DiagnosticMessage): void {
    const path = key === undefined ? base.slice() : [...base, key];
    (this.list ??= []).push({ path, message });
  }

  /** Whether something was reported at top-level member `key`. */
  reportedAt(key: string): boolean {
    return this.list !== undefined && this.list.some((v) => v.path[0] === key);
  }

  result(): readonly Violation[] {
    return this.list ?? NONE;
  }
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
export function show(base: Path, key: string | number | undefined): string {
  return quote(displayPath(key === undefined ? base : [...base, key]));
}

/** The subject of a message about a map's key: "the key `k` of `runTags`", "a key of `runTags`". */
export function showKey(base: Path, key: string | number | undefined): string {
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

export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

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


