// Text to a value of a declared type: the one conversion of CSV/TSV cells and `--var` values
// (`int`, `float`, `bool` as true/false/yes/no/1/0, `s3uri`, an enum; lists and records written
// as JSON). Text for non-`string` types is trimmed first; `string` text is kept exactly.
import { printType, type Type } from "../../checker/types.js";
import { suggestionList } from "@batchc/text";
import type { Value } from "../../values.js";
import { isS3Uri, mismatch, s3UriProblem } from "../coerce.js";

/** Why a text is not a value of the type: advice, or (`s3uri`) the S3 URI grammar's reason. */
export class TextProblem {
  constructor(
    readonly help: string | undefined,
    readonly s3uri?: string,
  ) {}
}

/** Converts one text to a type; returns the value or the problem. */
export type TextConverter = (text: string) => Value | TextProblem;

/** `bool` words (matched case-insensitively). */
export const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
  ["1", true],
  ["0", false],
]);
/** Integer and float syntax of cells and `--var` values. */
export const INT = /^-?\d+$/;
export const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Deepest nesting of lists and records a value read from text may have. */
export const MAX_DEPTH = 1000;

/** True when lists and records in `v` nest deeper than MAX_DEPTH (checked without recursion). */
export function tooDeep(v: Value): boolean {
  const stack: [Value, number][] = [[v, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [x, depth] = item;
    if (typeof x !== "object" || x === null) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const y of Array.isArray(x) ? x : Object.values(x)) if (typeof y === "object" && y !== null) stack.push([y, depth + 1]);
  }
  return false;
}

function number(kind: "int" | "float"): TextConverter {
  return kind === "int"
    ? (text) => {
        const s = text.trim();
        if (!INT.test(s)) return new TextProblem("an `int` is written as digits with an optional `-`");
        const v = Number(s);
        return Number.isSafeInteger(v) ? v : new TextProblem("integers are exact only up to 2^53");
      }
    : (text) => {
        const s = text.trim();
        if (!FLOAT.test(s)) return new TextProblem("a `float` is written like `1.5`, `-3` or `2e3`");
        const v = Number(s);
        return Number.isFinite(v) ? v : new TextProblem("the number is too large");
      };
}

function enumMember(values: readonly string[]): TextConverter {
  return (text) => {
    const s = text.trim();
    if (values.includes(s)) return s;
    const best = suggestionList(s, values)[0];
    return new TextProblem(best === undefined ? `use one of ${values.map((x) => JSON.stringify(x)).join(", ")}` : `did you mean ${JSON.stringify(best)}?`);
  };
}

/**
 * The converter of text to `type`, or undefined when the text stays a string. `noun` names
 * the text in advice (`write a \`[int]\` cell as JSON`).
 */
export function textConverter(type: Type, noun: "cell" | "value"): TextConverter | undefined {
  switch (type.kind) {
    case "string":
    case "any":
    case "error":
      return undefined;
    case "int":
    case "float":
      return number(type.kind);
    case "bool":
      return (text) => BOOL_WORDS.get(text) ?? BOOL_WORDS.get(text.trim().toLowerCase()) ?? new TextProblem("use true, false, yes, no, 1 or 0");
    case "s3uri":
      return (text) => {
        const s = text.trim();
        return isS3Uri(s) ? s : new TextProblem(undefined, s3UriProblem(s));
      };
    case "enum":
      return enumMember(type.values);
    default: {
      // Lists and records are written as JSON.
      const advice = new TextProblem(`write a \`${printType(type)}\` ${noun} as JSON`);
      return (text) => {
        let v: Value;
        try {
          v = JSON.parse(text) as Value;
        } catch {
          return advice;
        }
        return tooDeep(v) || mismatch(v, type) !== undefined ? advice : v;
      };
    }
  }
}
