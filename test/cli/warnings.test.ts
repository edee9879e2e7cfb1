// Warnings (severity `warning`): shown, exit 0; `--deny-warnings` makes them errors (exit 1).
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const PROGRAM = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  params { intervals = "s3://lab-refs/exome.bed" }
}
let unused = 1
for wgs in [true, false] {
  run "r\${wgs}" {
    outputUri = "s3://lab-results/x/"
    params { intervals = if wgs then null else "s3://lab-refs/panel.bed" }
  }
}
`;
const files = { "w.batch": PROGRAM };

describe("warnings", () => {
  it("check prints them and exits 0", async () => {
    const r = await runCli(["check", "w.batch"], { files });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("w.batch: ok, 2 runs\n");
    expect(r.stderr).toContain("warning[BC2052]: `let` `unused` is never used\n --> w.batch:6:5");
    expect(r.stderr).toContain("warning[BC2051]: parameter `intervals` is set to `null`, but the run still gets the default value\n  --> w.batch:10:26");
    expect(r.stderr.trimEnd().endsWith("2 warnings")).toBe(true);
  });

  it("compile prints them on stderr and still writes the request", async () => {
    const r = await runCli(["compile", "w.batch"], { files });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).batchRunSettings.inlineSettings).toHaveLength(2);
    expect(r.stderr).toContain("warning[BC2052]");
  });

  it("--deny-warnings makes them errors: exit 1, nothing written", async () => {
    const c = await runCli(["check", "w.batch", "--deny-warnings"], { files });
    expect(c.code).toBe(1);
    expect(c.stdout).toBe("");
    expect(c.stderr).toContain("error[BC2052]");
    expect(c.stderr.trimEnd().endsWith("2 errors")).toBe(true);
    const p = await runCli(["compile", "w.batch", "--deny-warnings"], { files });
    expect(p.code).toBe(1);
    expect(p.stdout).toBe("");
  });

  it("compile --deny-warnings reports what check --deny-warnings does, an expansion warning too", async () => {
    const text = `${PROGRAM}for x in [1, 2] where x > 5 { run "x\${x}" {} }\n`;
    const c = await runCli(["check", "w.batch", "--deny-warnings"], { files: { "w.batch": text } });
    const p = await runCli(["compile", "w.batch", "--deny-warnings"], { files: { "w.batch": text } });
    expect(c.stderr).toContain("error[BC3041]");
    expect([p.code, p.stdout, p.stderr]).toEqual([1, "", c.stderr]);
  });

  it("--format json reports them with their severity", async () => {
    const r = await runCli(["check", "w.batch", "--format", "json"], { files });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; severity: string }[] };
    expect(out.ok).toBe(true);
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["BC2052", "warning"],
      ["BC2051", "warning"],
    ]);
  });
});
