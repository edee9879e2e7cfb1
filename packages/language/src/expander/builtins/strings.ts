// String built-ins: `str`, `lower`, `upper`, `trim`, `replace`, `split`, `join`, `pad`,
// `matches`, `match`. Regular expressions use RE2 syntax (re2js): matching takes linear time
// whatever the pattern and the text, so a pattern from a data file cannot hang the compiler.
import { RE2JS } from "re2js";
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { checkStringSize } from "../limits.js";
import { valueToString, type Value } from "../../values.js";
import { BuiltinError } from "../errors.js";
import { expectInt, expectList, expectString } from "./args.js";

/** `str(x)`: strings as they are, numbers and bools as written, `null` as "null", others as JSON. */
export function str(x: Value): string {
  return valueToString(x);
}

/** `lower(s)` */
export function lower(s: Value): string {
  return expectString("lower", 0, s).toLowerCase();
}

/** `upper(s)` */
export function upper(s: Value): string {
  return expectString("upper", 0, s).toUpperCase();
}

/** `trim(s)`: without leading and trailing white space. */
export function trim(s: Value): string {
  return expectString("trim", 0, s).trim();
}

/** `replace(s, old, new)`: every occurrence of the literal `old` (an empty `old` matches between characters). */
export function replace(s: Value, old: Value, replacement: Value): string {
  const text = expectString("replace", 0, s);
  const from = expectString("replace", 1, old);
  const to = expectString("replace", 2, replacement);
  // The result's length, counted before it is built.
  let count = 0;
  if (from === "") count = text.length + 1;
  else for (let i = text.indexOf(from); i !== -1; i = text.indexOf(from, i + from.length)) count++;
  checkStringSize(text.length + count * (to.length - from.length));
  return text.replaceAll(from, () => to);
}

/** `split(s, sep)`: the parts between separators; an empty `sep` splits into characters (code points). */
export function split(s: Value, sep: Value): string[] {
  const text = expectString("split", 0, s);
  const by = expectString("split", 1, sep);
  return by === "" ? Array.from(text) : text.split(by);
}

/** `join(xs, sep)`: the elements, converted as by `str`, with `sep` between them. */
export function join(xs: Value, sep: Value): string {
  const list = expectList("join", 0, xs);
  const by = expectString("join", 1, sep);
  let out = "";
  for (let i = 0; i < list.length; i++) {
    const part = (i === 0 ? "" : by) + valueToString(list[i] as Value);
    checkStringSize(out.length + part.length);
    out += part;
  }
  return out;
}

/**
 * `pad(n, width)`: `n` as text, zero-padded on the left to `width` characters; a minus sign
 * stays first and counts towards the width (`pad(-7, 3)` is "-07"), as Python's `zfill`.
 */
export function pad(n: Value, width: Value): string {
  if (typeof n !== "number" && typeof n !== "string") {
    throw new BuiltinError(codes.wrongType("argument 1 of `pad`", "int", typeof n === "boolean" ? `a bool (${n})` : "a list or record"), 0);
  }
  const w = expectInt("pad", 1, width);
  checkStringSize(w, 1);
  const text = valueToString(n);
  const sign = text.startsWith("-") || text.startsWith("+") ? text[0] as string : "";
  const digits = sign === "" ? text : text.slice(1);
  const missing = w - sign.length - digits.length;
  return missing > 0 ? sign + "0".repeat(missing) + digits : text;
}

const regexCache = new Map<string, RE2JS | BuiltinError>();

/** The help for a pattern RE2 does not take: what the syntax leaves out. */
const RE2_HELP =
  "regular expressions use RE2 syntax, matched in linear time: no backreferences (`\\1`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`)";

/** Compiles a regular expression once (RE2 syntax, linear-time matching); an invalid one blames argument 2. */
function regex(fn: string, source: Value): RE2JS {
  const src = expectString(fn, 1, source);
  let re = regexCache.get(src);
  if (re === undefined) {
    try {
      re = RE2JS.compile(src);
    } catch (e) {
      const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e);
      re = new BuiltinError({ ...codes.invalidRegex(src, reason), help: RE2_HELP }, 1);
    }
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(src, re);
  }
  if (re instanceof BuiltinError) throw re;
  return re;
}

/** `matches(s, regex)`: true when the expression matches anywhere in `s` (not anchored). */
export function matches(s: Value, re: Value): boolean {
  const text = expectString("matches", 0, s);
  return regex("matches", re).matcher(text).find();
}

/**
 * `match(s, regex)`: the capture groups 1..n of the first match, or `null` without a match.
 * A group that did not take part in the match is "".
 */
export function match(s: Value, re: Value): string[] | null {
  const text = expectString("match", 0, s);
  const m = regex("match", re).matcher(text);
  if (!m.find()) return null;
  const out: string[] = [];
  for (let i = 1; i <= m.groupCount(); i++) out.push(m.group(i) ?? "");
  return out;
}
