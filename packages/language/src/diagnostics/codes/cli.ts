// BC5xxx: the command line, files and S3. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

export const cli = {
  /** The .batch file itself cannot be read. */
  cannotReadProgram: (file: string, reason: string): DiagnosticMessage =>
    error("BC5001", `cannot read \`${file}\`: ${reason}`, { help: "check the path; it is relative to the current folder" }),

  /** `--live`: a parameter the workflow's parameterTemplate does not declare. */
  unknownWorkflowParameter: (name: string, workflow: string, suggestion: string | undefined): DiagnosticMessage =>
    error("BC5601", `${workflow} has no parameter \`${name}\``, {
      label: "not in the workflow's parameterTemplate",
      help: suggestion ?? "remove it, or check the workflow (and `workflowVersionName`) the batch starts",
    }),

  /** `--live`: a required parameter of the workflow's parameterTemplate that a run does not set. */
  missingWorkflowParameter: (name: string, workflow: string): DiagnosticMessage =>
    error("BC5602", `the workflow requires the parameter \`${name}\`, and this run does not set it`, {
      label: `no \`${name}\``,
      notes: [`${workflow} declares \`${name}\` without \`optional: true\``],
      help: `set \`${name}\` in the run's \`params\` block or in \`defaults\``,
    }),
} as const;
