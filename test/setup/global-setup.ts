// vitest global setup: starts the services the integration tests talk to, on 127.0.0.1.
// One moto S3 server (`python3 -m moto.server`) for the whole run; its URL is provided to the
// tests as `inject("s3Endpoint")`, and it is stopped with SIGTERM in teardown.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the moto S3 server. */
    s3Endpoint: string;
    /** The python3 that has moto (and with it botocore). */
    python: string;
  }
}

const START_TIMEOUT_MS = 15_000;
let moto: ChildProcess | undefined;

/**
 * A python3 that can import moto: BATCHC_PYTHON if set, else the first `python3` on PATH that
 * has it, else pyenv's shim. Package managers put their own folders (and with them the system
 * python3) ahead of the user's PATH when they run scripts, so the first `python3` is not enough.
 */
function findPython(): { python?: string; tried: string[] } {
  const candidates: string[] = [];
  if (process.env.BATCHC_PYTHON) candidates.push(process.env.BATCHC_PYTHON);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(path.join(dir, "python3"));
  candidates.push(path.join(process.env.PYENV_ROOT ?? path.join(homedir(), ".pyenv"), "shims", "python3"));
  const tried: string[] = [];
  for (const candidate of new Set(candidates)) {
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    tried.push(candidate);
    const probe = spawnSync(candidate, ["-c", "import moto"], { encoding: "utf8" });
    if (probe.error === undefined && probe.status === 0) return { python: candidate, tried };
  }
  return { tried };
}

export async function setup(project: TestProject): Promise<void> {
  const { python, tried } = findPython();
  if (python === undefined) {
    throw new Error(
      `the S3 tests need moto, and no python3 could import it (tried: ${tried.join(", ") || "none found"});\n` +
        "set BATCHC_PYTHON to a python3 that has moto, or install moto[server]",
    );
  }
  const child = spawn(python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  moto = child;
  const endpoint = await new Promise<string>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`moto did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`)), START_TIMEOUT_MS);
    const onData = (b: Buffer): void => {
      log += b.toString();
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData); // the banner is on stderr; stdout just in case
    child.stderr?.on("data", onData);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`moto exited with ${String(code)}:\n${log}`));
    });
  }).catch(async (e: unknown) => {
    await teardown();
    throw e;
  });
  // Stop collecting its request log but keep draining it, so a full pipe never blocks the server.
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  project.provide("s3Endpoint", endpoint);
  project.provide("python", python);
}

export async function teardown(): Promise<void> {
  const child = moto;
  moto = undefined;
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await done;
  }
}
