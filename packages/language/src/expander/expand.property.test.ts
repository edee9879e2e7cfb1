// Properties of expansion over random small inputs (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_NAMES } from "../checker/builtins.js";
import { BUILTIN_IMPLS } from "./builtins/index.js";
import { expandText } from "../../test/expand-harness.js";

const list = (xs: readonly number[]): string => `[${xs.join(", ")}]`;

describe("expansion properties", () => {
  it("a two-source for yields the product of the lengths, in order, with unique ids", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 6 }), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 6 }), (xs, ys) => {
        const { expansion } = expandText(`let xs: [int] = ${list(xs)}\nlet ys: [int] = ${list(ys)}\nfor (i, a) in enumerate(xs), (j, b) in enumerate(ys) {\n  run "\${i}-\${j}" { priority = a + b + 10 }\n}`);
        const runs = [...expansion.runs()];
        expect(expansion.diagnostics).toEqual([]);
        expect(runs.length).toBe(xs.length * ys.length);
        expect(runs.map((r) => r.runSettingId)).toEqual(xs.flatMap((_, i) => ys.map((_, j) => `${i}-${j}`)));
        expect(runs.map((r) => r.fields.priority)).toEqual(xs.flatMap((a) => ys.map((b) => a + b + 10)));
        expect(new Set(runs.map((r) => r.runSettingId)).size).toBe(runs.length);
        expect(runs.map((r) => r.index)).toEqual(runs.map((_, k) => k));
      }),
      { numRuns: 60 },
    );
  });

  it("`where` keeps exactly the pairs that satisfy it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 6 }), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 6 }), (xs, ys) => {
        const { expansion } = expandText(`let xs: [int] = ${list(xs)}\nlet ys: [int] = ${list(ys)}\nfor (i, a) in enumerate(xs), (j, b) in enumerate(ys) where a < b {\n  run "\${i}-\${j}" {}\n}`);
        const runs = [...expansion.runs()];
        const expected = xs.flatMap((a, i) => ys.flatMap((b, j) => (a < b ? [`${i}-${j}`] : [])));
        expect(runs.map((r) => r.runSettingId)).toEqual(expected);
        expect(runs.length).toBeLessThanOrEqual(xs.length * ys.length);
        expect(new Set(runs.map((r) => r.runSettingId)).size).toBe(runs.length);
      }),
      { numRuns: 60 },
    );
  });

  it("ids built from values alone: every duplicate is reported and skipped, the rest are unique", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }), (xs) => {
        const { expansion } = expandText(`let xs: [int] = ${list(xs)}\nfor x in xs { run "id-\${x}" {} }`);
        const runs = [...expansion.runs()];
        const distinct = [...new Set(xs)];
        expect(runs.map((r) => r.runSettingId)).toEqual(distinct.map((x) => `id-${x}`));
        const repeats = xs.length - distinct.length;
        expect(expansion.diagnostics.length).toBe(repeats === 0 ? 0 : 1);
        if (repeats > 1) expect(expansion.diagnostics[0]?.notes?.at(-1)).toBe(`and ${repeats - 1} more iteration${repeats === 2 ? "" : "s"}`);
      }),
      { numRuns: 60 },
    );
  });
});

describe("built-in names", () => {
  it("the expander implements exactly the checker's built-ins", () => {
    expect([...BUILTIN_IMPLS.keys()].sort()).toEqual([...BUILTIN_NAMES].sort());
  });
});
