// Folding repeated problems: a problem found in many iterations (or runs) is reported once, at
// its first occurrence, with a note "and N more iterations"; after `MAX_ERRORS` distinct
// problems the rest are dropped. The one rule for the expander and the compiler's run checks.
import type { Diagnostic } from "./diagnostic.js";

/** Distinct problems kept; past them, expansion stops (BC3029) and run checks keep no more. */
export const MAX_ERRORS = 100;

/** The note on a problem that other iterations repeat. */
export function moreIterationsNote(more: number): string {
  return `and ${more} more iteration${more === 1 ? "" : "s"}`;
}

interface Entry {
  diagnostic: Diagnostic;
  more: number;
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

  /** Counts a repeat of the problem `key`; false when it was not recorded. */
  repeat(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    entry.more++;
    const notes = (entry.diagnostic.notes ??= []);
    if (entry.more === 1) notes.push(moreIterationsNote(1));
    else notes[notes.length - 1] = moreIterationsNote(entry.more);
    return true;
  }

  /** Records a new problem; false (and nothing recorded) when full. */
  add(key: string, diagnostic: Diagnostic): boolean {
    if (this.full) return false;
    this.entries.set(key, { diagnostic, more: 0 });
    return true;
  }

  /** The diagnostics, in the order they were recorded. */
  list(): Diagnostic[] {
    return [...this.entries.values()].map((e) => e.diagnostic);
  }
}
