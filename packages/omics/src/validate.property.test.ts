// Property: on random and boundary inputs, the fast checks report a model violation (BC4001–
// BC4010) exactly when the zod schema rejects the value — so `validate.ts` and `schema.ts`
// cannot drift apart.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MODEL_CODES } from "./codes.js";
import { DefaultRunSettingSchema, InlineSettingSchema, stringSchemas, TagMapSchema } from "./schema.js";
import { validateBatch, validateDefaults, validateMergedRun, validateRunSetting, type Violation } from "./validate.js";

const modelViolations = (vs: readonly Violation[]): Violation[] => vs.filter((v) => MODEL_CODES.has(v.message.code));

// Text around every length limit of the model (1, 12, 18, 64, 128, 256, 750), in one- and
// two-unit code points, with and without characters the patterns refuse.
const limits = [0, 1, 11, 12, 13, 17, 18, 19, 63, 64, 65, 127, 128, 129, 255, 256, 257, 749, 750, 751];
const unit = fc.constantFrom("a", "1", "é", "東", "😀", " ", "-", ".", "_", "|", "\n", "\u200b", "\t", "A");
const edgeString = fc.tuple(fc.constantFrom(...limits), unit, fc.option(unit, { nil: undefined }), fc.nat(800)).map(([n, u, odd, at]) => {
  const s = u.repeat(n);
  if (odd === undefined || n === 0) return s;
  const chars = [...s];
  chars[at % chars.length] = odd;
  return chars.join("");
});
const shapedString = fc.oneof(
  fc.stringMatching(/^[0-9]{1,20}$/),
  fc.stringMatching(/^arn:[a-z0-9:/-]{0,130}$/),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,70}$/),
  fc.stringMatching(/^s3:\/\/[a-z0-9-]{0,10}\/[a-z0-9/]{0,20}$/),
  fc.constantFrom("PRIVATE", "READY2RUN", "private", "CACHE_ALWAYS", "CACHE_ON_FAILURE", "OFF", "FATAL", "ERROR", "ALL", "all"),
  fc.constantFrom("RETAIN", "REMOVE", "STATIC", "DYNAMIC", "dynamic", "RESTRICTED", "VPC", "NONE", ""),
  fc.constantFrom("123456789012", "12345678901", "1234567890123", "12345678901a"),
);
const anyString = fc.oneof(edgeString, shapedString, fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ maxLength: 20 }));
const notString = fc.oneof(fc.integer(), fc.constant(null), fc.constant([]), fc.constant({}), fc.boolean());
const stringField = fc.oneof({ weight: 8, arbitrary: anyString }, { weight: 1, arbitrary: notString }, { weight: 1, arbitrary: fc.constant(undefined) });

const intField = fc.oneof(
  fc.integer({ min: -3, max: 100_003 }),
  fc.constantFrom(0, 100_000, -1, 100_001, 1.5, 0.1, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
  fc.constantFrom("1", null, undefined, true),
);

const tagMap = fc.oneof(
  fc.dictionary(anyString, anyString, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 60 }),
  fc.constantFrom(null, [], "x", 1, undefined),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.constant(null)), { minKeys: 1, maxKeys: 2 }),
);

const parameters = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      { a: Number.NaN },
      { a: [1, Number.POSITIVE_INFINITY] },
      { a: { b: undefined } },
      [undefined],
      { d: new Date(0) },
      { f: () => 1 },
      undefined,
      { big: "x".repeat(60_000) },
    ),
  },
);

const unknownKeys = fc.dictionary(fc.constantFrom("workflowid", "tags", "runId", "extra", "storage_type"), fc.constantFrom<unknown>(1, "x", undefined), {
  maxKeys: 1,
});

/** Drops some keys, so both present and absent members are tried. */
function record(fields: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  return fc
    .tuple(fc.record(fields), fc.subarray(keys), fc.boolean(), unknownKeys, fc.nat(9))
    .map(([values, kept, keepRequired, extra, roll]) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) if (kept.includes(k) || (keepRequired && required.includes(k))) out[k] = values[k];
      if (roll === 0) Object.assign(out, extra);
      return out;
    });
}

const runFields = {
  runSettingId: stringField,
  name: stringField,
  outputUri: stringField,
  priority: intField,
  parameters,
  outputBucketOwnerId: stringField,
  runTags: tagMap,
};
const runSetting = record(runFields, ["runSettingId"]);

