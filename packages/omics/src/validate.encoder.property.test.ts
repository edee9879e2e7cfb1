// Property: `runEncoder` (encodeRun specialised to one shape of run) gives exactly what
// `encodeRun` gives for the same run, text or refusal, on random shapes and values (unicode,
// quotes, backslashes, control characters, long text, numbers at the range edges); whenever it
// gives text, that text is `JSON.stringify` of the run and the full checks find nothing. It
// refuses unset values, lists and records (the full path takes them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeRun, runEncoder, validateMergedRun, validateRunSetting, type RunScalar } from "./validate.js";

const SCALARS: readonly RunScalar[] = ["name", "outputUri", "priority", "outputBucketOwnerId"];

const text = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ._/-]{0,30}$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^s3:\/\/[a-z0-9-]{0,8}\/[A-Za-z0-9/ ]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom("s3://", "s3:///x", "S3://b/", "123456789012", "12345678901", "a\"b", "a\\b", "tab\there", "line\n", "\u007f", "café", "東", "😀", "\ud800", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(1, 127, 128, 129, 255, 256, 257, 749, 750, 751, 9000), fc.constantFrom("a", "é", "\"")).map(([n, c]) => c.repeat(n)) },
);
// Text that would pass for the JSON around it: a value that closes its string and opens the
// next member or key (with the keys the shapes use most).
const forged = fc.constantFrom('x","b":"y', 'x","a":"', '1,"b":2', 'x"},"runTags":{"t":"y', 'x"', '"', 'x","priority":5,"b":"', "x\\", 'x","outputUri":"s3://ooo/');
const value = fc.oneof(
  { weight: 8, arbitrary: text },
  { weight: 2, arbitrary: forged },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(0, 1, 90, 100_000, 100_001, -1, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e21, true, false) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, [], {}, { a: 1 }, ["x"]) },
);
const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), fc.constantFrom("", "0", "12", "01", "a b", "a\"b", "é", "__proto__", "constructor", "x".repeat(129)));

const defaults = fc.record(
  {
    outputUri: fc.constantFrom("s3://out/", "s3://out/", undefined),
    parameters: fc.oneof(fc.constant(undefined), fc.dictionary(key, value, { maxKeys: 3 }), fc.constant({ big: "x".repeat(8_600) })),
    runTags: fc.oneof(fc.constant(undefined), fc.dictionary(key, fc.string({ maxLength: 4 }), { maxKeys: 3 }), fc.constant(Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`t${i}`, "v"])))),
  },
  { requiredKeys: [] },
);

// Values that usually fit their member (so runs pass often), with a wild one now and then.
const safe = fc.stringMatching(/^[A-Za-z0-9 ._/-]{1,20}$/);
const fitting: Record<string, fc.Arbitrary<unknown>> = {
  name: safe,
  outputUri: fc.stringMatching(/^s3:\/\/[a-z0-9-]{1,8}\/[A-Za-z0-9/]{0,12}$/),
  priority: fc.integer({ min: -1, max: 100_001 }),
  outputBucketOwnerId: fc.constantFrom("123456789012", "000000000000"),
  parameter: fc.oneof(safe, fc.integer(), fc.double(), fc.boolean()),
  tag: fc.oneof(safe, fc.constant("")),
};
fitting.parameter = fc.oneof({ weight: 6, arbitrary: fitting.parameter! }, { weight: 1, arbitrary: forged });
fitting.tag = fc.oneof({ weight: 6, arbitrary: fitting.tag! }, { weight: 1, arbitrary: forged });
fitting.name = fc.oneof({ weight: 6, arbitrary: fitting.name! }, { weight: 1, arbitrary: forged });
const keyOfShape = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/) }, { weight: 3, arbitrary: fc.constantFrom("a", "b", "t") }, { weight: 1, arbitrary: key });
const slot = (kind: string): fc.Arbitrary<unknown> => fc.oneof({ weight: 5, arbitrary: fitting[kind]! }, { weight: 1, arbitrary: value });

const shaped = fc
  .record({
    scalars: fc.subarray([...SCALARS]),
    parameters: fc.option(fc.uniqueArray(keyOfShape, { maxLength: 5 }), { nil: undefined }),
    runTags: fc.option(fc.uniqueArray(keyOfShape, { maxLength: 4 }), { nil: undefined }),
    id: fc.oneof({ weight: 4, arbitrary: safe }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom("x".repeat(128), "x".repeat(129)) }),
    defaults,
  })
  .chain((shape) => {
    const kinds = [...shape.scalars, ...(shape.parameters ?? []).map(() => "parameter"), ...(shape.runTags ?? []).map(() => "tag")];
    return fc.tuple(...kinds.map(slot)).map((values) => ({ ...shape, values }));
  });

