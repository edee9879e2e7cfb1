// `batchc fmt`: in place, --check, --diff, standard input, folders, and files with syntax
// errors (reported, left alone, exit 1). Run as the shipped executable on real files.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");

function batchc(args: string[], cwd: string, input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const UGLY = 'let a=1   # one\nrun "x" {name="y"\npriority=2}\n';
const PRETTY = 'let a = 1  # one\n\nrun "x" {\n  name     = "y"\n  priority = 2\n}\n';

function workdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "batchc-fmt-"));
  mkdirSync(path.join(dir, "sub"));
  mkdirSync(path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "a.batch"), UGLY);
  writeFileSync(path.join(dir, "sub", "b.batch"), PRETTY);
  writeFileSync(path.join(dir, "node_modules", "c.batch"), UGLY);
  return dir;
}

describe("batchc fmt", () => {
  it("--check lists the files that would change, writes nothing and exits 1", () => {
    const dir = workdir();
    const r = batchc(["fmt", "--check"], dir);
    expect(r).toEqual({ code: 1, stdout: "a.batch\n", stderr: "" });
    expect(readFileSync(path.join(dir, "a.batch"), "utf8")).toBe(UGLY);
    expect(batchc(["fmt", "--check", "sub"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("rewrites the files that change, in place, keeping their mode, and lists them", () => {
    const dir = workdir();
    chmodSync(path.join(dir, "a.batch"), 0o640);
    const r = batchc(["fmt", "."], dir);
    expect(r).toEqual({ code: 0, stdout: "a.batch\n", stderr: "" });
    expect(readFileSync(path.join(dir, "a.batch"), "utf8")).toBe(PRETTY);
    expect(statSync(path.join(dir, "a.batch")).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(dir, "node_modules", "c.batch"), "utf8")).toBe(UGLY);
    expect(batchc(["fmt", "--check"], dir).code).toBe(0);
  });

  it("--diff prints a unified diff and writes nothing", () => {
    const dir = workdir();
    const r = batchc(["fmt", "--diff", "a.batch"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--- a.batch\n+++ a.batch\n");
    expect(r.stdout).toContain('@@ -1,3 +1,6 @@\n-let a=1   # one\n-run "x" {name="y"\n-priority=2}\n+let a = 1  # one\n+\n');
    expect(readFileSync(path.join(dir, "a.batch"), "utf8")).toBe(UGLY);
  });

  it("formats standard input to standard output with `-`", () => {
    const r = batchc(["fmt", "-"], root, UGLY);
    expect(r).toEqual({ code: 0, stdout: PRETTY, stderr: "" });
    expect(batchc(["fmt", "--check", "-"], root, UGLY).code).toBe(1);
    expect(batchc(["fmt", "--check", "-"], root, PRETTY)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("refuses a file with syntax errors: its diagnostics, the file untouched, exit 1; the others still formatted", () => {
    const dir = workdir();
    writeFileSync(path.join(dir, "bad.batch"), "let a =\n");
    const r = batchc(["fmt", "bad.batch", "a.batch"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC1005]: expected an expression, found end of file\n --> bad.batch:1:8");
    expect(r.stdout).toBe("a.batch\n");
    expect(readFileSync(path.join(dir, "bad.batch"), "utf8")).toBe("let a =\n");
    expect(readFileSync(path.join(dir, "a.batch"), "utf8")).toBe(PRETTY);
  });

  it("reports a file it cannot read and goes on", () => {
    const dir = workdir();
    const r = batchc(["fmt", "--check", "missing.batch", "sub/b.batch"], dir);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "error: cannot read `missing.batch`: no such file\n" });
  });

  it("passes --check on every example", () => {
    expect(batchc(["fmt", "--check", "examples"], root)).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
