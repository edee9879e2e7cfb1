// `--write-inputs-lock FILE` and `--inputs-lock FILE`: the ETag and size of every input `--live`
// found, as a small JSON document (keys sorted, the same inputs always give the same bytes),
// and the inputs whose ETag or size differ from such a file now.
import * as path from "node:path";
import { readFileSync } from "node:fs";
import { CommandError, type Io } from "../io.js";
import { atomicWrite } from "../safe-write.js";
import { safeCell } from "@batchc/text";

/** What a lock file records of one object. */
export interface LockEntry {
  etag: string;
  size: number;
}

/** The lock file's text: `{ formatVersion, inputs: { URI: { etag, size } } }`, URIs sorted. */
export function lockText(entries: ReadonlyMap<string, LockEntry>): string {
  const inputs: Record<string, LockEntry> = {};
  for (const uri of [...entries.keys()].sort()) {
    const e = entries.get(uri) as LockEntry;
    inputs[uri] = { etag: e.etag, size: e.size };
  }
  return `${JSON.stringify({ formatVersion: 1, inputs }, null, 2)}\n`;
}

/** Writes the lock file (atomically, as `-o`). */
export async function writeLock(file: string, entries: ReadonlyMap<string, LockEntry>, io: Io): Promise<void> {
  await atomicWrite(path.resolve(io.cwd, file), lockText(entries), "--write-inputs-lock");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a lock file; a file that cannot be read or is not one is a usage error (exit 2). */
export function readLock(file: string, io: Io): Map<string, LockEntry> {
  const bad = (why: string): CommandError =>
    new CommandError(`\`--inputs-lock ${file}\` ${why}`, 2, "give a file written by `--write-inputs-lock`");
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), "utf8");
  } catch (err) {
    throw bad(`cannot be read: ${err instanceof Error && "code" in err && err.code === "ENOENT" ? "no such file" : "it is not a readable text file"}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad("is not JSON");
  }
  if (!isObject(data) || data.formatVersion !== 1 || !isObject(data.inputs)) throw bad("is not an inputs lock (formatVersion 1)");
  const out = new Map<string, LockEntry>();
  for (const [uri, e] of Object.entries(data.inputs)) {
    if (!isObject(e) || typeof e.etag !== "string" || typeof e.size !== "number") throw bad("has an entry without `etag` and `size`");
    out.set(uri, { etag: e.etag, size: e.size });
  }
  return out;
}

/** Notes on how an input changed, or undefined when it did not. */
export function changeNotes(was: LockEntry, now: LockEntry): string[] | undefined {
  const notes: string[] = [];
  if (was.etag !== now.etag) notes.push(`ETag was ${safeCell(was.etag)}, now ${safeCell(now.etag)}`);
  if (was.size !== now.size) notes.push(`size was ${was.size.toLocaleString("en-US")} bytes, now ${now.size.toLocaleString("en-US")}`);
  return notes.length > 0 ? notes : undefined;
}
