// `batchc compile` on runs that break an API limit: the same diagnostics as `batchc check`, at
// the source, for inline batches (1–100 runs) and settings files alike; nothing is written.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../../test/cli/harness.js";

const program = (runs: number): string => `batch "b" {
  settings = "s3://lab-batches/x/"
}
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/R"
  outputUri  = "s3://lab-results/x/"
}
for i in range(0, ${runs}) {
  run "r\${i}" {
    name     = if i == 1 then "caf\u00e9" else "run \${i}"
    priority = if i % 50 == 7 then 100001 else i
  }
}
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "batchc-compile-test-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("compile reports every error check does", () => {
  it("a type error, a data file's problem and the number of runs, in one run; no output", async () => {
    const rows = ["sample,reads", ...Array.from({ length: 120 }, (_, i) => `S${i},s3://lab-reads/${i}.bam`)].join("\n");
    const text = `defaults {\n  workflowId = "1234567"\n  roleArn    = "arn:aws:iam::123456789012:role/R"\n  outputUri  = "s3://lab-results/x/"\n}\nlet threads: int = "8"\nfor s in csv("s.csv") { run s.sampel { params { reads = s.reads, threads = threads } } }\n`;
    const files = { "p.batch": text, "s.csv": rows };
    const checked = await runCli(["check", "p.batch"], { files });
    const compiled = await runCli(["compile", "p.batch", "--no-upload", "-o", join(dir, "p.json")], { files });
    expect(checked.stderr.match(/^error\[BC\d+\]/gm)).toEqual(["error[BC2020]", "error[BC4021]", "error[BC3002]"]);
    expect([compiled.code, compiled.stdout, compiled.stderr]).toEqual([1, "", checked.stderr]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("compile reports API limits as check does", () => {
  for (const runs of [20, 300]) {
    it(`${runs} runs: BC4006 at the priority value, with the iteration and the repeats; no output`, async () => {
      const files = { "p.batch": program(runs) };
      const checked = await runCli(["check", "p.batch"], { files });
      const compiled = await runCli(["compile", "p.batch", "--no-upload", "-o", join(dir, "p.json"), "--settings-out", join(dir, "s.json")], { files });
      expect([compiled.code, compiled.stdout]).toEqual([1, ""]);
      expect(compiled.stderr).toBe(checked.stderr);
      const more = runs === 20 ? "" : `\n   = note: and ${Math.floor((runs - 8) / 50)} more iterations`;
      expect(compiled.stderr).toBe(
        `error[BC4006]: \`priority\` is out of range
  --> p.batch:12:16
   |
12 |     priority = if i % 50 == 7 then 100001 else i
   |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = note: in iteration i = 7${more}
help: \`priority\` is from 0 to 100000; this one is 100001

1 error
`,
      );
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it("a valid run the fast path does not write (non-ASCII) compiles all the same", async () => {
    const files = { "p.batch": program(3) };
    const r = await runCli(["compile", "p.batch"], { files });
    expect(r.code).toBe(0);
    const request = JSON.parse(r.stdout) as { batchRunSettings: { inlineSettings: { name: string }[] } };
    expect(request.batchRunSettings.inlineSettings.map((s) => s.name)).toEqual(["run 0", "café", "run 2"]);
  });
});
