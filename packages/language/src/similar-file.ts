// Did-you-mean for a data or template file that is not there: the closest name among the
// files of the same folder (`parameter_template.json` for `parameter-template.json`).
import * as path from "node:path";
import { didYouMean, editDistance, meant } from "@batchc/text";
import type { Host } from "./host.js";

/** How many edits a file of another kind may be from the name written (`meta.jsn` → `meta.json`). */
const NEAR_OTHER_KIND = 2;

/** The extension of a file name, lowercased (`""` when it has none). */
const extOf = (name: string): string => path.extname(name).toLowerCase();
/** The name without its extension, lowercased. */
const stemOf = (name: string): string => name.slice(0, name.length - path.extname(name).length).toLowerCase();

/**
 * A `did you mean …?` naming a file of the folder of `shown` (as the program wrote it, resolved
 * to `abs`), or undefined when none is close or the folder cannot be listed.
 */
export function similarFile(host: Host, abs: string, shown: string): string | undefined {
  let names: string[];
  try {
    names = host.listFiles(path.dirname(abs)).filter((f) => !f.includes("/"));
  } catch {
    return undefined;
  }
  const dir = shown.includes("/") ? shown.slice(0, shown.lastIndexOf("/") + 1) : "";
  const quote = (s: string): string => `\`${dir}${s}\``;
  // Spaces around a name are never part of it (`"samples.csv "`).
  const base = path.basename(abs).trim();
  const lower = base.toLowerCase();
  const ext = extOf(base);
  const stem = stemOf(base);
  // The file meant, exactly: the name without the spaces around it, or with the extension that
  // was left out (`"data/meta"` for `data/meta.json`).
  const exact = names.filter((n) => n === base || (extOf(n) !== "" && stemOf(n) === lower)).sort();
  if (exact[0] !== undefined) return meant(exact[0], quote);
  // Files of the same kind, as close as names may be; a file of another kind only when its whole
  // name is a slip away and the extension is what differs (`meta.jsn`, `metajson` → `meta.json`):
  // a missing `samples.json` is not meant to be the `samples.csv` beside it.
  const otherKind = (n: string): boolean =>
    editDistance(lower, n.toLowerCase(), NEAR_OTHER_KIND) <= NEAR_OTHER_KIND && (ext === "" || extOf(n) === "" || stemOf(n) === stem);
  const candidates = names.filter((n) => n !== base && (extOf(n) === ext || otherKind(n)));
  return didYouMean(base, candidates, quote);
}
