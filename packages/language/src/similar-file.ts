// Did-you-mean for a data or template file that is not there: the closest name among the
// files of the same folder (`parameter_template.json` for `parameter-template.json`).
import * as path from "node:path";
import { didYouMean } from "@batchc/text";
import type { Host } from "./host.js";

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
  const base = path.basename(abs);
  // Only files of the same kind: a missing `.json` is not meant to be the `.csv` beside it.
  const ext = path.extname(base).toLowerCase();
  const candidates = names.filter((n) => n !== base && path.extname(n).toLowerCase() === ext);
  return didYouMean(base, candidates, (s) => `\`${dir}${s}\``);
}
