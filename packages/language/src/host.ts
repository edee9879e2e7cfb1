// File access for built-ins (`csv`, `json`, `glob`, `params from`). The front end does all
// I/O through a Host so tests can run on in-memory files.
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

export interface Host {
  /** Reads a UTF-8 text file; throws an Error with a readable message when it cannot. */
  readFile(path: string): string;
  /** Lists every file (not folder) below `dir`, as paths relative to `dir` with `/` separators. */
  listFiles(dir: string): string[];
  /** True when a file exists at `path`. */
  exists(path: string): boolean;
}

/** A host over the real file system. */
export const nodeHost: Host = {
  readFile(p) {
    return readFileSync(p, "utf8");
  },
  listFiles(dir) {
    const out: string[] = [];
    const walk = (rel: string): void => {
      const abs = rel === "" ? dir : path.join(dir, rel);
      for (const entry of readdirSync(abs, { withFileTypes: true })) {
        const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(child);
        else if (entry.isFile()) out.push(child);
      }
    };
    walk("");
    return out.sort();
  },
  exists(p) {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  },
};

/** A host over an in-memory map of absolute or relative paths to contents. */
export function memoryHost(files: Record<string, string>): Host {
  const norm = (p: string): string => path.posix.normalize(p.replace(/\\/g, "/"));
  const table = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    readFile(p) {
      const text = table.get(norm(p));
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return text;
    },
    listFiles(dir) {
      const d = norm(dir);
      const prefix = d === "." ? "" : d.endsWith("/") ? d : `${d}/`;
      const out: string[] = [];
      for (const k of table.keys()) if (k.startsWith(prefix)) out.push(k.slice(prefix.length));
      return out.sort();
    },
    exists(p) {
      return table.has(norm(p));
    },
  };
}
