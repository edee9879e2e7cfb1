// The API checks of an expanded program: the batch block and the defaults once, then every run
// as the API will take it (its own members, and what it ends up with over the defaults). Each
// problem is placed at the source expression that produced the value, with the iteration (and
// data-file row) that produced the run, and repeats fold into one diagnostic per code and place.
import {
  DiagnosticFold,
  iterationText,
  type DefaultSettings,
  type Diagnostic,
  type DiagnosticMessage,
  type FrontEndResult,
  type RunSpec,
  type Span,
} from "@batchc/language";
import { inlineOutputOrder, validateBatch, validateDefaults, validateMergedRun, validateRunSetting, type RunSettingInput, type Violation } from "@batchc/omics";
import { SourceLocator } from "./source-places.js";

/** A diagnostic of `file` at `span` from a catalog message, with an extra note. */
export function placed(file: string, span: Span, msg: DiagnosticMessage, note?: string): Diagnostic {
  const d: Diagnostic = { code: msg.code, severity: msg.severity, file, message: msg.message, span };
  if (msg.label !== undefined) d.label = msg.label;
  if (msg.help !== undefined) d.help = msg.help;
  const notes = [...(msg.notes ?? [])];
  if (note !== undefined) notes.push(note);
  if (notes.length > 0) d.notes = notes;
  return d;
}

/**
 * A run as the API takes it, its members in the model's output order. Every member is present
 * (`undefined` when unset, which JSON and the checks treat as absent), so all runs share one
 * object shape.
 */
export function runSetting(run: RunSpec): RunSettingInput {
  const f = run.fields as Record<string, unknown>;
  const setting: Record<string, unknown> = { runSettingId: run.runSettingId };
  for (let i = 1; i < inlineOutputOrder.length; i++) {
    const k = inlineOutputOrder[i] as string;
    setting[k] = f[k];
  }
  return setting as RunSettingInput;
}

/** Checks a program's batch, defaults and runs against the API, placing each problem at its source. */
export class RunChecker {
  private readonly locator: SourceLocator;
  private readonly fold = new DiagnosticFold();
  private readonly file: string;
  private readonly defaults: DefaultSettings;
  /** Runs with at least one problem. */
  failedRuns = 0;
  /** Whether the batch block or the defaults have a problem. */
  setupFailed = false;

  constructor(program: FrontEndResult) {
    if (!program.checked || !program.expansion) throw new Error("RunChecker needs an expanded program");
    this.locator = new SourceLocator(program.checked);
    this.file = program.source.name;
    this.defaults = program.expansion.defaults;
    const { batch, defaults, setupComplete } = program.expansion;
    if (!setupComplete) return;
    for (const v of validateBatch(batch)) this.add(this.locator.forBatch(v.path) ?? { start: 0, end: 0 }, v.message, undefined, false);
    for (const v of validateDefaults(defaults)) this.add(this.locator.forDefaults(v.path) ?? { start: 0, end: 0 }, v.message, undefined, false);
    this.setupFailed = this.fold.size > 0;
  }

  /**
   * Records a problem. Per-run problems at one place fold together whatever the value
   * (`perRun`); batch-wide ones fold only when the message is the same too.
   */
  private add(span: Span, msg: DiagnosticMessage, note: string | undefined, perRun: boolean): void {
    const key = perRun ? `${msg.code}:${span.start}:${span.end}` : `${msg.code}:${span.start}:${span.end}:${msg.message}`;
    if (!this.fold.repeat(key)) this.fold.add(key, placed(this.file, span, msg, note));
  }

  /** Checks one run; its setting when it passes, else undefined (its problems are recorded). */
  check(run: RunSpec): RunSettingInput | undefined {
    const setting = runSetting(run);
    const own = validateRunSetting(setting);
    const merged = validateMergedRun(this.defaults, setting);
    if (own.length === 0 && merged.length === 0) return setting;
    this.failedRuns++;
    const note = run.bindings.length > 0 ? `in iteration ${iterationText(run.bindings)}` : undefined;
    const report = (v: Violation): void => {
      const span = v.path[0] === "runSettingId" ? run.statement.id.span : this.locator.forRun(run.statement, v.path);
      this.add(span, v.message, note, true);
    };
    own.forEach(report);
    merged.forEach(report);
    return undefined;
  }

  /** The problems found so far, folded. */
  diagnostics(): Diagnostic[] {
    return this.fold.list();
  }
}
