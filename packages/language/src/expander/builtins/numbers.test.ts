import { describe, expect, it } from "vitest";
import { BuiltinError } from "../errors.js";
import { float, int, max, min } from "./numbers.js";

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BuiltinError) return `${e.message.code} ${e.message.message}${e.message.help ? ` | ${e.message.help}` : ""}`;
    throw e;
  }
  return "no error";
}

describe("number built-ins", () => {
  it("int truncates toward zero and parses integer strings", () => {
    expect([int(3.9), int(-3.9), int(-0.5), int("42"), int("-7"), int(" 8 "), int(true)]).toEqual([3, -3, 0, 42, -7, 8, 1]);
    expect(Object.is(int(-0.5), 0)).toBe(true);
  });

  it('int("x") is BC3004', () => {
    expect(code(() => int("x"))).toBe('BC3004 cannot convert "x" to `int` | an `int` is written as digits with an optional `-`');
    expect(code(() => int("1.5"))).toBe('BC3004 cannot convert "1.5" to `int` | an `int` is written as digits with an optional `-`');
    expect(code(() => int("99999999999999999999"))).toBe(
      'BC3004 cannot convert "99999999999999999999" to `int` | integers are exact only up to 2^53',
    );
  });

  it("float parses numbers", () => {
    expect([float(2), float("1.5"), float("-3"), float("2e3"), float(".5")]).toEqual([2, 1.5, -3, 2000, 0.5]);
    expect(code(() => float("abc"))).toBe('BC3004 cannot convert "abc" to `float` | a `float` is written like `1.5`, `-3` or `2e3`');
    expect(code(() => float("1e999"))).toBe('BC3004 cannot convert "1e999" to `float` | a `float` is written like `1.5`, `-3` or `2e3`');
  });

  it("min and max", () => {
    expect([min(1, 2), max(1, 2), min(2.5, -1), max("a", "b")]).toEqual([1, 2, -1, "b"]);
    expect(code(() => min(1, "a"))).toBe('BC3031 cannot apply `min` to an int (1) and a string ("a")');
  });
});
