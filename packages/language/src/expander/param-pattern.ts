// The `pattern` of a parameter declared by a JSON Schema (`params from "nextflow_schema.json"`):
// every string value must match it, else the run fails at the value.
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { Span } from "../source.js";
import type { Value } from "../values.js";
import { Failure } from "./errors.js";
import { compileSchemaPattern } from "../checker/schema-pattern.js";

/** Adds the pattern test to a parameter's value check (`check` may be undefined). */
export function withPattern(check: ((v: Value) => Value) | undefined, pattern: string | undefined, name: string, span: Span): ((v: Value) => Value) | undefined {
  if (pattern === undefined) return check;
  const compiled = compileSchemaPattern(pattern);
  if (!compiled.ok) return check; // the checker warned (BC2053)
  const re = compiled.pattern;
  return (v) => {
    const out = check === undefined ? v : check(v);
    if (typeof out === "string" && !re.test(out)) throw new Failure(codes.patternMismatch(name, out, pattern), span).about(out);
    return out;
  };
}
