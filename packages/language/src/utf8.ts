// Strict UTF-8: text read from files is decoded only when every byte sequence is valid, so a
// stray byte is reported at its line and column instead of turning into U+FFFD.
import { isUtf8 } from "node:buffer";

/** An invalid byte sequence: its byte offset and its 1-based line and column (in characters). */
export class InvalidUtf8 extends Error {
  readonly code = "EILSEQ";
  /** The text with each invalid sequence replaced by U+FFFD, for showing the place. */
  text = "";
  /** The offset of the first replacement character in `text`. */
  textOffset = 0;
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`invalid UTF-8 at line ${line}, column ${column}`);
  }
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && (b[i + k] as number) >= lo && (b[i + k] as number) <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no UTF-16 surrogates
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Where the first invalid sequence of `bytes` is (line breaks: `\n`, `\r\n`, `\r`). */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return new InvalidUtf8(i, line, column);
    const c = bytes[i] as number;
    if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) {
      line++;
      column = 1;
    } else column++;
    i += n;
  }
  return undefined;
}

/** Decodes UTF-8, or throws InvalidUtf8 at the first invalid sequence. */
export function decodeUtf8(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  const bad = findInvalidUtf8(bytes) ?? new InvalidUtf8(0, 1, 1);
  bad.text = bytes.toString("utf8");
  bad.textOffset = bytes.subarray(0, bad.offset).toString("utf8").length;
  throw bad;
}
