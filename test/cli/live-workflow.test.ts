// `check --live` against the local HealthOmics endpoint (real HTTP, real SigV4): the workflow's
// parameterTemplate, from GetWorkflow or GetWorkflowVersion, held against every run's
// parameters. A template that lacks `threads` and requires `genome`: the program sets `threads`
// and not `genome`, and gets both diagnostics at their lines under --live, none without it.
// S3 (the output bucket, which --live checks too) is moto.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { seed } from "../live/harness.js";
import { endpoints, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3 = inject("s3Endpoint");
beforeAll(async () => {
  await seed(s3, { "out-bucket": [] });
});
const TEMPLATE = { sample: { description: "sample id" }, genome: { description: "reference" }, thread: { optional: true } };
const files = (version = "") => ({
  "live.batch": `batch "live" {}

defaults {
  workflowId = "1234567"${version}
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://out-bucket/live/"
}

for s in ["a", "b"] {
  run s {
    params {
      sample  = s
      threads = 8
    }
  }
}
`,
});

describe("check --live: the workflow's parameters", () => {
  it("without --live nothing is asked and the program is clean", async () => {
    const ep = await start({ workflows: { "1234567": { parameterTemplate: TEMPLATE } } });
    const r = await runOmics(["check", "live.batch"], { endpoint: ep, files: files() });
    expect(r.stdout).toBe("live.batch: ok, 2 runs\n");
    expect(r.code).toBe(0);
    expect(ep.requestsOf("GetWorkflow")).toHaveLength(0);
  });

  it("reports the unknown `threads` (did you mean) and the missing `genome` at their lines", async () => {
    const ep = await start({ workflows: { "1234567": { parameterTemplate: TEMPLATE } } });
    const r = await runOmics(["check", "live.batch", "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", s3], { endpoint: ep, files: files() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "error[BC5602]: the workflow requires the parameter `genome`, and this run does not set it\n  --> live.batch:11:5\n",
    );
    expect(r.stderr).toContain("error[BC5601]: workflow 1234567 has no parameter `threads`\n  --> live.batch:13:17\n");
    expect(r.stderr).toContain("help: did you mean `thread`?");
    expect(r.stderr).toContain('= note: in iteration s = "a"');
    expect(r.stderr).toContain("2 errors\n");
    expect(ep.requestsOf("GetWorkflow")).toHaveLength(1);
  });

  it("asks GetWorkflowVersion for a workflowVersionName, with type and owner", async () => {
    const ep = await start({
      workflows: { "1234567": { parameterTemplate: { x: {} }, versions: { v2: { parameterTemplate: { sample: {}, threads: { optional: true } } } } } },
    });
    const version = `\n  workflowVersionName = "v2"\n  workflowType = "PRIVATE"\n  workflowOwnerId = "123456789012"`;
    const r = await runOmics(["check", "live.batch", "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", s3], { endpoint: ep, files: files(version) });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const asked = ep.requestsOf("GetWorkflowVersion");
    expect(asked.map((q) => [q.path, q.query])).toEqual([["/workflow/1234567/version/v2", { type: "PRIVATE", workflowOwnerId: "123456789012" }]]);
  });

  it("submit --live refuses the program before StartRunBatch; compile --live too", async () => {
    const ep = await start({ workflows: { "1234567": { parameterTemplate: TEMPLATE } } });
    const r = await runOmics(["submit", "live.batch", "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", s3], { endpoint: ep, files: files() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC5601]: workflow 1234567 has no parameter `threads`");
    expect(ep.requestsOf("StartRunBatch")).toHaveLength(0);
    const c = await runOmics(["compile", "live.batch", "--live"], { endpoint: ep, files: files(), env: { AWS_ENDPOINT_URL_OMICS: ep.url, AWS_ENDPOINT_URL_S3: s3 } });
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("error[BC5602]: the workflow requires the parameter `genome`");
    expect(c.stdout).toBe("");
  });

  it("a workflow that cannot be read is an AWS error (exit 3), not a finding", async () => {
    const ep = await start({ workflows: {} });
    const r = await runOmics(["check", "live.batch", "--live", "--endpoint-url", ep.url, "--s3-endpoint-url", s3], { endpoint: ep, files: files() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .*ResourceNotFoundException|^error: .*not found/);
  });
});
