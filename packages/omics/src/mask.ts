// Text that came from outside (a service's error message, an endpoint URL the user typed) made
// safe to print: secrets masked, control characters escaped, length bounded.

/** The longest service message printed; the rest is cut with a note. */
export const MAX_SERVICE_TEXT = 1000;

/** A URL with its password (and user name) replaced, so `http://user:pass@host` never prints the password. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i, (_, scheme: string) => `${scheme}***@`);
}

/** Masks anything that looks like a credential: access key ids, signatures, secrets, session tokens, URL userinfo. */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g, "<access-key-id>")
    .replace(/(Credential=)[^,\s]+/g, "$1<redacted>")
    .replace(/(Signature=)[0-9a-f]+/gi, "$1<redacted>")
    .replace(/((?:aws_)?secret_?access_?key["']?\s*[=:]\s*["']?)[^\s"',;]+/gi, "$1<redacted>")
    .replace(/((?:aws_)?(?:session|security)_?token["']?\s*[=:]\s*["']?)[^\s"',;]+/gi, "$1<redacted>")
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, "$1***@");
}

/**
 * A service message as one printable line: secrets masked, control characters (including ANSI
 * escapes and carriage returns) shown as `\xNN`/`\u{…}`, cut after {@link MAX_SERVICE_TEXT} characters.
 */
export function serviceText(text: string): string {
  const masked = maskSecrets(text);
  const cut = masked.length > MAX_SERVICE_TEXT ? `${masked.slice(0, MAX_SERVICE_TEXT)}… (${masked.length - MAX_SERVICE_TEXT} more characters)` : masked;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.codePointAt(0) as number;
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}
