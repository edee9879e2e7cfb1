// The run-count boundaries of docs/language.md §8.5: 0 runs is an error, 1–100 go inline,
// 101–100,000 go to a settings file, more is an error; above 100 a `settings` prefix is needed.
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

function program(settings: boolean): string {
  return `batch "count" {${settings ? ' settings = "s3://lab-batches/count/"' : ""} }
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/count/"
}
let n: int = var("n")
for i in 1..n {
  run "r\${i}" {}
}
`;
}

async function compile(n: number, settings = true) {
  return runCli(["compile", "count.batch", "--no-upload", "--var", `n=${n}`], { files: { "count.batch": program(settings) } });
}

describe("run-count boundaries", () => {
  it("0 runs is an error at the run statement", async () => {
    const r = await compile(0);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[BC4019]: the batch has no runs\n --> count.batch:9:3");
  });

  it("1 run goes inline", async () => {
    const r = await compile(1);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).batchRunSettings.inlineSettings).toEqual([{ runSettingId: "r1" }]);
  });

  it("100 runs go inline", async () => {
    const r = await compile(100);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.batchRunSettings.inlineSettings).toHaveLength(100);
    expect(body.batchRunSettings.s3UriSettings).toBeUndefined();
  });

  it("101 runs go to a settings file", async () => {
    const r = await compile(101);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.batchRunSettings).toEqual({ s3UriSettings: expect.stringMatching(/^s3:\/\/lab-batches\/count\/count-[0-9a-f]{8}\.json$/) });
    expect(r.stderr).toContain("101 runs, settings file s3://lab-batches/count/count-");
  });

  it("101 runs without a settings prefix is an error at the batch block", async () => {
    const r = await compile(101, false);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[BC4021]: the batch has 101 runs but no settings prefix\n --> count.batch:1:1");
  });

  it("100,000 runs go to a settings file", async () => {
    const r = await compile(100_000);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).batchRunSettings.s3UriSettings).toMatch(/^s3:\/\/lab-batches\/count\/count-[0-9a-f]{8}\.json$/);
  });

  it("100,001 runs is an error and nothing is written", async () => {
    const r = await compile(100_001);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[BC4020]: the batch has more than 100,000 runs");
  });

  it("check reports the same boundaries", async () => {
    const files = { "count.batch": program(true) };
    expect((await runCli(["check", "count.batch", "--var", "n=0"], { files })).code).toBe(1);
    expect((await runCli(["check", "count.batch", "--var", "n=100000"], { files })).stdout).toBe("count.batch: ok, 100,000 runs\n");
    const over = await runCli(["check", "count.batch", "--var", "n=100001"], { files });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("error[BC4020]");
  });
});

describe("--dry-run writes nothing", () => {
  it("previews 101 runs with the exact settings-file name without creating any file", async () => {
    const files = { "count.batch": program(true) };
    const real = await runCli(["compile", "count.batch", "--no-upload", "--var", "n=101"], { files });
    const uri = JSON.parse(real.stdout).batchRunSettings.s3UriSettings as string;
    // With no usable temporary folder, any attempt to write a file fails the command.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = "/nonexistent/batchc-no-tmp";
    try {
      const dry = await runCli(["compile", "count.batch", "--dry-run", "--var", "n=101"], { files });
      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`settings   ${uri} (`);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
