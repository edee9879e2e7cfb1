// The catalog's own rules: codes unique and in range, messages lowercase without a final
// period, a `help` on every entry, and every code triggered by some test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { api, io, MODEL_CODES, type DiagnosticMessage } from "./codes.js";

// One sample message per builder (arguments are plain placeholders).
const samples: Record<string, DiagnosticMessage> = {
  tooLong: api.tooLong("`name`", "a run name", 128, 140),
  tooShort: api.tooShort("`name`", "a run name", 1, 0),
  patternMismatch: api.patternMismatch("`name`", "a run name", "printable", "^x$"),
  patternMismatchOther: api.patternMismatch("`x`", "a value", "other", "^x$"),
  notInEnum: api.notInEnum("`storageType`", "x", ["STATIC", "DYNAMIC"]),
  notAnInteger: api.notAnInteger("`priority`", 1.5),
  outOfRange: api.outOfRange("`priority`", 0, 100_000, -1),
  wrongType: api.wrongType("`name`", "a string", "a number"),
  missingField: api.missingField("workflowId", "`defaultRunSetting`"),
  unknownField: api.unknownField("x", "`defaultRunSetting`"),
  notJson: api.notJson("`parameters.x`", "NaN"),
  parametersNotObject: api.parametersNotObject("parameters", "a list"),
  missingOutputUri: api.missingOutputUri("S1"),
  notS3Uri: api.notS3Uri("outputUri", "out/"),
  tooManyRunTags: api.tooManyRunTags(51),
  parametersTooLarge: api.parametersTooLarge(60_000),
  ready2RunNotSupported: api.ready2RunNotSupported(),
  cacheBehaviorWithoutCacheId: api.cacheBehaviorWithoutCacheId(),
  badSettingsPrefix: api.badSettingsPrefix("x", "it does not start with `s3://`"),
  noRuns: api.noRuns(),
  tooManyRuns: api.tooManyRuns(100_001),
  settingsPrefixRequired: api.settingsPrefixRequired(101),
  settingsPrefixRequiredParts: api.settingsPrefixRequired(120, { total: 250, parts: 3, max: 120, over: 2 }),
  duplicateRunSettingId: api.duplicateRunSettingId("S1", 0, 2),
  tooManyParts: api.tooManyParts(2001, 2, 1000),
  partNameTooLong: api.partNameTooLong("a-very-long-batch-name-part-10-of-10", 64, 14),
  partRequestIdTooLong: api.partRequestIdTooLong("an-id-10", 128, 3),
  bucketNotFound: io.bucketNotFound("b"),
  accessDenied: io.accessDenied("b", "k", "AccessDenied: no"),
  noCredentials: io.noCredentials("none"),
  unreachable: io.unreachable("127.0.0.1:9", "ECONNREFUSED"),
  objectDiffers: io.objectDiffers("s3://b/k", "aa", "bb"),
  s3Failed: io.s3Failed("PutObject", "SlowDown", "slow", 503),
  settingsFileUnreadable: io.settingsFileUnreadable("/x", "ENOENT"),
  badS3Uri: io.badS3Uri("x", "it does not start with `s3://`"),
  settingsFileWriteFailed: io.settingsFileWriteFailed("/x", "ENOENT"),
  settingsFileChanged: io.settingsFileChanged("/x"),
  settingsObjectMissing: io.settingsObjectMissing("s3://b/batch-0123abcd.json"),
  settingsObjectAltered: io.settingsObjectAltered("s3://b/batch-0123abcd.json", "0123abcd", "ffff"),
  s3TimedOut: io.s3TimedOut("http://127.0.0.1:9", "--cli-read-timeout", "60 seconds"),
  notS3: io.notS3("http://127.0.0.1:9", "HPE_INVALID_CONSTANT: the reply is not HTTP"),
};

describe("the omics catalog", () => {
  it("has a sample for every builder", () => {
    expect(Object.keys(api).length + Object.keys(io).length).toBe(Object.keys(samples).length - 2);
  });

  it.each(Object.entries(samples))("%s follows the message rules", (_, m) => {
    expect(m.code).toMatch(/^BC(40\d\d|55\d\d)$/);
    expect(m.severity).toBe("error");
    expect(m.message).toMatch(/^[a-z`]/);
    expect(m.message).not.toMatch(/\.$/);
    expect(m.help).toBeTruthy();
    expect(m.help).not.toMatch(/\.$/);
  });

  it("gives every builder its own code", () => {
    const byCode = new Map<string, string>();
    for (const [name, m] of Object.entries(samples)) {
      if (name === "patternMismatchOther" || name === "settingsPrefixRequiredParts") continue;
      expect(byCode.get(m.code)).toBeUndefined();
      byCode.set(m.code, name);
    }
    expect([...MODEL_CODES].every((c) => byCode.has(c))).toBe(true);
  });

  it("has every code triggered in a test", () => {
    const here = fileURLToPath(new URL(".", import.meta.url));
    const s3Tests = fileURLToPath(new URL("../../../test/s3/", import.meta.url));
    const files = [
      ...readdirSync(here).filter((f) => f.endsWith(".test.ts") && f !== "codes.test.ts").map((f) => join(here, f)),
      ...readdirSync(s3Tests).filter((f) => f.endsWith(".test.ts")).map((f) => join(s3Tests, f)),
    ];
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    const missing = Object.values(samples)
      .map((m) => m.code)
      .filter((code) => !text.includes(`"${code}"`));
    expect(missing).toEqual([]);
  });
});
