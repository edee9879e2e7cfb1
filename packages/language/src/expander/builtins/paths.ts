// Path built-ins for local paths and URIs alike: `basename`, `dirname`, `stem`.
// A URI's `scheme://authority` part (`s3://bucket`) acts as its root, as `/` does for paths.
import type { Value } from "../../values.js";
import { expectString } from "./args.js";

const ROOT = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/;

/** Splits `s3://b/k/x` into the root `s3://b` and the rest `/k/x`; plain paths have root "". */
function splitRoot(p: string): [string, string] {
  const m = ROOT.exec(p);
  return m ? [m[0], p.slice(m[0].length)] : ["", p];
}

/** `basename(p)`: the last part of a path or URI, ignoring trailing slashes (`s3://b/k/` gives "k"). */
export function basename(p: Value): string {
  const [root, rest] = splitRoot(expectString("basename", 0, p));
  const trimmed = rest.replace(/\/+$/, "");
  if (trimmed === "") return root === "" ? (rest === "" ? "" : "/") : root.slice(root.indexOf("://") + 3);
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/**
 * `dirname(p)`: everything before the last part: `s3://b/k/x.txt` gives "s3://b/k", `a/b.txt`
 * gives "a", `b.txt` gives ".", `/x` gives "/", and a bucket root stays as it is.
 */
export function dirname(p: Value): string {
  const [root, rest] = splitRoot(expectString("dirname", 0, p));
  const trimmed = rest.replace(/\/+$/, "");
  const cut = trimmed.lastIndexOf("/");
  if (cut < 0) return root !== "" ? root : rest.startsWith("/") ? "/" : ".";
  const head = trimmed.slice(0, cut).replace(/\/+$/, "");
  if (head === "") return root !== "" ? root : "/";
  return root + head;
}

const LONG_EXTENSIONS = [".fastq.gz", ".fq.gz", ".vcf.gz", ".bam", ".cram"];

/**
 * `stem(p)`: the basename without `.fastq.gz`, `.fq.gz`, `.bam`, `.cram` or `.vcf.gz` (matched
 * case-insensitively), or else without its last extension; a name that only starts with a dot
 * (`.env`) keeps it.
 */
export function stem(p: Value): string {
  const name = basename(expectString("stem", 0, p));
  const lowerName = name.toLowerCase();
  for (const ext of LONG_EXTENSIONS) {
    if (lowerName.endsWith(ext) && name.length > ext.length) return name.slice(0, name.length - ext.length);
  }
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
