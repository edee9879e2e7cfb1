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

  it("ids built from values alone: every duplicate is reported and skipped, the rest are unique, the fold note counts each id exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 24 }), fc.boolean(), (xs, failing) => {
        // With `failing`, runs of odd x fail in a field: the duplicates reported stay the same.
        const field = failing ? `priority = if x % 2 == 1 then int("x\${x}") else 1` : "";
        const { expansion } = expandText(`let xs: [int] = ${list(xs)}\nfor x in xs { run "id-\${x}" { ${field} } }`);
        const runs = [...expansion.runs()];
        const distinct = [...new Set(xs)];
        expect(runs.map((r) => r.runSettingId)).toEqual(distinct.filter((x) => !failing || x % 2 === 0).map((x) => `id-${x}`));
        const dups = xs.filter((x, i) => xs.indexOf(x) < i);
        const reported = expansion.diagnostics.filter((d) => d.code === "BC3010");
        expect(reported.length).toBe(dups.length === 0 ? 0 : 1);
        if (dups.length === 0) return;
        expect(reported[0]?.message).toBe(`duplicate run id "id-${dups[0]}"`);
        // The note, written out: the headline id's further repeats first, then the others in order.
        const rest = dups.slice(1);
        const order = [...new Set([dups[0] as number, ...rest])];
        const parts = order
          .map((x, k) => ({ x, k, n: rest.filter((y) => y === x).length }))
          .filter((p) => p.n > 0);
        const named = parts.slice(0, 5).map((p) => `${p.n}${p.k === 0 ? " more" : ""} of "id-${p.x}"`);
        const others = parts.slice(5);
        if (others.length > 0) named.push(`${others.reduce((a, p) => a + p.n, 0)} of ${others.length} other${others.length === 1 ? "" : "s"}`);
        const head = `and ${rest.length} more iteration${rest.length === 1 ? "" : "s"}`;
        const note = rest.length === 0 ? undefined : rest.every((x) => x === dups[0]) ? head : `${head}: ${named.join(", ")}`;
        const last = reported[0]?.notes?.at(-1);
        if (note === undefined) expect(last?.startsWith("and ")).toBe(false);
        else expect(last).toBe(note);
      }),
      { numRuns: 200 },
    );
  });
});

describe("built-in names", () => {
  it("the expander implements exactly the checker's built-ins", () => {
    expect([...BUILTIN_IMPLS.keys()].sort()).toEqual([...BUILTIN_NAMES].sort());
  });
});
