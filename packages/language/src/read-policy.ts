// Reads stay inside the project: data-file built-ins (and `params from`) read only inside the
// `.batch` file's folder and the folders given with `--allow-read`, judged on the path with
// every symbolic link resolved. Special files (devices, FIFOs, sockets, anything under /proc,
// /sys or /dev) are refused wherever they are, and data files have a size limit.
import * as path from "node:path";
import { type Host, HostError, MAX_DATA_FILE_BYTES } from "./host.js";

/** Folders under which nothing is an ordinary data file, even when allowed. */
const SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];

/** True when `p` is `root` or below it (both absolute or both relative, normalised). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export interface ReadPolicy {
  /** Folders reads may reach (the `.batch` folder first), as given. */
  roots: readonly string[];
  /** Data files larger than this are refused. */
  maxBytes?: number;
}

/**
 * A host that enforces the policy on top of `host`: a read or listing outside the roots, of a
 * special file or of a file above the size limit throws a HostError (`EOUTSIDE`, `ENOTREG`,
 * `EFBIG`) whose message says why; `exists` throws too.
 */
export function confineHost(host: Host, policy: ReadPolicy): Host {
  const roots = policy.roots.map((r) => host.realPath(r));
  const maxBytes = policy.maxBytes ?? MAX_DATA_FILE_BYTES;
  const allowed = (p: string): string => {
    const real = host.realPath(p);
    if (!roots.some((r) => isInside(r, real))) throw new HostError("EOUTSIDE", "it is outside the folder of the `.batch` file");
    const special = SPECIAL_ROOTS.find((s) => isInside(s, real));
    if (special !== undefined) throw new HostError("ENOTREG", `it is a special file (under ${special})`);
    return real;
  };
  return {
    readFile(p) {
      return host.readFile(allowed(p), { regularOnly: true, maxBytes });
    },
    listFiles(dir) {
      return host.listFiles(allowed(dir), (link, target) => {
        try {
          allowed(target);
        } catch (e) {
          if (!(e instanceof HostError)) throw e;
          throw new HostError(e.code, `it is a link to ${e.code === "EOUTSIDE" ? "a file outside the allowed folders" : "a special file"}`, link);
        }
      });
    },
    exists(p) {
      return host.exists(allowed(p));
    },
    realPath(p) {
      return host.realPath(p);
    },
    ...(host.listS3 !== undefined ? { listS3: host.listS3.bind(host) } : {}),
  };
}
