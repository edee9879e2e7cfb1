// File access for built-ins (`csv`, `json`, `glob`, `params from`). The front end does all
// I/O through a Host so tests can run on in-memory files.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import { decodeUtf8 } from "./utf8.js";

/** How a data file is read: only a regular file, and at most `maxBytes`. */
export interface ReadOptions {
  /** Refuse devices, FIFOs, sockets and folders (without blocking on them). */
  regularOnly?: boolean;
  /** Refuse files larger than this. */
  maxBytes?: number;
}

export interface Host {
  /** Reads a UTF-8 text file; throws an Error with a readable message (and a `code`) when it cannot. */
  readFile(path: string, options?: ReadOptions): string;
  /**
   * Lists every file below `dir` (symbolic links to files included, links to folders not
   * followed), as paths relative to `dir` with `/` separators. `acceptLink` sees the resolved
   * path of each link and may throw to refuse it. A folder that cannot be read throws.
   */
  listFiles(dir: string, acceptLink?: (link: string, target: string) => void): string[];
  /** True when a file exists at `path`. */
  exists(path: string): boolean;
  /** The path with every symbolic link resolved (the path itself when nothing is there). */
  realPath(path: string): string;
  /**
   * The keys of every object of `bucket` whose key starts with `prefix` (`s3_glob`). S3 is
   * listed by the host before the program runs (see `s3GlobListings`); this only returns what
   * was listed, and throws an Error saying why when there is no listing (no S3 access, a
   * failed listing). Absent: the program cannot reach S3.
   */
  listS3?(bucket: string, prefix: string): readonly string[];
}

/** A file the host refuses to read, with a `code` like the system's errors. */
export class HostError extends Error {
  constructor(
    readonly code: "ENOTREG" | "EFBIG" | "EOUTSIDE",
    message: string,
    /** The path refused, when it is not the one asked for (a link found by a listing). */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Data files larger than this are refused (their text would not fit in memory comfortably). */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** Reads a file through one descriptor: checked with fstat, read up to the limit, decoded strictly. */
function readChecked(p: string, options: ReadOptions): string {
  // O_NONBLOCK: opening a FIFO without a writer must not wait; fstat then refuses it.
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    if ((e as { code?: string }).code === "ENXIO") throw new HostError("ENOTREG", "it is a socket, not a regular file");
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${p}'`), { code: "EISDIR" });
    if (!st.isFile()) throw new HostError("ENOTREG", `it is ${kindOf(st)}, not a regular file`);
    const max = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
    if (st.size > max) throw new HostError("EFBIG", `it is larger than ${limitText(max)}`);
    // Read to the end (files like those under /proc report a size of 0), never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 65536, max - total + 1, 1 << 24));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw new HostError("EFBIG", `it is larger than ${limitText(max)}`);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return decodeUtf8(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

/** `256 MiB`: a byte count for messages. */
export function limitText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A host over the real file system. */
export const nodeHost: Host = {
  readFile(p, options = {}) {
    return readChecked(p, options);
  },
  listFiles(dir, acceptLink) {
    const out: string[] = [];
    // Folders are walked with an explicit stack (no recursion, whatever the depth).
    const stack = [""];
    for (let rel = stack.pop(); rel !== undefined; rel = stack.pop()) {
      const abs = rel === "" ? dir : path.join(dir, rel);
      const entries = readdirSync(abs, { withFileTypes: true });
      for (const entry of entries) {
        const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) stack.push(child);
        else if (entry.isFile()) out.push(child);
        else if (entry.isSymbolicLink()) {
          const linkPath = path.join(dir, child);
          let target: string;
          try {
            target = realpathSync(linkPath);
            if (!statSync(target).isFile()) continue;
          } catch {
            continue; // a dangling link: nothing to read
          }
          acceptLink?.(linkPath, target);
          out.push(child);
        }
      }
    }
    return out.sort();
  },
  exists(p) {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  },
  realPath(p) {
    try {
      return realpathSync(p);
    } catch {
      // Nothing there (yet): resolve the folder that exists, keep the rest as written.
      const parent = path.dirname(p);
      return parent === p ? p : path.join(nodeHost.realPath(parent), path.basename(p));
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
    realPath(p) {
      return norm(p);
    },
  };
}
