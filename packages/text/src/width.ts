// How long a string is: in code points (what the API's length limits count) and in terminal
// columns (what tables align on: East Asian wide and fullwidth characters take two columns,
// combining marks and zero-width characters none).
import { eastAsianWidth } from "get-east-asian-width";

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

/** Characters that take no column: combining marks, format characters (ZWJ, bidi marks), variation selectors. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\ufe00-\ufe0f]$/u;
/** Only printable ASCII: one column per character. */
const ASCII = /^[\x20-\x7e]*$/;

/** Columns one code point takes on a terminal: 0, 1 or 2. Control characters take none (they are escaped before printing). */
export function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  return eastAsianWidth(cp);
}

/** Columns `s` takes on a terminal (`r-東京サンプル` takes 14). Emoji sequences joined by ZWJ count each part. */
export function displayWidth(s: string): number {
  if (ASCII.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += codePointWidth(ch.codePointAt(0) as number);
  return w;
}

/** `s` cut to at most `max` columns, ending in `…` when cut. */
export function clipToWidth(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = codePointWidth(ch.codePointAt(0) as number);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** `s` followed by spaces up to `width` columns. */
export function padToWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}
