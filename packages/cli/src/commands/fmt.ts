// `batchc fmt [FILE...|-] [--check] [--diff]`: the canonical layout, comments kept. Files
// are rewritten in place only when their text changes; `-` is standard input to standard
// output. A file with syntax errors is reported and left alone (exit 1).
import { readdirSync, statSync } from "node:fs";
import { chmod, rename, rm, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { formatSource, nodeHost, renderDiagnostics, SourceFile } from "@batchc/language";
import { createTwoFilesPatch } from "diff";
import { CommandError, type Io, useColor } from "../io.js";
import { readFailure } from "../load.js";

export async function fmtCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const check = options.check === true;
  const diff = options.diff === true;
  const host = io.host ?? nodeHost;
  let failed = false;
  let changed = false;

  const formatOne = (name: string, text: string): string | undefined => {
    const source = new SourceFile(name, text);
    const result = formatSource(source);
    if (result.ok) return result.text;
    io.stderr.write(renderDiagnostics(result.diagnostics, new Map([[name, source]]), { color: useColor(io, io.stderr) }));
    failed = true;
    return undefined;
  };

  if (args.length === 1 && args[0] === "-") {
    if (io.readStdin === undefined) throw new CommandError("standard input cannot be read here", 2);
    const text = await io.readStdin();
    const formatted = formatOne("<stdin>", text);
    if (formatted === undefined) return 1;
    if (diff) io.stdout.write(patch("<stdin>", text, formatted));
    else if (!check) io.stdout.write(formatted);
    return check && formatted !== text ? 1 : 0;
  }
  if (args.includes("-")) throw new CommandError("`-` (standard input) cannot be given with other files", 2);

  for (const file of expandArgs(args.length === 0 ? ["."] : args, io)) {
    let text: string;
    try {
      text = host.readFile(path.resolve(io.cwd, file));
    } catch (err) {
      io.stderr.write(`error: cannot read \`${file}\`: ${readFailure(err)}\n`);
      failed = true;
      continue;
    }
    const formatted = formatOne(file, text);
    if (formatted === undefined || formatted === text) continue;
    changed = true;
    if (diff) io.stdout.write(patch(file, text, formatted));
    if (check) io.stdout.write(`${file}\n`);
    if (!check && !diff) {
      await writeAtomically(path.resolve(io.cwd, file), formatted);
      io.stdout.write(`${file}\n`);
    }
  }
  return failed || (check && changed) ? 1 : 0;
}

/** Files as given; a folder stands for the `.batch` files below it (hidden folders and node_modules skipped). */
function expandArgs(args: readonly string[], io: Io): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg);
    if (!isFolder(abs)) {
      out.push(arg); // a file, or nothing: reading it reports why
      continue;
    }
    const walk = (dir: string, rel: string): void => {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(path.join(dir, entry.name), child);
        else if (entry.isFile() && entry.name.endsWith(".batch")) out.push(arg === "." ? child : path.join(arg, child));
      }
    };
    walk(abs, "");
  }
  return out;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function patch(name: string, before: string, after: string): string {
  return createTwoFilesPatch(name, name, before, after, undefined, undefined, { context: 3 }).replace(/^(Index: .*\n)?=+\n/, "");
}

/** Replaces a file by writing a sibling and renaming it over, so a reader never sees half of it. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const { mode } = await stat(target);
  try {
    await writeFile(tmp, text, { mode });
    await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new CommandError(`cannot write \`${path.basename(target)}\`: ${readFailure(err)}`, 1);
  }
}
