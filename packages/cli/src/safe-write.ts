// Safe writes for `-o` and `--settings-out`: the target must be a regular file (or not exist);
// the temporary file is created beside it with a random name, exclusively and without following
// links (O_EXCL | O_NOFOLLOW), then renamed over the target. Temporary files and folders are
// removed on every exit path: errors, and SIGINT/SIGTERM too.
import { constants, lstatSync, mkdtempSync, rmSync } from "node:fs";
import { open, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { CommandError } from "./io.js";

/** Paths removed if the process is interrupted (temporary files and folders in use). */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let listening = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const p of pending) rmSync(p, { recursive: true, force: true });
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  listening = false;
  // The default action now: the process ends as killed by the signal.
  process.kill(process.pid, signal);
}

function listen(): void {
  if (!listening) {
    for (const s of SIGNALS) process.on(s, onSignal);
    listening = true;
  }
}

/** Removes `p` (a file or a folder) if the process is interrupted, until `release(p)`. */
export function removeOnSignal(p: string): void {
  pending.add(p);
  listen();
}

/**
 * A new temporary folder (`prefix` + random letters), removed if the process is interrupted,
 * until `release`. The listeners are in place before the folder exists, and it is created and
 * registered in one synchronous step: a signal is handled only after both, so none can leave it behind.
 */
export function tempFolder(prefix: string): string {
  listen();
  const dir = mkdtempSync(prefix);
  pending.add(dir);
  return dir;
}

/** No longer removes `p` on a signal. */
export function release(p: string): void {
  pending.delete(p);
  if (pending.size === 0 && listening) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    listening = false;
  }
}

/** What is at `p`, for a refusal: "a symbolic link", "a device", ...; undefined for a regular file or nothing. */
function refusal(p: string): string | undefined {
  let st;
  try {
    st = lstatSync(p);
  } catch {
    return undefined; // nothing there yet (or not reachable: the write reports it)
  }
  if (st.isFile()) return undefined;
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isDirectory()) return "a folder";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** `-o /dev/null` discards the output: nothing is written (and the device is left alone). */
const DISCARD = "/dev/null";

/** Throws a usage-level error (exit 1) when `target` exists and is not a regular file (or /dev/null). */
export function checkTarget(target: string, flag: string): void {
  if (target === DISCARD) return;
  const what = refusal(target);
  if (what !== undefined) {
    throw new CommandError(`cannot write \`${target}\` (${flag}): it is ${what}, not a regular file`, 1, `write to a regular file; the output replaces a file only`);
  }
}

function cannotWrite(target: string, err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOENT" ? "its folder does not exist" : err instanceof Error ? err.message : String(err);
  return new CommandError(`cannot write \`${target}\`: ${reason}`, 1);
}

/**
 * Writes `target` through a new temporary file beside it and a rename, so it is never
 * half-written and nothing planted at the temporary name is followed or overwritten.
 */
async function atomically(target: string, flag: string, put: (fd: FileHandle) => Promise<void>): Promise<void> {
  checkTarget(target, flag);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  // Registered before it exists, so a signal during the open cannot leave it behind.
  removeOnSignal(tmp);
  let handle;
  try {
    handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (err) {
    release(tmp);
    throw cannotWrite(target, err);
  }
  try {
    try {
      await put(handle);
    } finally {
      await handle.close();
    }
    // Checked again just before the rename: what is there now is what gets replaced.
    checkTarget(target, flag);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw cannotWrite(target, err);
  } finally {
    release(tmp);
  }
}

/** Writes `text` to `target` atomically (see `atomically`). */
export async function atomicWrite(target: string, text: string, flag: string): Promise<void> {
  if (target === DISCARD) return;
  await atomically(target, flag, (fd) => fd.writeFile(text));
}

/**
 * Puts a finished temporary file at `target`: a rename (atomic, and no 40 MB copy at 100,000
 * runs), or a copy through a temporary file when the two are on different file systems.
 */
export async function moveInto(from: string, target: string, flag: string): Promise<void> {
  if (target === DISCARD) return;
  checkTarget(target, flag);
  try {
    await rename(from, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw cannotWrite(target, err);
    await atomically(target, flag, async (fd) => fd.writeFile(await readFile(from)));
  }
}
