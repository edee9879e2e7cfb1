// Starts seeded-moto.py: a moto S3 server of its own, with many objects put in-process.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { findPython } from "../setup/moto.js";

export interface SeededMoto {
  url: string;
  stop(): Promise<void>;
}

/** A moto server holding `objects` (bucket → keys), each body as `seed()` in harness.ts writes it. */
export async function startSeededMoto(objects: Record<string, readonly string[]>): Promise<SeededMoto> {
  const { python, tried } = findPython();
  if (python === undefined) throw new Error(`no python3 with moto (tried: ${tried.join(", ")})`);
  const child = spawn(python, [path.join(import.meta.dirname, "seeded-moto.py")], { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.write(`${JSON.stringify(objects)}\n`);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await done;
  };
  const url = await new Promise<string>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`seeded moto did not start within 60 s:\n${log}`)), 60_000);
    const onData = (b: Buffer): void => {
      log += b.toString();
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`seeded moto exited with ${String(code)}:\n${log}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  child.stdout.removeAllListeners("data").resume();
  child.stderr.removeAllListeners("data").resume();
  return { url, stop };
}
