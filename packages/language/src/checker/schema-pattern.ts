// The `pattern` of a workflow's JSON Schema (`params from "nextflow_schema.json"`), matched in
// linear time with the same engine as `matches` and `match` (RE2 syntax, re2js). JSON Schema
// patterns are ECMAScript regular expressions; RE2 lacks lookaround and backreferences. One
// form is common in nf-core schemas and kept exactly: a pattern that ends in a negative
// lookbehind of one character before the end, `…(?<!,)$` (nf-core/sarek's comma-separated
// lists), is `…$` matched by RE2 and a test that the value does not end with that character.
// Any other pattern RE2 cannot compile is not checked; the checker warns (BC2053).
import { RE2JS } from "re2js";

/** A compiled schema pattern: `test` searches the value, as JSON Schema's `pattern` does. */
export interface SchemaPattern {
  test(value: string): boolean;
}

/** `…(?<!C)$` with C one character, plain or escaped. */
const TRAILING_LOOKBEHIND = /^(.*)\(\?<!(\\.|[^\\()[\]{}|*+?.^$])\)\$$/s;

function re2(pattern: string): RE2JS {
  return RE2JS.compile(pattern);
}

const search = (re: RE2JS, s: string): boolean => re.matcher(s).find();

/** Compiles `pattern`, or says why RE2 cannot take it. */
export function compileSchemaPattern(pattern: string): { ok: true; pattern: SchemaPattern } | { ok: false; reason: string } {
  try {
    const re = re2(pattern);
    return { ok: true, pattern: { test: (s) => search(re, s) } };
  } catch (err) {
    const m = TRAILING_LOOKBEHIND.exec(pattern);
    if (m) {
      const last = (m[2] as string).length === 2 ? unescape(m[2] as string) : (m[2] as string);
      try {
        const re = re2(`${m[1] as string}$`);
        if (last !== undefined) return { ok: true, pattern: { test: (s) => search(re, s) && !s.endsWith(last) } };
      } catch {
        // not the one form kept: fall through to the reason
      }
    }
    const reason = err instanceof Error ? err.message.replace(/^error parsing regexp: /, "") : String(err);
    return { ok: false, reason };
  }
}

/** The character an escape like `\,` or `\.` stands for; undefined for classes like `\d`. */
function unescape(escaped: string): string | undefined {
  const c = escaped[1] as string;
  return /[A-Za-z0-9]/.test(c) ? undefined : c;
}
