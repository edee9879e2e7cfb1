// The shipped executable as processes: `batchc sandbox` started in the background (its printed
// environment read back), and batchc commands run against it, without blocking this process.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const bin = path.join(root, "packages/cli/bin/batchc.js");

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A running `batchc sandbox`. */
export interface SandboxProcess {
  url: string;
  /** The variables it printed (`export NAME=VALUE`). */
  env: Record<string, string>;
  /** What it printed on stdout before `Stop it with Ctrl-C.`. */
  banner: string;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<{ code: number | null; stderr: string }>;
}

/** Starts `batchc sandbox ARGS` and waits until it prints its environment. */
export async function startSandboxProcess(args: string[], cwd: string): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, "sandbox", ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${stdout}\n${stderr}`)), 20_000);
    child.stdout?.on("data", (b: Buffer) => {
      stdout += b.toString();
      if (stdout.includes("Stop it with Ctrl-C.\n")) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited with ${String(code)}:\n${stdout}\n${stderr}`));
    });
  });
  const env = Object.fromEntries([...banner.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]));
  return {
    url: env.AWS_ENDPOINT_URL_OMICS as string,
    env,
    banner,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", (code) => resolve({ code, stderr }));
        child.kill("SIGTERM");
      }),
  };
}

/** Runs `batchc ARGS` in `cwd` with `env` (and of this process's environment only PATH), HOME `home`. */
export function batchc(args: string[], cwd: string, home: string, env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH, HOME: home, NO_COLOR: "1", AWS_EC2_METADATA_DISABLED: "true", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs `batchc ARGS` on a pseudo-terminal (util-linux `script`) 100 columns wide; its output, `\r\n` read as `\n`. */
export function batchcOnTerminal(args: string[], cwd: string, home: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  const command = `stty cols 100 rows 24 && exec ${quote(process.execPath)} ${quote(bin)} ${args.map(quote).join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, TERM: "xterm", NO_COLOR: "1", AWS_EC2_METADATA_DISABLED: "true", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (b: Buffer) => (output += b.toString("utf8")));
    child.stderr?.on("data", (b: Buffer) => (output += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output: output.replace(/\r\n/g, "\n") }));
  });
}