/** The run as the expander builds it (keys set in the shape's order, by plain assignment). */
function runOf(id: string, scalars: readonly RunScalar[], params: readonly string[] | undefined, tags: readonly string[] | undefined, values: readonly unknown[]): Record<string, unknown> {
  const run: Record<string, unknown> = { runSettingId: id };
  let i = 0;
  for (const s of scalars) run[s] = values[i++];
  const record = (keys: readonly string[]): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (const k of keys) Object.defineProperty(o, k, { value: values[i++], enumerable: true, writable: true, configurable: true });
    return o;
  };
  if (params !== undefined) run.parameters = record(params);
  if (tags !== undefined) run.runTags = record(tags);
  return run;
}

const reader = (i: number) => (values: readonly unknown[]): unknown => values[i];

describe("runEncoder", () => {
  it("gives encodeRun's text or refusal; its text is JSON.stringify of the run and passes the full checks", () => {
    let encoded = 0;
    fc.assert(
      fc.property(shaped, ({ scalars, parameters, runTags, id, values, defaults: d }) => {
        const n = scalars.length + (parameters?.length ?? 0) + (runTags?.length ?? 0);
        const encode = runEncoder(d, { scalars, ...(parameters ? { parameters } : {}), ...(runTags ? { runTags } : {}) }, Array.from({ length: n }, (_, i) => reader(i)));
        const run = runOf(id, scalars, parameters, runTags, values);
        const used = values.slice(0, n);
        const reference = encodeRun(d, run as never);
        const fast = encode?.(id, values);
        const plainValues = used.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean");
        const awkwardKey = [...(parameters ?? []), ...(runTags ?? [])].some((k) => /^(?:0|[1-9][0-9]*)$/.test(k) || k === "__proto__" || k === "constructor");
        const emptyBlock = parameters?.length === 0 || runTags?.length === 0;
        if (plainValues && !awkwardKey && !emptyBlock) expect(fast).toBe(reference);
        else expect(fast).toBeUndefined();
        if (fast !== undefined) {
          encoded++;
          expect(fast).toBe(JSON.stringify(run));
          expect([validateRunSetting(run as never), validateMergedRun(d, run as never)]).toEqual([[], []]);
        }
      }),
      { numRuns: 5000 },
    );
    // The property saw both outcomes often enough to mean something.
    expect(encoded).toBeGreaterThan(200);
    expect(encoded).toBeLessThan(4500);
  });

  it("reads each value once, in order, and refuses (without throwing) when a reader throws", () => {
    const order: number[] = [];
    const read = [0, 1, 2].map((i) => (src: string[]) => (order.push(i), src[i]));
    const encode = runEncoder({ outputUri: "s3://ooo/" }, { scalars: ["name"], runTags: ["a", "b"] }, read)!;
    expect(encode("r1", ["n", "x", "y"])).toBe('{"runSettingId":"r1","name":"n","runTags":{"a":"x","b":"y"}}');
    expect(order).toEqual([0, 1, 2]);
    const failing = runEncoder({ outputUri: "s3://ooo/" }, { scalars: ["name"] }, [() => { throw new Error("no"); }])!;
    expect(failing("r1", undefined)).toBeUndefined();
  });

  it("refuses shapes it cannot take at all", () => {
    const read = [(): unknown => "x"];
    expect(runEncoder({}, { scalars: ["name"] }, read)).toBeUndefined(); // no outputUri anywhere
    expect(runEncoder({ outputUri: "s3://ooo/" }, { scalars: ["priority", "name"] }, [read[0]!, read[0]!])).toBeUndefined(); // out of order
    expect(runEncoder({ outputUri: "s3://ooo/" }, { scalars: [], parameters: ["a", "a"] }, [read[0]!, read[0]!])).toBeUndefined(); // a key twice
    expect(runEncoder({ outputUri: "s3://ooo/" }, { scalars: [], runTags: ["1"] }, read)).toBeUndefined(); // an index key
    expect(runEncoder({ outputUri: "s3://ooo/" }, { scalars: ["name", "priority"] }, read)).toBeUndefined(); // a reader missing
  });
});
