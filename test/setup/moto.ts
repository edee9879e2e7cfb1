// Starts the moto S3 server (`python3 -m moto.server`) on 127.0.0.1, for the tests' global
// setup and for `pnpm bench`. The python3 is the first one that can import moto.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";

const START_TIMEOUT_MS = 15_000;

/**
 * A python3 that can import moto: BATCHC_PYTHON if set, else the first `python3` on PATH that
 * has it, else pyenv's shim. Package managers put their own folders (and with them the system
 * python3) ahead of the user's PATH when they run scripts, so the first `python3` is not enough.
 */
export function findPython(): { python?: string; tried: string[] } {
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

export interface Moto {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** The python3 that has moto (and with it botocore). */
  python: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const { python, tried } = findPython();
  if (python === undefined) {
    throw new Error(
      `the S3 tests need moto, and no python3 could import it (tried: ${tried.join(", ") || "none found"});\n` +
        "set BATCHC_PYTHON to a python3 that has moto, or install moto[server]",
    );
  }
  const child = spawn(python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await done;
    }
  };
  const url = await waitForBanner(child).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  // Stop collecting its request log but keep draining it, so a full pipe never blocks the server.
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  return { url, python, stop };
}

function waitForBanner(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
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
  });
}
