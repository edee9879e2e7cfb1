// One case per check: the exact path, code, message and help of each violation.
import { describe, expect, it } from "vitest";
import {
  effectiveRun,
  jsonByteLength,
  mergedParameterBytes,
  mergedTagCount,
  settingsPrefixProblem,
  validateBatch,
  validateDefaults,
  validateEffectiveRun,
  validateMergedRun,
  validateRunSetting,
  type Violation,
} from "./validate.js";

const D = { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole" };

/** `[path, code, message, help]` of each violation, for exact comparisons. */
const brief = (vs: readonly Violation[]): [string, string, string, string | undefined][] =>
  vs.map((v) => [v.path.join("."), v.message.code, v.message.message, v.message.help]);

const tags = (n: number, prefix = "k"): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "v"]));

describe("the happy path", () => {
  it("reports nothing for valid settings, and returns the same frozen empty list", () => {
    const a = validateRunSetting({ runSettingId: "S1", name: "sample 1", outputUri: "s3://bkt/o/", priority: 5, parameters: { x: 1 }, runTags: { s: "1" } });
    const b = validateDefaults({ ...D, storageType: "DYNAMIC", cacheId: "42", cacheBehavior: "CACHE_ALWAYS" });
    expect(a).toEqual([]);
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe("model constraints (BC4001–BC4010)", () => {
  it("BC4001 too long, counted in code points", () => {
    expect(brief(validateRunSetting({ runSettingId: "r", name: "x".repeat(140) }))).toEqual([
      ["name", "BC4001", "`name` is longer than 128 characters", "a run name is at most 128 characters; this one has 140"],
    ]);
    expect(validateRunSetting({ runSettingId: "r", name: "😀".repeat(128) })).toEqual([]);
    expect(brief(validateRunSetting({ runSettingId: "r", name: "😀".repeat(129) }))[0]?.[3]).toBe("a run name is at most 128 characters; this one has 129");
  });

  it("BC4001 on a tag key names the key", () => {
    const key = "k".repeat(129);
    expect(brief(validateRunSetting({ runSettingId: "r", runTags: { [key]: "v" } }))).toEqual([
      ["runTags." + key, "BC4001", `the key \`${"k".repeat(39)}…\` of \`runTags\` is longer than 128 characters`, "a tag key is at most 128 characters; this one has 129"],
    ]);
  });

  it("BC4002 empty, and shorter than an exact length", () => {
    expect(brief(validateRunSetting({ runSettingId: "", outputBucketOwnerId: "12345" }))).toEqual([
      ["runSettingId", "BC4002", "`runSettingId` is empty", "a run setting id needs at least 1 character; this one has 0"],
      ["outputBucketOwnerId", "BC4002", "`outputBucketOwnerId` is shorter than 12 characters", "an AWS account id has exactly 12 characters; this one has 5"],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", runTags: { "": "v" } }))).toEqual([
      ["runTags.", "BC4002", "a key of `runTags` is empty", "a tag key needs at least 1 character; this one has 0"],
    ]);
  });

  it("BC4003 pattern: the bad character and where it is", () => {
    expect(brief(validateRunSetting({ runSettingId: "r", name: "a\nb" }))).toEqual([
      [
        "name",
        "BC4003",
        "`name` contains a character the API does not allow",
        "U+000A (line feed) at character 2 is not allowed; a run name may hold letters, marks, spaces, symbols, numbers and punctuation, but no control or format characters",
      ],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "x\u200by" }))[0]?.[3]).toMatch(/^U\+200B \(zero width space\) at character 2 is not allowed;/);
  });

  it("BC4003 pattern: digits, ARNs, account ids and version names", () => {
    expect(brief(validateDefaults({ workflowId: "12a", roleArn: "role", workflowOwnerId: "1", workflowVersionName: "-v" }))).toEqual([
      ["workflowId", "BC4003", "`workflowId` must contain only the digits 0-9", "a workflow id is a number such as `1234567`"],
      ["roleArn", "BC4003", "`roleArn` must be an ARN", "a role ARN starts with `arn:`, e.g. `arn:aws:iam::123456789012:role/OmicsRunRole`"],
      ["workflowOwnerId", "BC4003", "`workflowOwnerId` must be a 12-digit AWS account id", "a workflow owner id is 12 digits, e.g. `123456789012`"],
      [
        "workflowVersionName",
        "BC4003",
        "`workflowVersionName` must start with a letter or digit and hold only letters, digits, `-`, `.` and `_`",
        "a workflow version name looks like `v1.2_final`",
      ],
    ]);
  });

  it("BC4004 enum, with did-you-mean", () => {
    expect(brief(validateDefaults({ ...D, storageType: "dynamic", logLevel: "VERBOSE" }))).toEqual([
      ["logLevel", "BC4004", "`logLevel` cannot be `VERBOSE`", "use one of `OFF`, `FATAL`, `ERROR`, `ALL`"],
      ["storageType", "BC4004", "`storageType` cannot be `dynamic`", "did you mean `DYNAMIC`?"],
    ]);
  });

  it("BC4005 not a whole number, BC4006 out of range", () => {
    expect(brief(validateDefaults({ ...D, priority: 1.5, storageCapacity: 200_000 }))).toEqual([
      ["priority", "BC4005", "`priority` must be a whole number", "`priority` takes an integer; 1.5 is not one"],
      ["storageCapacity", "BC4006", "`storageCapacity` is out of range", "`storageCapacity` is from 0 to 100000; this one is 200000"],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", priority: -1 }))[0]?.[1]).toBe("BC4006");
    expect(brief(validateRunSetting({ runSettingId: "r", priority: Number.NaN }))[0]?.[1]).toBe("BC4005");
  });

  it("BC4007 wrong type", () => {
    expect(brief(validateDefaults({ ...D, logLevel: 3, runTags: ["a"] }))).toEqual([
      ["logLevel", "BC4007", "`logLevel` must be a string, not a number", "give `logLevel` a string"],
      ["runTags", "BC4007", "`runTags` must be a record of strings, not a list", "give `runTags` a record of strings"],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", runTags: { a: 1 } }))).toEqual([
      ["runTags.a", "BC4007", "`runTags.a` must be a string, not a number", "give `runTags.a` a string"],
    ]);
    expect(brief(validateRunSetting(null))).toEqual([["", "BC4007", "the run setting must be a record, not null", "give the run setting a record"]]);
  });

  it("BC4008 missing required member", () => {
    expect(brief(validateDefaults({ roleArn: D.roleArn }))).toEqual([
      ["workflowId", "BC4008", "`defaultRunSetting` is missing `workflowId`", "the API requires `workflowId`; add it"],
    ]);
    expect(brief(validateRunSetting({ name: "n" }))).toEqual([["runSettingId", "BC4008", "the run setting is missing `runSettingId`", "the API requires `runSettingId`; add it"]]);
  });

  it("BC4009 unknown member, with did-you-mean", () => {
    expect(brief(validateDefaults({ ...D, storagetype: "STATIC" }))).toEqual([
      ["storagetype", "BC4009", "`defaultRunSetting` has no field `storagetype`", "did you mean `storageType`?"],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", workflowId: "1" }))).toEqual([
      ["workflowId", "BC4009", "the run setting has no field `workflowId`", "remove `workflowId`"],
    ]);
  });

  it("BC4010 a parameter value JSON cannot carry, with its path", () => {
    expect(brief(validateRunSetting({ runSettingId: "r", parameters: { reads: ["a", Number.NaN] } }))).toEqual([
      [
        "parameters.reads.1",
        "BC4010",
        "`parameters.reads[1]` holds NaN, which JSON cannot represent",
        "parameter values are strings, finite numbers, booleans, null, lists and records",
      ],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", parameters: { d: new Date(0) } }))[0]?.[2]).toBe(
      "`parameters.d` holds an object that is not a plain record, which JSON cannot represent",
    );
  });
});

describe("rules the model cannot express (BC4011–BC4018)", () => {
  it("BC4011 parameters must be a record", () => {
    expect(brief(validateDefaults({ ...D, parameters: [1] }))).toEqual([
      [
        "parameters",
        "BC4011",
        "`parameters` must be a record of parameters, not a list",
        "the service merges default and per-run parameters key by key, so give `{ name: value }` pairs",
      ],
    ]);
    expect(brief(validateRunSetting({ runSettingId: "r", parameters: "x" }))[0]?.[1]).toBe("BC4011");
  });

  it("BC4012 a run without an output location", () => {
    expect(brief(validateEffectiveRun({ runSettingId: "S1" }))).toEqual([
      ["outputUri", "BC4012", "run `S1` has no `outputUri`", "set `outputUri` in the defaults or in the run; every run needs an `s3://` output location"],
    ]);
    expect(brief(validateMergedRun({}, { runSettingId: "S2" }))[0]?.[2]).toBe("run `S2` has no `outputUri`");
    expect(validateMergedRun({ outputUri: "s3://bkt/" }, { runSettingId: "S2" })).toEqual([]);
  });

  it("BC4013 an output URI that is not s3://bucket", () => {
    expect(brief(validateRunSetting({ runSettingId: "r", outputUri: "out/" }))).toEqual([
      ["outputUri", "BC4013", "`outputUri` must be an `s3://` URI", "write it as `s3://bucket/prefix/`; `out/` is not one"],
    ]);
    expect(brief(validateDefaults({ ...D, outputUri: "s3:///x" }))[0]?.[1]).toBe("BC4013");
    expect(brief(validateEffectiveRun({ runSettingId: "r", outputUri: "https://x" }))[0]?.[1]).toBe("BC4013");
  });

  it("BC4014 more than 50 run tags after merging", () => {
    expect(brief(validateMergedRun({ outputUri: "s3://bkt/", runTags: tags(30, "d") }, { runSettingId: "r", runTags: { ...tags(25, "r"), d0: "x" } }))).toEqual([
      [
        "runTags",
        "BC4014",
        "the run has 55 tags after merging the default `runTags`",
        "a run has at most 50 tags; remove 5 (the defaults give 30, the run 26, shared keys counted once)",
      ],
    ]);
    expect(validateMergedRun({ outputUri: "s3://bkt/", runTags: tags(30) }, { runSettingId: "r", runTags: tags(30) })).toEqual([]);
    expect(brief(validateEffectiveRun({ runSettingId: "r", outputUri: "s3://bkt/", runTags: tags(51) }))).toEqual([
      ["runTags", "BC4014", "the run has 51 tags", "a run has at most 50 tags; remove 1"],
    ]);
    expect(brief(validateDefaults({ ...D, runTags: tags(51) }))[0]?.[1]).toBe("BC4014");
  });

  it("BC4015 more than 51,200 bytes of parameters after merging", () => {
    const defaults = { outputUri: "s3://bkt/", parameters: { ref: "x".repeat(30_000) } };
    // 2 + 7 + 30,000 + 1 + 9 + 24,000 (12,000 × é) + 1 + ... computed exactly below
    const run = { runSettingId: "r", parameters: { reads: "é".repeat(12_000) } };
    const bytes = Buffer.byteLength(JSON.stringify({ ...defaults.parameters, ...run.parameters }));
    expect(bytes).toBe(54_021);
    expect(brief(validateMergedRun(defaults, run))).toEqual([
      [
        "parameters",
        "BC4015",
        "the run's parameters take 54,021 bytes of JSON",
        "a run's parameters are at most 51,200 bytes (50 KB) after merging the defaults; put large values in a file and pass its S3 URI",
      ],
    ]);
    // Overriding the big default key keeps it under the limit.
    expect(validateMergedRun(defaults, { runSettingId: "r", parameters: { ref: "small" } })).toEqual([]);
    expect(brief(validateEffectiveRun({ runSettingId: "r", outputUri: "s3://bkt/", parameters: { a: "x".repeat(51_200) } }))[0]?.[1]).toBe("BC4015");
  });

  it("BC4016 READY2RUN, BC4017 cacheBehavior without cacheId", () => {
    expect(brief(validateDefaults({ ...D, workflowType: "READY2RUN", cacheBehavior: "CACHE_ALWAYS" }))).toEqual([
      ["workflowType", "BC4016", "`workflowType` `READY2RUN` is not supported in a run batch", "run batches take private workflows: remove `workflowType` or set it to `PRIVATE`"],
      ["cacheBehavior", "BC4017", "`cacheBehavior` is set without `cacheId`", "set `cacheId` to the run cache's id, or remove `cacheBehavior`"],
    ]);
  });

  it("BC4018 a settings prefix that is not s3://bucket/...", () => {
    expect(brief(validateBatch({ settings: "s3://My_Bucket/x/" }))).toEqual([
      [
        "settings",
        "BC4018",
        "the settings prefix `s3://My_Bucket/x/` is not a usable S3 location",
        "`My_Bucket` is not a bucket name (3 to 63 lowercase letters, digits, `.` and `-`, beginning and ending with a letter or digit); write it as `s3://bucket/prefix/`",
      ],
    ]);
    expect(settingsPrefixProblem("lab-batches/x")).toBe("it does not start with `s3://`");
    expect(settingsPrefixProblem("s3:///x")).toBe("it names no bucket");
    expect(settingsPrefixProblem("s3://b1//x/")).toBe("`b1` is not a bucket name (3 to 63 lowercase letters, digits, `.` and `-`, beginning and ending with a letter or digit)");
    expect(settingsPrefixProblem("s3://lab..batches/x/")).toBe("the bucket name `lab..batches` has `..`");
    // The one S3 URI grammar: keys may hold `//`, as S3 allows.
    expect(settingsPrefixProblem("s3://lab-batches//x/")).toBeUndefined();
    expect(settingsPrefixProblem("s3://lab-batches")).toBeUndefined();
    expect(settingsPrefixProblem("s3://lab.batches/cohort-a/")).toBeUndefined();
  });

  it("validateBatch checks the batch name, request id and tags against the model", () => {
    expect(brief(validateBatch({ batchName: "", requestId: "x".repeat(129), tags: { a: "x".repeat(257) } }))).toEqual([
      ["batchName", "BC4002", "`batchName` is empty", "a batch name needs at least 1 character; this one has 0"],
      ["requestId", "BC4001", "`requestId` is longer than 128 characters", "a request id is at most 128 characters; this one has 129"],
      ["tags.a", "BC4001", "`tags.a` is longer than 256 characters", "a tag value is at most 256 characters; this one has 257"],
    ]);
    expect(validateBatch({ batchName: "wgs cohort A", settings: "s3://lab-batches/cohort-a/", tags: { p: "" } })).toEqual([]);
  });

  it("reports a bad value once, not also under a rule", () => {
    // `outputUri` breaks the pattern; the s3:// rule does not pile on.
    expect(brief(validateRunSetting({ runSettingId: "r", outputUri: "\n" })).map((v) => v[1])).toEqual(["BC4003"]);
  });
});

describe("sizes and merges", () => {
  it("jsonByteLength is the UTF-8 length of JSON.stringify", () => {
    for (const v of [
      { a: "é東😀\n\t\u0001\"\\", b: [1, -0, 2.5e-7, 1e21, null, true, false], c: {} },
      ["\ud800", "x\udc00"],
      { skip: undefined, k: [undefined] },
      "",
      12345,
    ]) {
      expect(jsonByteLength(v)).toBe(Buffer.byteLength(JSON.stringify(v)));
    }
  });

  it("merged sizes and counts match the merged objects", () => {
    const d = { a: "1", b: "x".repeat(10) };
    const r = { b: "2", c: "3" };
    expect(mergedParameterBytes(d, r)).toBe(Buffer.byteLength(JSON.stringify({ ...d, ...r })));
    expect(mergedParameterBytes(undefined, r)).toBe(Buffer.byteLength(JSON.stringify(r)));
    expect(mergedParameterBytes(d, undefined)).toBe(Buffer.byteLength(JSON.stringify(d)));
    expect(mergedTagCount(d, r)).toBe(3);
    expect(mergedTagCount(undefined, r)).toBe(2);
  });

  it("effectiveRun overlays the run on the defaults", () => {
    expect(
      effectiveRun(
        { name: "default", outputUri: "s3://bkt/", priority: 1, parameters: { ref: "hg38", threads: 4 }, runTags: { p: "a" } },
        { runSettingId: "S1", priority: 9, parameters: { threads: 8, sample: "S1" }, runTags: { s: "S1" } },
      ),
    ).toEqual({
      runSettingId: "S1",
      name: "default",
      outputUri: "s3://bkt/",
      priority: 9,
      parameters: { ref: "hg38", threads: 8, sample: "S1" },
      runTags: { p: "a", s: "S1" },
    });
  });
});
