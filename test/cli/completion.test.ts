// `batchc completion bash|zsh|fish`: generated from the option table. The bash script is run
// by bash itself on command lines; the zsh and fish scripts are checked for every command
// and option of the table.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, GLOBAL_OPTIONS } from "../../packages/cli/src/options.js";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");

async function script(shell: string): Promise<string> {
  const r = await runCli(["completion", shell]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  return r.stdout;
}

/** What bash completes for `words` (the last one being completed), with the script loaded. */
function bashComplete(code: string, words: string[]): string[] {
  const program = [
    code,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_batchc",
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", program], { cwd: path.join(root, "examples/wgs-cohort"), encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter((l) => l !== "");
}

describe("batchc completion", () => {
  it("bash: commands, options per command, option values, files and fixed arguments", async () => {
    const code = await script("bash");
    expect(bashComplete(code, ["batchc", ""])).toEqual([...COMMANDS.map((c) => c.name), ...GLOBAL_OPTIONS.flatMap((o) => [`--${o.name}`, `-${o.short}`])]);
    expect(bashComplete(code, ["batchc", "c"])).toEqual(["check", "compile", "cancel", "completion"]);
    expect(bashComplete(code, ["batchc", "compile", "--dr"])).toEqual(["--dry-run"]);
    expect(bashComplete(code, ["batchc", "compile", "--format", ""])).toEqual(["table", "json", "jsonl", "csv"]);
    expect(bashComplete(code, ["batchc", "check", "wgs"])).toEqual(["wgs-cohort.batch"]);
    expect(bashComplete(code, ["batchc", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
    expect(bashComplete(code, ["batchc", "status", ""])).toEqual([]);
    for (const c of COMMANDS) {
      expect(bashComplete(code, ["batchc", c.name, "-"]).sort()).toEqual(c.options.flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]).sort());
    }
  });

  it("zsh: a #compdef function with every command and option", async () => {
    const code = await script("zsh");
    expect(code.startsWith("#compdef batchc\n")).toBe(true);
    for (const c of COMMANDS) {
      expect(code).toContain(`    '${c.name}:`);
      const line = code.split("\n").find((l) => l.startsWith(`    ${c.name}) _arguments `)) as string;
      expect(line, c.name).toBeDefined();
      for (const o of c.options) expect(line).toContain(`--${o.name}`);
    }
    expect(code).toContain("'*--var[value for `var(\"NAME\")` in the program (repeatable)]:NAME=VALUE: '");
    expect(code).toContain("'--format[diagnostics as text (default), json, jsonl (one per line) or sarif (SARIF 2.1.0)]:FORMAT:(text json jsonl sarif)'");
    expect(code).toContain("'(-o --output)'{-o,--output}'[write the request body to FILE (default, or `-`\\: stdout); with maxRunsPerBatch, a folder]:FILE:_files'");
  });

  it("fish: a complete line for every command and option", async () => {
    const code = await script("fish");
    for (const c of COMMANDS) {
      expect(code).toContain(` -a ${c.name} -d '`);
      for (const o of c.options) expect(code).toContain(`complete -c batchc -n '__fish_seen_subcommand_from ${c.name}' -l ${o.name}`);
    }
    expect(code).toContain("complete -c batchc -n '__fish_seen_subcommand_from compile' -l output -s o -r -F -d 'write the request body to FILE (default, or `-`: stdout); with maxRunsPerBatch, a folder'");
    expect(code).toContain("complete -c batchc -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'");
  });

  it("refuses an unknown shell (exit 2)", async () => {
    const r = await runCli(["completion", "tcsh"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "error: no completion for the shell `tcsh`\nhelp: the shells are `bash`, `zsh`, `fish`\n" });
  });
});
