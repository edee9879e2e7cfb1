// Findings about S3 objects, one diagnostic each up to MAX_LISTED; above that, folded by prefix:
// the deepest folder level of the keys at which they make at most MAX_LISTED groups, one
// diagnostic per group (at the place of its first object, with a few examples).
import type { Diagnostic, DiagnosticMessage } from "@batchc/language";
import type { Placer, ValueSource } from "./place.js";

/** One finding: an object and the first run that used it. */
export interface Finding {
  uri: string;
  source: ValueSource;
  /** More notes (what changed, ...), shown when the finding is listed alone. */
  notes?: readonly string[];
}

/** Findings listed one by one up to this many; folded by prefix above. */
export const MAX_LISTED = 20;
/** Examples named in a folded diagnostic. */
const EXAMPLES = 3;

/**
 * The diagnostics of `findings`: `message(uri)` for one object, `message(prefix, count)` for a
 * folded group. Deterministic: groups and examples in the order of their URIs.
 */
export function foldFindings(findings: readonly Finding[], message: (uri: string, count?: number) => DiagnosticMessage, placer: Placer): Diagnostic[] {
  const sorted = [...findings].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const alone = (f: Finding): Diagnostic => placer.place(message(f.uri), f.uri, f.source, f.notes);
  if (sorted.length <= MAX_LISTED) return sorted.map(alone);
  const groups = groupByPrefix(sorted);
  const out: Diagnostic[] = [];
  for (const [prefix, members] of groups) {
    const first = members[0] as Finding;
    if (members.length === 1) {
      out.push(alone(first));
      continue;
    }
    const examples = members.slice(0, EXAMPLES).map((f) => `\`${f.uri}\` (${placer.where(f.uri, f.source)})`);
    const rest = members.length - EXAMPLES;
    out.push(placer.place(message(prefix, members.length), first.uri, first.source, [`among them ${examples.join(", ")}${rest > 0 ? `, and ${rest.toLocaleString("en-US")} more` : ""}`], false));
  }
  return out;
}

/** `s3://bucket/` and the first `depth` folders of the key (fewer when the key has fewer). */
function prefixAt(uri: string, depth: number): string {
  const slash = uri.indexOf("/", "s3://".length);
  const bucket = uri.slice(0, slash + 1);
  const folders = uri.slice(slash + 1).split("/").slice(0, -1).slice(0, depth);
  return folders.length === 0 ? bucket : `${bucket}${folders.join("/")}/`;
}

/** The findings by prefix, at the deepest level that makes at most MAX_LISTED groups (buckets at least). */
function groupByPrefix(sorted: readonly Finding[]): Map<string, Finding[]> {
  const deepest = sorted.reduce((m, f) => Math.max(m, f.uri.split("/").length - 4), 0);
  let chosen = new Map<string, Finding[]>();
  for (let depth = 0; depth <= deepest; depth++) {
    const groups = new Map<string, Finding[]>();
    for (const f of sorted) {
      const p = prefixAt(f.uri, depth);
      const g = groups.get(p);
      if (g === undefined) groups.set(p, [f]);
      else g.push(f);
    }
    if (depth > 0 && groups.size > MAX_LISTED) break;
    chosen = groups;
  }
  return chosen;
}
