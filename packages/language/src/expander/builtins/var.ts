// `var(name)`: a value from the command line (`--var name=VALUE`), converted to the type the
// `let` declares as CSV cells are (text-values.ts). Without a declared type the value is a string.
import { expand as codes } from "../../diagnostics/codes/expand.js";
import { printType, type Type } from "../../checker/types.js";
import type { Value } from "../../values.js";
import { names } from "../../diagnostics/codes/names.js";
import { BuiltinError } from "../errors.js";
import { expectString } from "./args.js";
import type { CallSite } from "./context.js";
import { TextProblem, textConverter } from "./text-values.js";

/** Converts the text of `--var name=text` to `type`, or throws a BuiltinError blaming argument 0. */
export function convertVar(name: string, text: string, type: Type | undefined): Value {
  const convert = type === undefined ? undefined : textConverter(type, "value");
  if (convert === undefined) return text;
  const v = convert(text);
  if (!(v instanceof TextProblem)) return v;
  if (v.s3uri !== undefined) throw new BuiltinError(names.invalidS3Uri(text.trim(), v.s3uri, `the value of \`--var ${name}\``), 0);
  throw new BuiltinError(codes.varInvalid(name, text, printType(type as Type), v.help), 0);
}

/** `var(name)`: the `--var` value of that name, converted to the declared type. */
export function varBuiltin(args: readonly Value[], site: CallSite): Value {
  const name = expectString("var", 0, args[0] as Value);
  const vars = site.ctx.vars;
  if (!Object.hasOwn(vars, name)) throw new BuiltinError(codes.varMissing(name), 0);
  return convertVar(name, vars[name] as string, site.expected);
}
