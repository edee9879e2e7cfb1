#!/usr/bin/env node
// `pnpm try`: the whole loop on this machine, without an AWS account. Starts `batchc sandbox` (a
// local HealthOmics and S3 store, in memory) in the background, submits the bundled 25-run
// example with --wait, lists the runs that failed to start, resubmits exactly those with --wait,
// and stops the sandbox. Each command is printed as a shell shows it, followed by its output.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/bin/batchc.js");
const example = "examples/sandbox/try.batch";

/**
 * Runs batchc and shows its output. On a terminal, stderr goes straight to it (progress redrawn in
 * place) and stdout is passed on as it comes; otherwise both go, in the order written, through one
 * temporary file, so that the same run prints the same text.
 */
function batchc(args, env) {
  process.stdout.write(`\n$ batchc ${args.join(" ")}\n`);
  const options = { cwd: root, env: { ...process.env, ...env } };
  if (!process.stdout.isTTY) {
    const dir = mkdtempSync(join(tmpdir(), "batchc-try-"));
    const file = join(dir, "output");
    const fd = openSync(file, "w");
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { ...options, stdio: ["ignore", fd, fd] });
      child.on("error", reject);
      child.on("exit", (code) => {
        closeSync(fd);
        const out = readFileSync(file, "utf8");
        rmSync(dir, { recursive: true, force: true });
        process.stdout.write(out);
        resolve({ code, out });
      });
    });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { ...options, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (b) => {
      out += b;
      process.stdout.write(b);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

/** Starts the sandbox and resolves with the environment it prints. */
function startSandbox() {
  const args = ["sandbox", "--port", "0", "--clock", "read", "--quiet"];
  process.stdout.write(`$ batchc ${args.join(" ")} &\n`);
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (b) => {
      out += b;
      if (!out.includes("Stop it with Ctrl-C.")) return;
      const env = Object.fromEntries([...out.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
      process.stdout.write("(a local HealthOmics and S3 store on 127.0.0.1, in memory; the commands below run with the environment it printed)\n");
      resolve({ child, env });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`batchc sandbox exited with ${code}:\n${out}`)));
  });
}

const { child, env } = await startSandbox();
const stop = () =>
  new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
try {
  const submitted = await batchc(["submit", example, "--wait", "--poll-interval", "0.2"], env);
  const id = /^batch +(\d+)/m.exec(submitted.out)?.[1];
  if (id === undefined) throw new Error("the submit printed no batch id");
  await batchc(["runs", id, "--status", "FAILED"], env);
  const again = await batchc(["resubmit", id, example, "--wait", "--poll-interval", "0.2"], env);
  if (again.code !== 0) throw new Error(`the resubmit ended with exit code ${again.code}`);
  process.stdout.write("\n$ kill %1   # stops the sandbox\n");
} catch (err) {
  process.stderr.write(`try: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await stop();
}
