// The binary operators of expressions on values (docs/language.md §6):
// - `%` is floored, as in Python: the result has the sign of the right side (`-7 % 3` is 2).
// - `/` always divides as floats (`7 / 2` is 3.5); `x / 0` and `x % 0` are errors.
// - `<`, `<=`, `>`, `>=` compare two numbers, or two strings by code point.
// - `+` adds numbers, joins two strings, concatenates two lists and merges two records (the
//   right side wins); other mixes (a string and a number) are errors, as in Python.
// Operands the checker typed as numbers take the direct path.
import type { BinaryExpression } from "../ast/nodes.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { Span } from "../source.js";
import { isRecordValue, type Value } from "../values.js";
import { compareStrings, deepEqual } from "./builtins/index.js";
import { Failure, describeValue } from "./errors.js";
import type { Evaluator } from "./evaluator.js";
import { checkListSize, checkStringSize } from "./limits.js";

/** Where an operator is: its span, its right operand's, and how a built-in error is placed. */
export interface OperatorSite {
  /** Both operands are typed `int` or `float`. */
  numeric: boolean;
  span: Span;
  right: Span;
  place: (x: unknown) => unknown;
}

type Op = Exclude<BinaryExpression["operator"], "and" | "or">;
type Mixed = (a: Value, b: Value) => never;

/** The evaluator of `l op r`. */
export function operator(op: Op, l: Evaluator, r: Evaluator, site: OperatorSite): Evaluator {
  const mixed: Mixed = (a, b) => {
    throw new Failure(codes.operandTypes(op, describeValue(a), describeValue(b)), site.span);
  };
  switch (op) {
    case "==":
      return (env) => deepEqual(l(env), r(env));
    case "!=":
      return (env) => !deepEqual(l(env), r(env));
    case "+":
      if (site.numeric) return (env) => (l(env) as number) + (r(env) as number);
      return (env) => {
        try {
          return add(l(env), r(env), mixed);
        } catch (x) {
          throw site.place(x);
        }
      };
    case "-":
    case "*":
      return arithmetic(op, l, r, site.numeric, mixed);
    case "/":
    case "%":
      return division(op, l, r, site.right, mixed);
    default:
      return comparison(op, l, r, site.numeric, mixed);
  }
}

function arithmetic(op: "-" | "*", l: Evaluator, r: Evaluator, numeric: boolean, mixed: Mixed): Evaluator {
  if (numeric) return op === "-" ? (env) => (l(env) as number) - (r(env) as number) : (env) => (l(env) as number) * (r(env) as number);
  return (env) => {
    const a = l(env);
    const b = r(env);
    if (typeof a !== "number" || typeof b !== "number") return mixed(a, b);
    return op === "-" ? a - b : a * b;
  };
}

function division(op: "/" | "%", l: Evaluator, r: Evaluator, right: Span, mixed: Mixed): Evaluator {
  return (env) => {
    const a = l(env);
    const b = r(env);
    if (typeof a !== "number" || typeof b !== "number") return mixed(a, b);
    if (b === 0) throw new Failure(codes.divisionByZero(op), right);
    if (op === "/") return a / b;
    const m = a % b;
    return m !== 0 && (m < 0) !== (b < 0) ? m + b : m === 0 ? 0 : m;
  };
}

function comparison(op: "<" | "<=" | ">" | ">=", l: Evaluator, r: Evaluator, numeric: boolean, mixed: Mixed): Evaluator {
  if (numeric) {
    return op === "<"
      ? (env) => (l(env) as number) < (r(env) as number)
      : op === "<="
        ? (env) => (l(env) as number) <= (r(env) as number)
        : op === ">"
          ? (env) => (l(env) as number) > (r(env) as number)
          : (env) => (l(env) as number) >= (r(env) as number);
  }
  const test = op === "<" ? (c: number) => c < 0 : op === "<=" ? (c: number) => c <= 0 : op === ">" ? (c: number) => c > 0 : (c: number) => c >= 0;
  return (env) => {
    const a = l(env);
    const b = r(env);
    if (typeof a === "number" && typeof b === "number") return test(a - b);
    if (typeof a === "string" && typeof b === "string") return test(compareStrings(a, b));
    return mixed(a, b);
  };
}

/** `a + b` on values: numbers add, strings join, lists concatenate, records merge (right wins). */
function add(a: Value, b: Value, mixed: Mixed): Value {
  if (typeof a === "string" && typeof b === "string") {
    checkStringSize(a.length + b.length);
    return a + b;
  }
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    checkListSize(a.length + b.length);
    return a.concat(b);
  }
  if (isRecordValue(a) && isRecordValue(b)) return { ...a, ...b };
  return mixed(a, b);
}
