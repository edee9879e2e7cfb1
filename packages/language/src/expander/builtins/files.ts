// Data-file built-ins: `csv`, `tsv`, `json`, `lines`, `glob`. Paths are relative to the folder of
// the `.batch` file and read through the Host. Each file is read and converted once per
// expansion (by function, path and declared type), however often the call runs.
import * as path from "node:path";
import picomatch from "picomatch";
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { printType } from "../../checker/types.js";
import type { Value } from "../../values.js";
import { mismatch, mismatchMessage } from "../coerce.js";
import { BuiltinError, describeValue } from "../errors.js";
import { expectString } from "./args.js";
import type { CallSite } from "./context.js";
import { parseDelimited } from "./csv.js";
import { MAX_DEPTH, tooDeep } from "./text-values.js";
import { jsonErrorOffset } from "./json-error.js";

export { jsonErrorOffset } from "./json-error.js";
import { compareStrings } from "./lists.js";
import { HostError } from "../../host.js";
import { InvalidUtf8 } from "../../utf8.js";
import { similarFile } from "../../similar-file.js";

/** Resolves a data-file path against the `.batch` folder (absolute paths stay as they are). */
export function resolvePath(baseDir: string, p: string): string {
  return path.isAbsolute(p) ? p : path.join(baseDir, p);
}

function readReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === "ENOENT" || message.startsWith("ENOENT")) return "file not found";
  if (code === "EISDIR" || message.startsWith("EISDIR")) return "it is a folder";
  if (code === "EACCES" || message.startsWith("EACCES") || code === "EPERM") return "permission denied";
  return message;
}

/** The error for a failed read of `file` (a data file or a glob's folder). */
function readError(e: unknown, file: string, site?: CallSite): BuiltinError {
  if (e instanceof HostError) {
    const msg = e.code === "EOUTSIDE" ? codes.readOutside(file) : e.code === "ENOTREG" ? codes.specialFile(file, e.message) : codes.fileTooLarge(file, e.message);
    return new BuiltinError(msg, 0, file);
  }
  if (e instanceof InvalidUtf8) return new BuiltinError(codes.invalidUtf8(file, e.line, e.column), 0, file);
  const reason = readReason(e);
  const similar = reason === "file not found" && site !== undefined ? similarFile(site.ctx.host, resolvePath(site.ctx.baseDir, file), file) : undefined;
  return new BuiltinError(codes.fileUnreadable(file, reason, similar), 0, file);
}

