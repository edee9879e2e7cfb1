// Habits users bring from the AWS CLI and other tools: `-o -`, `--output` as a format, one
// meaning of `--endpoint-url`, and colour by `--color`, FORCE_COLOR and NO_COLOR.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { helpText, parseArgs } from "../../packages/cli/src/options.js";
import { runCli } from "./harness.js";

const PROGRAM = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/x/"
}
params { i: int }
for i in 1..2 { run "r\${i}" { params { i = i } } }
`;
const dir = mkdtempSync(path.join(tmpdir(), "batchc-habits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("-o and --output", () => {
  it("writes the request to standard output with `-o -`, and no file named `-`", async () => {
    const r = await runCli(["compile", "p.batch", "-o", "-"], { files: { "p.batch": PROGRAM }, cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ batchRunSettings: { inlineSettings: [{ runSettingId: "r1" }, { runSettingId: "r2" }] } });
    expect(r.stderr).toBe("p.batch: 2 runs, inline settings\n");
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(["json", "jsonl", "table", "csv", "text"])("refuses `compile -o %s`, a format word, and says to use --format", async (word) => {
    const r = await runCli(["compile", "p.batch", "--output", word], { files: { "p.batch": PROGRAM }, cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: \`-o ${word}\` would write the request to a file named \`${word}\`\nhelp: the preview's format is \`--dry-run --format ${word}\`; to write a file of that name, give \`-o ./${word}\`\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes --output as another name of --format outside compile", () => {
    expect(parseArgs(["check", "p.batch", "--output", "json"])).toEqual({ kind: "run", command: "check", args: ["p.batch"], options: { format: "json" } });
    expect(parseArgs(["runs", "123", "--output=jsonl"])).toMatchObject({ options: { format: "jsonl" } });
    expect(parseArgs(["status", "123", "--output", "yaml"])).toMatchObject({ kind: "usage-error", message: "`--format` must be one of `text`, `json`, not `yaml`" });
    expect(helpText("list")).toContain("--format, --output FORMAT");
  });
});

describe("--endpoint-url is HealthOmics and --s3-endpoint-url is S3, in every command", () => {
  it("gives each command that reaches S3 --s3-endpoint-url, and --endpoint-url only to those calling HealthOmics", () => {
    for (const command of ["compile", "submit", "resubmit"]) expect(helpText(command)).toMatch(/--s3-endpoint-url URL +custom S3 endpoint/);
    for (const command of ["submit", "status", "list", "runs", "cancel", "delete", "resubmit"]) {
      expect(helpText(command)).toContain("--endpoint-url URL");
      expect(helpText(command)).toContain("custom HealthOmics endpoint");
    }
  });

  it("refuses compile's former --endpoint-url with the flag to use", () => {
    expect(parseArgs(["compile", "p.batch", "--endpoint-url", "http://127.0.0.1:9"])).toEqual({
      kind: "usage-error",
      command: "compile",
      message: "`--endpoint-url` is the HealthOmics endpoint, which `compile` does not call; give the S3 endpoint with `--s3-endpoint-url`",
    });
  });
});

describe("colour", () => {
  const files = { "p.batch": "let = 1\n" };
  const coloured = async (argv: string[], tty: boolean, env: Record<string, string> = {}): Promise<boolean> => {
    const r = await runCli(argv, { files, tty, env });
    expect(r.code).toBe(1);
    return r.stderr.includes("\u001b[");
  };

  it("is on for a terminal, off otherwise, and --color always/never decides over both", async () => {
    expect(await coloured(["check", "p.batch"], true)).toBe(true);
    expect(await coloured(["check", "p.batch"], false)).toBe(false);
    expect(await coloured(["check", "p.batch", "--color", "always"], false)).toBe(true);
    expect(await coloured(["check", "p.batch", "--color", "never"], true)).toBe(false);
    expect(await coloured(["check", "p.batch", "--color", "always"], false, { NO_COLOR: "1" })).toBe(true);
    expect(await coloured(["check", "p.batch", "--color=auto"], true)).toBe(true);
  });

  it("follows no-color.org: a non-empty NO_COLOR turns it off, an empty one does not", async () => {
    expect(await coloured(["check", "p.batch"], true, { NO_COLOR: "1" })).toBe(false);
    expect(await coloured(["check", "p.batch"], true, { NO_COLOR: "" })).toBe(true);
    expect(await coloured(["check", "p.batch"], true, { TERM: "dumb" })).toBe(false);
  });

  it("is forced by FORCE_COLOR (but not FORCE_COLOR=0), as for Node itself", async () => {
    expect(await coloured(["check", "p.batch"], false, { FORCE_COLOR: "1" })).toBe(true);
    expect(await coloured(["check", "p.batch"], false, { FORCE_COLOR: "" })).toBe(true);
    expect(await coloured(["check", "p.batch"], true, { FORCE_COLOR: "0" })).toBe(false);
    expect(await coloured(["check", "p.batch"], false, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
  });
});
