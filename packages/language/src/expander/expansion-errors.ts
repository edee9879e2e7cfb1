// The expander's errors: each failure placed at the expression that produced the bad value,
// once per code and place (repeats fold into "and N more iterations", diagnostics/fold.ts),
// recorded only once however often the runs are walked; after MAX_ERRORS distinct errors the
// expansion stops (BC3029). Warnings found while iterating (BC3048) are placed, folded and
// recorded once the same way, but are not errors: they never stop the expansion.
import { expand as codes } from "../diagnostics/codes/expand.js";
import { at, type Diagnostic, type Label } from "../diagnostics/diagnostic.js";
import { DiagnosticFold, MAX_ERRORS } from "../diagnostics/fold.js";
import { Failure, SILENT } from "./errors.js";
import { iterationText } from "./iteration-text.js";
import type { RunSpec } from "./run-spec.js";

/** What the errors see of a walk over the runs. */
export interface WalkErrors {
  /** A quiet walk records nothing (used to look up the first run with a duplicate id). */
  readonly quiet: boolean;
  /** Error occurrences in this walk, and the distinct ones. */
  occurrences: number;
  /** Warning occurrences in this walk. */
  warnings: number;
  readonly distinct: Set<string>;
  stopped: boolean;
}

/** Labels and notes a failure adds when it is first recorded. */
export type Extra = (f: Failure) => { labels: Label[]; notes: string[] };

export class ExpansionErrors {
  /** Set-up errors, then errors found while iterating, as recorded. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly fold = new DiagnosticFold();
  /** Error occurrences already recorded, in walk order (walks are deterministic). */
  private recorded = 0;
  /** The warnings found while iterating, and their occurrences already recorded. */
  private readonly warningFold = new DiagnosticFold();
  private warningsRecorded = 0;
  private setupDistinct = 0;
  private stopReported = false;

  constructor(private readonly file: string) {}

  /** Whether the failure is recorded already. */
  has(f: Failure): boolean {
    return this.fold.has(failureKey(f));
  }

  /** Records a failure of the set-up (the `batch`, `defaults` and `params` blocks, top-level `let`s). */
  setupFailure(e: unknown): void {
    if (e === SILENT) return;
    if (!(e instanceof Failure)) throw e;
    for (const f of e.more === undefined ? [e] : [e, ...e.more]) {
      const key = failureKey(f);
      if (this.fold.has(key)) continue;
      this.setupDistinct++;
      this.record(f, key, []);
    }
  }

  /**
   * Records a failure of the current iteration of `w` (deduplicated, and only once across
   * walks); `iteration` names the iteration when one is recorded.
   */
  fail(w: WalkErrors, e: unknown, iteration: () => string | undefined, extra?: Extra): void {
    if (e === SILENT) return;
    if (!(e instanceof Failure)) throw e;
    if (w.quiet) return;
    for (const f of e.more === undefined ? [e] : [e, ...e.more]) {
      w.occurrences++;
      const key = failureKey(f);
      w.distinct.add(key);
      if (w.occurrences > this.recorded) {
        this.recorded = w.occurrences;
        if (!this.fold.repeat(key, f.instance)) this.recordFirst(f, key, iteration, extra, this.fold);
      }
      if (this.setupDistinct + w.distinct.size >= MAX_ERRORS) {
        w.stopped = true;
        if (!this.stopReported) {
          this.stopReported = true;
          this.diagnostics.push(at(this.file, f.span, codes.tooManyErrors(MAX_ERRORS)));
        }
        return;
      }
    }
  }

  /**
   * Records a warning of the current iteration of `w` as `fail` records an error (once per code
   * and place, repeats folded, once across walks), without counting it among the errors.
   */
  warn(w: WalkErrors, f: Failure, iteration: () => string | undefined, extra?: Extra): void {
    if (w.quiet) return;
    w.warnings++;
    if (w.warnings <= this.warningsRecorded) return;
    this.warningsRecorded = w.warnings;
    const key = failureKey(f);
    if (this.warningFold.repeat(key, f.instance) || this.warningFold.full) return;
    this.recordFirst(f, key, iteration, extra, this.warningFold);
  }

  /** Records the first occurrence of a problem found while iterating, with its iteration and extra notes. */
  private recordFirst(f: Failure, key: string, iteration: () => string | undefined, extra: Extra | undefined, fold: DiagnosticFold): void {
    const named = iteration();
    const x = extra?.(f);
    this.record(f, key, [...(named === undefined ? [] : [`in iteration ${named}`]), ...(x?.notes ?? [])], x?.labels, fold);
  }

  private record(f: Failure, key: string, notes: string[], labels?: Label[], fold = this.fold): void {
    const d = at(this.file, f.span, f.message);
    d.notes = [...(f.message.notes ?? []), ...notes];
    const allLabels = [...(f.labels ?? []), ...(labels ?? [])].filter((l) => l.span.start !== f.span.start || l.span.end !== f.span.end);
    if (allLabels.length > 0) d.labels = allLabels;
    fold.add(key, d, f.instance);
    this.diagnostics.push(d);
  }
}

/** A label and a note about the first run with a duplicated id. */
export function firstRunNotes(r: RunSpec | undefined): { labels: Label[]; notes: string[] } {
  if (r === undefined) return { labels: [], notes: [] };
  const notes = r.bindings.length === 0 ? [] : [`the first run with this id is in iteration ${iterationText(r.bindings)}`];
  return { labels: [{ span: r.statement.id.span, text: "first produced here" }], notes };
}

function failureKey(f: Failure): string {
  return `${f.message.code}|${f.span.start}|${f.span.end}|${f.key}`;
}
