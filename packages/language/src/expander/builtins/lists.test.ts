import { describe, expect, it } from "vitest";
import { BuiltinError } from "../errors.js";
import { compareStrings, deepEqual, enumerate, flatten, intRange, keys, len, range, sort, unique, zip } from "./lists.js";

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BuiltinError) return `${e.message.code} ${e.message.message}`;
    throw e;
  }
  return "no error";
}

describe("list built-ins", () => {
  it("len counts list elements, code points and record fields", () => {
    expect([len([1, 2, 3]), len("a😀b"), len({ a: 1, b: 2 }), len([]), len("")]).toEqual([3, 3, 2, 0, 0]);
  });

  it("range is half-open; intRange (`..`) is inclusive; both empty when reversed", () => {
    expect(range(0, 3)).toEqual([0, 1, 2]);
    expect(range(3, 3)).toEqual([]);
    expect(range(5, 2)).toEqual([]);
    expect(intRange(1, 4)).toEqual([1, 2, 3, 4]);
    expect(intRange(-1, 1)).toEqual([-1, 0, 1]);
    expect(intRange(4, 1)).toEqual([]);
    expect(code(() => intRange(1, 20_000_000))).toBe(
      "BC3030 range of 20000000 elements is too large to build as a list (limit 10000000)",
    );
  });

  it("zip stops at the shorter list; enumerate counts from 0", () => {
    expect(zip([1, 2, 3], ["a", "b"])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(enumerate(["x", "y"])).toEqual([
      [0, "x"],
      [1, "y"],
    ]);
  });

  it("flatten flattens one level", () => {
    expect(flatten([[1, [2]], [], [3]])).toEqual([1, [2], 3]);
  });

  it("unique keeps first occurrences, comparing deeply", () => {
    expect(unique([3, 1, 3, 2, 1])).toEqual([3, 1, 2]);
    expect(unique([{ a: 1, b: 2 }, { b: 2, a: 1 }, [1], [1], "1", 1])).toEqual([{ a: 1, b: 2 }, [1], "1", 1]);
  });

  it("sort orders numbers numerically and strings by code point", () => {
    expect(sort([10, 9, -1, 2.5])).toEqual([-1, 2.5, 9, 10]);
    expect(sort(["b", "B", "a", "\u{1F600}", "\uFF61"])).toEqual(["B", "a", "b", "\uFF61", "\u{1F600}"]);
    expect(sort([])).toEqual([]);
    expect(code(() => sort([1, "a"]))).toBe("BC3027 cannot sort a list of mixed numbers and strings");
    expect(code(() => sort([true, false]))).toBe("BC3027 cannot sort a list of bools");
  });

  it("compareStrings follows code points, not UTF-16 units", () => {
    expect(compareStrings("\uFFFF", "\u{10000}") < 0).toBe(true);
    expect(compareStrings("a", "ab") < 0).toBe(true);
    expect(compareStrings("b", "a") > 0).toBe(true);
    expect(compareStrings("x", "x")).toBe(0);
  });

  it("keys lists record fields in order", () => {
    expect(keys({ z: 1, a: 2 })).toEqual(["z", "a"]);
    expect(code(() => keys([1]))).toBe("BC3007 argument 1 of `keys` must be `record`, found a list of 1");
  });

  it("deepEqual compares lists in order and records by key", () => {
    expect(deepEqual([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });
});