/** Reads a data file as text (without a leading BOM), or throws a BuiltinError blaming argument 0. */
function readText(site: CallSite, file: string): string {
  let text: string;
  try {
    text = site.ctx.host.readFile(resolvePath(site.ctx.baseDir, file));
  } catch (e) {
    throw readError(e, file, site);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Runs `load` once per key and expansion; later calls return the value or rethrow the error. */
function cached(site: CallSite, key: string, load: () => Value): Value {
  const cache = site.ctx.fileCache;
  const hit = cache.get(key);
  if (hit !== undefined) {
    if (hit instanceof BuiltinError) throw hit;
    return hit;
  }
  try {
    const v = load();
    cache.set(key, v);
    return v;
  } catch (e) {
    if (e instanceof BuiltinError) cache.set(key, e);
    throw e;
  }
}

function delimited(fn: "csv" | "tsv", delimiter: "," | "\t", args: readonly Value[], site: CallSite): Value {
  const file = expectString(fn, 0, args[0] as Value);
  return cached(site, `${fn}\0${file}\0${site.expectedKey}`, () => {
    const text = readText(site, file);
    const lines: number[] = [];
    const { value, errors } = parseDelimited(text, file, delimiter, site.expected, lines);
    site.ctx.listOrigins.set(value, { file, firstLine: lines[0] ?? 2, lines: Int32Array.from(lines), delimiter });
    const first = errors[0];
    if (first !== undefined) {
      const e = new BuiltinError(first.message, undefined, first.key, errors.slice(1));
      if (value.length > 0) e.partial = value;
      throw e;
    }
    return value;
  });
}

/** `csv(path)`: the rows of a comma-separated file as records keyed by the header. */
export function csv(args: readonly Value[], site: CallSite): Value {
  return delimited("csv", ",", args, site);
}

/** `tsv(path)`: as `csv`, with tabs between cells. */
export function tsv(args: readonly Value[], site: CallSite): Value {
  return delimited("tsv", "\t", args, site);
}

/** `json(path)`: the parsed file; with a declared type, checked against it. */
export function json(args: readonly Value[], site: CallSite): Value {
  const file = expectString("json", 0, args[0] as Value);
  return cached(site, `json\0${file}\0${site.expectedKey}`, () => {
    const text = readText(site, file);
    let v: Value;
    try {
      v = JSON.parse(text) as Value;
    } catch (e) {
      const at = jsonErrorOffset(text);
      const pos = offsetToLineColumn(text, at);
      throw new BuiltinError(codes.jsonSyntax(file, jsonReason(text, at, e), pos.line, pos.column), undefined, file);
    }
    if (tooDeep(v)) throw new BuiltinError(codes.jsonSyntax(file, `values nest deeper than ${MAX_DEPTH} levels`), undefined, file);
    const big = unsafeInteger(text);
    if (big !== undefined) {
      const pos = offsetToLineColumn(text, big.offset);
      const reason = `the integer ${big.literal.length > 40 ? `${big.literal.slice(0, 37)}...` : big.literal} cannot be kept exactly (integers must be between -(2^53 - 1) and 2^53 - 1)`;
      throw new BuiltinError({ ...codes.jsonSyntax(file, reason, pos.line, pos.column), help: "write it as a string in the file" }, undefined, file);
    }
    const expected = site.expected;
    if (expected !== undefined) {
      const m = mismatch(v, expected);
      if (m !== undefined) {
        // A string that is not the S3 URI or enum value declared gets the same message (and reason,
        // did-you-mean) as anywhere else; other kinds, the file's own type message.
        const own = typeof m.found === "string" && (m.expected.kind === "s3uri" || m.expected.kind === "enum");
        const msg = own ? mismatchMessage({ ...m, path: "" }, `\`$${m.path}\` in \`${file}\``) : codes.jsonType(file, `$${m.path}`, printType(m.expected), describeValue(m.found));
        throw new BuiltinError(msg, undefined, file);
      }
    }
    if (Array.isArray(v)) {
      const lines = arrayElementLines(text);
      site.ctx.listOrigins.set(v, { file, firstLine: lines[0] ?? 1, lines });
    }
    return v;
  });
}

/**
 * The line where each element of the top-level array of `text` starts; `text` is valid JSON
 * whose value is an array. Line breaks count as `offsetToLineColumn` counts them.
 */
export function arrayElementLines(text: string): Int32Array {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let element = false; // the next value at depth 1 starts an element
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (element && c !== 93) {
      lines.push(line);
      element = false;
    }
    if (c === 34) {
      // A string: to its closing quote, past escapes (valid JSON has no line break inside).
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) element = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) element = true;
  }
  return Int32Array.from(lines);
}

/**
 * The first integer literal of a JSON text (valid JSON) that a double cannot hold exactly, with
 * its offset: JSON.parse would round it (`9007199254740993` to `…992`). Strings are skipped.
 */
export function unsafeInteger(text: string): { offset: number; literal: string } | undefined {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      continue;
    }
    if (c !== 45 && (c < 48 || c > 57)) continue;
    let j = c === 45 ? i + 1 : i;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const next = text.charCodeAt(j);
    const isInteger = !(next === 46 || next === 101 || next === 69);
    const literal = text.slice(i, j);
    if (isInteger && literal.replace("-", "").length >= 16 && !Number.isSafeInteger(Number(literal))) return { offset: i, literal };
    // Past the whole number token (fraction and exponent included).
    while (j < n && /[0-9.eE+-]/.test(text.charAt(j))) j++;
    i = j - 1;
  }
  return undefined;
}

