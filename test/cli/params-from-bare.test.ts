// `params from "t.json"` without a `{ }` block (docs/language.md §7a) checks and compiles
// exactly as `params from "t.json" { }`: same request, same runs, same diagnostics.
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const TEMPLATE = JSON.stringify({
  sample: { description: "sample id" },
  threads: { description: "CPU threads", optional: true },
});

const program = (params: string, run: string): string => `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/demo/"
}
${params}
for s in ["S1", "S2"] {
  run s { params { ${run} } }
}
`;

const BARE = 'params from "wf.json"';
const EMPTY = 'params from "wf.json" { }';

async function both(args: readonly string[], run: string, template = TEMPLATE) {
  const files = (params: string): Record<string, string> => ({ "p.batch": program(params, run), "wf.json": template });
  const bare = await runCli([args[0] as string, "p.batch", ...args.slice(1)], { files: files(BARE) });
  const block = await runCli([args[0] as string, "p.batch", ...args.slice(1)], { files: files(EMPTY) });
  return { bare, block };
}

describe("params from without a block", () => {
  it("compiles to the same request as with `{ }`", async () => {
    const { bare, block } = await both(["compile"], "sample = s, threads = 4");
    expect(bare).toEqual(block);
    expect(bare.code).toBe(0);
    const request = JSON.parse(bare.stdout);
    expect(request.defaultRunSetting).toEqual({
      workflowId: "1234567",
      roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
      parameters: { threads: 4 },
      outputUri: "s3://lab-results/demo/",
    });
    expect(request.batchRunSettings.inlineSettings).toEqual([
      { runSettingId: "S1", parameters: { sample: "S1" } },
      { runSettingId: "S2", parameters: { sample: "S2" } },
    ]);
  });

  it("checks runs against the template as `{ }` does", async () => {
    const { bare, block } = await both(["check"], "sampel = s");
    expect(bare).toEqual(block);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("error[BC2003]: unknown parameter `sampel`\n --> p.batch:8:20");
    expect(bare.stderr).toContain("help: did you mean `sample`?");
    expect(bare.stderr).toContain("error[BC2004]: run is missing required parameter `sample`\n --> p.batch:8:3");
  });

  it("reports a template that is not one at the file name, as `{ }` does", async () => {
    const { bare, block } = await both(["check"], "sample = s", "[1]");
    // The quoted source line is the one place they differ.
    expect({ ...bare, stderr: bare.stderr.replace(`6 | ${BARE}\n`, `6 | ${EMPTY}\n`) }).toEqual(block);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(`error[BC2039]: invalid parameter template \`wf.json\`: expected a JSON object of parameters\n --> p.batch:6:13\n  |\n6 | ${BARE}\n  |             ^^^^^^^^^\n`);
  });
});