const enumField = (values: string[]): fc.Arbitrary<unknown> => fc.oneof(fc.constantFrom(...values), fc.constantFrom("x", "", 1, null, values[0]!.toLowerCase()));

const defaultFields = {
  workflowId: stringField,
  workflowType: enumField(["PRIVATE", "READY2RUN"]),
  roleArn: stringField,
  name: stringField,
  cacheId: stringField,
  cacheBehavior: enumField(["CACHE_ON_FAILURE", "CACHE_ALWAYS"]),
  runGroupId: stringField,
  priority: intField,
  parameters,
  storageCapacity: intField,
  outputUri: stringField,
  logLevel: enumField(["OFF", "FATAL", "ERROR", "ALL"]),
  runTags: tagMap,
  retentionMode: enumField(["RETAIN", "REMOVE"]),
  storageType: enumField(["STATIC", "DYNAMIC"]),
  workflowOwnerId: stringField,
  outputBucketOwnerId: stringField,
  workflowVersionName: stringField,
  networkingMode: enumField(["RESTRICTED", "VPC"]),
  configurationName: stringField,
};
const defaults = record(defaultFields, ["workflowId", "roleArn"]);

const RUNS = 3000;

/** A valid record with one member replaced by a random value (or removed, or an unknown key added). */
function oneFieldOff(valid: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    ...Object.entries(fields).map(([k, arb]) => arb.map((v) => ({ ...valid, [k]: v }))),
    fc.constantFrom(...Object.keys(valid)).map((k) => {
      const out = { ...valid };
      delete out[k];
      return out;
    }),
    unknownKeys.map((extra) => ({ ...valid, ...extra })),
  );
}

const validDefaults = { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/R" };
const validRun = { runSettingId: "S1" };

describe("validate.ts agrees with the zod schemas", () => {
  it("validateRunSetting reports a model violation iff InlineSettingSchema rejects", () => {
    fc.assert(
      fc.property(runSetting, (s) => {
        expect(modelViolations(validateRunSetting(s)).length > 0).toBe(!InlineSettingSchema.safeParse(s).success);
      }),
      { numRuns: RUNS },
    );
  });

  it("validateDefaults reports a model violation iff DefaultRunSettingSchema rejects", () => {
    fc.assert(
      fc.property(defaults, (d) => {
        expect(modelViolations(validateDefaults(d)).length > 0).toBe(!DefaultRunSettingSchema.safeParse(d).success);
      }),
      { numRuns: RUNS },
    );
  });

  it("validateRunSetting agrees one field at a time", () => {
    fc.assert(
      fc.property(oneFieldOff(validRun, runFields), (s) => {
        expect(modelViolations(validateRunSetting(s)).length > 0).toBe(!InlineSettingSchema.safeParse(s).success);
      }),
      { numRuns: RUNS },
    );
  });

  it("validateDefaults agrees one field at a time", () => {
    fc.assert(
      fc.property(oneFieldOff(validDefaults, defaultFields), (d) => {
        expect(modelViolations(validateDefaults(d)).length > 0).toBe(!DefaultRunSettingSchema.safeParse(d).success);
      }),
      { numRuns: RUNS },
    );
  });

  it("validateBatch agrees on `batchName`, `requestId` and `tags`", () => {
    fc.assert(
      fc.property(stringField, stringField, tagMap, (batchName, requestId, tags) => {
        const b = { batchName, requestId, tags } as Parameters<typeof validateBatch>[0];
        const zodRejects =
          (batchName !== undefined && !stringSchemas.BatchName.safeParse(batchName).success) ||
          (requestId !== undefined && !stringSchemas.BatchRequestId.safeParse(requestId).success) ||
          (tags !== undefined && !TagMapSchema.safeParse(tags).success);
        expect(modelViolations(validateBatch(b)).length > 0).toBe(zodRejects);
      }),
      { numRuns: RUNS },
    );
  });

  it("non-records are rejected by both", () => {
    for (const v of [null, 1, "x", [], [{ runSettingId: "a" }], undefined]) {
      expect(validateRunSetting(v).length > 0).toBe(true);
      expect(InlineSettingSchema.safeParse(v).success).toBe(false);
      expect(validateDefaults(v).length > 0).toBe(true);
      expect(DefaultRunSettingSchema.safeParse(v).success).toBe(false);
    }
  });
});