/**
 * `lines(path)`: every line of a text file, without line breaks. Empty lines in the middle are
 * kept (they are data); only the empty string after a final line break is dropped.
 */
export function lines(args: readonly Value[], site: CallSite): Value {
  const file = expectString("lines", 0, args[0] as Value);
  return cached(site, `lines\0${file}\0${site.expectedKey}`, () => {
    const text = readText(site, file);
    const out = splitLines(text);
    const expected = site.expected;
    if (expected !== undefined && expected.kind === "list") {
      for (let i = 0; i < out.length; i++) {
        const m = mismatch(out[i] as string, expected.element);
        if (m !== undefined) {
          const msg = mismatchMessage(m, `line ${i + 1} of \`${file}\``);
          throw new BuiltinError({ ...msg, notes: [`in ${file}, line ${i + 1}`] }, undefined, file);
        }
      }
    }
    site.ctx.listOrigins.set(out, { file, firstLine: 1 });
    return out;
  });
}

/** Splits text into lines (`\n`, `\r\n` or `\r`), dropping the empty string after a final break. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const out = text.split(/\r\n|\n|\r/);
  if (out[out.length - 1] === "") out.pop();
  return out;
}

/**
 * `glob(pattern)`: matching files as paths relative to the `.batch` folder, with `/`, sorted.
 * `*` and `?` stay within one folder, `**` crosses folders, and names starting with `.` match
 * only when the pattern spells the dot (as in a shell). No match is an error.
 */
export function glob(args: readonly Value[], site: CallSite): Value {
  const pattern = expectString("glob", 0, args[0] as Value);
  return cached(site, `glob\0${pattern}`, () => {
    const found = globFiles(site, pattern);
    if (found.length === 0) throw new BuiltinError(codes.globNoMatch(pattern), 0, pattern);
    return found;
  });
}

function globFiles(site: CallSite, pattern: string): string[] {
  const normalized = pattern.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
  const scan = picomatch.scan(normalized);
  const base = scan.base;
  const { host, baseDir } = site.ctx;
  if (!scan.isGlob) {
    try {
      return host.exists(resolvePath(baseDir, normalized)) ? [normalized] : [];
    } catch (e) {
      throw readError(e, normalized);
    }
  }
  const dir = resolvePath(baseDir, base === "" ? "." : base);
  let files = site.ctx.listings.get(dir);
  if (files === undefined) {
    try {
      files = host.listFiles(dir);
    } catch (e) {
      // A missing folder matches nothing; any other failure (a folder that cannot be read, a
      // link leading outside the project) is reported for the path it concerns.
      if ((e as { code?: unknown } | null)?.code !== "ENOENT") {
        const at = (e as { path?: unknown }).path;
        throw readError(e, typeof at === "string" ? displayPath(baseDir, at) : base === "" ? "." : base);
      }
      files = [];
    }
    site.ctx.listings.set(dir, files);
  }
  const isMatch = picomatch(scan.glob, { dot: false });
  const out: string[] = [];
  for (const f of files) if (isMatch(f)) out.push(base === "" ? f : `${base}/${f}`);
  return out.sort(compareStrings);
}

/** A path as written relative to the `.batch` folder when it is below it (`/` separators). */
function displayPath(baseDir: string, p: string): string {
  const rel = path.relative(path.resolve(baseDir), path.resolve(p));
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : p;
}

function jsonReason(text: string, at: number, e: unknown): string {
  if (at >= text.length) return "unexpected end of the file";
  const ch = String.fromCodePoint(text.codePointAt(at) as number);
  return e instanceof SyntaxError ? `unexpected ${JSON.stringify(ch)}` : String(e);
}

/** 1-based line and column (in code points) of an offset in a text. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  let column = 1;
  for (let i = start; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line, column };
}

