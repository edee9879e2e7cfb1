// `batchc compile` of a program with `maxRunsPerBatch` (docs/language.md §8b): `-o` and
// `--settings-out` name folders holding one `NAME-part-K-of-P.json` per part (even for one
// part); standard output is refused. Settings files are uploaded first, all of them: when S3
// fails, nothing local is written.
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import * as path from "node:path";
import { settingsFileStem } from "@batchc/omics";
import type { EmittedBatch as Emitted } from "@batchc/compiler";
import { CommandError, type Io } from "../io.js";
import type { LoadedProgram } from "../load.js";
import { formatCount } from "@batchc/text";
import { atomicWrite, moveInto } from "../safe-write.js";
import { partOfFileName } from "./part-files.js";
import { s3EndpointUrl, uploadSettings } from "./upload.js";

/** A part's file name in the `-o` and `--settings-out` folders: its batch name, made safe, + `.json`. */
export function partFileName(part: Emitted): string {
  return `${settingsFileStem(part.request.batchName)}.json`;
}

/** Throws (exit 2) unless `-o` names a folder: parts never go to standard output. */
export function requirePartsFolder(options: Record<string, unknown>): void {
  const output = options.output as string | undefined;
  if (output === undefined || output === "-") {
    throw new CommandError(
      "with `maxRunsPerBatch`, the requests are written to a folder, not to standard output",
      2,
      "give a folder with `-o out/`: it gets one `NAME-part-K-of-P.json` per part",
    );
  }
}

/** Makes `dir` (and its parents); a file in its place is an error. */
async function folder(dir: string, flag: string): Promise<void> {
  const st = await stat(dir).catch(() => undefined);
  if (st !== undefined && !st.isDirectory()) {
    throw new CommandError(`cannot write the parts to \`${dir}\` (${flag}): it is not a folder`, 1, "with `maxRunsPerBatch`, give a folder");
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new CommandError(`cannot make the folder \`${dir}\` (${flag}): ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

/**
 * Removes the part files of the same batch name left by an earlier compile with another number
 * of parts (`x-part-3-of-3.json` once there are 2), so that the folder holds one complete set.
 */
async function removeStale(dir: string, parts: readonly Emitted[]): Promise<string[]> {
  const written = new Set(parts.map(partFileName));
  const stem = partOfFileName(partFileName(parts[0] as Emitted))?.stem;
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const part = partOfFileName(name);
    if (part === undefined || part.stem !== stem || written.has(name)) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Uploads every part's settings file, then writes the folders; prints one line per part. */
export async function writePartOutputs(loaded: LoadedProgram, parts: readonly Emitted[], options: Record<string, unknown>, io: Io): Promise<number> {
  const uploaded = new Map<Emitted, string>();
  for (const part of parts) {
    const settings = part.settingsFile;
    if (settings === undefined) continue;
    if (options["no-upload"] === true) uploaded.set(part, "not uploaded: --no-upload");
    else {
      const result = await uploadSettings(settings, s3EndpointUrl(options, io), options, io);
      uploaded.set(part, result.reused ? "already there with the same content" : "uploaded");
    }
  }
  const settingsOut = options["settings-out"] as string | undefined;
  if (settingsOut !== undefined) {
    const dir = path.resolve(io.cwd, settingsOut);
    await folder(dir, "--settings-out");
    const files = parts.filter((p) => p.settingsFile !== undefined);
    if (files.length === 0) io.stderr.write(`note: every part's runs go inline in its request; no settings file is written to ${settingsOut}\n`);
    for (const part of files) await moveInto((part.settingsFile as NonNullable<Emitted["settingsFile"]>).path, path.join(dir, partFileName(part)), "--settings-out");
    for (const name of await removeStale(dir, files.length > 0 ? files : parts)) io.stderr.write(`removed ${path.join(settingsOut, name)}, a part of an earlier compile\n`);
  }
  const output = options.output as string;
  const dir = path.resolve(io.cwd, output);
  await folder(dir, "-o");
  for (const part of parts) await atomicWrite(path.join(dir, partFileName(part)), part.json, "-o");
  for (const name of await removeStale(dir, parts)) io.stderr.write(`removed ${path.join(output, name)}, a part of an earlier compile\n`);
  const total = parts.reduce((n, p) => n + p.runCount, 0);
  io.stderr.write(`${loaded.file}: ${formatCount(total)} run${total === 1 ? "" : "s"} in ${formatCount(parts.length)} part${parts.length === 1 ? "" : "s"}, requests written to ${output}\n`);
  for (const part of parts) {
    const settings = part.settingsFile;
    const where = settings ? `settings file ${settings.uri} (${uploaded.get(part) ?? ""})` : "inline settings";
    io.stderr.write(`  ${partFileName(part)}: ${formatCount(part.runCount)} run${part.runCount === 1 ? "" : "s"}, ${where}\n`);
  }
  return 0;
}
