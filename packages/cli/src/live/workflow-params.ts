// `--live`: the workflow's own parameters. The effective parameters of every run (defaults
// overlaid with the run; `null` unsets) are held against the `parameterTemplate` of the
// workflow the batch starts (GetWorkflow, or GetWorkflowVersion for `workflowVersionName`):
// a name the template lacks is an error with a did-you-mean, a required name no run sets is an
// error too, each at the source of the value (or of the run's `params` block) and naming the
// iteration, as the other run diagnostics. Runs are folded by place, so 100,000 runs of one
// statement give one diagnostic per name.
import { didYouMean } from "@batchc/text";
import {
  codes,
  iterationText,
  type DefaultSettings,
  type Diagnostic,
  type DiagnosticMessage,
  type FrontEndResult,
  type RunSpec,
  type Span,
} from "@batchc/language";
import { SourceLocator } from "@batchc/compiler";

/** A workflow as the batch names it. */
export interface WorkflowRef {
  workflowId: string;
  versionName?: string;
  type?: string;
  ownerId?: string;
}

/** A `parameterTemplate`: name → `{ description?, optional? }`. */
export type ParameterTemplate = Readonly<Record<string, { optional?: boolean; description?: string }>>;

/** The workflow of the batch (the defaults name it), or undefined without a `workflowId`. */
export function workflowOf(defaults: DefaultSettings): WorkflowRef | undefined {
  const d = defaults as Record<string, unknown>;
  if (typeof d.workflowId !== "string") return undefined;
  const ref: WorkflowRef = { workflowId: d.workflowId };
  if (typeof d.workflowVersionName === "string") ref.versionName = d.workflowVersionName;
  if (typeof d.workflowType === "string") ref.type = d.workflowType;
  if (typeof d.workflowOwnerId === "string") ref.ownerId = d.workflowOwnerId;
  return ref;
}

interface Sample {
  run: RunSpec;
  /** The names the run ends up with. */
  names: ReadonlySet<string>;
}

/** Gathers the runs' parameter names while they stream; `finish` compares them with a template. */
export class WorkflowParamCheck {
  private readonly locator: SourceLocator;
  private readonly file: string;
  private readonly defaultNames: Set<string>;
  /** One run per statement and set of names: enough to place every difference. */
  private readonly samples = new Map<string, Sample>();

  constructor(frontEnd: FrontEndResult, defaults: DefaultSettings) {
    if (!frontEnd.checked) throw new Error("WorkflowParamCheck needs a checked program");
    this.locator = new SourceLocator(frontEnd.checked);
    this.file = frontEnd.source.name;
    this.defaultNames = new Set(setNames((defaults as { parameters?: unknown }).parameters));
  }

  /** Records one run (a run with `json` must come with its fields, so expand without encoders). */
  add(run: RunSpec): void {
    const own = (run.fields as { parameters?: unknown }).parameters;
    const names = new Set(this.defaultNames);
    if (typeof own === "object" && own !== null) {
      for (const [k, v] of Object.entries(own)) {
        if (v === null) names.delete(k);
        else names.add(k);
      }
    }
    const key = `${run.statement.span.start}\0${[...names].sort().join("\0")}`;
    if (!this.samples.has(key)) this.samples.set(key, { run, names });
  }

  /** The diagnostics against `template` (of `workflow`, named in notes). */
  finish(template: ParameterTemplate, workflow: string): Diagnostic[] {
    const known = Object.keys(template);
    const out = new Map<string, Diagnostic>();
    const put = (span: Span, msg: DiagnosticMessage, run: RunSpec): void => {
      const key = `${msg.code}:${span.start}:${span.end}:${msg.message}`;
      if (out.has(key)) return;
      const d: Diagnostic = { code: msg.code, severity: msg.severity, file: this.file, message: msg.message, span };
      if (msg.label !== undefined) d.label = msg.label;
      if (msg.help !== undefined) d.help = msg.help;
      const notes = [...(msg.notes ?? [])];
      if (run.bindings.length > 0) notes.push(`in iteration ${iterationText(run.bindings)}`);
      if (notes.length > 0) d.notes = notes;
      out.set(key, d);
    };
    for (const { run, names } of this.samples.values()) {
      for (const name of names) {
        if (Object.prototype.hasOwnProperty.call(template, name)) continue;
        put(this.locator.forRun(run.statement, ["parameters", name]), codes.cli.unknownWorkflowParameter(name, workflow, didYouMean(name, known)), run);
      }
      for (const name of known) {
        if (template[name]?.optional === true || names.has(name)) continue;
        put(this.locator.forRun(run.statement, ["parameters"]), codes.cli.missingWorkflowParameter(name, workflow), run);
      }
    }
    return [...out.values()];
  }
}

function setNames(params: unknown): string[] {
  if (typeof params !== "object" || params === null) return [];
  return Object.entries(params)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
}
