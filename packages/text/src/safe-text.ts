// Text from outside (service messages, CSV cells, run names, ids) made safe to print on a
// terminal: control characters (C0, DEL, C1), bidirectional controls, line and paragraph
// separators and lone surrogates are shown escaped (`\x1b`, `\u202e`), long texts are cut with a
// note, and secret-shaped values (access key ids, secret keys, session tokens, passwords in
// URLs) are masked wherever they appear.
import { formatCount } from "./count.js";
import { clipToWidth } from "./width.js";

/** Characters shown escaped: C0 controls, DEL, C1 controls, bidi controls and marks, U+2028/9. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, sparing line breaks (for messages printed over several lines). */
const UNSAFE_KEEP_NEWLINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Masks secret-shaped values: access key ids, secret keys, session tokens and URL userinfo. */
export function maskSecrets(text: string): string {
  return (
    text
      // Access key ids: AKIA/ASIA + 16 (the first 4 kept, as the AWS CLI shows them).
      .replace(/\b((?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|A3T[A-Z0-9])[A-Z0-9]{12})([A-Z0-9]{4})\b/g, (_m, _a: string, _b: string) => `${_a.slice(0, 4)}${"*".repeat(16)}`)
      // A secret or token after its name (`aws_secret_access_key = …`, `"SessionToken": "…"`, `X-Amz-Security-Token: …`).
      .replace(
        /((?:secret[_-]?access[_-]?key|secretkey|secret|session[_-]?token|security[_-]?token|x-amz-security-token|password|passwd)["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi,
        (_m, name: string) => `${name}****`,
      )
      // A bare secret access key (40 base64 letters) or session token (100 or more): with both
      // cases and a digit, so hex digests and plain words stay.
      .replace(/(?<![A-Za-z0-9/+=])(?:[A-Za-z0-9/+]{40}|[A-Za-z0-9/+]{100,}={0,2})(?![A-Za-z0-9/+=])/g, (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9]/.test(m) ? "****" : m))
      // A request signature (`Signature=<hex>` in an Authorization header or a presigned URL).
      .replace(/(Signature=)[0-9a-f]+/gi, "$1****")
      // Userinfo in a URL: scheme://user:password@host -> scheme://****@host.
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1****@")
  );
}

export interface SafeTextOptions {
  /** Longest text shown; longer ones are cut with a note (default 2,000 characters). */
  max?: number;
  /** Keep line breaks (for multi-line messages); else they are escaped too. */
  multiline?: boolean;
}

/** `text` safe to print: secrets masked, control characters escaped, cut when too long. */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  const max = options.max ?? 2000;
  let s = text.length > max * 4 ? text.slice(0, max * 4) : text; // bound the work on huge texts
  s = maskSecrets(s).replace(options.multiline === true ? UNSAFE_KEEP_NEWLINES : UNSAFE, escape);
  if (text.length > max || s.length > max) {
    const cut = s.slice(0, max);
    return `${cut}… (cut: ${formatCount(text.length)} characters in all)`;
  }
  return s;
}

/** A table cell: one line, safe, at most `max` terminal columns. */
export function safeCell(text: string, max = 60): string {
  const s = maskSecrets(text.length > max * 8 ? text.slice(0, max * 8) : text).replace(UNSAFE, escape);
  return clipToWidth(s, max);
}
