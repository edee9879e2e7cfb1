// `batchc sandbox`'s flags and configuration file, in-process: mistakes are usage errors (exit 2)
// or name their place in the file (exit 1), before anything is started.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/main.js";
import { parseConfig } from "../../packages/sandbox/src/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "batchc-sandbox-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sandbox(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["sandbox", ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

describe("batchc sandbox: flags and configuration", () => {
  it.each([
    [["--clock", "soon"], "error: `--clock` takes `read` or a number of seconds above 0 (at most 3600), not `soon`\nhelp: for example `--clock 0.5` or `--clock read`\n"],
    [["--fail-share", "120"], "error: `--fail-share` takes a percentage from 0 to 100, not `120`\nhelp: for example `--fail-share 10`\n"],
    [["--port", "70000"], "error: `--port` takes a whole number from 0 to 65535, not `70000`\n"],
    [["--start-rate", "0"], "error: `--start-rate` takes a whole number from 1 to 100000, not `0`\n"],
  ])("%j is a usage error", async (args, message) => {
    expect(await sandbox(args)).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it("names the place of a mistake in the configuration file", async () => {
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ workflows: { "1234567": { parameterTemplate: { reads: { optional: "no" } } } } }));
    expect(await sandbox(["--config", "bad.json"])).toEqual({ code: 1, stdout: "", stderr: "error: bad.json: workflows.1234567.parameterTemplate.reads.optional must be true or false\n" });
    writeFileSync(path.join(dir, "broken.json"), "{");
    const broken = await sandbox(["--config", "broken.json"]);
    expect([broken.code, broken.stderr.startsWith("error: broken.json: not valid JSON: ")]).toEqual([1, true]);
  });

  it("refuses a data folder whose state file it cannot read, and starts nothing", async () => {
    mkdirSync(path.join(dir, "data"));
    writeFileSync(path.join(dir, "data", "omics-state.json"), "{");
    expect(await sandbox(["--data", "data", "--port", "0"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: data: the sandbox's data file is not valid JSON\nhelp: start the sandbox with another `--data` folder, or remove this one\n",
    });
  });

  it("reads workflows with their parameter templates and versions", () => {
    const config = { workflows: { "42": { name: "germline", parameterTemplate: { sample: { optional: false } }, versions: { v2: {} } } } };
    expect(parseConfig(config)).toEqual({ workflows: { "42": { name: "germline", parameterTemplate: { sample: { optional: false } }, versions: { v2: {} } } } });
    expect(() => parseConfig({ workflows: { abc: {} } })).toThrow("workflows.abc: a workflow id is 1 to 18 digits");
    expect(() => parseConfig({ workflows: {}, extra: 1 })).toThrow("unknown member `extra` (the configuration has only `workflows`)");
  });
});
