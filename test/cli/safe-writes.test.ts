// Safe writes: `-o` and `--settings-out` refuse targets that are not regular files (a device, a
// FIFO, a symbolic link to /proc/self/fd/1) and leave them as they were; the temporary file is a
// new file with a random name beside the target, so nothing planted is followed; a run killed
// by SIGTERM or SIGINT leaves no temporary file or folder behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const DEFAULTS = 'defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/x/" }\n';
let dir: string;
let program: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-writes-"));
  program = path.join(dir, "small.batch");
  writeFileSync(program, `${DEFAULTS}run "a" {}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("targets that are not regular files are refused and left as they were", () => {
  it("a character device, a FIFO and a symbolic link to /proc/self/fd/1 (-o); /dev/null discards", async () => {
    const fifo = path.join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const link = path.join(dir, "stdout.json");
    symlinkSync("/proc/self/fd/1", link);
    for (const [target, what] of [
      ["/dev/zero", "a device"],
      [fifo, "a named pipe (FIFO)"],
      [link, "a symbolic link"],
    ] as const) {
      const r = await runCli(["compile", program, "-o", target]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot write \`${target}\` (-o): it is ${what}, not a regular file`);
      expect(r.stderr).not.toContain("request written");
    }
    expect(lstatSync("/dev/zero").isCharacterDevice()).toBe(true);
    // `-o /dev/null` discards the request (the device stays a device).
    const discard = await runCli(["compile", program, "-o", "/dev/null"]);
    expect(discard.code).toBe(0);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("--settings-out to a FIFO is refused before anything is written", async () => {
    const big = path.join(dir, "big.batch");
    writeFileSync(big, `batch "b" { settings = "s3://lab-batches/p/" }\n${DEFAULTS}for i in 1..150 { run "r\${i}" {} }\n`);
    const fifo = path.join(dir, "settings.fifo");
    execFileSync("mkfifo", [fifo]);
    const out = path.join(dir, "big-request.json");
    const r = await runCli(["compile", big, "--no-upload", "-o", out, "--settings-out", fifo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("(--settings-out): it is a named pipe (FIFO), not a regular file");
    expect(existsSync(out)).toBe(false);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe("the temporary file", () => {
  it("does not follow a link planted at the old `<out>.<pid>.tmp` name, and none is left", async () => {
    const folder = path.join(dir, "planted");
    mkdirSync(folder);
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "keep me");
    const out = path.join(folder, "request.json");
    symlinkSync(victim, `${out}.${process.pid}.tmp`);
    const r = await runCli(["compile", program, "-o", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(JSON.parse(readFileSync(out, "utf8")).batchRunSettings.inlineSettings).toHaveLength(1);
    expect(readdirSync(folder).sort()).toEqual([`request.json`, `request.json.${process.pid}.tmp`]);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`is removed, with the settings folder, when the run is killed by ${signal}`, async () => {
      const work = mkdtempSync(path.join(dir, "killed-"));
      const temp = path.join(work, "tmp");
      mkdirSync(temp);
      const big = path.join(work, "huge.batch");
      writeFileSync(big, `batch "h" { settings = "s3://lab-batches/p/" }\n${DEFAULTS}for i in 1..100000 { run "r\${i}" { params { a = "\${i}", b = "x\${i}", c = [i, i, i] } } }\n`);
      const child = spawn(process.execPath, [bin, "compile", big, "--no-upload", "-o", path.join(work, "out.json"), "--settings-out", path.join(work, "settings.json")], {
        env: { PATH: process.env.PATH ?? "", TMPDIR: temp, NO_COLOR: "1" },
        stdio: "ignore",
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, sig) => resolve(sig ?? code)));
      // Wait (bounded) until the run has made its temporary folder, then kill it.
      for (let i = 0; i < 400 && readdirSync(temp).length === 0 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
      child.kill(signal);
      const how = await exited;
      expect(readdirSync(temp)).toEqual([]);
      expect(readdirSync(work).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      // Killed by the signal, or finished first on a fast machine (then everything was written).
      if (how === signal) expect(existsSync(path.join(work, "out.json"))).toBe(false);
      else expect(how).toBe(0);
    });
  }
});
