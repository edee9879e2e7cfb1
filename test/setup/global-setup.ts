// vitest global setup: starts the services the integration tests talk to, on 127.0.0.1.
// One moto S3 server (`python3 -m moto.server`) for the whole run; its URL is provided to the
// tests as `inject("s3Endpoint")`, and it is stopped with SIGTERM in teardown.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the moto S3 server. */
    s3Endpoint: string;
  }
}

const START_TIMEOUT_MS = 15_000;
let moto: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const probe = spawnSync("python3", ["-c", "import moto"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      "the S3 tests need moto: `python3 -c \"import moto\"` failed" +
        (probe.error !== undefined ? ` (${probe.error.message})` : `:\n${probe.stderr}`) +
        "\nuse the python3 that has moto first on PATH (pyenv's), or install moto[server]",
    );
  }
  const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
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
