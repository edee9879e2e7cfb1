// The command line itself: help, version, usage errors, colour, the four-errors program,
// internal errors, and the shipped executable (compiled, bundled JavaScript).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { memoryHost } from "@batchc/language";
import { parseArgs } from "../../packages/cli/src/options.js";
import { VERSION } from "../../packages/cli/src/version.js";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");

describe("parseArgs", () => {
  it("parses commands, options, repeated and inline values", () => {
    expect(parseArgs(["compile", "a.batch", "--dry-run", "--format=jsonl", "--var", "a=1", "--var=b=2", "-o", "out.json"])).toEqual({
      kind: "run",
      command: "compile",
      args: ["a.batch"],
      options: { "dry-run": true, format: "jsonl", var: ["a=1", "b=2"], output: "out.json" },
    });
  });

  it("suggests the closest command and option", () => {
    expect(parseArgs(["compiel", "x"])).toEqual({ kind: "usage-error", message: "unknown command `compiel` (did you mean `compile`?)" });
    expect(parseArgs(["compile", "x", "--dryrun"])).toMatchObject({ message: "unknown option `--dryrun` for `compile` (did you mean `--dry-run`?)" });
  });

  it("rejects a bad choice, a missing value and a missing argument", () => {
    expect(parseArgs(["compile", "x", "--format", "xml"])).toMatchObject({ message: "`--format` must be one of `table`, `json`, `jsonl`, `csv`, not `xml`" });
    expect(parseArgs(["compile", "x", "-o"])).toMatchObject({ message: "option `--output` needs a value (FILE)" });
    expect(parseArgs(["check"])).toMatchObject({ message: "`check` needs FILE" });
    expect(parseArgs(["check", "a", "b"])).toMatchObject({ message: "unexpected argument `b`" });
  });
});

describe("batchc", () => {
  it("prints help and version", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^batchc: compile \.batch files/);
    expect(help.stdout).toMatch(/\n  compile +expand a \.batch file into the StartRunBatch request body\n/);
    const cmd = await runCli(["compile", "--help"]);
    expect(cmd.stdout).toContain("--dry-run");
    const version = await runCli(["--version"]);
    expect(version.stdout).toBe(`batchc ${VERSION}\n`);
    const pkg = JSON.parse(readFileSync(path.join(root, "packages/cli/package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it("exits 2 on usage errors", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command `frobnicate`\nRun `batchc --help` for usage.\n");
    const v = await runCli(["check", "p.batch", "--var", "novalue"], { files: { "p.batch": "" } });
    expect(v.code).toBe(2);
    expect(v.stderr).toContain("error: `--var novalue` is not of the form NAME=VALUE");
    const f = await runCli(["compile", "p.batch", "--format", "json"], { files: { "p.batch": "" } });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("error: `--format` goes with `--dry-run`");
  });

  it("reports an enum typo, an unknown field, an unknown parameter and a missing required parameter in one run", async () => {
    const program = `defaults {
  workflowId  = "1234567"
  roleArn     = "arn:aws:iam::123456789012:role/OmicsRunRole"
  storageType = "DYNAMIK"
  outputUri   = "s3://lab-results/x/"
}
params {
  sample: string
  caller: "deepvariant" | "gatk"
}
run "a" {
  nmae = "typo"
  params {
    sampel = "S1"
    caller = "gatk"
  }
}
`;
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program } });
    expect(r.code).toBe(1);
    const headers = [...r.stderr.matchAll(/^error\[(BC\d+)\]: (.*)\n\s*--> p\.batch:(\d+):(\d+)/gm)].map((m) => [m[1], m[2], Number(m[3]), Number(m[4])]);
    expect(headers).toEqual([
      ["BC2021", expect.stringContaining("DYNAMIK"), 4, 17],
      ["BC2004", expect.stringContaining("`sample`"), 11, 1],
      ["BC2006", expect.stringContaining("`nmae`"), 12, 3],
      ["BC2003", expect.stringContaining("`sampel`"), 14, 5],
    ]);
    expect(r.stderr).toContain('help: did you mean `"DYNAMIC"`?');
    expect(r.stderr).toContain("help: did you mean `name`?");
    expect(r.stderr).toContain("help: did you mean `sample`?");
    expect(r.stderr).toMatch(/4 errors\n$/);
  });

  it("colours diagnostics only on a terminal without NO_COLOR", async () => {
    const files = { "p.batch": "let = 1\n" };
    const plain = await runCli(["check", "p.batch"], { files });
    expect(plain.stderr).not.toContain("\u001b[");
    const tty = await runCli(["check", "p.batch"], { files, tty: true });
    expect(tty.stderr).toContain("\u001b[1;31merror[");
    const noColor = await runCli(["check", "p.batch"], { files, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stderr).not.toContain("\u001b[");
  });

  it("turns an unexpected exception into one internal-error line (a stack only with BATCHC_DEBUG=1)", async () => {
    const { run } = await import("../../packages/cli/src/main.js");
    const failing = (env: Record<string, string>) => {
      let stderr = "";
      const io = {
        stdout: { write: (): never => { throw new TypeError("stdout exploded"); } },
        stderr: { write: (s: string) => (stderr += s) },
        env,
        cwd: root,
        host: memoryHost({}),
      };
      return { io, stderr: () => stderr };
    };
    const plain = failing({});
    expect(await run(["--help"], plain.io)).toBe(70);
    expect(plain.stderr().trimEnd().split("\n")).toHaveLength(1);
    expect(plain.stderr()).toMatch(/^internal error: stdout exploded \(this is a bug in batchc .*BATCHC_DEBUG=1.*\)\n$/);
    const debug = failing({ BATCHC_DEBUG: "1" });
    expect(await run(["--help"], debug.io)).toBe(70);
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });
});

describe("the shipped executable", () => {
  const exec = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("runs the compiled bundle", () => {
    const r = exec(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`batchc ${VERSION}\n`);
    expect(readFileSync(bin, "utf8")).toContain("../dist/bundle/batchc.mjs");
  });

  it("checks an example and reports bad input without a stack trace", () => {
    const ok = exec(["check", "examples/wgs-cohort/wgs-cohort.batch"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("examples/wgs-cohort/wgs-cohort.batch: ok, 100 runs\n");
    const bad = exec(["check", "examples"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("error[BC5001]: cannot read `examples`: it is a folder, not a file\n  --> examples\nhelp: check the path; it is relative to the current folder\n\n1 error\n");
  });
});

describe("compile --format json with errors", () => {
  it("reports the diagnostics as JSON data on stdout, like check", async () => {
    const files = { "p.batch": 'defaults { workflowId = "1234567" roleArn = "arn:aws:iam::123456789012:role/R" }\nrun "a" { nmae = "x" }\n' };
    const r = await runCli(["compile", "p.batch", "--dry-run", "--format", "json"], { files });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; line: number; column: number; help?: string }[] };
    expect(out.ok).toBe(false);
    expect(out.diagnostics.map((d) => [d.code, d.line, d.column, d.help])).toEqual([["BC2006", 2, 11, "did you mean `name`?"]]);
  });
});
