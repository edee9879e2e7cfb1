// Checks every effective run against the StartRunBatch limits and turns each violation into a
// diagnostic at the source expression that produced the value, naming the iteration.
import {
  type DefaultSettings,
  type Diagnostic,
  type DiagnosticMessage,
  type FrontEndResult,
  type RunSpec,
  type Span,
  type BatchSettings,
  iterationText,
  sortDiagnostics,
} from "@batchc/language";
import { validateBatchSettings, validateDefaults, validateMergedRun, validateRunSetting, type RunSettingInput, type Violation } from "@batchc/omics";
import { SourceLocator } from "./source-map.js";

interface Repeated {
  diagnostic: Diagnostic;
  more: number;
}

const MAX_DISTINCT = 200;

/** Collects API diagnostics over all runs; one per (code, place), with a count of repeats. */
export class RunValidator {
  private readonly locator: SourceLocator;
  private readonly seen = new Map<string, Repeated>();
  private readonly file: string;
  /** Number of runs that had at least one violation. */
  badRuns = 0;

  constructor(frontEnd: FrontEndResult) {
    if (!frontEnd.checked) throw new Error("RunValidator needs a checked program");
    this.locator = new SourceLocator(frontEnd.checked);
    this.file = frontEnd.source.name;
  }

  /**
   * Records a diagnostic. Per-run problems at one place fold together whatever the value
   * (`perRun`); batch-wide ones fold only when the message is the same too.
   */
  private add(span: Span, msg: DiagnosticMessage, note: string | undefined, perRun = false): void {
    const key = perRun ? `${msg.code}:${span.start}:${span.end}` : `${msg.code}:${span.start}:${span.end}:${msg.message}`;
    const prior = this.seen.get(key);
    if (prior) {
      prior.more++;
      return;
    }
    if (this.seen.size >= MAX_DISTINCT) return;
    const d: Diagnostic = { code: msg.code, severity: msg.severity, file: this.file, message: msg.message, span };
    if (msg.label !== undefined) d.label = msg.label;
    if (msg.help !== undefined) d.help = msg.help;
    const notes = [...(msg.notes ?? [])];
    if (note) notes.push(note);
    if (notes.length) d.notes = notes;
    this.seen.set(key, { diagnostic: d, more: 0 });
  }

  /** Checks the batch block and the defaults once. */
  checkSetup(batch: BatchSettings, defaults: DefaultSettings): void {
    for (const v of validateBatchSettings(batch)) this.add(this.locator.forBatch(v.path) ?? { start: 0, end: 0 }, v.message, undefined);
    for (const v of validateDefaults(defaults)) this.add(this.locator.forDefaults(v.path) ?? { start: 0, end: 0 }, v.message, undefined);
  }

  /**
   * Checks one run: what it sets, and what it ends up with over the defaults; true when it
   * passes. `setting` is the run as the API takes it (`{ runSettingId, ...fields }`), when the
   * caller has already built it.
   */
  checkRun(run: RunSpec, defaults: DefaultSettings, setting: RunSettingInput = { runSettingId: run.runSettingId, ...run.fields }): boolean {
    const own = validateRunSetting(setting);
    const merged = validateMergedRun(defaults, setting);
    if (own.length === 0 && merged.length === 0) return true;
    this.badRuns++;
    const note = run.bindings.length > 0 ? `in iteration ${iterationText(run.bindings)}` : undefined;
    const report = (v: Violation): void => {
      const span = v.path[0] === "runSettingId" ? run.statement.id.span : this.locator.forRun(run.statement, v.path);
      this.add(span, v.message, note, true);
    };
    own.forEach(report);
    merged.forEach(report);
    return false;
  }

  /** All diagnostics, sorted, repeats folded into "and N more iterations". */
  finish(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { diagnostic, more } of this.seen.values()) {
      if (more > 0) diagnostic.notes = [...(diagnostic.notes ?? []), `and ${more} more iteration${more === 1 ? "" : "s"}`];
      out.push(diagnostic);
    }
    return sortDiagnostics(out);
  }
}
