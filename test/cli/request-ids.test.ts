// The examples' requestIds, recorded. A requestId is derived from the request's bytes, and
// submitting a program again after its requestId changed would start a second batch (submit
// refuses while the first is under way, see duplicate-batches.test.ts). So a change to these is
// always deliberate: update the table and note it in CHANGELOG.md ("requestIds change: …").
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");

const RECORDED: Record<string, string> = {
  "examples/every-field/every-field.batch": "every-field-1",
  "examples/every-field/every-field-101.batch": "every-field-101-1",
  "examples/fastq-pairs/fastq-pairs.batch": "batchc-6060c8dfef986bb7028338ed392e96eb",
  "examples/rnaseq-lanes/rnaseq-lanes.batch": "batchc-3068075574b4a5881ff080eb5e6fc0b5",
  "examples/small-inline/tumor-normal.batch": "batchc-a724d39a66565d222f7b502466d3ab06",
  "examples/template-params/template-params.batch": "batchc-47cb6b7f251b190b3991a1380f3210db",
  "examples/wgs-cohort/wgs-cohort.batch": "batchc-c03cb1d6745e125274125ce0b46cccce",
};

describe("the examples' requestIds", () => {
  it.each(Object.entries(RECORDED))("%s compiles to its recorded requestId (a change must be noted in CHANGELOG.md)", async (file, requestId) => {
    const r = await runCli(["compile", path.join(root, file), "--no-upload"], { cwd: root });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { requestId: string }).requestId).toBe(requestId);
  });
});
