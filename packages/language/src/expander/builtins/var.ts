// `var(name)`: a value from the command line (`--var name=VALUE`), converted to the type the
// `let` declares: `int`, `float`, `bool` (true/false/yes/no/1/0), `string`, `s3uri`, an enum;
// lists and records are written as JSON. Without a declared type the value is a string.
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { printType, type Type } from "../../checker/types.js";
import type { Value } from "../../values.js";
import { mismatch, isS3Uri, s3UriProblem } from "../coerce.js";
import { names } from "../../diagnostics/codes/names.js";
import { BuiltinError } from "../errors.js";
import { expectString } from "./args.js";
import type { CallSite } from "./context.js";
import { BOOL_WORDS, FLOAT, INT } from "./csv.js";
import { tooDeep } from "./files.js";
import { didYouMean } from "@batchc/text";

/** Converts the text of `--var name=text` to `type`, or throws a BuiltinError blaming argument 0. */
export function convertVar(name: string, text: string, type: Type | undefined): Value {
  const bad = (reason?: string): BuiltinError =>
    new BuiltinError(codes.varInvalid(name, text, type === undefined ? "string" : printType(type), reason), 0);
  if (type === undefined) return text;
  switch (type.kind) {
    case "string":
    case "any":
    case "error":
      return text;
    case "int": {
      const s = text.trim();
      const v = Number(s);
      if (!INT.test(s) || !Number.isSafeInteger(v)) throw bad("an `int` is written as digits with an optional `-`");
      return v;
    }
    case "float": {
      const s = text.trim();
      const v = Number(s);
      if (!FLOAT.test(s) || !Number.isFinite(v)) throw bad("a `float` is written like `1.5`, `-3` or `2e3`");
      return v;
    }
    case "bool": {
      const v = BOOL_WORDS.get(text.trim().toLowerCase());
      if (v === undefined) throw bad("use true, false, yes, no, 1 or 0");
      return v;
    }
    case "s3uri":
      if (!isS3Uri(text)) throw new BuiltinError(names.invalidS3Uri(text, s3UriProblem(text), `the value of \`--var ${name}\``), 0);
      return text;
    case "enum":
      if (!type.values.includes(text)) {
        throw bad(didYouMean(text, type.values, (s) => JSON.stringify(s)) ?? `use one of ${type.values.map((v) => JSON.stringify(v)).join(", ")}`);
      }
      return text;
    default: {
      let v: Value;
      try {
        v = JSON.parse(text) as Value;
      } catch {
        throw bad(`write a \`${printType(type)}\` value as JSON`);
      }
      if (tooDeep(v) || mismatch(v, type) !== undefined) throw bad(`write a \`${printType(type)}\` value as JSON`);
      return v;
    }
  }
}

/** `var(name)`: the `--var` value of that name, converted to the declared type. */
export function varBuiltin(args: readonly Value[], site: CallSite): Value {
  const name = expectString("var", 0, args[0] as Value);
  const vars = site.ctx.vars;
  if (!Object.hasOwn(vars, name)) throw new BuiltinError(codes.varMissing(name), 0);
  return convertVar(name, vars[name] as string, site.expected);
}
