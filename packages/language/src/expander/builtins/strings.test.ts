import { describe, expect, it } from "vitest";
import { BuiltinError } from "../errors.js";
import { join, lower, match, matches, pad, replace, split, str, trim, upper } from "./strings.js";

/** The code and message of the BuiltinError `f` throws. */
function thrown(f: () => unknown): { code: string; message: string; help?: string; arg?: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof BuiltinError) {
      const out: { code: string; message: string; help?: string; arg?: number } = { code: e.message.code, message: e.message.message };
      if (e.message.help !== undefined) out.help = e.message.help;
      if (e.argIndex !== undefined) out.arg = e.argIndex;
      return out;
    }
    throw e;
  }
  throw new Error("did not throw");
}

describe("string built-ins", () => {
  it("str converts as interpolation does", () => {
    expect([str("a"), str(3), str(1.5), str(true), str(null), str([1, "a"]), str({ k: 1 })]).toEqual([
      "a",
      "3",
      "1.5",
      "true",
      "null",
      '[1,"a"]',
      '{"k":1}',
    ]);
  });

  it("lower, upper, trim", () => {
    expect([lower("AbÇ"), upper("abç"), trim("  a b \n")]).toEqual(["abç", "ABÇ", "a b"]);
  });

  it("replace replaces every literal occurrence, `$` included", () => {
    expect(replace("a.b.c", ".", "/")).toBe("a/b/c");
    expect(replace("x$1x", "x", "$&")).toBe("$&$1$&");
    expect(replace("abc", "", "-")).toBe("-a-b-c-");
    expect(replace("aaa", "aa", "b")).toBe("ba");
  });

  it("split and join", () => {
    expect(split("a,b,,c", ",")).toEqual(["a", "b", "", "c"]);
    expect(split("a😀b", "")).toEqual(["a", "😀", "b"]);
    expect(split("", ",")).toEqual([""]);
    expect(join(["a", 1, true, null], "-")).toBe("a-1-true-null");
    expect(join([], ",")).toBe("");
  });

  it("pad zero-pads with the sign first", () => {
    expect([pad(7, 3), pad(123, 2), pad(-7, 3), pad(0, 1), pad(42, 0), pad("7", 4)]).toEqual(["007", "123", "-07", "0", "42", "0007"]);
  });

  it("matches is an unanchored test over code points", () => {
    expect([matches("S1_R1.fq", "_R[12]\\."), matches("abc", "^b"), matches("😀", "^.$")]).toEqual([true, false, true]);
  });

  it("match returns the capture groups or null", () => {
    expect(match("S12_L001_R1.fastq.gz", "^(S\\d+)_L(\\d+)")).toEqual(["S12", "001"]);
    expect(match("abc", "(x)?b")).toEqual([""]);
    expect(match("abc", "z")).toBeNull();
    expect(match("abc", "b")).toEqual([]);
  });

  it("an invalid regular expression is BC3023 blaming the regex, with RE2's syntax in the help", () => {
    const help =
      "regular expressions use RE2 syntax, matched in linear time: no backreferences (`\\1`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`)";
    expect(thrown(() => matches("a", "(a"))).toEqual({ code: "BC3023", message: 'invalid regular expression "(a": missing closing ): `(a`', help, arg: 1 });
    expect(thrown(() => match("a", "["))).toEqual({ code: "BC3023", message: 'invalid regular expression "[": missing closing ]: `[`', help, arg: 1 });
    // What RE2 leaves out: backreferences and lookaround.
    expect(thrown(() => matches("aa", "(a)\\1"))).toEqual({ code: "BC3023", message: 'invalid regular expression "(a)\\\\1": invalid escape sequence: `\\1`', help, arg: 1 });
    expect(thrown(() => matches("ab", "a(?=b)"))).toEqual({ code: "BC3023", message: 'invalid regular expression "a(?=b)": invalid or unsupported Perl syntax: `(?=`', help, arg: 1 });
  });

  it("matching takes linear time: the nested quantifier of the issue on a 37-character id that does not match", () => {
    // A backtracking engine takes over a minute here; RE2 answers at once (no timing asserted).
    const id = `${"A1b2C3d4E5".repeat(3)}f6G7h8!`;
    expect(id).toHaveLength(37);
    expect(matches(id, "^([A-Za-z0-9]+[-_]?)+$")).toBe(false);
    expect(match(id, "^([A-Za-z0-9]+[-_]?)+$")).toBeNull();
    expect(match("S1_L001-x", "^([A-Za-z0-9]+[-_]?)+$")).toEqual(["x"]);
  });

  it("arguments of the wrong type (from `any`) are BC3007", () => {
    expect(thrown(() => lower(3))).toEqual({ code: "BC3007", message: "argument 1 of `lower` must be `string`, found an int (3)", arg: 0 });
    expect(thrown(() => join("ab", ","))).toEqual({ code: "BC3007", message: 'argument 1 of `join` must be `list`, found a string ("ab")', arg: 0 });
    expect(thrown(() => pad(1, 2.5))).toEqual({ code: "BC3007", message: "argument 2 of `pad` must be `int`, found a float (2.5)", arg: 1 });
  });
});
