// The file names of parts (docs/language.md §8b): `compile -o FOLDER` writes one
// `NAME-part-K-of-P.json` per part, and `submit FOLDER` reads back one complete set.
import { nodeHost } from "@batchc/language";
import * as path from "node:path";
import { CommandError, type Io } from "../io.js";

/** `NAME-part-K-of-P.json`: NAME, K and P of a part's file name, or undefined. */
export function partOfFileName(name: string): { stem: string; k: number; p: number } | undefined {
  const m = /^(?:(.*)-)?part-(\d{1,4})-of-(\d{1,4})\.json$/.exec(name);
  if (!m) return undefined;
  const k = Number(m[2]);
  const p = Number(m[3]);
  return k >= 1 && k <= p ? { stem: m[1] ?? "", k, p } : undefined;
}

/**
 * The part files of `folder`, in order, when it is a folder (else undefined): exactly one
 * complete set `NAME-part-1-of-P.json` … `NAME-part-P-of-P.json` (anything else is an error).
 */
export function partFilesOf(folder: string, io: Io): string[] | undefined {
  let names: string[];
  try {
    names = (io.host ?? nodeHost).listFiles(folder).filter((n) => !n.includes("/"));
  } catch {
    return undefined;
  }
  const parts = names.flatMap((name) => {
    const part = partOfFileName(name);
    return part === undefined ? [] : [{ name, ...part }];
  });
  if (parts.length === 0) {
    throw new CommandError(`\`${folder}\` holds no parts`, 1, "give the folder `batchc compile -o FOLDER` wrote for a program with `maxRunsPerBatch`: it holds `NAME-part-K-of-P.json` files");
  }
  const sets = new Set(parts.map((p) => `${p.stem}-part-K-of-${p.p}`));
  if (sets.size > 1) {
    throw new CommandError(`\`${folder}\` holds parts of more than one program: ${[...sets].sort().map((s) => `\`${s}\``).join(", ")}`, 1, "keep one program's parts in a folder");
  }
  const first = parts[0] as (typeof parts)[number];
  const missing: string[] = [];
  for (let k = 1; k <= first.p; k++) if (!parts.some((p) => p.k === k)) missing.push(`${first.stem === "" ? "" : `${first.stem}-`}part-${k}-of-${first.p}.json`);
  if (missing.length > 0) {
    throw new CommandError(`\`${folder}\` lacks ${missing.length === 1 ? "a part" : `${missing.length} parts`}: ${missing.slice(0, 5).map((m) => `\`${m}\``).join(", ")}${missing.length > 5 ? ", …" : ""}`, 1, "compile the program again with `-o` to write every part");
  }
  return parts.sort((a, b) => a.k - b.k).map((p) => path.join(folder, p.name));
}
