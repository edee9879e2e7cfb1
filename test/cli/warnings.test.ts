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

// A `null` known only at run time (an empty cell) over a default: BC3048, from the expander.
const RUNTIME = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/x/"
  params { intervals = "s3://lab-refs/exome.bed" }
}
type Row = { sample: string, bed?: s3uri }
let rows: [Row] = csv("s.csv")
for r in rows {
  run r.sample { params { intervals = r.bed } }
}
`;

describe("warnings found while expanding", () => {
  const files = { "n.batch": RUNTIME, "s.csv": "sample,bed\nA,s3://lab-refs/a.bed\nB,\n" };

  it("check and compile exit 0 and give the run, which inherits the default", async () => {
    const c = await runCli(["check", "n.batch"], { files });
    expect([c.code, c.stdout]).toEqual([0, "n.batch: ok, 2 runs\n"]);
    expect(c.stderr).toContain("warning[BC3048]: parameter `intervals` is `null` in this run, but the run still gets the default value\n  --> n.batch:10:39");
    expect(c.stderr).toContain("= note: in s.csv, line 3, column 3\n");
    expect(c.stderr.trimEnd().endsWith("1 warning")).toBe(true);
    const p = await runCli(["compile", "n.batch"], { files });
    expect(p.code).toBe(0);
    const request = JSON.parse(p.stdout) as { defaultRunSetting: { parameters: Record<string, string> }; batchRunSettings: { inlineSettings: { runSettingId: string; parameters?: Record<string, string> }[] } };
    expect(request.defaultRunSetting.parameters).toEqual({ intervals: "s3://lab-refs/exome.bed" });
    expect(request.batchRunSettings.inlineSettings.map((r) => [r.runSettingId, r.parameters])).toEqual([
      ["A", { intervals: "s3://lab-refs/a.bed" }],
      ["B", undefined],
    ]);
    expect(p.stderr).toContain("warning[BC3048]");
  });

  it("--deny-warnings makes it an error: exit 1, nothing written", async () => {
    const c = await runCli(["check", "n.batch", "--deny-warnings"], { files });
    expect([c.code, c.stdout]).toEqual([1, ""]);
    expect(c.stderr).toContain("error[BC3048]");
    expect(c.stderr.trimEnd().endsWith("1 error")).toBe(true);
    const p = await runCli(["compile", "n.batch", "--deny-warnings"], { files });
    expect([p.code, p.stdout]).toEqual([1, ""]);
    expect(p.stderr).toContain("error[BC3048]");
  });
});
