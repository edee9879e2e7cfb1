// `submit REQUEST.json` goes through the same checks as a compiled program: every model
// constraint, and the rules the model cannot express (unique runSettingIds, an s3:// outputUri
// for every run, cacheBehavior with cacheId, tag and parameter limits), with --dry-run too.
import { describe, expect, it } from "vitest";
import { runOmics } from "./omics-harness.js";

const env = { AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: "us-east-1" };
const defaults = { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole", outputUri: "s3://out-bucket/runs/" };

/** `submit request.json --dry-run` of `body`. */
function dryRun(body: unknown) {
  return runOmics(["submit", "request.json", "--dry-run", "--endpoint-url", "http://127.0.0.1:9"], { env, files: { "request.json": JSON.stringify(body) } });
}

const request = (runs: object[], d: object = defaults) => ({ requestId: "req-1", batchName: "checks", defaultRunSetting: d, batchRunSettings: { inlineSettings: runs } });
const HELP = "help: fix the fields above, or write the batch as a .batch program and let `batchc compile` check it";

describe("submit REQUEST.json", () => {
  it("refuses two equal runSettingIds (BC4022), as compile does", async () => {
    const r = await dryRun(request([{ runSettingId: "a" }, { runSettingId: "b" }, { runSettingId: "a" }]));
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(
      "error: `request.json` is not a valid StartRunBatch request\n" +
        "  batchRunSettings.inlineSettings[2].runSettingId: `runSettingId` `a` is used by more than one run (BC4022)\n" +
        `${HELP}\n`,
    );
  });

  it("refuses a run without an s3:// outputUri, cacheBehavior without cacheId, and over-limit tags and parameters, all at once", async () => {
    const { outputUri: _, ...noOutput } = defaults;
    const tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`t${i}`, "v"]));
    const moreTags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`u${i}`, "v"]));
    const r = await dryRun(
      request(
        [
          { runSettingId: "a" },
          { runSettingId: "b", outputUri: "https://example.com/out/" },
          { runSettingId: "c", outputUri: "s3://out-bucket/c/", runTags: moreTags },
          { runSettingId: "d", outputUri: "s3://out-bucket/d/", parameters: { big: "x".repeat(52_000) } },
        ],
        { ...noOutput, cacheBehavior: "CACHE_ALWAYS", runTags: tags },
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("  "))).toEqual([
      "  defaultRunSetting.cacheBehavior: `cacheBehavior` is set without `cacheId` (BC4017)",
      "  batchRunSettings.inlineSettings[0].outputUri: run `a` has no `outputUri` (BC4012)",
      "  batchRunSettings.inlineSettings[1].outputUri: `outputUri` must be an `s3://` URI (BC4013)",
      expect.stringMatching(/^ {2}batchRunSettings\.inlineSettings\[2\]\.runTags: .*60.*\(BC\d{4}\)$/),
      expect.stringMatching(/^ {2}batchRunSettings\.inlineSettings\[3\]\.parameters: .*\(BC\d{4}\)$/),
    ]);
  });

  it("checks every model constraint, the members the API gained included", async () => {
    const bogus = await dryRun(request([{ runSettingId: "a" }], { ...defaults, scratchStorageMode: "BOGUS", sessionPolicy: "x".repeat(5000), workflowOwnerId: "x123456789012x" }));
    expect(bogus.code).toBe(1);
    const lines = bogus.stderr.split("\n").filter((l) => l.startsWith("  "));
    expect(new Set(lines.map((l) => l.split(":")[0]?.trim()))).toEqual(
      new Set(["defaultRunSetting.workflowOwnerId", "defaultRunSetting.sessionPolicy", "defaultRunSetting.scratchStorageMode"]),
    );
    for (const l of lines) expect(l).toMatch(/\(BC4\d{3}\)$/);
    const good = await dryRun(
      request([{ runSettingId: "a", engineSettings: { agentMode: true } }], {
        ...defaults,
        scratchStorageMode: "LOCAL",
        sessionPolicy: '{"Version":"2012-10-17","Statement":[]}',
        engineSettings: { syntaxVersion: "v1" },
      }),
    );
    expect([good.code, good.stderr]).toEqual([0, ""]);
    expect(good.stdout).toContain('"scratchStorageMode": "LOCAL"');
  });

  it("still names members the model does not have, and a missing batchRunSettings", async () => {
    const r = await dryRun({ requestId: "r", defaultRunSetting: defaults, extra: 1 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  (the body): Unrecognized key: "extra"\n');
    expect(r.stderr).toMatch(/ {2}batchRunSettings: /);
  });
});
