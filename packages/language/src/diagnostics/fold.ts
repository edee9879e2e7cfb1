// Folding repeated problems: a problem found in many iterations (or runs) is reported once, at
// its first occurrence, with a note "and N more iterations"; after `MAX_ERRORS` distinct
// problems the rest are dropped. The one rule for the expander and the compiler's run checks.
// A problem whose repeats differ in what they are about (the duplicate run ids of one `run`)
// names them in that note, each with its exact count.
import type { Diagnostic } from "./diagnostic.js";

/** Distinct problems kept; past them, expansion stops (BC3029) and run checks keep no more. */
export const MAX_ERRORS = 100;

/** Distinct instances a note names before it sums up the rest. */
export const NAMED_INSTANCES = 5;

/**
 * The note on a problem that other iterations repeat. `instances` counts the repeats by what
 * they are about, in order of appearance, the first problem's own first: named only when some
 * repeat is about something else (`and 3 more iterations: 1 more of "a", 2 of "b"`).
 */
export function moreIterationsNote(more: number, instances?: ReadonlyMap<string, number>, first?: string): string {
  const head = `and ${more} more iteration${more === 1 ? "" : "s"}`;
  if (instances === undefined || first === undefined || instances.size === 1) return head;
  const named: string[] = [];
  let restCount = 0;
  let restKinds = 0;
  for (const [instance, count] of instances) {
    if (count === 0) continue;
    if (named.length < NAMED_INSTANCES) named.push(`${count}${instance === first ? " more" : ""} of ${instance}`);
    else {
      restCount += count;
      restKinds++;
    }
  }
  if (restKinds > 0) named.push(`${restCount} of ${restKinds} other${restKinds === 1 ? "" : "s"}`);
  return `${head}: ${named.join(", ")}`;
}

interface Entry {
  diagnostic: Diagnostic;
  more: number;
  /** What the problem is about, when its repeats may differ in it. */
  first?: string;
  /** The repeats by what they are about, `first` first (kept only for problems with `first`). */
  instances?: Map<string, number>;
}

/**
 * Diagnostics by a key that says which are the same problem. The notes are kept current as
 * repeats are counted, so a list holding the diagnostics reads right at any time.
 */
export class DiagnosticFold {
  private readonly entries = new Map<string, Entry>();

  /** Distinct problems recorded. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether `MAX_ERRORS` distinct problems are recorded. */
  get full(): boolean {
    return this.entries.size >= MAX_ERRORS;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Counts a repeat of the problem `key`, about `instance` when the problem was recorded with
   * one; false when it was not recorded.
   */
  repeat(key: string, instance?: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    entry.more++;
    if (entry.instances !== undefined && instance !== undefined) entry.instances.set(instance, (entry.instances.get(instance) ?? 0) + 1);
    const note = moreIterationsNote(entry.more, entry.instances, entry.first);
    const notes = (entry.diagnostic.notes ??= []);
    if (entry.more === 1) notes.push(note);
    else notes[notes.length - 1] = note;
    return true;
  }

  /**
   * Records a new problem, about `instance` when its repeats may be about other things; false
   * (and nothing recorded) when full.
   */
  add(key: string, diagnostic: Diagnostic, instance?: string): boolean {
    if (this.full) return false;
    this.entries.set(key, instance === undefined ? { diagnostic, more: 0 } : { diagnostic, more: 0, first: instance, instances: new Map([[instance, 0]]) });
    return true;
  }

  /** The diagnostics, in the order they were recorded. */
  list(): Diagnostic[] {
    return [...this.entries.values()].map((e) => e.diagnostic);
  }
}
